import { CARRIER_CHECK_ROUTE } from '@crosscheck/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, as, documentAlert } from '../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../test/http-harness.js';
import { createAlert } from '../app/create-alert.js';
import { screen } from '../app/screen.js';

type Doc = { paths: Record<string, Record<string, unknown>> };

// Routes the OpenAPI document leaves out, which a carrier's key must not open either.
const HIDDEN: [string, string][] = [
  ['get', '/openapi.json'],
  ['get', '/taxii2/'],
  ['get', '/'],
  ['get', '/hits'],
];

describe.each(ENGINES)('a carrier key on every other route (%s)', (engine) => {
  let h: Harness;
  let doc: Doc;
  const secrets: string[] = [];
  let alertId = '';
  let hitId = '';
  beforeAll(async () => {
    h = await httpHarness(engine, [['ESP', 'carrier'], ['ESP', 'bureau']]);
    doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    // Real data behind every id the walk uses, so that a 404 is a refusal and not a missing record.
    alertId = (await createAlert(h.t.deps, as('ESP'), { ...documentAlert('ESP', 'SECRETPASS1'), caseReference: 'CASE-SECRET-42' })).id;
    await screen(h.t.deps, as('ESP', 'frontline'), { documents: [{ issuingState: 'ESP', number: 'SECRETPASS1' }] });
    hitId = (await h.t.deps.db.selectFrom('hits').select('id').executeTakeFirstOrThrow()).id;
    secrets.push(alertId, hitId, 'SECRETPASS1', 'CASE-SECRET-42', 'stolen');
  }, 60_000);
  afterAll(async () => h?.close());

  const fill = (path: string): string =>
    path
      .replace(/\/alerts\/\{id\}/, `/alerts/${alertId}`)
      .replace(/\/hits\/\{id\}/, `/hits/${hitId}`)
      .replace('{code}', 'ESP')
      .replace('{username}', 'esp.anna')
      .replace(/\{[A-Za-z]+\}/g, '01a00000-0000-7000-8000-000000000000');

  it('answers 2xx on the check route only, 403 (or 404) on every path and method of the OpenAPI document, and leaks nothing', async () => {
    const routes: [string, string][] = [...Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m): [string, string] => [m, path])), ...HIDDEN];
    expect(routes.length).toBeGreaterThan(60);
    expect(routes).toContainEqual([CARRIER_CHECK_ROUTE.method.toLowerCase(), CARRIER_CHECK_ROUTE.url]);
    const answered: string[] = [];
    for (const [method, path] of routes) {
      const isCheck = method.toUpperCase() === CARRIER_CHECK_ROUTE.method && path === CARRIER_CHECK_ROUTE.url;
      const payload = isCheck ? { documents: [{ issuingState: 'ESP', number: 'SECRETPASS1', type: 'passport' }] } : method === 'get' || method === 'delete' ? undefined : {};
      const res = await h.app.inject({ method: method.toUpperCase() as 'GET', url: fill(path), headers: bearer(h.key('ESP', 'carrier')), ...(payload !== undefined ? { payload } : {}) });
      const label = `${method.toUpperCase()} ${path}`;
      if (isCheck) {
        expect(res.statusCode, label).toBe(200);
        expect(res.json(), label).toEqual({ results: [{ result: 'refer' }] });
        continue;
      }
      answered.push(`${label} ${res.statusCode}`);
      expect([403, 404], `${label} answered ${res.statusCode}: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      // TAXII clients get their errors in TAXII's own media type, as from any refusal there.
      expect(res.headers['content-type'], label).toMatch(path.startsWith('/taxii2/') ? /^application\/taxii\+json/ : /^application\/problem\+json/);
      for (const secret of secrets) expect(res.body, label).not.toContain(secret);
    }
    // Every route that exists refuses the key itself, before its own code runs: 403, not a 404 for a missing record.
    expect(answered.filter((a) => !a.endsWith(' 403'))).toEqual([]);
  });

  it('answers the public routes as it answers anyone when the key is not a carrier’s, or not valid', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/health', headers: bearer(h.key('ESP')) })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/health', headers: bearer('cc_nonsense_key') })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/health', headers: bearer(h.key('ESP', 'carrier')) })).statusCode).toBe(403);
  });

  it('says why in words, and puts the refusal on the audit trail under the route’s action', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/session', headers: bearer(h.key('ESP', 'carrier')) });
    expect(res.json()).toMatchObject({ code: 'access.forbidden', detail: 'your role (carrier) may only check travel documents (POST /api/v1/check/documents)' });
    const entry = await h.t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'session.read').where('role', '=', 'carrier').executeTakeFirst();
    expect(entry).toMatchObject({ member: 'ESP', outcome: 'access.forbidden' });
  });
});
