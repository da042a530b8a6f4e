import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, as, documentAlert } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';
import { createAlert } from '../../app/create-alert.js';

describe.each(ENGINES)('GET /api/v1/alerts/export?format= on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await httpHarness(engine, [['FRA', 'bureau'], ['ITA', 'bureau']]);
    await createAlert(h.t.deps, as('FRA'), documentAlert('FRA', '12AB34567'));
    await createAlert(h.t.deps, as('FRA'), { ...documentAlert('FRA', '99ZZ00001'), visibility: { mode: 'all-except', members: ['ITA'] } });
  });
  afterAll(async () => h.close());
  const get = (url: string, member = 'FRA') => h.app.inject({ method: 'GET', url, headers: bearer(h.key(member)) });

  it('gives FollowTheMoney entities of the alerts the caller may see', async () => {
    const res = await get('/api/v1/alerts/export?format=ftm', 'ITA');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const entities = res.body.trim().split('\n').map((l) => JSON.parse(l) as { schema: string; properties: { number: string[] } });
    expect(entities.map((e) => [e.schema, e.properties.number[0]])).toEqual([['Passport', '12AB34567']]);
  });

  it('refuses a format it does not have, naming the parameter, instead of failing', async () => {
    for (const format of ['xml', 'constructor', 'toString']) {
      const res = await get(`/api/v1/alerts/export?format=${format}`);
      expect(res.statusCode, format).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ field: 'format' });
    }
  });
});
