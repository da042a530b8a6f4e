import { alertInstruction, requireReadable, type AlertKind } from '@crosscheck/core';
import type { AlertDetail } from '@crosscheck/core/api';
import { toAlertFor, type AlertView } from '../store/alert-repo.js';
import { flagsOn, type TerritoryFlag } from '../store/review-repo.js';
import { auditedRead } from './audited.js';
import type { Ctx, Deps } from './deps.js';
import { loadAlert } from './load-alert.js';
import { withAssetLinks } from './assets/asset-links.js';

export type FlaggedAlertView = AlertView & { flags?: TerritoryFlag[]; flag?: TerritoryFlag };

/**
 * One alert, as much of it as the caller may see (`alertAccess`); otherwise "not found", exactly
 * as for an id that never existed. The owner sees every territory flag on it (`flags`); another
 * member sees its own (`flag`), so its officers know not to act. Read outside the write
 * transaction; only the audit entry is written.
 */
export async function getAlert(deps: Deps, ctx: Ctx, id: string): Promise<AlertDetail> {
  return auditedRead(deps, ctx, 'alert.read', async (note) => {
    note.target = `alert:${id}`;
    const loaded = await loadAlert(deps.db, id);
    const access = requireReadable(ctx.actor, loaded);
    const row = loaded!.row;
    if (access === 'instruction-only') {
      note.detail = { access };
      return alertInstruction({ id: row.id, kind: row.kind as AlertKind, owner: row.owner });
    }
    const view: FlaggedAlertView = toAlertFor(ctx.actor.member, row);
    const own = row.owner === ctx.actor.member;
    const flags = (await flagsOn(deps.db, [id], own ? undefined : ctx.actor.member)).get(id) ?? [];
    if (own) view.flags = flags;
    else if (flags[0]) view.flag = flags[0];
    const linked = await withAssetLinks(deps.db, ctx.actor, view);
    // The linked alerts' subjects (names, identifiers) are read with it: the trail says which.
    const shown = [...(linked.personAlerts ?? []), ...(linked.assetAlerts ?? []), ...(linked.vehicleAlert ? [linked.vehicleAlert] : [])].map((l) => l.id);
    if (shown.length > 0) note.detail = { linked: shown };
    return linked;
  });
}
