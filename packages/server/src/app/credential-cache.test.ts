import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, as, domainError, openTestDeps, type TestContext } from '../../test/engines.js';
import { authenticateKey, authenticateSession } from './authenticate.js';
import { CredentialCache } from './credential-cache.js';
import { logIn } from './log-in.js';
import { createKey, revokeKey } from './manage-keys.js';
import { setMemberSuspended } from './manage-members.js';
import { addUser } from './manage-users.js';
import { revokeKey as revokeKeyRow } from '../store/credential-repo.js';
import { inWriteTransaction } from '../store/write-transaction.js';

const admin = as('IPO', 'admin');
const from = { requestId: 'r', source: '192.0.2.1' };
const refused = async (p: Promise<unknown>) => (await domainError(p)).kind === 'unauthenticated';
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Changes made by another process (a second worker, the CLI) reach this one only through the
// database: they are written here with plain SQL, which this process's cache is not told of.
describe.each(ENGINES)('accepted credentials remembered for at most a second, on %s', (engine) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await openTestDeps(engine);
  });
  afterEach(async () => t.close());

  it('refuses a key revoked by another process within a second, and at once when revoked here', async () => {
    const a = await createKey(t.deps, admin, { member: 'FRA', role: 'bureau' });
    const b = await createKey(t.deps, admin, { member: 'FRA', role: 'bureau' });
    await authenticateKey(t.deps, a.key, from);
    await t.deps.db.updateTable('api_keys').set({ revoked_at: new Date().toISOString() }).where('id', '=', a.id).execute();
    await pause(1000);
    expect(await refused(authenticateKey(t.deps, a.key, from))).toBe(true);

    await authenticateKey(t.deps, b.key, from);
    await revokeKey(t.deps, admin, b.id);
    expect(await refused(authenticateKey(t.deps, b.key, from))).toBe(true);
  });

  it('refuses a key at once when revoked here, even when a check read it while the revocation was being committed', async () => {
    const k = await createKey(t.deps, admin, { member: 'FRA', role: 'bureau' });
    // Accepted once: its last use is recorded now, so the checks below write nothing to its row.
    await authenticateKey(t.deps, k.key, from);
    let written!: () => void;
    let commit!: () => void;
    const revoked = new Promise<void>((resolve) => (written = resolve));
    const committing = new Promise<void>((resolve) => (commit = resolve));
    // The revocation's batch is held open once the row is written: revoked, not yet committed.
    const revocation = inWriteTransaction(t.deps.db, async (tx) => {
      await revokeKeyRow(tx, k.id, new Date().toISOString());
      written();
      await committing;
    });
    await revoked;
    const check = authenticateKey(t.deps, k.key, from);
    try {
      // PostgreSQL answers the check from another connection, with the row as it was before
      // the revocation; SQLite's one connection makes the check wait for the commit.
      if (engine === 'postgres') expect(await check).toMatchObject({ member: 'FRA' });
    } finally {
      commit();
    }
    await Promise.all([revocation, check.catch(() => undefined)]);
    expect(await refused(authenticateKey(t.deps, k.key, from))).toBe(true);
  });

  it('serves a key from memory within the second: a revocation elsewhere is not yet seen', async () => {
    // What the second buys: no look-up per request. This checks the cache is really used, so
    // that the test above really tests its expiry.
    const k = await createKey(t.deps, admin, { member: 'FRA', role: 'bureau' });
    await authenticateKey(t.deps, k.key, from);
    await t.deps.db.updateTable('api_keys').set({ revoked_at: new Date().toISOString() }).where('id', '=', k.id).execute();
    expect(await authenticateKey(t.deps, k.key, from)).toMatchObject({ member: 'FRA' });
  });

  it('never accepts a wrong secret under the prefix of a remembered key', async () => {
    const k = await createKey(t.deps, admin, { member: 'FRA', role: 'bureau' });
    await authenticateKey(t.deps, k.key, from);
    const last = k.key.at(-1) === 'A' ? 'B' : 'A';
    expect(await refused(authenticateKey(t.deps, `${k.key.slice(0, -1)}${last}`, from))).toBe(true);
    expect(await refused(authenticateKey(t.deps, `${k.key}A`, from))).toBe(true);
    expect(await authenticateKey(t.deps, k.key, from)).toMatchObject({ member: 'FRA' });
  });

  it('refuses a member suspended by another process within a second, and at once when suspended here', async () => {
    const fra = await createKey(t.deps, admin, { member: 'FRA', role: 'bureau' });
    const deu = await createKey(t.deps, admin, { member: 'DEU', role: 'bureau' });
    await authenticateKey(t.deps, fra.key, from);
    await t.deps.db.updateTable('members').set({ status: 'suspended' }).where('code', '=', 'FRA').execute();
    await pause(1000);
    expect(await refused(authenticateKey(t.deps, fra.key, from))).toBe(true);

    await authenticateKey(t.deps, deu.key, from);
    await setMemberSuspended(t.deps, admin, 'DEU', true);
    expect(await refused(authenticateKey(t.deps, deu.key, from))).toBe(true);
  });

  it('refuses a session ended by another process within a second', async () => {
    await addUser(t.deps, admin, { username: 'fra.officer', member: 'FRA', role: 'bureau', password: 'correct horse battery staple' });
    const s = await logIn(t.deps, { username: 'fra.officer', password: 'correct horse battery staple' }, from);
    await authenticateSession(t.deps, s.token, from);
    await t.deps.db.deleteFrom('sessions').execute();
    expect(await authenticateSession(t.deps, s.token, from)).toMatchObject({ member: 'FRA' });
    await pause(1000);
    expect(await refused(authenticateSession(t.deps, s.token, from))).toBe(true);
  });
});

describe('the credential cache itself', () => {
  it('forgets an entry once its time is up, and stays within its size by dropping the oldest first', () => {
    let now = 0;
    const cache = new CredentialCache<string>(1000, 3, () => now);
    const keep = (hash: string) => cache.keep(hash, `value of ${hash}`, cache.startCheck());
    keep('a');
    now = 999;
    expect(cache.get('a')).toBe('value of a');
    now = 1000;
    expect(cache.get('a')).toBeUndefined();

    now = 2000;
    keep('b');
    now = 3500;
    keep('c');
    keep('d');
    // Full: 'b' has expired and goes; the fresh ones stay.
    keep('e');
    expect([cache.get('b'), cache.get('c'), cache.get('d'), cache.get('e')]).toEqual([undefined, 'value of c', 'value of d', 'value of e']);
    // Full of fresh entries: all go rather than the cache growing.
    keep('f');
    expect([cache.get('c'), cache.get('f')]).toEqual([undefined, 'value of f']);
  });

  it('does not keep what a look-up read while a credential change was being written', async () => {
    const t = await openTestDeps('sqlite');
    try {
      const cache = new CredentialCache<string>();
      const check = cache.startCheck();
      const k = await createKey(t.deps, admin, { member: 'FRA', role: 'bureau' });
      await revokeKey(t.deps, admin, k.id);
      cache.keep('x', 'read before the revocation', check);
      expect(cache.get('x')).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});
