import { canSeeAlert, conflict, forbidden, inputOf, notFound, parseInput, preChecks, requirePermission, type PreCheckFlag } from '@crosscheck/core';
import type { ReviewOutcomeView } from '@crosscheck/core/api';
import { z } from 'zod';
import { findAlertRow, toAlert, toAlertFor, writeAlertVersion, type AlertView } from '../../store/alert-repo.js';
import { appendEvent } from '../../store/event-repo.js';
import { insertReview } from '../../store/review-repo.js';
import { audited } from '../audited.js';
import { nowIso, type Ctx, type Deps } from '../deps.js';
import { loadAlert } from '../load-alert.js';

export const reviewDecisionSchema = z
  .object({
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().min(1).max(2000).refine((v) => !v.includes('\u0000'), 'must not contain a NUL character'),
  })
  .strict();

export interface ReviewOutcome {
  alert: AlertView;
  review: { id: string; decision: 'approved' | 'rejected'; reason: string; flags: PreCheckFlag[]; at: string };
}

/**
 * Approves (the alert becomes active: published, screened) or rejects (kept, seen by its owner
 * only) an alert under review (`review.decide`). Only reviewers of the operator member decide;
 * an alert is decided once. The owner's bureau gets a `review.decided` event.
 */
export async function decideReview(deps: Deps, ctx: Ctx, alertId: string, body: unknown): Promise<ReviewOutcome & ReviewOutcomeView> {
  const outcome = await audited(deps, ctx, 'review.decide', async (tx, note) => {
    note.target = `alert:${alertId}`;
    requirePermission(ctx.actor, 'review.decide');
    if (ctx.actor.member !== deps.operator) throw forbidden(`review alerts: review is done by ${deps.operator}`);
    const { decision, reason } = parseInput(reviewDecisionSchema, body);
    const loaded = await loadAlert(tx, alertId);
    // Alerts waiting for review, and those review refused, are the reviewers' to know; any other
    // the reviewer may not see is "not found", so a decision cannot probe for alerts shared with others.
    const reviewers = loaded !== undefined && (loaded.row.status === 'pending-review' || loaded.row.status === 'rejected');
    if (!loaded || (!reviewers && !canSeeAlert(ctx.actor, loaded))) throw notFound('alert');
    const { row } = loaded;
    const current = toAlert(row);
    if (current.status !== 'pending-review') throw conflict('review.not-pending', `the alert is ${current.status}, not waiting for review`);
    const input = inputOf(current);
    const flags = preChecks(input, row.owner);
    const approved = decision === 'approve';
    const at = nowIso(deps);
    await writeAlertVersion(
      tx,
      {
        id: alertId,
        owner: row.owner,
        input,
        status: approved ? 'active' : 'rejected',
        statusReason: approved ? null : reason,
        version: row.version + 1,
        action: approved ? 'approved' : 'rejected',
        at,
        createdAt: row.created_at,
        changedBy: ctx.actor.credential,
      },
      row,
    );
    const review = { id: deps.newId(), decision: approved ? ('approved' as const) : ('rejected' as const), reason, flags, at };
    await insertReview(tx, { ...review, alertId, reviewerMember: ctx.actor.member, reviewer: ctx.actor.credential });
    await appendEvent(tx, { member: row.owner, type: 'review.decided', at, data: { alertId, decision: review.decision, reason } });
    note.detail = { decision: review.decision, version: row.version + 1, flags: flags.map((f) => f.code) };
    return { alert: toAlertFor(ctx.actor.member, (await findAlertRow(tx, alertId))!), review };
  });
  deps.bus.published();
  return outcome;
}
