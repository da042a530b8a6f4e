import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';

describe.each(ENGINES)('retention over HTTP on %s', (engine) => {
  let h: Harness;
  let now = new Date('2026-01-15T09:00:00Z');
  let id = '';
  beforeAll(async () => {
    h = await httpHarness(engine, [['FRA', 'bureau'], ['DEU', 'bureau'], ['ITA', 'bureau']]);
    h.t.deps.clock = () => now;
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/alerts',
      headers: bearer(h.key('FRA')),
      payload: { kind: 'person', category: 'missing', person: { names: [{ family: 'LEROY', given: 'JEANNE' }] }, visibility: { mode: 'all-except', members: ['ITA'] } },
    });
    expect(res.statusCode).toBe(201);
    id = (res.json() as { id: string; reviewDate: string }).id;
    expect(res.json()).toMatchObject({ reviewDate: '2031-01-15' });
    now = new Date('2030-12-01T09:00:00Z');
  });
  afterAll(async () => h.close());

  it("lists the owner's alerts nearing their review date, and no one else's", async () => {
    const own = await h.app.inject({ method: 'GET', url: '/api/v1/alerts/expiring', headers: bearer(h.key('FRA')) });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual({ items: [{ id, kind: 'person', category: 'missing', reviewDate: '2031-01-15' }] });
    const other = await h.app.inject({ method: 'GET', url: '/api/v1/alerts/expiring', headers: bearer(h.key('DEU')) });
    expect(other.json()).toEqual({ items: [] });
  });

  it('refuses an extension by another bureau: 403 when it sees the alert, 404 like a missing id when it does not', async () => {
    const extend = (key: string, alertId: string, payload: unknown) => h.app.inject({ method: 'POST', url: `/api/v1/alerts/${alertId}/extend`, headers: bearer(key), payload: payload as Record<string, unknown> });
    expect((await extend(h.key('DEU'), id, { reason: 'x' })).statusCode).toBe(403);
    const hidden = await extend(h.key('ITA'), id, { reason: 'x' });
    const missing = await extend(h.key('ITA'), '019a0000-0000-7000-8000-000000000000', { reason: 'x' });
    expect(hidden.statusCode).toBe(404);
    const { requestId: _a, ...hiddenBody } = hidden.json() as Record<string, unknown>;
    const { requestId: _b, ...missingBody } = missing.json() as Record<string, unknown>;
    expect(hiddenBody).toEqual(missingBody);
    const noReason = await extend(h.key('FRA'), id, { reviewDate: '2032-01-01' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json()).toMatchObject({ field: 'reason' });
  });

  it('extends the review date for the owner with a reason', async () => {
    const res = await h.app.inject({ method: 'POST', url: `/api/v1/alerts/${id}/extend`, headers: bearer(h.key('FRA')), payload: { reason: 'still missing', reviewDate: '2033-06-30' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, status: 'active', reviewDate: '2033-06-30' });
    const read = await h.app.inject({ method: 'GET', url: `/api/v1/alerts/${id}`, headers: bearer(h.key('DEU')) });
    expect(read.json()).toMatchObject({ reviewDate: '2033-06-30' });
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/alerts/expiring', headers: bearer(h.key('FRA')) })).json()).toEqual({ items: [] });
  });

  it('documents both routes in the OpenAPI description', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, Record<string, { summary?: string }>> }>();
    expect(doc.paths['/api/v1/alerts/expiring']?.get?.summary).toBeTruthy();
    expect(doc.paths['/api/v1/alerts/{id}/extend']?.post?.summary).toBeTruthy();
  });
});
