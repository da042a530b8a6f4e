import { clearanceStatus, listClearancesQuerySchema, parseInput, requirePermission } from '@crosscheck/core';
import type { ClearanceList, ClearanceView } from '@crosscheck/core/api';
import { currentVersionsOf, listClearanceRows, type ClearanceRow } from '../../store/clearance-repo.js';
import { auditedRead } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import { clearanceViews, loadVisibleClearance, visibleClearances } from './present-clearance.js';

/** Rows read at a time while filling a page. */
const WINDOW = 200;

/**
 * The clearances the caller's member made and those on its alerts, newest first, filtered by
 * status, alert, hit or side. A page is filled from what the caller may see and the cursor is the
 * id of a shown clearance, as for hits.
 */
export async function listClearances(deps: Deps, ctx: Ctx, query: unknown): Promise<ClearanceList> {
  return auditedRead(deps, ctx, 'clearance.list', async (note) => {
    requirePermission(ctx.actor, 'hits.read');
    const q = parseInput(listClearancesQuerySchema, query);
    note.target = 'clearances';
    const shown: ClearanceRow[] = [];
    let before = q.after;
    for (;;) {
      const rows = await listClearanceRows(deps.db, {
        viewer: ctx.actor.member,
        ...(q.side !== undefined ? { side: q.side } : {}),
        ...(q.alertId !== undefined ? { alertId: q.alertId } : {}),
        ...(q.hitId !== undefined ? { hitId: q.hitId } : {}),
        ...(before !== undefined ? { before } : {}),
        limit: WINDOW,
      });
      let visible = (await visibleClearances(deps.db, ctx.actor, rows)).rows;
      if (q.status !== undefined) {
        const versions = await currentVersionsOf(deps.db, visible.map((c) => c.alert_id));
        visible = visible.filter((c) => clearanceStatus({ endReason: c.end_reason, alertVersion: Number(c.alert_version) }, versions.get(c.alert_id) ?? null) === q.status);
      }
      shown.push(...visible);
      if (shown.length > q.limit || rows.length < WINDOW) break;
      before = rows[rows.length - 1]!.id;
    }
    const page = shown.slice(0, q.limit);
    const { rows, hits, access } = await visibleClearances(deps.db, ctx.actor, page);
    const items = await clearanceViews(deps.db, ctx.actor, deps.operator, rows, hits, access);
    note.detail = { query: q, ids: items.map((i) => i.id) };
    return { items, next: shown.length > q.limit ? page[page.length - 1]!.id : null };
  });
}

/** One clearance; "not found" for a member that neither made it nor owns its alert. */
export async function getClearance(deps: Deps, ctx: Ctx, id: string): Promise<ClearanceView> {
  return auditedRead(deps, ctx, 'clearance.read', async (note) => {
    note.target = `clearance:${id}`;
    requirePermission(ctx.actor, 'hits.read');
    const { clearance, hit, access } = await loadVisibleClearance(deps.db, ctx.actor, id);
    const [view] = await clearanceViews(deps.db, ctx.actor, deps.operator, [clearance], [hit], new Map([[hit.alert_id, access]]));
    return view!;
  });
}
