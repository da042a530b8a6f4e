import { defaultReviewDate, inputOf, recastReviewDate, fullDateSchema, parseInput, requireActive, requireOwnerBureau, validationError, type Alert, type AlertKind } from '@crosscheck/core';
import { z } from 'zod';
import { findAlertRow, toAlert } from '../../store/alert-repo.js';
import { setReviewDate } from '../../store/retention-repo.js';
import { audited } from '../audited.js';
import { nowIso, type Ctx, type Deps } from '../deps.js';
import { loadAlert } from '../load-alert.js';

export const extendInputSchema = z
  .object({
    reason: z.string().trim().min(1).max(1000).refine((v) => !v.includes('\u0000'), 'must not contain a NUL character'),
    reviewDate: fullDateSchema.optional(),
  })
  .strict();

/**
 * Moves an active alert's review date (`alert.extend`), with a recorded reason, to at most the
 * kind's retention period from today (the default); the owner will be warned again before it.
 */
export async function extendAlert(deps: Deps, ctx: Ctx, id: string, body: unknown): Promise<Alert> {
  return audited(deps, ctx, 'alert.extend', async (tx, note) => {
    note.target = `alert:${id}`;
    const loaded = await loadAlert(tx, id);
    requireOwnerBureau(ctx.actor, loaded, 'alert.extend');
    const { row } = loaded!;
    requireActive(toAlert(row).status);
    const input = parseInput(extendInputSchema, body);
    const today = nowIso(deps).slice(0, 10);
    // A recast category keeps its own, shorter period (core alerts/recast-retention.ts).
    const latest = recastReviewDate(inputOf(toAlert(row)), today, deps.retention.years, true) ?? defaultReviewDate(row.kind as AlertKind, today, deps.retention.years);
    const to = input.reviewDate ?? latest;
    if (to <= today) throw validationError('reviewDate', 'the new review date must be after today', 'review-date.not-future');
    if (to > latest) throw validationError('reviewDate', `the new review date may be at most ${latest} (the retention period for a ${row.kind} alert)`, 'review-date.too-late');
    note.detail = { from: row.review_date, to, reason: input.reason };
    await setReviewDate(tx, id, to);
    return toAlert((await findAlertRow(tx, id))!);
  });
}
