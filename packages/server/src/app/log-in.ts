import { verify } from '@node-rs/argon2';
import { hashPassword } from './hash-password.js';
import { auditEntry, markRecorded } from './audited.js';
import { RateLimitedError, afterFailure, loginGate, parseInput, unauthenticated, userCredential, type CredentialText, type FailureRecord, type LoginGate, type UnknownCaller } from '@crosscheck/core';
import { z } from 'zod';
import { appendAudit, type AuditDraft } from '../store/audit-repo.js';
import { deleteSession, findUserByName, insertSession } from '../store/credential-repo.js';
import { deleteLoginThrottle, findLoginThrottle, purgeLoginThrottle, saveLoginThrottle, type LoginThrottleRow } from '../store/login-throttle-repo.js';
import { findMember } from '../store/member-repo.js';
import { inWriteTransaction } from '../store/write-transaction.js';
import { type Ctx, type Deps, type RequestSource } from './deps.js';
import { randomToken, sha256Hex } from './secrets.js';

export const loginSchema = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(500) }).strict();

export interface OpenedSession {
  token: string;
  expiresAt: string;
  user: { username: string; member: string; role: string };
}

// An argon2id hash to verify against when the user does not exist, so that the answer takes as
// long for an unknown user as for a wrong password.
let dummyHash: Promise<string> | undefined;
const dummy = (): Promise<string> => (dummyHash ??= hashPassword(randomToken()));

// Rows of names without a failure for a day are dropped as failures are written, so names typed
// once by a guesser do not pile up.
const THROTTLE_KEPT_MS = 24 * 3600_000;

/**
 * Checks a password and opens a session; every checked attempt is audited (`session.login`),
 * never the password. Before the password is checked, the attempt must pass the back-off of its
 * source address (in memory) and of its user name (in the database, for every process); an
 * attempt refused there gets a 429 with when to retry, costs no password check, and is counted
 * on the trail with the other refusals of its address and minute, not written each. The failure
 * that starts a lockout writes `session.lockout`, once. A correct password is refused during a
 * lockout too, or guessing would only have to wait for the answer to change.
 */
export async function logIn(deps: Deps, body: unknown, request: RequestSource): Promise<OpenedSession> {
  const { username, password } = parseInput(loginSchema, body);
  const sources = deps.limits.sources;
  const sourceGate = sources.admit(request.source, deps.clock().getTime());
  if (!sourceGate.open) throw await refuse(deps, request, username, sourceGate, 'source');
  let settled = false;
  try {
    return await deps.limits.loginsByName.run(username, async () => {
      const row = await findLoginThrottle(deps.db, username);
      const gate = loginGate(deps.limits.account, row ? recordOf(row) : undefined, deps.clock().getTime());
      if (!gate.open) throw await refuse(deps, request, username, gate, 'name');

      const user = await findUserByName(deps.db, username);
      const ok = await verify(user?.password_hash ?? (await dummy()), password).catch(() => false);
      const member = user ? await findMember(deps.db, user.member) : undefined;
      // A user waiting for a second administrator's approval cannot log in yet (manage-users.ts).
      const allowed = user !== undefined && ok && user.disabled === 0 && user.pending_approval === 0 && member?.status === 'active';
      const now = deps.clock();
      const at = now.toISOString();
      const credential: CredentialText | UnknownCaller = user ? userCredential(user.id) : `username:${username.slice(0, 40)}`;
      const entry = (draft: Pick<AuditDraft, 'action' | 'target' | 'outcome' | 'detail'>): AuditDraft => ({ at, member: user?.member ?? '', role: user?.role ?? '', credential, requestId: request.requestId, ...draft });
      settled = true;
      const sourceLockedUntil = sources.settle(request.source, !allowed, now.getTime());

      if (allowed) {
        const token = randomToken();
        const expiresAt = new Date(now.getTime() + deps.sessionHours * 3600_000).toISOString();
        await inWriteTransaction(deps.db, async (tx) => {
          if (row) await deleteLoginThrottle(tx, username);
          await insertSession(tx, sha256Hex(token), user.id, at, expiresAt);
          await appendAudit(tx, entry({ action: 'session.login', target: '', outcome: 'ok', detail: JSON.stringify({ source: request.source }) }));
        });
        return { token, expiresAt, user: { username: user.username, member: user.member, role: user.role } };
      }

      await inWriteTransaction(deps.db, async (tx) => {
        // Read again under the writers' lock: another process may have counted a failure since.
        const current = await findLoginThrottle(tx, username);
        const next = afterFailure(deps.limits.account, current ? recordOf(current) : undefined, now.getTime());
        await saveLoginThrottle(tx, rowOf(username, next.record));
        await purgeLoginThrottle(tx, new Date(now.getTime() - THROTTLE_KEPT_MS).toISOString());
        await appendAudit(tx, entry({ action: 'session.login', target: '', outcome: 'auth.login-failed', detail: JSON.stringify({ source: request.source }) }));
        if (next.lockStarted) {
          const until = new Date(next.record.lockedUntil!).toISOString();
          await appendAudit(tx, entry({ action: 'session.lockout', target: `username:${username.slice(0, 100)}`, outcome: 'ok', detail: JSON.stringify({ failures: next.record.failures, until, source: request.source }) }));
        }
        if (sourceLockedUntil !== null) {
          const until = new Date(sourceLockedUntil).toISOString();
          await appendAudit(tx, { ...entry({ action: 'session.lockout', target: `source:${request.source}`, outcome: 'ok', detail: JSON.stringify({ until, source: request.source }) }), member: '', role: '' });
        }
      });
      throw unauthenticated('wrong username or password, or the account is disabled');
    });
  } finally {
    // An attempt refused before its password was checked is no failure of its address.
    if (!settled) sources.settle(request.source, false, deps.clock().getTime());
  }
}

