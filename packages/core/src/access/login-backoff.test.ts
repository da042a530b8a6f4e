import { describe, expect, it } from 'vitest';
import { afterFailure, backoffMs, loginGate, type BackoffPolicy, type FailureRecord } from './login-backoff.js';

const policy: BackoffPolicy = { freeFailures: 3, lockAfter: 10, lockoutMs: 15 * 60_000, maxBackoffMs: 60_000, forgetAfterMs: 15 * 60_000 };

/** Fails `n` times, each as early as the gate allows; returns the record and when each lock started. */
function failRepeatedly(n: number, start = 0): { record: FailureRecord | undefined; now: number; locks: number[] } {
  let record: FailureRecord | undefined;
  let now = start;
  const locks: number[] = [];
  for (let i = 0; i < n; i++) {
    const gate = loginGate(policy, record, now);
    if (!gate.open) now = gate.retryAt;
    const next = afterFailure(policy, record, now);
    record = next.record;
    if (next.lockStarted) locks.push(now);
  }
  return { record, now, locks };
}

describe('login back-off', () => {
  it('lets a few typing mistakes through, then doubles the wait, then locks out', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => backoffMs(policy, n))).toEqual([0, 0, 0, 1000, 2000, 4000, 60_000]);
    const { record, now, locks } = failRepeatedly(10);
    expect(locks).toEqual([now]);
    expect(loginGate(policy, record, now + 1000)).toEqual({ open: false, reason: 'locked-out', retryAt: now + 15 * 60_000 });
    // Ten guesses take the waits 1+2+…+32 s and 60 s before the lockout.
    expect(now).toBe(123_000);
  });

  it('refuses an attempt made before its wait is over, and names when it may come', () => {
    const { record, now } = failRepeatedly(4);
    expect(loginGate(policy, record, now + 500)).toEqual({ open: false, reason: 'backoff', retryAt: now + 2000 });
    expect(loginGate(policy, record, now + 2000)).toEqual({ open: true });
  });

  it('is temporary: a served lockout starts the count again, and is started once', () => {
    const first = failRepeatedly(10);
    const after = first.now + 15 * 60_000;
    expect(loginGate(policy, first.record, after)).toEqual({ open: true });
    const next = afterFailure(policy, first.record, after);
    expect(next).toEqual({ record: { failures: 1, lastFailureAt: after, lockedUntil: null }, lockStarted: false });
    // A failure that slipped in during the lockout neither restarts nor extends it.
    const during = afterFailure(policy, first.record, first.now + 1000);
    expect(during.lockStarted).toBe(false);
    expect(during.record.lockedUntil).toBe(first.record!.lockedUntil);
  });

  it('forgets failures after a quiet period', () => {
    const { record, now } = failRepeatedly(6);
    expect(loginGate(policy, record, now + 15 * 60_000)).toEqual({ open: true });
    expect(afterFailure(policy, record, now + 15 * 60_000).record.failures).toBe(1);
  });
});
