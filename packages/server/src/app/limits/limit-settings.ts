import type { BackoffPolicy } from '@crosscheck/core';

/** The limits read from the environment by `loadConfig` (config.ts), with their defaults there. */
export interface LimitSettings {
  login: {
    /** Failed logins in a row on one user name that lock it out (CROSSCHECK_LOGIN_ACCOUNT_LOCK_AFTER). */
    accountLockAfter: number;
    /** Failed logins in a row from one address that lock the address out (CROSSCHECK_LOGIN_SOURCE_LOCK_AFTER). */
    sourceLockAfter: number;
    /** How long a lockout lasts (CROSSCHECK_LOGIN_LOCKOUT_MINUTES). */
    lockoutMinutes: number;
  };
  rate: {
    /** Screening requests per minute per key or user (CROSSCHECK_RATE_SCREEN_PER_MINUTE). */
    screenPerMinute: number;
    /** Other writing requests per minute per key or user (CROSSCHECK_RATE_WRITE_PER_MINUTE). */
    writePerMinute: number;
  };
}

// A user name gets three typing mistakes before it waits; an address, shared by a whole office
// behind one NAT, twenty. Waits double from 1 s and stop growing at a minute, so the lockout,
// not an endless wait, is what ends a run of guesses.
const ACCOUNT_FREE_FAILURES = 3;
const SOURCE_FREE_FAILURES = 20;
const MAX_BACKOFF_MS = 60_000;
// An address's failures are remembered longer than a name's, so that one address guessing at a
// name once per lockout keeps adding to its own count and is locked out itself.
const SOURCE_FORGET_MS = 60 * 60_000;

export function accountPolicy(s: LimitSettings): BackoffPolicy {
  const lockoutMs = s.login.lockoutMinutes * 60_000;
  return { freeFailures: Math.min(ACCOUNT_FREE_FAILURES, s.login.accountLockAfter - 1), lockAfter: s.login.accountLockAfter, lockoutMs, maxBackoffMs: MAX_BACKOFF_MS, forgetAfterMs: lockoutMs };
}

export function sourcePolicy(s: LimitSettings): BackoffPolicy {
  const lockoutMs = s.login.lockoutMinutes * 60_000;
  return { freeFailures: Math.min(SOURCE_FREE_FAILURES, s.login.sourceLockAfter - 1), lockAfter: s.login.sourceLockAfter, lockoutMs, maxBackoffMs: MAX_BACKOFF_MS, forgetAfterMs: Math.max(SOURCE_FORGET_MS, lockoutMs) };
}
