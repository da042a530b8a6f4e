import { clearanceListSchema, clearanceViewSchema, hitDetailSchema, screenResponseSchema } from '@crosscheck/core/api/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, as, documentAlert } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';
import { createAlert } from '../../app/create-alert.js';

describe.each(ENGINES)('cleared travellers over HTTP on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await httpHarness(engine, [['FRA', 'bureau'], ['DEU', 'bureau'], ['DEU', 'frontline'], ['ITA', 'bureau']]);
    await createAlert(h.t.deps, as('FRA'), documentAlert('FRA', '12AB34567'));
  });
  afterAll(async () => h.close());

  // Every successful answer is parsed with the API contract it is documented by.
  const call = async (key: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) => {
    const res = await h.app.inject({ method, url, headers: bearer(key), ...(payload !== undefined ? { payload: payload as object } : {}) });
    if (res.statusCode < 300) (url === '/api/v1/screen' ? screenResponseSchema : url.startsWith('/api/v1/hits/') ? hitDetailSchema : /^\/api\/v1\/clearances(\?|$)/.test(url) ? clearanceListSchema : clearanceViewSchema).parse(res.json());
    return res;
  };
  const screenPassport = async (number: string) => {
    const res = await call(h.key('DEU', 'frontline'), 'POST', '/api/v1/screen', { documents: [{ number, issuingState: 'FRA' }] });
    expect(res.statusCode).toBe(200);
    return res.json().hits[0] as { hitId: string; clearedBefore?: { clearanceId: string; member: string; at: string } };
  };
  const clear = async () => {
    const hit = await screenPassport('12AB34567');
    expect((await call(h.key('DEU', 'frontline'), 'POST', `/api/v1/hits/${hit.hitId}/outcome`, { outcome: 'not-same-person', note: 'other holder' })).statusCode).toBe(200);
    return (await call(h.key('DEU'), 'GET', `/api/v1/clearances?hitId=${hit.hitId}`)).json().items[0].id as string;
  };

  it('says "previously cleared" in the screening answer, shows the clearance to both sides and to nobody else, and is revoked with DELETE', async () => {
    const id = await clear();
    const again = await screenPassport('12ab 34567');
    expect(again.clearedBefore).toMatchObject({ clearanceId: id, member: 'DEU' });
    expect((await call(h.key('FRA'), 'GET', `/api/v1/hits/${again.hitId}`)).json().clearedBefore).toMatchObject({ clearanceId: id });

    expect((await call(h.key('FRA'), 'GET', `/api/v1/clearances/${id}`)).json()).toMatchObject({ id, status: 'active', canObject: true, canRevoke: false, suppressed: 1 });
    const hidden = await call(h.key('ITA'), 'GET', `/api/v1/clearances/${id}`);
    const missing = await call(h.key('ITA'), 'GET', '/api/v1/clearances/00000000-0000-7000-8000-000000000000');
    expect(hidden.statusCode).toBe(404);
    expect(String(hidden.headers['content-type'])).toContain('application/problem+json');
    const { requestId: _a, ...hiddenBody } = hidden.json();
    const { requestId: _b, ...missingBody } = missing.json();
    expect(hiddenBody).toEqual(missingBody);
    for (const [method, url] of [['DELETE', `/api/v1/clearances/${id}`], ['POST', `/api/v1/clearances/${id}/revoke`], ['POST', `/api/v1/clearances/${id}/objection`]] as const) {
      expect((await call(h.key('ITA'), method, url, method === 'POST' ? {} : undefined)).statusCode).toBe(404);
    }
    expect((await call(h.key('ITA'), 'GET', '/api/v1/clearances')).json()).toEqual({ items: [], next: null });

    expect((await call(h.key('FRA'), 'DELETE', `/api/v1/clearances/${id}`)).statusCode).toBe(403);
    const revoked = await call(h.key('DEU', 'frontline'), 'DELETE', `/api/v1/clearances/${id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked' });
    expect((await call(h.key('DEU'), 'POST', `/api/v1/clearances/${id}/revoke`, {})).statusCode).toBe(409);
    expect((await screenPassport('12AB34567')).clearedBefore).toBeUndefined();
  });

  it('takes the owner’s objection with a note, and refuses a bad note or filter naming the field', async () => {
    const id = await clear();
    const tooLong = await call(h.key('FRA'), 'POST', `/api/v1/clearances/${id}/objection`, { note: 'x'.repeat(2001) });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json()).toMatchObject({ field: 'note' });
    const badStatus = await call(h.key('FRA'), 'GET', '/api/v1/clearances?status=forgotten');
    expect(badStatus.statusCode).toBe(422);
    expect(badStatus.json()).toMatchObject({ field: 'status' });
    expect((await call(h.key('DEU', 'frontline'), 'POST', `/api/v1/clearances/${id}/objection`, {})).statusCode).toBe(403);
    const objected = await call(h.key('FRA'), 'POST', `/api/v1/clearances/${id}/objection`, { note: 'watch this number' });
    expect(objected.statusCode).toBe(200);
    expect(objected.json()).toMatchObject({ status: 'objected', endNote: 'watch this number' });
    expect((await call(h.key('DEU'), 'GET', '/api/v1/clearances?status=objected')).json().items.map((c: { id: string }) => c.id)).toEqual([id]);
  });
});
