import { listHitsQuerySchema, overdueReply, parseInput, requirePermission } from '@crosscheck/core';
import { formsOfHits, listHitRows } from '../../store/hit-repo.js';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import { frontlineLimits, isHitVisibleTo, toHitView, type HitListItem } from './present-hit.js';

/**
 * Hits on the caller's alerts and from its screenings, newest first. `overdue=true` keeps the
 * threads where a reply the caller sent or awaits is past due, and each item says which.
 */
export async function listHits(deps: Deps, ctx: Ctx, query: unknown): Promise<{ items: HitListItem[]; next: string | null }> {
  return audited(deps, ctx, 'hits.list', async (tx, note) => {
    requirePermission(ctx.actor, 'hits.read');
    const q = parseInput(listHitsQuerySchema, query);
    const viewer = ctx.actor.member;
    const now = deps.clock();
    note.target = 'hits';
    const rows = await listHitRows(tx, {
      viewer,
      ...(q.alertId !== undefined ? { alertId: q.alertId } : {}),
      ...(q.after !== undefined ? { before: q.after } : {}),
      ...(q.overdue === 'true' ? { overdueAt: now.toISOString() } : {}),
      limit: q.limit + 1,
    });
    const visible = rows.slice(0, q.limit).filter((h) => isHitVisibleTo(viewer, h));
    const limits = await frontlineLimits(tx, ctx.actor, visible);
    // A discreet check's thread is the bureaus' business: not even its deadlines reach the desk.
    const page = visible.filter((h) => limits.get(h.alert_id) !== 'hidden' && !(q.overdue === 'true' && limits.get(h.alert_id) === 'discreet'));
    const forms = await formsOfHits(tx, page.map((h) => h.id));
    const items = page.map((h) => ({
      ...toHitView(viewer, h, limits.get(h.alert_id)),
      overdue: limits.get(h.alert_id) === 'discreet' ? null : overdueReply(
        forms.filter((f) => f.hit_id === h.id).map((f) => ({ form: f.form, from: f.from_member, to: f.to_member, replyDueAt: f.reply_due_at })),
        viewer,
        now,
      ),
    }));
    note.detail = { query: q, ids: items.map((i) => i.id) };
    return { items, next: rows.length > q.limit ? (rows[q.limit - 1]?.id ?? null) : null };
  });
}
