import { alertPatchSchema, applyPatch, changeAction, inputOf, normaliseVisibility, parseInput, requireChangeable, requireOwnerBureau, statusAfterChange, recastReviewDate, type Alert } from '@crosscheck/core';
import { findAlertRow, toAlert, writeAlertVersion } from '../store/alert-repo.js';
import { setReviewDate } from '../store/retention-repo.js';
import { audited } from './audited.js';
import { checkReferencedMembers } from './check-referenced-members.js';
import { checkAssetReferences } from './assets/asset-links.js';
import { withAssetWarnings, type AssetWarnings } from './assets/asset-warnings.js';
import { requireOwnDocument } from './create-alert.js';
import { nowIso, type Ctx, type Deps } from './deps.js';
import { loadAlert } from './load-alert.js';

/**
 * Changes an active alert, one still waiting for review, or one review rejected (the owner's
 * correction resubmits it: back to the review queue, written `resubmitted` in its history); the
 * previous version is kept (`alert.update`). A patch cannot dodge review: see the core's
 * `statusAfterChange`.
 */
export async function updateAlert(deps: Deps, ctx: Ctx, id: string, body: unknown): Promise<Alert & AssetWarnings> {
  return audited(deps, ctx, 'alert.update', async (tx, note) => {
    note.target = `alert:${id}`;
    const loaded = await loadAlert(tx, id);
    requireOwnerBureau(ctx.actor, loaded, 'alert.update');
    const { row } = loaded!;
    const current = toAlert(row);
    requireChangeable(current.status);
    const patch = parseInput(alertPatchSchema, body);
    const patched = applyPatch(inputOf(current), patch);
    const input = { ...patched, visibility: normaliseVisibility(patched.visibility) };
    requireOwnDocument(input, row.owner);
    await checkReferencedMembers(tx, input.visibility);
    await checkAssetReferences(tx, ctx.actor, input, inputOf(current));
    const status = statusAfterChange(current.status, inputOf(current), input, row.owner);
    const action = changeAction(current.status);
    // The trail says the alert was resubmitted, and from what: an auditor follows it from the rejection.
    note.detail = { version: row.version + 1, fields: Object.keys(patch), status, ...(action === 'resubmitted' ? { resubmitted: true, from: current.status } : {}) };
    const at = nowIso(deps);
    await writeAlertVersion(
      tx,
      { id, owner: row.owner, input, status, statusReason: null, version: row.version + 1, action, at, createdAt: row.created_at, changedBy: ctx.actor.credential },
      row,
    );
    // A patch into a recast category brings the review date forward to the category's, counted from
    // today, never later than it was: a five-year alert turned into a preventive one on a child
    // would otherwise outlive the child's minority. (Within a category, extensions rule.)
    const before = inputOf(current);
    const recast = before.kind === 'person' && input.kind === 'person' && before.category === input.category ? null : recastReviewDate(input, at.slice(0, 10), deps.retention.years);
    if (recast !== null && (row.review_date === null || recast < row.review_date)) await setReviewDate(tx, id, recast);
    return withAssetWarnings(toAlert((await findAlertRow(tx, id))!));
  });
}
