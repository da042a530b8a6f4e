import { requireReadable } from '@crosscheck/core';
import { toAlertFor, type AlertView } from '../store/alert-repo.js';
import { audited } from './audited.js';
import type { Ctx, Deps } from './deps.js';
import { loadAlert } from './load-alert.js';

/** One alert, if the caller may see it; otherwise "not found", exactly as for an id that never existed. */
export async function getAlert(deps: Deps, ctx: Ctx, id: string): Promise<AlertView> {
  return audited(deps, ctx, 'alert.read', async (tx, note) => {
    note.target = `alert:${id}`;
    const loaded = await loadAlert(tx, id);
    requireReadable(ctx.actor, loaded);
    return toAlertFor(ctx.actor.member, loaded!.row);
  });
}
