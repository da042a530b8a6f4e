import { requirePermission } from '@crosscheck/core';
import { alertAsReadBy, listAlertRows, type AlertView } from '../store/alert-repo.js';
import { audited } from './audited.js';
import { withVisiblePersons } from './assets/asset-links.js';
import type { Ctx, Deps } from './deps.js';

/**
 * Every alert the caller may see, page by page, to `emit` (JSON lines for the CLI and the API).
 * One audit entry records the export and how many alerts left.
 */
export async function exportAlerts(deps: Deps, ctx: Ctx, filter: { status?: string; kind?: string }, emit: (alert: AlertView) => void): Promise<number> {
  return audited(deps, ctx, 'alert.export', async (tx, note) => {
    requirePermission(ctx.actor, 'alert.export');
    let after: string | undefined;
    let count = 0;
    for (;;) {
      const rows = await listAlertRows(tx, { reader: ctx.actor, ...filter, ...(after ? { after } : {}), limit: 1000 });
      // An export carries records; an instruction-only reader has none to take away.
      const records = rows.flatMap((r) => {
        const shown = alertAsReadBy(ctx.actor, r);
        return !shown || 'access' in shown ? [] : [shown];
      });
      for (const shown of await withVisiblePersons(tx, ctx.actor, records)) {
        emit(shown);
        count++;
      }
      if (rows.length < 1000) break;
      after = rows[rows.length - 1]!.id;
    }
    note.target = 'alerts';
    note.detail = { ...filter, count };
    return count;
  });
}
