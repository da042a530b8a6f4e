import type { BackoffPolicy } from '@crosscheck/core';
import { accountPolicy, sourcePolicy, type LimitSettings } from './limit-settings.js';
import { OneAtATime } from './one-at-a-time.js';
import { RefusalLog } from './refusal-log.js';
import { SourceLoginLimiter } from './source-login-limiter.js';
import { TokenBuckets } from './token-buckets.js';

/** Per-credential rate buckets: this process's own, or shared by a server's threads (src/workers/). */
export type RateBuckets = Pick<TokenBuckets, 'perMinute' | 'take'>;

/**
 * The limits' state in this process, built once with the Deps (main.ts). What must hold for
 * every process and outlive a restart, a user name's lockout, is in the database instead
 * (store/login-throttle-repo.ts); this holds what may be per process: counts per address, per
 * credential, and refusals not yet summarised.
 */
export class Limits {
  readonly account: BackoffPolicy;
  readonly sources: SourceLoginLimiter;
  /** Logins on one user name, one after another in this process. */
  readonly loginsByName = new OneAtATime();
  readonly screen: RateBuckets;
  readonly write: RateBuckets;
  readonly refusals = new RefusalLog();

  /** `rates`: buckets shared with the other threads that answer for the same server, if any. */
  constructor(
    readonly settings: LimitSettings,
    rates?: { screen: RateBuckets; write: RateBuckets },
  ) {
    this.account = accountPolicy(settings);
    this.sources = new SourceLoginLimiter(sourcePolicy(settings));
    this.screen = rates?.screen ?? new TokenBuckets(settings.rate.screenPerMinute);
    this.write = rates?.write ?? new TokenBuckets(settings.rate.writePerMinute);
  }
}
