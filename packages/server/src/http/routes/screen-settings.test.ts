import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenResponseSchema } from '@crosscheck/core/api/schemas';
import { ENGINES } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';

describe.each(ENGINES)('POST /api/v1/screen with its own threshold and weights, on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await httpHarness(engine, [['FRA', 'bureau'], ['DEU', 'frontline']]);
  }, 60_000);
  afterAll(async () => h?.close());

  const screen = (payload: object) => h.app.inject({ method: 'POST', url: '/api/v1/screen', headers: bearer(h.key('DEU', 'frontline')), payload });

  it('answers 422 problem+json naming the field and the bounds for a threshold or weight outside them', async () => {
    const res = await screen({ person: { names: ['Anna Kowalczyk'] }, threshold: 0.5, weights: { sex: 2.5 } });
    expect(res.statusCode).toBe(422);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    const body = res.json<{ code: string; errors: { field: string; message: string; bounds?: object }[] }>();
    expect(body.code).toBe('screening.setting-out-of-bounds');
    expect(body.errors.map((e) => e.field)).toEqual(['threshold', 'weights.sex']);
    expect(body.errors[0]!.message).toContain('from 0.6 to 0.95');
    expect(body.errors[1]!.message).toContain('from 0 to 2');
    // The bounds as figures too, so a client words them in its reader's language.
    expect(body.errors.map((e) => e.bounds)).toEqual([{ min: 0.6, max: 0.95 }, { min: 0, max: 2 }]);
  });

  it('echoes the settings applied, and documents them in the OpenAPI document', async () => {
    const res = await screen({ person: { names: ['Anna Kowalczyk'] }, threshold: 0.8, weights: { nationality: 0 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(screenResponseSchema.parse(res.json()).settings).toEqual({ threshold: 0.8, weights: { birthDate: 1, nationality: 0, sex: 1 } });
    const doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, { post: { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } } }> }>();
    const properties = doc.paths['/api/v1/screen']!.post.requestBody.content['application/json']!.schema.properties;
    expect(properties).toHaveProperty('threshold');
    expect(properties).toHaveProperty('weights');
  });
});
