import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createKey } from '../app/manage-keys.js';
import { as, openTestDeps, type TestContext } from '../../test/engines.js';
import { bearer, testHttpOptions } from '../../test/http-harness.js';
import { buildApp } from './build-app.js';

// A surname no traveller has: wherever it shows in the log, the log holds personal data.
const NAME = 'QWZXQUOTAVIC';
const ALERT_ID = '0190b5e2-7a4c-7d3e-9f10-123456789abc';
// User names of three letters: in capitals one looks like a member code, which may be logged.
const SHORT_NAMES = ['QXZ', 'qxz'];

describe('the request log, at its most talkative level', () => {
  let t: TestContext;
  let app: FastifyInstance;
  let key: string;
  const written: string[] = [];

  beforeAll(async () => {
    t = await openTestDeps('sqlite');
    key = (await createKey(t.deps, as('IPO', 'admin'), { member: 'DEU', role: 'bureau' })).key;
    app = await buildApp(t.deps, testHttpOptions({ logLevel: 'trace' }));
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const post = (url: string, payload: object | string, type = 'application/json') => app.inject({ method: 'POST', url, headers: { ...bearer(key), 'content-type': type }, payload });
      expect((await post('/api/v1/screen', { person: { names: [{ family: NAME, given: 'ANNA' }], birthDate: '1974-08-12' } })).statusCode).toBe(200);
      expect((await post('/api/v1/screen', { person: { names: [{ family: NAME }], sex: NAME } })).statusCode).toBe(422);
      expect((await post('/api/v1/screen/batch', `family,given\n${NAME},ANNA\n`, 'text/csv')).statusCode).toBe(200);
      expect((await post('/api/v1/screen', `{"person": {"names": ["${NAME}"`)).statusCode).toBe(400);
      expect((await app.inject({ url: `/api/v1/alerts?q=${NAME}&name=${NAME}`, headers: bearer(key) })).statusCode).toBeLessThan(500);
      expect((await app.inject({ url: `/api/v1/no-such-thing/${NAME}?name=${NAME}`, headers: { cookie: `cc_session=${NAME}` } })).statusCode).toBe(401);
      expect((await app.inject({ url: `/api/v1/no-such-thing/${NAME}?name=${NAME}`, headers: bearer(key) })).statusCode).toBe(404);
      expect((await app.inject({ url: `/no-such-page/${NAME}?name=${NAME}` })).statusCode).toBeLessThan(500);
      expect((await app.inject({ url: `/api/v1/alerts/${NAME}`, headers: bearer(key) })).statusCode).toBeLessThan(500);
      expect((await app.inject({ url: `/api/v1/alerts/${ALERT_ID}?name=${NAME}`, headers: bearer(key) })).statusCode).toBe(404);
      for (const user of SHORT_NAMES) {
        expect((await post(`/api/v1/users/${user}/approve`, {})).statusCode).toBeGreaterThanOrEqual(400);
        expect((await app.inject({ method: 'DELETE', url: `/api/v1/users/${user}/lockout`, headers: bearer(key) })).statusCode).toBeGreaterThanOrEqual(400);
      }
      expect((await post('/api/v1/members/FRA/suspend', {})).statusCode).toBeGreaterThanOrEqual(400);
      // An internal error whose database message quotes a value, as PostgreSQL's `detail` does.
      const index = t.deps.screeningIndex;
      t.deps.screeningIndex = () => Promise.reject(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505', detail: `Key (family)=(${NAME}) already exists.`, where: NAME }));
      try {
        expect((await post('/api/v1/screen', { person: { names: [NAME] } })).statusCode).toBe(500);
      } finally {
        t.deps.screeningIndex = index;
      }
    } finally {
      write.mockRestore();
    }
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const lines = () => written.join('').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);

  it('was written (the requests above were logged at all)', () => {
    expect(lines().length).toBeGreaterThan(10);
    expect(lines().some((l) => l.msg === 'request failed')).toBe(true);
  });

  it('never holds a name screened, from a body, a query string, a path or an error', () => {
    const leaking = lines().filter((l) => JSON.stringify(l).includes(NAME));
    expect(leaking).toEqual([]);
  });

  it('never holds a user name, not even one that looks like a member code', () => {
    const urls = new Set(lines().map((l) => (l.req as { url?: string } | undefined)?.url));
    expect(urls).toContain('/api/v1/users/:username/approve');
    expect(urls).toContain('/api/v1/users/:username/lockout');
    for (const user of SHORT_NAMES) expect(lines().filter((l) => JSON.stringify(l).includes(user))).toEqual([]);
  });

  it('names a request by its route, with the identifiers in its address and nothing else', () => {
    const urls = new Set(lines().map((l) => (l.req as { url?: string } | undefined)?.url));
    expect(urls).toContain(`/api/v1/alerts/${ALERT_ID}`);
    expect(urls).toContain('/api/v1/alerts/:id');
    expect(urls).toContain('/api/v1/screen');
    expect(urls).toContain('/api/v1/members/FRA/suspend');
    expect(lines().some((l) => (l.req as { route?: string } | undefined)?.route === '(none)')).toBe(true);
  });

  it('never holds a key or a cookie', () => {
    expect(written.join('')).not.toContain(key);
    expect(written.join('')).not.toContain('cc_session');
  });

  it('ties every line of a request to its request id', () => {
    const requestLines = lines().filter((l) => l.req !== undefined || l.res !== undefined || l.err !== undefined || String(l.msg).startsWith('no route'));
    expect(requestLines.length).toBeGreaterThan(5);
    for (const l of requestLines) expect(l.reqId, JSON.stringify(l)).toEqual(expect.any(String));
  });

  it('keeps what an operator needs of a failure: its message, code and stack', () => {
    const failed = lines().find((l) => l.msg === 'request failed')!;
    expect(failed.err).toMatchObject({ type: 'Error', message: 'duplicate key value violates unique constraint', code: '23505', stack: expect.stringContaining('Error') });
  });
});
