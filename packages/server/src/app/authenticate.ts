import { isRole, keyCredential, unauthenticated, userCredential, type Actor, type AuditAction, type CredentialText, type UnknownCaller } from '@crosscheck/core';
import { findKeyByPrefix, findSession, findUserById, touchKey } from '../store/credential-repo.js';
import { findMember } from '../store/member-repo.js';
import { CredentialCache } from './credential-cache.js';
import { nowIso, type Deps, type RequestSource } from './deps.js';
import { sameHash, sha256Hex, splitApiKey } from './secrets.js';

// What an accepted key or session stands for, for up to a second (credential-cache.ts); one
// cache per set of Deps, so that two databases in one process (tests) never share entries.
interface AcceptedKey {
  actor: Actor;
  keyId: string;
  lastUsedAt: string | null;
}
interface AcceptedSession {
  actor: Actor;
  expiresAt: string;
}
const caches = new WeakMap<Deps, { keys: CredentialCache<AcceptedKey>; sessions: CredentialCache<AcceptedSession> }>();
function cachesOf(deps: Deps) {
  let c = caches.get(deps);
  if (!c) caches.set(deps, (c = { keys: new CredentialCache(), sessions: new CredentialCache() }));
  return c;
}

/**
 * Turns a bearer key into an actor. A key works only once approved (when it needed a second
 * administrator), while it is not revoked and its member is not suspended. Refusals are on the
 * audit trail (`key.check`, summarised per address and minute: `recordRefusal`); the key itself
 * never is. An accepted key is remembered for at most a second, by the hash of the whole key
 * (credential-cache.ts): a key revoked or a member suspended elsewhere stops within that second.
 */
export async function authenticateKey(deps: Deps, key: string, from: RequestSource): Promise<Actor> {
  const cache = cachesOf(deps).keys;
  const keyHash = sha256Hex(key);
  const known = cache.get(keyHash);
  if (known !== undefined) {
    await touchWhenDue(deps, known);
    return known.actor;
  }
  const check = cache.startCheck();
  const parts = splitApiKey(key);
  const row = parts ? await findKeyByPrefix(deps.db, parts.prefix) : undefined;
  const valid = row !== undefined && parts !== null && sameHash(row.secret_hash, sha256Hex(parts.secret));
  const member = valid ? await findMember(deps.db, row.member) : undefined;
  let refusal: string | null = null;
  if (!valid) refusal = 'auth.invalid-key';
  else if (row.revoked_at !== null) refusal = 'auth.revoked-key';
  // Asked for by an administrator and not yet approved by a second one (manage-keys.ts).
  else if (row.pending_approval === 1) refusal = 'auth.key-pending-approval';
  else if (member?.status !== 'active') refusal = 'auth.member-suspended';
  else if (!isRole(row.role)) refusal = 'auth.invalid-key';
  if (refusal !== null || !row) {
    await recordRefusal(deps, 'key.check', row ? keyCredential(row.id) : `key-prefix:${parts?.prefix ?? 'malformed'}`, row?.member ?? '', from, refusal ?? 'auth.invalid-key');
    throw unauthenticated('the API key is not valid');
  }
  // Frozen: one actor now serves every request of the second.
  const accepted: AcceptedKey = { actor: Object.freeze({ member: row.member, role: row.role as Actor['role'], credential: keyCredential(row.id) }), keyId: row.id, lastUsedAt: row.last_used_at };
  cache.keep(keyHash, accepted, check);
  await touchWhenDue(deps, accepted);
  return accepted.actor;
}

// `keys list` shows when a key was last used, to a minute: finer would cost a write per request.
async function touchWhenDue(deps: Deps, key: AcceptedKey): Promise<void> {
  const now = nowIso(deps);
  if (key.lastUsedAt !== null && Date.parse(now) - Date.parse(key.lastUsedAt) <= 60_000) return;
  key.lastUsedAt = now;
  await touchKey(deps.db, key.keyId, now);
}

/**
 * Turns a session cookie into an actor, while the session lasts and the user and member are
 * active. An accepted session is remembered for at most a second, as keys are, by its token's
 * hash; its end time is checked on every request.
 */
export async function authenticateSession(deps: Deps, token: string, from: RequestSource): Promise<Actor> {
  const cache = cachesOf(deps).sessions;
  const tokenHash = token.length <= 100 ? sha256Hex(token) : null;
  const known = tokenHash !== null ? cache.get(tokenHash) : undefined;
  if (known !== undefined && known.expiresAt > nowIso(deps)) return known.actor;
  const check = cache.startCheck();
  const session = tokenHash !== null ? await findSession(deps.db, tokenHash) : undefined;
  const user = session && session.expires_at > nowIso(deps) ? await findUserById(deps.db, session.user_id) : undefined;
  const member = user ? await findMember(deps.db, user.member) : undefined;
  if (!user || user.disabled === 1 || user.pending_approval === 1 || member?.status !== 'active' || !isRole(user.role)) {
    await recordRefusal(deps, 'session.check', user ? userCredential(user.id) : 'session', user?.member ?? '', from, session ? 'auth.session-ended' : 'auth.unknown-session');
    throw unauthenticated('your session has ended; log in again');
  }
  const actor: Actor = Object.freeze({ member: user.member, role: user.role, credential: userCredential(user.id) });
  cache.keep(tokenHash!, { actor, expiresAt: session!.expires_at }, check);
  return actor;
}

/**
 * Puts a refused credential on the trail: the first refusal from its address (for its member)
 * in a minute at once, the rest as one summary when the minute is over (limits/refusal-log.ts),
 * so that a flood of bad keys cannot fill the trail.
 */
export async function recordRefusal(deps: Deps, action: AuditAction, credential: CredentialText | UnknownCaller, member: string, from: RequestSource, outcome: string): Promise<void> {
  await deps.limits.refusals.record(deps, { source: from.source, member, action, credential, outcome, requestId: from.requestId });
}
