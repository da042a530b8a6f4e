import { alertPatchSchema, applyPatch, conflict, inputOf, needsReview, normaliseVisibility, parseInput, preChecks, requireOwnerBureau, type Alert, type AlertInput, type AlertStatus } from '@crosscheck/core';
import { findAlertRow, toAlert, writeAlertVersion } from '../store/alert-repo.js';
import { audited } from './audited.js';
import { checkReferencedMembers } from './check-referenced-members.js';
import { requireOwnDocument } from './create-alert.js';
import { nowIso, type Ctx, type Deps } from './deps.js';
import { loadAlert } from './load-alert.js';

/**
 * Changes an active alert, or one still waiting for review; the previous version is kept
 * (`alert.update`). A patch cannot dodge review: see `statusAfterPatch`.
 */
export async function updateAlert(deps: Deps, ctx: Ctx, id: string, body: unknown): Promise<Alert> {
  return audited(deps, ctx, 'alert.update', async (tx, note) => {
    note.target = `alert:${id}`;
    const loaded = await loadAlert(tx, id);
    requireOwnerBureau(ctx.actor, loaded, 'alert.update');
    const { row } = loaded!;
    const current = toAlert(row);
    if (current.status !== 'active' && current.status !== 'pending-review') {
      throw conflict('alert.not-active', `the alert is ${current.status} and can no longer change`);
    }
    const patch = parseInput(alertPatchSchema, body);
    const patched = applyPatch(inputOf(current), patch);
    const input = { ...patched, visibility: normaliseVisibility(patched.visibility) };
    requireOwnDocument(input, row.owner);
    await checkReferencedMembers(tx, input.visibility);
    const status = statusAfterPatch(current.status, inputOf(current), input, row.owner);
    note.detail = { version: row.version + 1, fields: Object.keys(patch), status };
    const at = nowIso(deps);
    await writeAlertVersion(
      tx,
      { id, owner: row.owner, input, status, statusReason: null, version: row.version + 1, action: 'updated', at, createdAt: row.created_at, changedBy: ctx.actor.credential },
      row,
    );
    return toAlert((await findAlertRow(tx, id))!);
  });
}

/**
 * An alert under review stays under review. An active alert of a reviewed category goes back to
 * review when the patch changes what the reviewer judged — its category, the person, the offence
 * — or raises a pre-check flag the approved version did not have: a reviewer approved what was
 * shown, not what was written afterwards. Other fields (action, remarks, visibility) do not.
 */
export function statusAfterPatch(status: AlertStatus, before: AlertInput, after: AlertInput, owner: string): AlertStatus {
  if (status === 'pending-review' || !needsReview(after)) return status;
  if (!needsReview(before)) return 'pending-review';
  if (before.kind === 'person' && after.kind === 'person') {
    const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
    if (before.category !== after.category || !same(before.person, after.person) || !same(before.offence, after.offence)) return 'pending-review';
  }
  const key = (f: { code: string; word?: string }) => `${f.code}:${f.word ?? ''}`;
  const approved = new Set(preChecks(before, owner).map(key));
  return preChecks(after, owner).some((f) => !approved.has(key(f))) ? 'pending-review' : status;
}
