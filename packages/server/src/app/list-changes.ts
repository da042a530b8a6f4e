import { parseInput, presentBodyFor, requirePermission, visibleTo, type AlertInput } from '@crosscheck/core';
import { z } from 'zod';
import { versionBody } from '../store/alert-repo.js';
import { changesAfter, visibilityFromColumns } from '../store/change-repo.js';
import { audited } from './audited.js';
import type { Ctx, Deps } from './deps.js';
import type { Tx } from '../store/write-transaction.js';

export const changesQuerySchema = z
  .object({
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();

export type ChangeItem =
  | { seq: number; alertId: string; version: number; action: string; at: string; owner: string; status: string; statusReason: string | null; alert: Partial<AlertInput> }
  /** The alert was visible to the caller before this change and is not any more: drop your copy. */
  | { seq: number; alertId: string; version: number; action: 'withdrawn'; at: string };

/**
 * The change feed, in sequence order, as the caller may see it. A change that hides an alert
 * from the caller appears as `withdrawn`, so followers (indexes, national copies) delete it.
 */
export async function listChanges(deps: Deps, ctx: Ctx, query: unknown): Promise<{ items: ChangeItem[]; next: number | null }> {
  return audited(deps, ctx, 'change.list', async (tx, note) => {
    requirePermission(ctx.actor, 'changes.read');
    const q = parseInput(changesQuerySchema, query);
    const { items, rowCount, lastSeq } = await changeItemsFor(tx, q.after, q.limit, ctx.actor.member, ctx.actor.role === 'frontline');
    note.target = 'changes';
    note.detail = { after: q.after, count: items.length };
    return { items, next: rowCount === q.limit && lastSeq !== null ? lastSeq : null };
  });
}

/**
 * The feed after `after` as `member` may see it (as its frontline does when `frontline`): the one
 * statement of who sees which change, shared by the change feed and the national copies' batches.
 * `rowCount` is the number of feed rows read (at most `limit`) and `lastSeq` the last of them;
 * `through` bounds the sequence range scanned (national copies' batches).
 */
export async function changeItemsFor(tx: Tx, after: number, limit: number, me: string, frontline: boolean, through?: number): Promise<{ items: ChangeItem[]; rowCount: number; lastSeq: number | null }> {
  const rows = await changesAfter(tx, after, me, limit, through);
  const items: ChangeItem[] = [];
  for (const r of rows) {
    const base = { seq: Number(r.seq), alertId: r.alert_id, version: r.version, at: r.at };
    const body = JSON.parse(r.body) as AlertInput;
    const visible = visibleTo(r.owner, visibilityFromColumns(r.vis_mode, r.vis_members), me);
    // A frontline follower is told to drop an alert hidden from the frontline, as if withdrawn —
    // only when it had been shown that alert: one it never saw must not learn that it exists.
    if (visible && frontline && body.hiddenFromFrontline === true) {
      const before = r.version > 1 ? await versionBody(tx, r.alert_id, r.version - 1) : undefined;
      const wasShown = before !== undefined && before.hiddenFromFrontline !== true && r.prev_vis_mode !== null && visibleTo(r.owner, visibilityFromColumns(r.prev_vis_mode, r.prev_vis_members ?? '[]'), me);
      if (wasShown) items.push({ ...base, action: 'withdrawn' });
    } else if (visible) {
      items.push({ ...base, action: r.action, owner: r.owner, status: r.status, statusReason: r.status_reason, alert: presentBodyFor(me, r.owner, body) });
    } else if (r.prev_vis_mode !== null && visibleTo(r.owner, visibilityFromColumns(r.prev_vis_mode, r.prev_vis_members ?? '[]'), me)) {
      items.push({ ...base, action: 'withdrawn' });
    }
  }
  const last = rows[rows.length - 1];
  return { items, rowCount: rows.length, lastSeq: last ? Number(last.seq) : null };
}
