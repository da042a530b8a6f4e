import { verify } from '@node-rs/argon2';
import { hashPassword } from './hash-password.js';
import { auditEntry } from './audited.js';
import { parseInput, unauthenticated, userCredential } from '@crosscheck/core';
import { z } from 'zod';
import { appendAudit } from '../store/audit-repo.js';
import { deleteSession, findUserByName, insertSession } from '../store/credential-repo.js';
import { findMember } from '../store/member-repo.js';
import { inWriteTransaction } from '../store/write-transaction.js';
import { nowIso, type Ctx, type Deps } from './deps.js';
import { randomToken, sha256Hex } from './secrets.js';

export const loginSchema = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(500) }).strict();

// An argon2id hash to verify against when the user does not exist, so that the answer takes as
// long for an unknown user as for a wrong password.
let dummyHash: Promise<string> | undefined;
const dummy = (): Promise<string> => (dummyHash ??= hashPassword(randomToken()));

/** Checks a password and opens a session; every attempt is audited (`session.login`), never the password. */
export async function logIn(deps: Deps, body: unknown, requestId: string): Promise<{ token: string; expiresAt: string; user: { username: string; member: string; role: string } }> {
  const { username, password } = parseInput(loginSchema, body);
  const user = await findUserByName(deps.db, username);
  const ok = await verify(user?.password_hash ?? (await dummy()), password).catch(() => false);
  const member = user ? await findMember(deps.db, user.member) : undefined;
  // A user waiting for a second administrator's approval cannot log in yet (manage-users.ts).
  const allowed = user !== undefined && ok && user.disabled === 0 && user.pending_approval === 0 && member?.status === 'active';
  const token = randomToken();
  const at = nowIso(deps);
  const expiresAt = new Date(deps.clock().getTime() + deps.sessionHours * 3600_000).toISOString();
  await inWriteTransaction(deps.db, async (tx) => {
    if (allowed) await insertSession(tx, sha256Hex(token), user.id, at, expiresAt);
    await appendAudit(tx, {
      at,
      member: user?.member ?? '',
      role: user?.role ?? '',
      credential: user ? userCredential(user.id) : `username:${username.slice(0, 40)}`,
      action: 'session.login',
      target: '',
      requestId,
      outcome: allowed ? 'ok' : 'auth.login-failed',
      detail: '{}',
    });
  });
  if (!allowed) throw unauthenticated('wrong username or password, or the account is disabled');
  return { token, expiresAt, user: { username: user.username, member: user.member, role: user.role } };
}

export async function logOut(deps: Deps, ctx: Ctx, token: string): Promise<void> {
  await inWriteTransaction(deps.db, async (tx) => {
    await deleteSession(tx, sha256Hex(token));
    await appendAudit(tx, auditEntry(deps, ctx, 'session.logout', { target: '', detail: {} }));
  });
}
