import { notFound, readStoredReasons, type Actor, type HitForm, type HitOutcome } from '@crosscheck/core';
import type { HandlingCode, HitFormView, HitView } from '@crosscheck/core/api';
import { isHiddenFromFrontline } from '../../store/alert-repo.js';
import { findHit, type HitFormRow, type HitRow } from '../../store/hit-repo.js';
import type { Tx } from '../../store/write-transaction.js';
import { DISCREET_ACTION } from '../screen.js';

export type { HitDetail, HitFormView, HitListItem, HitOutcomeView, HitView } from '@crosscheck/core/api';

/** Owner and screening member see a hit; for everyone else it does not exist. */
export const isHitVisibleTo = (member: string, hit: HitRow): boolean => hit.owner === member || hit.screening_member === member;

export async function loadVisibleHit(tx: Tx, actor: Actor, id: string): Promise<{ hit: HitRow; limit: FrontlineLimit | undefined }> {
  const hit = await findHit(tx, id);
  if (!hit || !isHitVisibleTo(actor.member, hit)) throw notFound('hit');
  const limit = (await frontlineLimits(tx, actor, [hit])).get(hit.alert_id);
  if (limit === 'hidden') throw notFound('hit');
  return { hit, limit };
}

/**
 * What the frontline may not learn from hits, per alert: alerts hidden from the frontline are not
 * there at all, and a discreet check is only its instruction — in the hits inbox as in screening.
 * Empty for other roles.
 */
export type FrontlineLimit = 'hidden' | 'discreet';

export async function frontlineLimits(tx: Tx, actor: Actor, hits: HitRow[]): Promise<Map<string, FrontlineLimit>> {
  const limits = new Map<string, FrontlineLimit>();
  if (actor.role !== 'frontline' || hits.length === 0) return limits;
  const rows = await tx.selectFrom('alerts').selectAll().where('id', 'in', [...new Set(hits.map((h) => h.alert_id))]).execute();
  for (const row of rows) {
    if (isHiddenFromFrontline(row)) limits.set(row.id, 'hidden');
    else if (row.category === 'discreet-check') limits.set(row.id, 'discreet');
  }
  return limits;
}

export function toHitView(viewer: string, h: HitRow, limit?: FrontlineLimit): HitView {
  const own = viewer === h.screening_member;
  if (limit === 'discreet') {
    return { id: h.id, screeningId: h.screening_id, alertId: h.alert_id, alertVersion: Number(h.alert_version), owner: h.owner, screeningMember: h.screening_member, reasons: [], action: DISCREET_ACTION, createdAt: h.created_at, outcome: null };
  }
  return {
    id: h.id,
    screeningId: h.screening_id,
    alertId: h.alert_id,
    alertVersion: Number(h.alert_version),
    owner: h.owner,
    screeningMember: h.screening_member,
    ...(own ? { screenedBy: h.credential } : {}),
    // PostgreSQL keeps the score as a 4-byte float: round away its representation noise.
    score: Math.round(Number(h.score) * 1000) / 1000,
    reasons: readStoredReasons(h.reasons),
    createdAt: h.created_at,
    outcome:
      h.outcome === null
        ? null
        : // Written only by record-outcome.ts, from hitOutcomeSchema.
          { outcome: h.outcome as HitOutcome, note: h.outcome_note ?? '', at: h.outcome_at ?? '', ...(own && h.outcome_by ? { by: h.outcome_by } : {}) },
  };
}

/** What a form row's `body` JSON holds. */
export interface FormBody {
  text: string;
  reason?: string;
}

export function toFormView(viewer: string, f: HitFormRow): HitFormView {
  const body = JSON.parse(f.body) as FormBody;
  return {
    id: f.id,
    // Written only by send-hit-form.ts, from hitFormSchema.
    form: f.form as HitForm,
    from: f.from_member,
    to: f.to_member,
    handlingCode: f.handling_code as HandlingCode,
    sourceGrade: f.source_grade,
    infoGrade: f.info_grade,
    text: body.text,
    reason: body.reason ?? null,
    createdAt: f.created_at,
    replyDueAt: f.reply_due_at,
    ...(viewer === f.from_member ? { createdBy: f.created_by } : {}),
  };
}
