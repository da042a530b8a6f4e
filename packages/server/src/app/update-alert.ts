import { alertPatchSchema, applyPatch, inputOf, normaliseVisibility, parseInput, requireActive, requireOwnerBureau, type Alert } from '@crosscheck/core';
import { findAlertRow, toAlert, writeAlertVersion } from '../store/alert-repo.js';
import { audited } from './audited.js';
import { checkReferencedMembers } from './check-referenced-members.js';
import { requireOwnDocument } from './create-alert.js';
import { nowIso, type Ctx, type Deps } from './deps.js';
import { loadAlert } from './load-alert.js';

/** Changes an active alert; the previous version is kept (`alert.update`). */
export async function updateAlert(deps: Deps, ctx: Ctx, id: string, body: unknown): Promise<Alert> {
  return audited(deps, ctx, 'alert.update', async (tx, note) => {
    note.target = `alert:${id}`;
    const loaded = await loadAlert(tx, id);
    requireOwnerBureau(ctx.actor, loaded, 'alert.update');
    const { row } = loaded!;
    requireActive(toAlert(row).status);
    const patch = parseInput(alertPatchSchema, body);
    const patched = applyPatch(inputOf(toAlert(row)), patch);
    const input = { ...patched, visibility: normaliseVisibility(patched.visibility) };
    requireOwnDocument(input, row.owner);
    await checkReferencedMembers(tx, input.visibility);
    note.detail = { version: row.version + 1, fields: Object.keys(patch) };
    const at = nowIso(deps);
    await writeAlertVersion(
      tx,
      { id, owner: row.owner, input, status: 'active', statusReason: null, version: row.version + 1, action: 'updated', at, createdAt: row.created_at, changedBy: ctx.actor.credential },
      row,
    );
    return toAlert((await findAlertRow(tx, id))!);
  });
}
