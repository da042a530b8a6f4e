import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, as } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';
import { Limits } from '../../app/limits/limits.js';
import { addUser } from '../../app/manage-users.js';
import { defaultConfig } from '../../config.js';

const PASSWORD = 'correct horse battery staple';
const ATTACKER = '203.0.113.7';
const OFFICE = '198.51.100.2';

describe.each(ENGINES)('login back-off and lockout over HTTP on %s', (engine) => {
  let h: Harness;
  let now: number;
  beforeAll(async () => {
    h = await httpHarness(engine, [['FRA', 'admin'], ['DEU', 'admin']]);
    now = Date.parse('2026-03-02T10:00:00.000Z');
    h.t.deps.clock = () => new Date(now);
    for (const username of ['fra.officer', 'fra.second', 'fra.third', 'fra.fourth']) {
      await addUser(h.t.deps, as('IPO', 'admin'), { username, member: 'FRA', role: 'frontline', password: PASSWORD });
    }
  });
  afterAll(async () => h.close());

  const login = (username: string, password: string, remoteAddress: string) => h.app.inject({ method: 'POST', url: '/api/v1/session', remoteAddress, payload: { username, password } });
  const auditCount = async (action?: string): Promise<number> => {
    let q = h.t.deps.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n'));
    if (action) q = q.where('action', '=', action);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  /** Wrong passwords on one name, each as soon as the last 429 allows, until it is locked out; the statuses seen. */
  const guessUntilLocked = async (username: string, from: string): Promise<number[]> => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await login(username, `guess ${i}`, from);
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        if (res.json().code === 'auth.locked-out') return statuses;
        now += Number(res.headers['retry-after']) * 1000;
      }
    }
    throw new Error(`never locked out: ${statuses.join(',')}`);
  };

  it('answers a burst of wrong passwords with 429 and Retry-After after three, checking no more passwords and writing no row per refusal', async () => {
    const before = await auditCount();
    const burst = await Promise.all(Array.from({ length: 60 }, (_, i) => login('fra.officer', `guess ${i}`, ATTACKER)));
    const statuses = burst.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(57);
    const refused = burst.find((r) => r.statusCode === 429)!;
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json()).toMatchObject({ status: 429, code: 'auth.login-backoff', retryAfter: 1 });
    expect(refused.json().detail).toMatch(/wait 1 second/);
    // A password check writes its session.login row: three checks, three rows. The 57
    // refusals are one entry (the minute's first) and a count for the minute's summary.
    expect(await auditCount('session.login')).toBe(3 + 1);
    expect(h.t.deps.limits.refusals.unwritten).toBe(56);
    expect((await auditCount()) - before).toBe(4);
  });

  it('locks the name out after ten failures, on the trail once; the right password is refused too, and after a restart', async () => {
    const statuses = await guessUntilLocked('fra.officer', ATTACKER);
    expect(statuses.filter((s) => s === 401).length + 3).toBe(10);
    const lockouts = await h.t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'session.lockout').execute();
    expect(lockouts).toHaveLength(1);
    expect(lockouts[0]).toMatchObject({ member: 'FRA', target: 'username:fra.officer' });
    expect(JSON.parse(lockouts[0]!.detail)).toMatchObject({ failures: 10, source: ATTACKER });

    const right = await login('fra.officer', PASSWORD, OFFICE);
    expect(right.statusCode).toBe(429);
    expect(right.json()).toMatchObject({ code: 'auth.locked-out', retryAfter: 900 });
    expect(right.headers['retry-after']).toBe('900');
    expect(right.json().detail).toMatch(/until 2026-03-02 10:1\d:\d\d UTC \(in 15 minutes\)/);
    // Refused attempts during the lockout do not start it again.
    await login('fra.officer', 'again', ATTACKER);
    expect(await auditCount('session.lockout')).toBe(1);

    // A restart forgets what is in memory, not the lockout.
    h.t.deps.limits = new Limits(defaultConfig().limits);
    expect((await login('fra.officer', PASSWORD, OFFICE)).statusCode).toBe(429);
  });

  it('is lifted by an administrator of the user’s member (audited), not by another member’s; then the user logs in', async () => {
    const other = await h.app.inject({ method: 'DELETE', url: '/api/v1/users/fra.officer/lockout', headers: bearer(h.key('DEU', 'admin')) });
    expect(other.statusCode).toBe(404);
    expect((await login('fra.officer', PASSWORD, OFFICE)).statusCode).toBe(429);

    const lifted = await h.app.inject({ method: 'DELETE', url: '/api/v1/users/fra.officer/lockout', headers: bearer(h.key('FRA', 'admin')) });
    expect(lifted.statusCode).toBe(200);
    expect(lifted.json()).toEqual({ username: 'fra.officer', wasLocked: true, failures: 10 });
    const unlocks = await h.t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.unlock').orderBy('seq').execute();
    expect(unlocks.map((u) => [u.member, u.outcome])).toEqual([
      ['DEU', 'user.not-found'],
      ['FRA', 'ok'],
    ]);

    const ok = await login('fra.officer', PASSWORD, OFFICE);
    expect(ok.statusCode).toBe(200);
  });

  it('ends a lockout by itself after the lockout time, so a guesser cannot keep a user out with one burst', async () => {
    await guessUntilLocked('fra.second', ATTACKER);
    expect((await login('fra.second', PASSWORD, OFFICE)).statusCode).toBe(429);
    now += 15 * 60_000;
    expect((await login('fra.second', PASSWORD, OFFICE)).statusCode).toBe(200);
  });

  it('holds one address guessing at many names to a few password checks, while other addresses log in', async () => {
    const source = '203.0.113.99';
    const burst = await Promise.all(Array.from({ length: 200 }, (_, i) => login(`nobody.${i}`, 'guess', source)));
    const statuses = burst.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(burst.find((r) => r.statusCode === 429)!.json()).toMatchObject({ code: 'auth.source-login-backoff' });
    // The same answer for a real name from that address: nothing tells names apart.
    expect((await login('fra.third', PASSWORD, source)).json()).toMatchObject({ code: 'auth.source-login-backoff' });
    expect((await login('fra.third', PASSWORD, OFFICE)).statusCode).toBe(200);
  });

  it('locks out the address itself after fifty failures, on the trail', async () => {
    const source = '203.0.113.150';
    let locked: { code: string; retryAfter: number } | undefined;
    for (let i = 0; i < 200 && !locked; i++) {
      const res = await login(`sprayed.${i}`, 'guess', source);
      if (res.statusCode !== 429) continue;
      if (res.json().code === 'auth.source-locked-out') locked = res.json();
      else now += Number(res.headers['retry-after']) * 1000;
    }
    expect(locked).toMatchObject({ retryAfter: 900 });
    const entries = await h.t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'session.lockout').where('target', '=', `source:${source}`).execute();
    expect(entries).toHaveLength(1);
    expect((await login('fra.fourth', PASSWORD, OFFICE)).statusCode).toBe(200);
  });
});
