import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, as } from '../../test/engines.js';
import { addUser } from '../app/manage-users.js';
import { bearer, httpHarness, type Harness } from '../../test/http-harness.js';

describe.each(ENGINES)('HTTP API contract on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await httpHarness(engine, [['FRA', 'bureau'], ['FRA', 'frontline'], ['IPO', 'auditor'], ['DEU', 'bureau']], 8 * 1024);
  });
  afterAll(async () => h.close());

  const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, code: string) => {
    expect(res.statusCode).toBe(status);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status, code });
  };

  it('answers 401 problem+json without a key, with a malformed header and with an unknown key', async () => {
    expectProblem(await h.app.inject({ method: 'GET', url: '/api/v1/alerts' }), 401, 'auth.required');
    expectProblem(await h.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: { authorization: 'Basic abc' } }), 401, 'auth.required');
    expectProblem(await h.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: bearer('cc_000000000000_' + 'A'.repeat(43)) }), 401, 'auth.required');
  });

  it('answers 403 when the role may not act', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/alerts', headers: bearer(h.key('FRA', 'frontline')), payload: { kind: 'vehicle', vehicle: { vin: 'WVWZZZ1JZXW000001' }, visibility: { mode: 'all' } } });
    expectProblem(res, 403, 'access.forbidden');
    expectProblem(await h.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(h.key('FRA')) }), 403, 'access.forbidden');
  });

  it('answers 422 naming the offending field', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/alerts', headers: bearer(h.key('FRA')), payload: { kind: 'person', category: 'arrest', person: { names: [{ family: 'X' }], birthDate: '1974-02-30' }, visibility: { mode: 'all' } } });
    expectProblem(res, 422, 'validation.invalid');
    expect(res.json()).toMatchObject({ field: 'person.birthDate' });
    const bad = await h.app.inject({ method: 'GET', url: '/api/v1/alerts?limit=100000', headers: bearer(h.key('FRA')) });
    expectProblem(bad, 422, 'validation.invalid');
    expect(bad.json()).toMatchObject({ field: 'limit' });
    const unknown = await h.app.inject({ method: 'POST', url: '/api/v1/alerts', headers: bearer(h.key('FRA')), payload: { kind: 'spaceship', visibility: { mode: 'all' } } });
    expect(unknown.json()).toMatchObject({ field: 'kind' });
  });

  it('answers 413 for a body over the limit, 400 for broken JSON, 415 for another media type', async () => {
    const big = JSON.stringify({ kind: 'vehicle', vehicle: { plate: 'x'.repeat(20_000) } });
    expectProblem(await h.app.inject({ method: 'POST', url: '/api/v1/alerts', headers: { ...bearer(h.key('FRA')), 'content-type': 'application/json' }, payload: big }), 413, 'request.too-large');
    expectProblem(await h.app.inject({ method: 'POST', url: '/api/v1/alerts', headers: { ...bearer(h.key('FRA')), 'content-type': 'application/json' }, payload: '{"kind":' }), 400, 'request.invalid-json');
    expectProblem(await h.app.inject({ method: 'POST', url: '/api/v1/alerts', headers: { ...bearer(h.key('FRA')), 'content-type': 'text/xml' }, payload: '<a/>' }), 415, 'request.unsupported-media-type');
  });

  it('refuses NUL characters anywhere with 422, and over-long ids with 404, on both engines', async () => {
    const key = bearer(h.key('FRA'));
    expectProblem(await h.app.inject({ method: 'GET', url: '/api/v1/alerts?text=%00', headers: key }), 422, 'request.nul-character');
    expectProblem(await h.app.inject({ method: 'GET', url: '/api/v1/alerts/a%00b', headers: key }), 422, 'request.nul-character');
    const nulBody = { kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: 'a\u0000b', status: 'lost' }, visibility: { mode: 'all' } };
    expectProblem(await h.app.inject({ method: 'POST', url: '/api/v1/alerts', headers: key, payload: nulBody }), 422, 'request.nul-character');
    expectProblem(await h.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'a\u0000b', password: 'x' } }), 422, 'request.nul-character');
    expectProblem(await h.app.inject({ method: 'GET', url: `/api/v1/alerts/${'a'.repeat(95)}`, headers: key }), 404, 'alert.not-found');
    expectProblem(await h.app.inject({ method: 'POST', url: `/api/v1/users/${'a'.repeat(95)}/disable`, headers: key }), 403, 'access.forbidden');
  });

  it('answers 401 before reading the body of a caller without credentials', async () => {
    expectProblem(await h.app.inject({ method: 'POST', url: '/api/v1/alerts', headers: { 'content-type': 'application/json' }, payload: '{"kind":' }), 401, 'auth.required');
  });

  it('answers a malformed URL with problem+json', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/alerts/%E0%A4%A', headers: bearer(h.key('FRA')) });
    expect(res.statusCode).toBe(400);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
  });

  it('answers 404 problem+json for an unknown route and an unknown alert', async () => {
    expectProblem(await h.app.inject({ method: 'GET', url: '/api/v1/nothing', headers: bearer(h.key('FRA')) }), 404, 'resource.not-found');
    expectProblem(await h.app.inject({ method: 'GET', url: '/nothing' }), 404, 'resource.not-found');
    expectProblem(await h.app.inject({ method: 'GET', url: '/api/v1/alerts/0190aaaa-0000-7000-8000-000000000000', headers: bearer(h.key('FRA')) }), 404, 'alert.not-found');
  });

  it('creates with 201, a Location header and the server fields', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/alerts', headers: bearer(h.key('FRA')), payload: { kind: 'vehicle', vehicle: { vin: '1M8GDM9AXKP042788', plate: 'AB-123-CD', plateCountry: 'FRA' }, visibility: { mode: 'only', members: ['DEU', 'ITA'] } } });
    expect(res.statusCode).toBe(201);
    const body = res.json<{ id: string }>();
    expect(body).toMatchObject({ owner: 'FRA', status: 'active', version: 1 });
    expect(body).toHaveProperty('createdAt');
    expect(res.headers.location).toBe(`/api/v1/alerts/${body.id}`);
  });

  it('serves health, the OpenAPI document with every contract path, and the browsable docs', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok', database: engine });
    const doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    for (const [path, method] of [
      ['/api/v1/alerts', 'post'],
      ['/api/v1/alerts', 'get'],
      ['/api/v1/alerts/{id}', 'get'],
      ['/api/v1/alerts/{id}', 'patch'],
      ['/api/v1/alerts/{id}/cancel', 'post'],
      ['/api/v1/alerts/{id}/history', 'get'],
      ['/api/v1/members', 'get'],
      ['/api/v1/audit', 'get'],
      ['/api/v1/changes', 'get'],
      ['/health', 'get'],
    ] as const) {
      expect(doc.paths[path], `${method} ${path}`).toHaveProperty(method);
    }
    expect(JSON.stringify(doc.paths['/api/v1/alerts']!.post)).toContain('visibility');
    const docs = await h.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('logs a person in with an HttpOnly SameSite cookie that then authenticates API calls', async () => {
    await h.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(h.keys.get('FRA:bureau')!), payload: { username: 'nope.user', member: 'FRA', role: 'bureau', password: 'x'.repeat(12) } }).then((r) => expect(r.statusCode).toBe(403));
    await addUser(h.t.deps, as('IPO', 'admin'), { username: 'fra.officer', member: 'FRA', role: 'bureau', password: 'twelve chars ok' });
    const login = await h.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'fra.officer', password: 'twelve chars ok' } });
    expect(login.statusCode).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;
    const me = await h.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
    expect(me.json()).toMatchObject({ member: 'FRA', role: 'bureau' });
    expect((await h.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie, origin: 'http://localhost' } })).statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: { cookie } })).statusCode).toBe(401);
  });

  it('serves the web page', async () => {
    const page = await h.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.body).toContain('crosscheck');
    // A page path answers with the app, so a reload lands on it.
    expect((await h.app.inject({ method: 'GET', url: '/hits' })).body).toBe(page.body);
  });
});
