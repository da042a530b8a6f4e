import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, as, domainError, openTestDeps, type TestContext } from '../../test/engines.js';
import { queryAudit } from '../store/audit-repo.js';
import { authenticateKey, authenticateSession } from './authenticate.js';
import { logIn } from './log-in.js';
import { createKey, listKeys, revokeKey } from './manage-keys.js';
import { setMemberSuspended } from './manage-members.js';
import { addUser, disableUser } from './manage-users.js';

const admin = as('IPO', 'admin');

describe.each(ENGINES)('keys, users and members on %s', (engine) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await openTestDeps(engine);
  });
  afterEach(async () => t.close());

  it('stores a key only as a hash and accepts it as the member and role it was made for', async () => {
    const k = await createKey(t.deps, admin, { member: 'FRA', role: 'bureau', label: 'border system' });
    const row = await t.deps.db.selectFrom('api_keys').selectAll().where('id', '=', k.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(k.key.slice(16));
    expect(await authenticateKey(t.deps, k.key, { requestId: 'r1', source: '192.0.2.1' })).toEqual({ member: 'FRA', role: 'bureau', credential: `key:${k.id}` });
    const listed = await listKeys(t.deps, admin);
    expect(listed.items.find((i) => i.id === k.id)).toMatchObject({ label: 'border system', revokedAt: null });
    expect(listed.items.find((i) => i.id === k.id)?.lastUsedAt).toMatch(/^\d{4}-/);
    expect(JSON.stringify(listed)).not.toContain(k.key);
  });

  it('refuses a revoked key, a key with a wrong secret and a malformed key, and audits every refusal (the first of a minute each, the rest summarised)', async () => {
    const k = await createKey(t.deps, admin, { member: 'FRA', role: 'bureau' });
    const wrong = `${k.key.slice(0, -4)}AAAA`;
    expect((await domainError(authenticateKey(t.deps, wrong, { requestId: 'r1', source: '192.0.2.1' }))).kind).toBe('unauthenticated');
    expect((await domainError(authenticateKey(t.deps, 'hello', { requestId: 'r2', source: '192.0.2.1' }))).kind).toBe('unauthenticated');
    await revokeKey(t.deps, admin, k.id);
    expect((await domainError(authenticateKey(t.deps, k.key, { requestId: 'r3', source: '192.0.2.1' }))).kind).toBe('unauthenticated');
    // From one address in one minute: the first refusal for FRA's key and the first for no
    // member have their own entries; the third is counted into the minute's summary.
    const refusals = await queryAudit(t.deps.db, { action: 'key.check', limit: 10 });
    expect(refusals.map((r) => r.outcome).sort()).toEqual(['auth.invalid-key', 'auth.invalid-key']);
    await t.deps.limits.refusals.flush(t.deps, { all: true });
    const [summary] = await queryAudit(t.deps.db, { action: 'refusal.summarise', limit: 10 });
    expect(summary).toMatchObject({ member: 'FRA', target: 'source:192.0.2.1' });
    expect(JSON.parse(summary!.detail)).toMatchObject({ count: 1, outcomes: { 'auth.revoked-key': 1 }, credentials: [`key:${k.id}`] });
    expect(JSON.stringify([...refusals, summary])).not.toContain(k.key);
  });

  it('stops the keys and sessions of a suspended member and restores them on reinstatement', async () => {
    const k = await createKey(t.deps, admin, { member: 'DEU', role: 'bureau' });
    await addUser(t.deps, admin, { username: 'deu.officer', member: 'DEU', role: 'bureau', password: 'correct horse battery' });
    const session = await logIn(t.deps, { username: 'deu.officer', password: 'correct horse battery' }, { requestId: 'r0', source: '192.0.2.1' });
    await setMemberSuspended(t.deps, admin, 'DEU', true);
    expect((await domainError(authenticateKey(t.deps, k.key, { requestId: 'r1', source: '192.0.2.1' }))).code).toBe('auth.required');
    expect((await domainError(authenticateSession(t.deps, session.token, { requestId: 'r', source: '192.0.2.1' }))).kind).toBe('unauthenticated');
    await setMemberSuspended(t.deps, admin, 'DEU', false);
    expect((await authenticateKey(t.deps, k.key, { requestId: 'r2', source: '192.0.2.1' })).member).toBe('DEU');
  });

  it('logs in with the right password only, audits both attempts, never the password', async () => {
    await addUser(t.deps, admin, { username: 'fra.bureau', member: 'FRA', role: 'bureau', password: 'a long passphrase 1' });
    const row = await t.deps.db.selectFrom('users').selectAll().where('username', '=', 'fra.bureau').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect((await domainError(logIn(t.deps, { username: 'fra.bureau', password: 'wrong' }, { requestId: 'r1', source: '192.0.2.1' }))).kind).toBe('unauthenticated');
    expect((await domainError(logIn(t.deps, { username: 'nobody', password: 'wrong' }, { requestId: 'r2', source: '192.0.2.1' }))).kind).toBe('unauthenticated');
    const ok = await logIn(t.deps, { username: 'fra.bureau', password: 'a long passphrase 1' }, { requestId: 'r3', source: '192.0.2.1' });
    expect(await authenticateSession(t.deps, ok.token, { requestId: 'r', source: '192.0.2.1' })).toMatchObject({ member: 'FRA', role: 'bureau' });
    const logins = await queryAudit(t.deps.db, { action: 'session.login', limit: 10 });
    expect(logins.map((l) => l.outcome).sort()).toEqual(['auth.login-failed', 'auth.login-failed', 'ok']);
    expect(JSON.stringify(logins)).not.toContain('passphrase');
  });

  it('ends the sessions of a disabled user', async () => {
    await addUser(t.deps, admin, { username: 'ita.bureau', member: 'ITA', role: 'bureau', password: 'another long one' });
    const s = await logIn(t.deps, { username: 'ita.bureau', password: 'another long one' }, { requestId: 'r1', source: '192.0.2.1' });
    await disableUser(t.deps, admin, 'ita.bureau');
    await domainError(authenticateSession(t.deps, s.token, { requestId: 'r', source: '192.0.2.1' }));
    await domainError(logIn(t.deps, { username: 'ita.bureau', password: 'another long one' }, { requestId: 'r2', source: '192.0.2.1' }));
  });

  it('lets a member administrator manage only its own member, and only operator administrators manage members', async () => {
    const fraAdmin = as('FRA', 'admin');
    await createKey(t.deps, fraAdmin, { member: 'FRA', role: 'frontline' });
    expect((await domainError(createKey(t.deps, fraAdmin, { member: 'DEU', role: 'bureau' }))).kind).toBe('forbidden');
    expect((await domainError(setMemberSuspended(t.deps, fraAdmin, 'DEU', true))).kind).toBe('forbidden');
    expect((await domainError(createKey(t.deps, as('FRA', 'bureau'), { member: 'FRA', role: 'bureau' }))).kind).toBe('forbidden');
  });

  it('gives another member\'s administrator the same answer for an existing account as for none', async () => {
    await addUser(t.deps, admin, { username: 'fra.bureau', member: 'FRA', role: 'bureau', password: 'a long passphrase 1' });
    const k = await createKey(t.deps, admin, { member: 'FRA', role: 'bureau' });
    const deuAdmin = as('DEU', 'admin');
    expect((await domainError(disableUser(t.deps, deuAdmin, 'fra.bureau'))).code).toBe('user.not-found');
    expect((await domainError(disableUser(t.deps, deuAdmin, 'nobody.here'))).code).toBe('user.not-found');
    expect((await domainError(revokeKey(t.deps, deuAdmin, k.id))).code).toBe('key.not-found');
  });

  it('refuses a user creation by a role that may not, before hashing anything, and audits it', async () => {
    const e = await domainError(addUser(t.deps, as('FRA', 'frontline'), { username: 'x' }));
    expect(e.kind).toBe('forbidden');
    const [entry] = await queryAudit(t.deps.db, { action: 'user.add', limit: 1 });
    expect(entry).toMatchObject({ member: 'FRA', outcome: 'access.forbidden' });
  });

  it('refuses a weak password and an unknown role, naming the field', async () => {
    expect((await domainError(addUser(t.deps, admin, { username: 'x.y.z', member: 'FRA', role: 'bureau', password: 'short' }))).field).toBe('password');
    expect((await domainError(createKey(t.deps, admin, { member: 'FRA', role: 'chief' }))).field).toBe('role');
  });
});
