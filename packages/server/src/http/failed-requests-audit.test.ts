import type { Role } from '@crosscheck/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, documentAlert } from '../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../test/http-harness.js';

const CREDENTIALS: [string, Role][] = [
  ['FRA', 'bureau'],
  ['FRA', 'analyst'],
  ['IPO', 'auditor'],
];

interface Entry {
  member: string;
  role: string;
  credential: string;
  action: string;
  target: string;
  outcome: string;
}

describe.each(ENGINES)('failed requests on the audit trail on %s', (engine) => {
  let h: Harness;
  let n = 0;
  beforeAll(async () => {
    h = await httpHarness(engine, CREDENTIALS, 16 * 1024);
  });
  afterAll(async () => h.close());

  /** Sends a request under a request id of its own and returns the answer and the trail's entries for it. */
  async function send(options: { method: 'GET' | 'POST' | 'DELETE'; url: string; key?: string; headers?: Record<string, string>; payload?: string | object }) {
    const requestId = `failed-${engine}-${++n}`;
    const res = await h.app.inject({
      method: options.method,
      url: options.url,
      headers: { 'x-request-id': requestId, ...(options.key !== undefined ? bearer(options.key) : {}), ...options.headers },
      ...(options.payload !== undefined ? { payload: options.payload } : {}),
    });
    const entries: Entry[] = await h.t.deps.db.selectFrom('audit_log').select(['member', 'role', 'credential', 'action', 'target', 'outcome']).where('request_id', '=', requestId).orderBy('seq').execute();
    return { res, entries, code: (res.json() as { code?: string }).code };
  }

  const json = { 'content-type': 'application/json' };

  it.each([
    ['malformed JSON', 400, 'request.invalid-json', { ...json }, '{"kind":'],
    ['a body over the limit', 413, 'request.too-large', { ...json }, JSON.stringify({ kind: 'vehicle', vehicle: { plate: 'x'.repeat(20_000) } })],
    ['an unsupported media type', 415, 'request.unsupported-media-type', { 'content-type': 'text/xml' }, '<alert/>'],
    ['a NUL character', 422, 'request.nul-character', { ...json }, '{"kind":"vehicle","caseReference":"A\\u0000B"}'],
  ])('records %s refused before the use case ran, as the route’s action, once', async (_what, status, code, headers, payload) => {
    const { res, entries } = await send({ method: 'POST', url: '/api/v1/alerts', key: h.key('FRA'), headers, payload });
    expect(res.statusCode, res.body).toBe(status);
    expect(entries).toEqual([{ member: 'FRA', role: 'bureau', credential: expect.stringMatching(/^key:/), action: 'alert.create', target: '/api/v1/alerts', outcome: code }]);
  });

  it('records an export format refused by the route', async () => {
    const { res, entries, code } = await send({ method: 'GET', url: '/api/v1/alerts/export?format=xml', key: h.key('FRA', 'analyst') });
    expect(res.statusCode).toBe(422);
    expect(entries.map((e) => [e.member, e.role, e.action, e.outcome])).toEqual([['FRA', 'analyst', 'alert.export', code]]);
  });

  it('records a request to an unknown API address made with a valid key', async () => {
    const { res, entries } = await send({ method: 'DELETE', url: '/api/v1/alerts', key: h.key('FRA') });
    expect(res.statusCode).toBe(404);
    expect(entries.map((e) => [e.action, e.target, e.outcome])).toEqual([['route.unknown', '/api/v1/alerts', 'resource.not-found']]);
  });

  it('records a refusal by the use case once, not again for the request', async () => {
    const { res, entries } = await send({ method: 'GET', url: '/api/v1/audit', key: h.key('FRA') });
    expect(res.statusCode).toBe(403);
    expect(entries.map((e) => [e.action, e.outcome])).toEqual([['audit.list', 'access.forbidden']]);
  });

  it('records bad credentials once, and nothing for a request without any', async () => {
    // The key is refused before the broken body is read.
    const unknownKey = await send({ method: 'POST', url: '/api/v1/alerts', key: `cc_${'0'.repeat(12)}_${'A'.repeat(43)}`, headers: json, payload: '{"kind":' });
    expect(unknownKey.res.statusCode).toBe(401);
    expect(unknownKey.entries.map((e) => [e.action, e.outcome])).toEqual([['key.check', 'auth.invalid-key']]);
    const anonymous = await send({ method: 'POST', url: '/api/v1/alerts', headers: json, payload: '{"kind":' });
    expect(anonymous.res.statusCode).toBe(401);
    expect(anonymous.entries).toEqual([]);
    // Signing in takes no credentials: a garbled attempt has no one to record.
    const login = await send({ method: 'POST', url: '/api/v1/session', headers: json, payload: '{"username":' });
    expect(login.res.statusCode).toBe(400);
    expect(login.entries).toEqual([]);
  });

  it('records an unexpected failure inside a use case, although its transaction rolled back', async () => {
    const newId = h.t.deps.newId;
    h.t.deps.newId = () => {
      throw new Error('the id generator failed');
    };
    try {
      const { res, entries } = await send({ method: 'POST', url: '/api/v1/alerts', key: h.key('FRA'), payload: documentAlert('FRA', 'X1234567') });
      expect(res.statusCode).toBe(500);
      expect((res.json() as { code: string }).code).toBe('internal');
      expect(entries.map((e) => [e.member, e.action, e.outcome])).toEqual([['FRA', 'alert.create', 'internal']]);
    } finally {
      h.t.deps.newId = newId;
    }
    expect(await h.t.deps.db.selectFrom('alerts').select('id').execute()).toEqual([]);
  });

  it('records an unexpected failure in the request outside the use case', async () => {
    const screeningIndex = h.t.deps.screeningIndex;
    h.t.deps.screeningIndex = () => Promise.reject(new Error('the index could not be loaded'));
    try {
      const { res, entries } = await send({ method: 'POST', url: '/api/v1/screen', key: h.key('FRA'), payload: { documents: [{ number: 'X1234567' }] } });
      expect(res.statusCode).toBe(500);
      expect(entries.map((e) => [e.member, e.action, e.outcome])).toEqual([['FRA', 'screening.run', 'internal']]);
    } finally {
      h.t.deps.screeningIndex = screeningIndex;
    }
  });

  it('shows these entries to the auditors through the API', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/audit?action=alert.create&result=refused', headers: bearer(h.key('IPO', 'auditor')) });
    expect(res.statusCode).toBe(200);
    const outcomes = (res.json() as { items: Entry[] }).items.map((e) => e.outcome);
    for (const code of ['request.invalid-json', 'request.too-large', 'request.unsupported-media-type', 'request.nul-character', 'internal']) expect(outcomes).toContain(code);
  });
});
