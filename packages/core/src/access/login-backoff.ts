/**
 * How repeated failed logins slow down, then stop, further attempts on one user name or from one
 * address: a few failures are free (typing mistakes), then each attempt must wait twice as long
 * as the one before, and at `lockAfter` failures attempts stop for `lockoutMs`. The lockout is
 * served, not extended by attempts made during it, and afterwards the count starts again: a
 * lockout is temporary by construction, so a guesser cannot keep a user out for good with one
 * burst. Times are milliseconds since the epoch; no clock is read here.
 */
export interface BackoffPolicy {
  /** Failures in a row allowed without any wait. */
  freeFailures: number;
  /** Failures in a row that start a lockout. */
  lockAfter: number;
  lockoutMs: number;
  /** The longest wait between attempts before the lockout. */
  maxBackoffMs: number;
  /** Failures are forgotten after this long without a new one. */
  forgetAfterMs: number;
}

export interface FailureRecord {
  failures: number;
  lastFailureAt: number;
  /** While set and in the future, every attempt is refused. */
  lockedUntil: number | null;
}

export type LoginGate = { open: true } | { open: false; reason: 'locked-out' | 'backoff'; retryAt: number };

/** The failures that still count at `now`: none once a lockout is served or after a quiet period. */
export function countedFailures(policy: BackoffPolicy, record: FailureRecord | undefined, now: number): number {
  if (!record) return 0;
  if (record.lockedUntil !== null) return record.lockedUntil > now ? record.failures : 0;
  return now - record.lastFailureAt >= policy.forgetAfterMs ? 0 : record.failures;
}

/** The wait imposed after `failures` failures in a row: none, then 1 s, 2 s, 4 s… at most `maxBackoffMs`. */
export function backoffMs(policy: BackoffPolicy, failures: number): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(1000 * 2 ** (failures - policy.freeFailures), policy.maxBackoffMs);
}

/** Whether an attempt may be checked at `now`, and if not, from when it may. */
export function loginGate(policy: BackoffPolicy, record: FailureRecord | undefined, now: number): LoginGate {
  if (record?.lockedUntil != null && record.lockedUntil > now) return { open: false, reason: 'locked-out', retryAt: record.lockedUntil };
  const failures = countedFailures(policy, record, now);
  if (failures === 0 || !record) return { open: true };
  const retryAt = record.lastFailureAt + backoffMs(policy, failures);
  return retryAt > now ? { open: false, reason: 'backoff', retryAt } : { open: true };
}

/**
 * The record after one more failure at `now`, and whether that failure started a lockout (so
 * that the lockout is recorded once, when it starts). A failure that arrives while a lockout runs
 * (checked by another process just before it began) neither extends nor restarts it.
 */
export function afterFailure(policy: BackoffPolicy, record: FailureRecord | undefined, now: number): { record: FailureRecord; lockStarted: boolean } {
  if (record?.lockedUntil != null && record.lockedUntil > now) return { record: { ...record, failures: record.failures + 1, lastFailureAt: now }, lockStarted: false };
  const failures = countedFailures(policy, record, now) + 1;
  const lockStarted = failures >= policy.lockAfter;
  return { record: { failures, lastFailureAt: now, lockedUntil: lockStarted ? now + policy.lockoutMs : null }, lockStarted };
}
