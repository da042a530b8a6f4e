import { notFound, requirePermission, userCredential } from '@crosscheck/core';
import { findUserByName } from '../store/credential-repo.js';
import { deleteLoginThrottle, findLoginThrottle } from '../store/login-throttle-repo.js';
import { audited } from './audited.js';
import { nowIso, type Ctx, type Deps } from './deps.js';
import { administers } from './manage-keys.js';

export interface LiftedLockout {
  username: string;
  /** Whether logins on the name were refused until now (a lockout or a back-off wait). */
  wasLocked: boolean;
  /** Failed logins in a row that are now forgotten. */
  failures: number;
}

/**
 * Lifts a user's login lockout and forgets its failed logins (`user.unlock`), so the user can
 * log in at once. For an administrator of the user's member, or of the operator; to anyone
 * else, a user of another member is as absent as one that does not exist.
 */
export async function unlockLogin(deps: Deps, ctx: Ctx, username: string): Promise<LiftedLockout> {
  return audited(deps, ctx, 'user.unlock', async (tx, note) => {
    note.target = `username:${username.slice(0, 100)}`;
    requirePermission(ctx.actor, 'credentials.manage');
    const user = await findUserByName(tx, username);
    if (!user || !administers(deps, ctx, user.member)) throw notFound('user', username);
    note.target = userCredential(user.id);
    const row = await findLoginThrottle(tx, username);
    await deleteLoginThrottle(tx, username);
    const wasLocked = row?.locked_until != null && row.locked_until > nowIso(deps);
    note.detail = { wasLocked, failures: row?.failures ?? 0, lockedUntil: row?.locked_until ?? null };
    return { username: user.username, wasLocked, failures: row?.failures ?? 0 };
  });
}