/**
 * The refusal of an attempt that came too early: counted on the trail with its address's other
 * refusals of the minute, and answered with when to come back.
 */
async function refuse(deps: Deps, request: RequestSource, username: string, gate: Exclude<LoginGate, { open: true }>, by: 'name' | 'source'): Promise<RateLimitedError> {
  const now = deps.clock().getTime();
  const seconds = Math.max(1, Math.ceil((gate.retryAt - now) / 1000));
  const code = `auth.${by === 'source' ? 'source-' : ''}${gate.reason === 'locked-out' ? 'locked-out' : 'login-backoff'}` as const;
  const who = by === 'source' ? 'from your address' : 'for this user name';
  const message =
    gate.reason === 'locked-out'
      ? `too many failed logins ${who}: logins are refused until ${new Date(gate.retryAt).toISOString().slice(0, 19).replace('T', ' ')} UTC (in ${waitText(seconds)}), even with the right password; an administrator can lift this sooner`
      : `too many failed logins ${who}: wait ${waitText(seconds)} before trying again`;
  await deps.limits.refusals.record(deps, { source: request.source, member: '', action: 'session.login', credential: `username:${username.slice(0, 40)}`, outcome: code, requestId: request.requestId });
  const error = new RateLimitedError(code, message, seconds);
  markRecorded(error);
  return error;
}

const waitText = (seconds: number): string => (seconds < 120 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`);

function recordOf(row: LoginThrottleRow): FailureRecord {
  return { failures: row.failures, lastFailureAt: Date.parse(row.last_failure_at), lockedUntil: row.locked_until === null ? null : Date.parse(row.locked_until) };
}

function rowOf(username: string, r: FailureRecord): LoginThrottleRow {
  return { username, failures: r.failures, last_failure_at: new Date(r.lastFailureAt).toISOString(), locked_until: r.lockedUntil === null ? null : new Date(r.lockedUntil).toISOString() };
}

export async function logOut(deps: Deps, ctx: Ctx, token: string): Promise<void> {
  await inWriteTransaction(deps.db, async (tx) => {
    await deleteSession(tx, sha256Hex(token));
    await appendAudit(tx, auditEntry(deps, ctx, 'session.logout', { target: '', detail: {} }));
  });
}
