import { inputOf, parseInput, preChecks, requirePermission, type PreCheckFlag } from '@crosscheck/core';
import type { ReviewQueue } from '@crosscheck/core/api';
import { z } from 'zod';
import { pendingAlertRows, toAlert, toAlertFor, type AlertView } from '../../store/alert-repo.js';
import { latestRejections } from '../../store/review-repo.js';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';

export const reviewQueueQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();

export interface ReviewItem {
  alert: AlertView;
  /** Risks the pre-checks found; the reviewer weighs them, they decide nothing. */
  flags: PreCheckFlag[];
  /** When the alert entered review (its latest version). */
  submittedAt: string;
  /** Set when review refused it before and its owner corrected and resubmitted it: the earlier reason. */
  previousRejection?: { reason: string; at: string };
}

/**
 * Alerts waiting for review, oldest first (`review.read`). Review is the General Secretariat's
 * work: reviewers of the operator member see the queue; a reviewer of any other member sees an
 * empty one, since alerts under review exist for nobody but their owner and the operator.
 */
export async function reviewQueue(deps: Deps, ctx: Ctx, query: unknown): Promise<ReviewQueue> {
  return audited(deps, ctx, 'review.list', async (tx, note) => {
    requirePermission(ctx.actor, 'review.read');
    const q = parseInput(reviewQueueQuerySchema, query);
    note.target = 'review';
    const rows = ctx.actor.member === deps.operator ? await pendingAlertRows(tx, q.limit) : [];
    const rejections = await latestRejections(tx, rows.map((r) => r.id));
    const items = rows.map((row) => {
      const alert = toAlert(row);
      const previousRejection = rejections.get(row.id);
      // Whom the owner shares with is the owner's business: the reviewer sees the alert without it.
      return { alert: toAlertFor(ctx.actor.member, row), flags: preChecks(inputOf(alert), alert.owner), submittedAt: row.updated_at, ...(previousRejection ? { previousRejection } : {}) };
    });
    note.detail = { ids: items.map((i) => i.alert.id) };
    return { items, next: null };
  });
}
