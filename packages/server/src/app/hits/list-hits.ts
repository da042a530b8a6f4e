import { listHitsQuerySchema, overdueReply, parseInput, requirePermission, type AlertAccess } from '@crosscheck/core';
import { formsOfHits, listHitRows } from '../../store/hit-repo.js';
import { auditedRead } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import type { HitRow } from '../../store/hit-repo.js';
import { hitNames, named } from './hit-names.js';
import { hitAccess, isHitVisibleTo, toHitView, type HitListItem } from './present-hit.js';

/** Rows read at a time while filling a page. */
const WINDOW = 200;

/**
 * Hits on the caller's alerts and from its screenings, newest first. `overdue=true` keeps the
 * threads where a reply the caller sent or awaits is past due, and each item says which.
 */
export async function listHits(deps: Deps, ctx: Ctx, query: unknown): Promise<{ items: HitListItem[]; next: string | null }> {
  return auditedRead(deps, ctx, 'hit.list', async (note) => {
    requirePermission(ctx.actor, 'hits.read');
    const q = parseInput(listHitsQuerySchema, query);
    const viewer = ctx.actor.member;
    const now = deps.clock();
    note.target = 'hits';
    // Hits the caller may not be shown (a frontline user's hits on alerts hidden from the
    // frontline) are skipped here, not after the limit: a page is filled from what may be shown,
    // and the cursor is always the id of a shown hit, so it never reveals a hidden one.
    const shown: HitRow[] = [];
    const access = new Map<string, AlertAccess>();
    let before = q.after;
    for (;;) {
      const rows = await listHitRows(deps.db, {
        viewer,
        ...(q.alertId !== undefined ? { alertId: q.alertId } : {}),
        ...(before !== undefined ? { before } : {}),
        ...(q.overdue === 'true' ? { overdueAt: now.toISOString() } : {}),
        limit: WINDOW,
      });
      const visible = rows.filter((h) => isHitVisibleTo(viewer, h));
      for (const [id, a] of await hitAccess(deps.db, ctx.actor, visible)) access.set(id, a);
      // A discreet check's thread is the bureaus' business: not even its deadlines reach the desk.
      shown.push(...visible.filter((h) => access.get(h.alert_id) !== 'hidden' && !(q.overdue === 'true' && access.get(h.alert_id) === 'instruction-only')));
      if (shown.length > q.limit || rows.length < WINDOW) break;
      before = rows[rows.length - 1]!.id;
    }
    const page = shown.slice(0, q.limit);
    const forms = await formsOfHits(deps.db, page.map((h) => h.id));
    const views = page.map((h) => toHitView(viewer, h, access.get(h.alert_id)));
    const names = await hitNames(deps.db, ctx.actor, deps.operator, page, access, views.flatMap((v) => [v.screenedBy, v.outcome?.by]));
    const items = page.map((h, i) => ({
      ...named(views[i]!, names),
      overdue: access.get(h.alert_id) === 'instruction-only' ? null : overdueReply(
        forms.filter((f) => f.hit_id === h.id).map((f) => ({ form: f.form, from: f.from_member, to: f.to_member, replyDueAt: f.reply_due_at })),
        viewer,
        now,
      ),
    }));
    note.detail = { query: q, ids: items.map((i) => i.id) };
    return { items, next: shown.length > q.limit ? page[page.length - 1]!.id : null };
  });
}
