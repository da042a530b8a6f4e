import { afterFailure, countedFailures, loginGate, type BackoffPolicy, type FailureRecord, type LoginGate } from '@crosscheck/core';
import { addressGroup } from './address-group.js';

interface SourceState {
  record: FailureRecord | undefined;
  /** Attempts admitted and still being checked: counted as failures until they are settled. */
  pending: number;
  lastAdmittedAt: number;
}

// Beyond this many addresses, those whose failures no longer count are dropped, so that a flood
// from many addresses cannot grow the map without end.
const SWEEP_AT = 10_000;

/**
 * Failed logins per source address, in this process's memory: fast, and enough to stop one
 * address from guessing at many names; a restart forgets them (the lockout of a user name is
 * kept in the database instead: store/login-throttle-repo.ts).
 */
export class SourceLoginLimiter {
  private readonly sources = new Map<string, SourceState>();

  constructor(private readonly policy: BackoffPolicy) {}

  /**
   * Admits one attempt from `source`, or says when it may come. Attempts still being checked
   * count as failures, so that a burst sent at once is held to the same waits as one sent in turn
   * and cannot start more password checks than the free failures allow.
   */
  admit(address: string, now: number): LoginGate {
    const source = addressGroup(address);
    const state = this.sources.get(source) ?? { record: undefined, pending: 0, lastAdmittedAt: 0 };
    const gate = loginGate(this.policy, this.withPending(state, now), now);
    if (!gate.open) return gate;
    state.pending += 1;
    state.lastAdmittedAt = now;
    if (!this.sources.has(source)) {
      if (this.sources.size >= SWEEP_AT) this.sweep(now);
      this.sources.set(source, state);
    }
    return gate;
  }

  /** Settles an admitted attempt; when its failure started a lockout of the address, until when. */
  settle(address: string, failed: boolean, now: number): number | null {
    const source = addressGroup(address);
    const state = this.sources.get(source);
    if (!state) return null;
    state.pending = Math.max(0, state.pending - 1);
    if (!failed) return null;
    const next = afterFailure(this.policy, state.record, now);
    state.record = next.record;
    return next.lockStarted ? next.record.lockedUntil : null;
  }

  /** Forgets an address's failures (an operator lifting its lockout, or a test). */
  forget(address: string): void {
    this.sources.delete(addressGroup(address));
  }

  private withPending(state: SourceState, now: number): FailureRecord | undefined {
    if (state.pending === 0) return state.record;
    const counted = countedFailures(this.policy, state.record, now);
    return {
      failures: counted + state.pending,
      lastFailureAt: Math.max(state.record?.lastFailureAt ?? 0, state.lastAdmittedAt),
      lockedUntil: state.record?.lockedUntil ?? null,
    };
  }

  private sweep(now: number): void {
    for (const [source, state] of this.sources) {
      if (state.pending === 0 && countedFailures(this.policy, state.record, now) === 0) this.sources.delete(source);
    }
  }
}
