import { alertAccess, alertInstruction, parseInput, presentBodyFor, requirePermission, type AlertInput, type AlertInstruction, type Reader } from '@crosscheck/core';
import { withVisiblePersons } from './assets/asset-links.js';
import { z } from 'zod';
import { versionRow } from '../store/alert-repo.js';
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
  /** A discreet check as the frontline sees it: its instruction, owner and kind, nothing more. */
  | { seq: number; alertId: string; version: number; action: string; at: string; owner: string; access: 'instruction-only'; alert: Omit<AlertInstruction, 'id' | 'owner' | 'access'> }
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
    const { items, rowCount, lastSeq } = await changeItemsFor(tx, q.after, q.limit, ctx.actor);
    note.target = 'changes';
    note.detail = { after: q.after, count: items.length };
    return { items, next: rowCount === q.limit && lastSeq !== null ? lastSeq : null };
  });
}

/**
 * The feed after `after` as `reader` may see it, each version weighed by `alertAccess`: the one
 * statement of who sees which change, shared by the change feed and the national copies'
 * batches. A frontline reader gets the current version of an alert only: a superseded version
 * may hold what the owner has since removed, and the desk has no use for history (it has no
 * right to it either). `rowCount` is the number of feed rows read (at most `limit`) and `lastSeq`
 * the last of them; `through` bounds the sequence range scanned (national copies' batches).
 */
export async function changeItemsFor(tx: Tx, after: number, limit: number, reader: Reader, through?: number): Promise<{ items: ChangeItem[]; rowCount: number; lastSeq: number | null }> {
  const rows = await changesAfter(tx, after, reader.member, limit, through);
  const items: ChangeItem[] = [];
  for (const r of rows) {
    const base = { seq: Number(r.seq), alertId: r.alert_id, version: r.version, at: r.at };
    const access = alertAccess(reader, { owner: r.owner, visibility: visibilityFromColumns(r.vis_mode, r.vis_members), status: r.status, category: r.category, hiddenFromFrontline: r.hiddenFromFrontline });
    if (access === 'hidden') {
      // Withdrawn only when the reader had been shown the alert: one it never saw must not learn that it exists.
      if (await wasShown(tx, reader, r)) items.push({ ...base, action: 'withdrawn' });
    } else if (reader.role === 'frontline' && r.version !== r.current_version) {
      // Superseded: the current version follows later in the feed.
    } else if (access === 'instruction-only') {
      const { kind, category, action } = alertInstruction({ id: r.alert_id, kind: r.body.kind, owner: r.owner });
      items.push({ ...base, action: r.action, owner: r.owner, access: 'instruction-only', alert: { kind, category, action } });
    } else {
      items.push({ ...base, action: r.action, owner: r.owner, status: r.status, statusReason: r.status_reason, alert: presentBodyFor(reader.member, r.owner, r.body) });
    }
  }
  await cutAssetPersons(tx, reader, items);
  const last = rows[rows.length - 1];
  return { items, rowCount: rows.length, lastSeq: last ? Number(last.seq) : null };
}

/** Whether the version before this change was shown to the reader (as anything but hidden). */
async function wasShown(tx: Tx, reader: Reader, r: { alert_id: string; version: number; owner: string; prev_vis_mode: string | null; prev_vis_members: string | null }): Promise<boolean> {
  // The change row keeps the visibility the previous version had (owner-only while under review).
  if (r.prev_vis_mode === null) return false;
  const before = await versionRow(tx, r.alert_id, r.version - 1);
  if (!before) return false;
  const visibility = visibilityFromColumns(r.prev_vis_mode, r.prev_vis_members ?? '[]');
  return alertAccess(reader, { owner: r.owner, visibility, status: before.status, category: before.category, hiddenFromFrontline: before.hiddenFromFrontline }) !== 'hidden';
}

/** An asset version's `persons` as the reader may see them (app/assets/asset-links.ts), in place. */
async function cutAssetPersons(tx: Tx, reader: Reader, items: ChangeItem[]): Promise<void> {
  const full = items.filter((i): i is Extract<ChangeItem, { status: string }> => 'status' in i);
  const shown = await withVisiblePersons(tx, reader, full.map((i) => i.alert as { kind: string; persons?: string[] }));
  full.forEach((item, i) => (item.alert = shown[i] as Partial<AlertInput>));
}
