import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../test/http-harness.js';

const FLOODER = '203.0.113.44';

describe.each(ENGINES)('refused credentials on the trail, summarised per address and minute, on %s', (engine) => {
  let h: Harness;
  let now: number;
  beforeAll(async () => {
    h = await httpHarness(engine, [['FRA', 'bureau']]);
    now = Date.parse('2026-03-02T10:00:05.000Z');
    h.t.deps.clock = () => new Date(now);
  });
  afterAll(async () => h.t.close());

  const entries = (from: number) => h.t.deps.db.selectFrom('audit_log').selectAll().where('seq', '>', from).orderBy('seq').execute();
  const lastSeq = async () => Number((await h.t.deps.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('s')).executeTakeFirstOrThrow()).s ?? 0);
  const countOf = (rows: { action: string; detail: string }[]) => rows.reduce((n, r) => n + (r.action === 'refusal.summarise' ? (JSON.parse(r.detail) as { count: number }).count : 1), 0);

  it('writes a handful of entries for a flood of 500 bad keys, wrong secrets, bad headers and ended sessions, and loses none of them', async () => {
    const start = await lastSeq();
    const known = h.key('FRA');
    const kinds = [
      (i: number) => ({ url: '/api/v1/alerts', headers: bearer(`cc_${i.toString(16).padStart(12, 'f')}_${'A'.repeat(43)}`) }),
      (i: number) => ({ url: '/api/v1/alerts', headers: bearer(`${known.slice(0, -6)}${i.toString().padStart(6, '0')}`) }),
      () => ({ url: '/api/v1/alerts', headers: { authorization: 'Basic Zm9vOmJhcg==' } }),
      (i: number) => ({ url: `/api/v1/no-such-route-${i}`, headers: { cookie: `cc_session=ended-${i}` } }),
    ];
    const flood = await Promise.all(Array.from({ length: 500 }, (_, i) => h.app.inject({ method: 'GET', remoteAddress: FLOODER, ...kinds[i % kinds.length]!(i) })));
    // Refused at the credential check, or, on an address that is no route, answered 404 after it.
    expect(flood.map((r, i) => r.statusCode === (i % kinds.length === 3 ? 404 : 401)).every(Boolean)).toBe(true);

    // The first refusal of each member's bucket at once: one for FRA's key, one for no member.
    const prompt = await entries(start);
    expect(prompt.map((e) => [e.member, e.outcome === 'auth.invalid-key' || e.member === '']).sort()).toEqual([
      ['', true],
      ['FRA', true],
    ]);
    expect(prompt.every((e) => JSON.parse(e.detail).source === FLOODER)).toBe(true);

    // Within its minute nothing more is written; once it is over, one summary per bucket.
    expect(await h.t.deps.limits.refusals.flush(h.t.deps)).toBe(0);
    now += 60_000;
    expect(await h.t.deps.limits.refusals.flush(h.t.deps)).toBe(2);
    const all = await entries(start);
    expect(all.length).toBe(4);
    expect(countOf(all)).toBe(500);
    const summaries = all.filter((e) => e.action === 'refusal.summarise');
    const fra = JSON.parse(summaries.find((s) => s.member === 'FRA')!.detail);
    expect(fra).toMatchObject({ source: FLOODER, from: '2026-03-02T10:00:00.000Z', to: '2026-03-02T10:01:00.000Z', count: 124, outcomes: { 'auth.invalid-key': 124 } });
    const anonymous = JSON.parse(summaries.find((s) => s.member === '')!.detail);
    const firstAnonymous = prompt.find((e) => e.member === '')!.outcome;
    expect({ ...anonymous.outcomes, [firstAnonymous]: anonymous.outcomes[firstAnonymous] + 1 }).toEqual({ 'auth.invalid-key': 125, 'auth.malformed-header': 125, 'auth.unknown-session': 125 });
    // What was tried is named, boundedly.
    expect(anonymous.credentials.length).toBe(20);
    expect(anonymous.moreCredentials).toBe(true);
    expect(JSON.stringify(all)).not.toContain(known.slice(-20));
  });

  it('counts each address apart, and writes what is left at a clean shutdown', async () => {
    const start = await lastSeq();
    for (const remoteAddress of ['192.0.2.10', '192.0.2.11']) {
      for (let i = 0; i < 30; i++) await h.app.inject({ method: 'GET', url: '/api/v1/alerts', remoteAddress, headers: bearer(`cc_nokey${i}_${'B'.repeat(40)}`) });
    }
    expect((await entries(start)).map((e) => JSON.parse(e.detail).source)).toEqual(['192.0.2.10', '192.0.2.11']);
    await h.app.close();
    const all = await entries(start);
    expect(all.filter((e) => e.action === 'refusal.summarise').map((e) => [e.target, JSON.parse(e.detail).count])).toEqual([
      ['source:192.0.2.10', 29],
      ['source:192.0.2.11', 29],
    ]);
    expect(countOf(all)).toBe(60);
  });
});
