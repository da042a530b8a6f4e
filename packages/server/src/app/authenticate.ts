import { isRole, keyCredential, unauthenticated, userCredential, type Actor, type AuditAction, type CredentialText, type UnknownCaller } from '@crosscheck/core';
import { findKeyByPrefix, findSession, findUserById, touchKey } from '../store/credential-repo.js';
import { findMember } from '../store/member-repo.js';
import { nowIso, type Deps, type RequestSource } from './deps.js';
import { sameHash, sha256Hex, splitApiKey } from './secrets.js';

/**
 * Turns a bearer key into an actor. A key works only while it is not revoked and its member is
 * not suspended. Refusals are on the audit trail (`key.check`, summarised per address and
 * minute: `recordRefusal`); the key itself never is.
 */
export async function authenticateKey(deps: Deps, key: string, from: RequestSource): Promise<Actor> {
  const parts = splitApiKey(key);
  const row = parts ? await findKeyByPrefix(deps.db, parts.prefix) : undefined;
  const valid = row !== undefined && parts !== null && sameHash(row.secret_hash, sha256Hex(parts.secret));
  const member = valid ? await findMember(deps.db, row.member) : undefined;
  let refusal: string | null = null;
  if (!valid) refusal = 'auth.invalid-key';
  else if (row.revoked_at !== null) refusal = 'auth.revoked-key';
  else if (member?.status !== 'active') refusal = 'auth.member-suspended';
  else if (!isRole(row.role)) refusal = 'auth.invalid-key';
  if (refusal !== null || !row) {
    await recordRefusal(deps, 'key.check', row ? keyCredential(row.id) : `key-prefix:${parts?.prefix ?? 'malformed'}`, row?.member ?? '', from, refusal ?? 'auth.invalid-key');
    throw unauthenticated('the API key is not valid');
  }
  // `keys list` shows when a key was last used, to a minute: finer would cost a write per request.
  const now = nowIso(deps);
  if (row.last_used_at === null || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) await touchKey(deps.db, row.id, now);
  return { member: row.member, role: row.role as Actor['role'], credential: keyCredential(row.id) };
}

/** Turns a session cookie into an actor, while the session lasts and the user and member are active. */
export async function authenticateSession(deps: Deps, token: string, from: RequestSource): Promise<Actor> {
  const session = token.length <= 100 ? await findSession(deps.db, sha256Hex(token)) : undefined;
  const user = session && session.expires_at > nowIso(deps) ? await findUserById(deps.db, session.user_id) : undefined;
  const member = user ? await findMember(deps.db, user.member) : undefined;
  if (!user || user.disabled === 1 || member?.status !== 'active' || !isRole(user.role)) {
    await recordRefusal(deps, 'session.check', user ? userCredential(user.id) : 'session', user?.member ?? '', from, session ? 'auth.session-ended' : 'auth.unknown-session');
    throw unauthenticated('your session has ended; log in again');
  }
  return { member: user.member, role: user.role, credential: userCredential(user.id) };
}

/**
 * Puts a refused credential on the trail: the first refusal from its address (for its member)
 * in a minute at once, the rest as one summary when the minute is over (limits/refusal-log.ts),
 * so that a flood of bad keys cannot fill the trail.
 */
export async function recordRefusal(deps: Deps, action: AuditAction, credential: CredentialText | UnknownCaller, member: string, from: RequestSource, outcome: string): Promise<void> {
  await deps.limits.refusals.record(deps, { source: from.source, member, action, credential, outcome, requestId: from.requestId });
}
