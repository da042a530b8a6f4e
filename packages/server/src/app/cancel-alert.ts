import { cancelInputSchema, inputOf, parseInput, requireActive, requireOwnerBureau, type Alert } from '@crosscheck/core';
import { findAlertRow, toAlert, writeAlertVersion } from '../store/alert-repo.js';
import { audited } from './audited.js';
import { nowIso, type Ctx, type Deps } from './deps.js';
import { loadAlert } from './load-alert.js';

/** Ends an active alert with a recorded reason (`alert.cancel`). */
export async function cancelAlert(deps: Deps, ctx: Ctx, id: string, body: unknown): Promise<Alert> {
  return audited(deps, ctx, 'alert.cancel', async (tx, note) => {
    note.target = `alert:${id}`;
    const loaded = await loadAlert(tx, id);
    requireOwnerBureau(ctx.actor, loaded, 'alert.cancel');
    const { row } = loaded!;
    const current = toAlert(row);
    requireActive(current.status);
    const { reason } = parseInput(cancelInputSchema, body);
    note.detail = { version: row.version + 1, reason };
    const at = nowIso(deps);
    await writeAlertVersion(
      tx,
      { id, owner: row.owner, input: inputOf(current), status: 'cancelled', statusReason: reason, version: row.version + 1, action: 'cancelled', at, createdAt: row.created_at, changedBy: ctx.actor.credential },
      row,
    );
    return toAlert((await findAlertRow(tx, id))!);
  });
}
