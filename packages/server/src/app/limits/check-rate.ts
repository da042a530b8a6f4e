import { RateLimitedError, type AuditAction } from '@crosscheck/core';
import { markRecorded } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';

/** What a request spends: screening travellers, or any other change. */
export type RateClass = 'screen' | 'write';

const WINDOW_SECONDS = 60;

/**
 * Takes one token of the caller's credential for `kind`, or refuses with the limit, its window
 * and when to retry. Refusals are counted on the trail with the address's other refusals of the
 * minute, not written each, so a client hammering past its limit does not fill the trail either.
 */
export async function checkRate(deps: Deps, ctx: Ctx, kind: RateClass, action: AuditAction, source: string): Promise<void> {
  const buckets = kind === 'screen' ? deps.limits.screen : deps.limits.write;
  const taken = buckets.take(ctx.actor.credential, deps.clock().getTime());
  if (taken.ok) return;
  const seconds = Math.max(1, Math.ceil(taken.retryAfterMs / 1000));
  await deps.limits.refusals.record(deps, { source, member: ctx.actor.member, role: ctx.actor.role, action, credential: ctx.actor.credential, outcome: 'rate.limited', requestId: ctx.requestId });
  const what = kind === 'screen' ? 'screening' : 'writing';
  const error = new RateLimitedError('rate.limited', `this credential may send ${buckets.perMinute} ${what} requests a minute and has used them: try again in ${seconds} s`, seconds, { limit: buckets.perMinute, windowSeconds: WINDOW_SECONDS });
  markRecorded(error);
  throw error;
}
