import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, documentAlert } from '../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../test/http-harness.js';
import { Limits } from '../app/limits/limits.js';
import { defaultConfig } from '../config.js';
import { rateClassOf } from './rate-limit.js';
import { ROUTE_ACTIONS } from './route-actions.js';

describe('which rate a route spends', () => {
  it('screening for the three screening routes and carrier checks, writing for every other change, nothing for reads and signing in or out', () => {
    const classes = Object.keys(ROUTE_ACTIONS).map((r) => [r, rateClassOf(r.split(' ')[0]!, r.split(' ')[1])] as const);
    expect(classes.filter(([, c]) => c === 'screen').map(([r]) => r)).toEqual(['POST /api/v1/screen', 'POST /api/v1/screen/batch', 'POST /api/v1/screen/flight', 'POST /api/v1/check/documents']);
    for (const [route, c] of classes) {
      if (route.startsWith('GET ') || route.endsWith(' /api/v1/session')) expect(c, route).toBeNull();
      else if (!route.includes('/screen') && !route.includes('/check/')) expect(c, route).toBe('write');
    }
  });
});

describe.each(ENGINES)('per-credential rates over HTTP on %s', (engine) => {
  let h: Harness;
  let now: number;
  beforeAll(async () => {
    h = await httpHarness(engine, [['FRA', 'frontline'], ['DEU', 'frontline'], ['FRA', 'bureau']]);
    now = Date.parse('2026-03-02T10:00:00.000Z');
    h.t.deps.clock = () => new Date(now);
    const config = defaultConfig().limits;
    h.t.deps.limits = new Limits({ ...config, rate: { screenPerMinute: 5, writePerMinute: 3 } });
  });
  afterAll(async () => h.close());

  const screen = (key: string) => h.app.inject({ method: 'POST', url: '/api/v1/screen', headers: bearer(key), payload: { documents: [{ number: 'X1234567' }] } });

  it('answers a screening key over its limit with 429, the limit, its window and when to retry; other keys go on', async () => {
    const key = h.key('FRA', 'frontline');
    for (let i = 0; i < 5; i++) expect((await screen(key)).statusCode).toBe(200);
    const over = await screen(key);
    expect(over.statusCode).toBe(429);
    expect(over.headers['content-type']).toContain('application/problem+json');
    expect(over.headers['retry-after']).toBe('12');
    expect(over.json()).toMatchObject({ status: 429, code: 'rate.limited', limit: 5, windowSeconds: 60, retryAfter: 12 });
    expect(over.json().detail).toMatch(/5 screening requests a minute/);
    expect((await screen(h.key('DEU', 'frontline'))).statusCode).toBe(200);
    // Reading is not held to the rate.
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/session', headers: bearer(key) })).statusCode).toBe(200);
    now += 12_000;
    expect((await screen(key)).statusCode).toBe(200);
    expect((await screen(key)).statusCode).toBe(429);
  });

  it('holds every write to its own rate, and a flood past it writes no row per refusal', async () => {
    const key = h.key('FRA', 'bureau');
    // A new minute: the refusals of the one before have had their first entry.
    now += 60_000;
    const screenings = Number((await h.t.deps.db.selectFrom('screenings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    for (let i = 0; i < 3; i++) expect((await h.app.inject({ method: 'POST', url: '/api/v1/alerts', headers: bearer(key), payload: documentAlert('FRA', `P${i}000001`) })).statusCode).toBe(201);
    const before = Number((await h.t.deps.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const flood = await Promise.all(Array.from({ length: 100 }, (_, i) => h.app.inject({ method: 'POST', url: '/api/v1/alerts', headers: bearer(key), payload: documentAlert('FRA', `Q${i}000001`) })));
    expect(flood.every((r) => r.statusCode === 429 && r.json().limit === 3 && r.json().windowSeconds === 60)).toBe(true);
    const after = Number((await h.t.deps.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(after - before).toBe(1);
    const [first] = await h.t.deps.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).execute();
    expect(first).toMatchObject({ member: 'FRA', action: 'alert.create', outcome: 'rate.limited' });
    // The screening rate of this key is untouched by its writes.
    expect((await screen(key)).statusCode).toBe(200);
    expect(Number((await h.t.deps.db.selectFrom('screenings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(screenings + 1);
  });
});
