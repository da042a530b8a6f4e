import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, as, domainError, openTestDeps, type TestContext } from '../../test/engines.js';
import { authenticateKey, authenticateSession } from './authenticate.js';
import { logIn } from './log-in.js';
import { createKey, revokeKey } from './manage-keys.js';
import { setMemberSuspended } from './manage-members.js';
import { addUser } from './manage-users.js';

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
