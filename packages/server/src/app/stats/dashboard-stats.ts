import { overdueReply, parseInput, requirePermission } from '@crosscheck/core';
import type { CountryHits, DashboardStats, OverdueReplyItem } from '@crosscheck/core/api';
import countries from 'i18n-iso-countries';
import { z } from 'zod';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import { overdueFormRows, overdueThreadCount } from '../../store/hit-repo.js';
import { fillDays, lastDays, minutesLate, windowStart } from './day-buckets.js';
import { alertCounts, hitsByScreeningMember, hitsPerDay, memberNames } from '../../store/stats-repo.js';

export const dashboardQuerySchema = z
  .object({
    /** How many UTC days, today included, the hit figures cover. */
    days: z.coerce.number().int().min(1).max(365).default(30),
  })
  .strict();

/** At most this many overdue threads are listed; `overdue.total` counts them all. */
const OVERDUE_LIMIT = 100;

/**
 * The dashboard's figures for the caller's member (`stats.read`): alert counts over what it may
 * see, its hits per day and by screening country, and the replies overdue in its hit threads.
 * Counted in SQL over the same rules as the lists, so nothing hidden is ever counted.
 */
export async function dashboardStats(deps: Deps, ctx: Ctx, query: unknown): Promise<DashboardStats> {
  return audited(deps, ctx, 'stats.read', async (tx, note) => {
    note.target = 'stats';
    requirePermission(ctx.actor, 'stats.read');
    const { days } = parseInput(dashboardQuerySchema, query);
    note.detail = { days };
    const member = ctx.actor.member;
    const now = deps.clock();
    const nowIso = now.toISOString();
    const from = windowStart(now, days);

    const visible = await alertCounts(tx, ctx.actor, 'visible');
    const own = await alertCounts(tx, ctx.actor, 'own');
    const onOurAlerts = await hitsPerDay(tx, 'owner', member, from);
    const byOurScreening = await hitsPerDay(tx, 'screening_member', member, from);
    const perDay = fillDays(lastDays(now, days), { onOurAlerts, byOurScreening });
    const byMember = await hitsByScreeningMember(tx, member, from);
    const names = await memberNames(tx, byMember.map((m) => m.member));

    return {
      member,
      at: nowIso,
      days,
      alerts: { visible, own },
      hits: {
        from,
        perDay,
        totals: { onOurAlerts: sum(perDay.map((d) => d.onOurAlerts)), byOurScreening: sum(perDay.map((d) => d.byOurScreening)) },
        byCountry: byMember.map((m) => ({ ...m, name: names.get(m.member) ?? null, numeric: countries.alpha3ToNumeric(m.member) ?? null, alpha2: countries.alpha3ToAlpha2(m.member) ?? null })),
      },
      overdue: { total: await overdueThreadCount(tx, member, nowIso), items: await overdueItems(tx, member, now) },
    };
  });
}

/** One item per thread: the reply that has waited longest, as the hits list's `overdue` names it. */
async function overdueItems(tx: Parameters<typeof overdueFormRows>[0], member: string, now: Date): Promise<OverdueReplyItem[]> {
  // Forms come most overdue first; enough of them to fill the list even when threads have several.
  const forms = await overdueFormRows(tx, now.toISOString(), { member, limit: OVERDUE_LIMIT * 4 });
  const threads = new Map<string, typeof forms>();
  for (const f of forms) threads.set(f.hit_id, [...(threads.get(f.hit_id) ?? []), f]);
  const items: OverdueReplyItem[] = [];
  for (const [hitId, thread] of threads) {
    const worst = overdueReply(thread.map((f) => ({ form: f.form, from: f.from_member, to: f.to_member, replyDueAt: f.reply_due_at })), member, now);
    if (!worst) continue;
    const form = thread.find((f) => f.reply_due_at === worst.dueAt && f.to_member === worst.waitingFor)!;
    const owed = worst.waitingFor === member ? 'by-us' : 'to-us';
    items.push({
      hitId,
      alertId: thread[0]!.alert_id,
      form: worst.form,
      dueAt: worst.dueAt,
      owed,
      otherMember: owed === 'by-us' ? form.from_member : form.to_member,
      minutesLate: minutesLate(worst.dueAt, now),
    });
  }
  return items.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.hitId.localeCompare(b.hitId)).slice(0, OVERDUE_LIMIT);
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
