import { DISCREET_ACTION, roleAccess, roleIsLimited, notFound, type Actor, type AlertAccess, type HitForm, type HitOrigin, type HitOutcome } from '@crosscheck/core';
import type { HandlingCode, HitFormView, HitView } from '@crosscheck/core/api';
import { accessFactsOf } from '../../store/alert-repo.js';
import { alertFactsOf, findHit, type HitFormRow, type HitRow } from '../../store/hit-repo.js';
import { retroactiveOf } from '../retroactive/present-retroactive.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema.js';

export type { HitDetail, HitFormView, HitListItem, HitOutcomeView, HitView } from '@crosscheck/core/api';

/** Owner and screening member see a hit; for everyone else it does not exist. */
export const isHitVisibleTo = (member: string, hit: HitRow): boolean => hit.owner === member || hit.screening_member === member;

export async function loadVisibleHit(db: Kysely<DB>, actor: Actor, id: string): Promise<{ hit: HitRow; access: AlertAccess }> {
  const hit = await findHit(db, id);
  if (!hit || !isHitVisibleTo(actor.member, hit)) throw notFound('hit');
  const access = (await hitAccess(db, actor, [hit])).get(hit.alert_id) ?? 'full';
  if (access === 'hidden') throw notFound('hit');
  return { hit, access };
}

/**
 * How much of each hit's alert the reader may see, per alert id: in the hits inbox as in
 * screening, an alert hidden from the frontline is not there at all and a discreet check is only
 * its instruction. The reader is party to the hit, so `roleAccess` alone decides (see there). An
 * alert absent from the map is read in full.
 */
export async function hitAccess(db: Kysely<DB>, actor: Actor, hits: HitRow[]): Promise<Map<string, AlertAccess>> {
  const access = new Map<string, AlertAccess>();
  // Only a limited role needs the alerts' facts: spare every other reader the query.
  if (hits.length === 0 || !roleIsLimited(actor.role)) return access;
  for (const row of await alertFactsOf(db, [...new Set(hits.map((h) => h.alert_id))])) access.set(row.id, roleAccess(actor, accessFactsOf(row)));
  return access;
}

export function toHitView(viewer: string, h: HitRow, access: AlertAccess = 'full'): HitView {
  const own = viewer === h.screening_member;
  if (access === 'instruction-only') {
    return { id: h.id, screeningId: h.screening_id, alertId: h.alert_id, alertVersion: Number(h.alert_version), owner: h.owner, screeningMember: h.screening_member, reasons: [], action: DISCREET_ACTION, createdAt: h.created_at, outcome: null, ...retroactiveOf(h) };
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
    reasons: h.reasons,
    ...(h.reasons_claimed_by !== null ? { reasonsClaimedBy: h.reasons_claimed_by } : {}),
    createdAt: h.created_at,
    outcome:
      h.outcome === null
        ? null
        : // Written only by record-outcome.ts, from hitOutcomeSchema.
          { outcome: h.outcome as HitOutcome, note: h.outcome_note ?? '', at: h.outcome_at ?? '', ...(own && h.outcome_by ? { by: h.outcome_by } : {}) },
    ...retroactiveOf(h),
    // Written only by recordScreenings, from HIT_ORIGINS: "from a carrier check", to both bureaus.
    ...(h.origin !== null && h.origin !== undefined ? { origin: h.origin as HitOrigin } : {}),
  };
}

export function toFormView(viewer: string, f: HitFormRow): HitFormView {
  return {
    id: f.id,
    // Written only by send-hit-form.ts, from hitFormSchema.
    form: f.form as HitForm,
    from: f.from_member,
    to: f.to_member,
    handlingCode: f.handling_code as HandlingCode,
    sourceGrade: f.source_grade,
    infoGrade: f.info_grade,
    text: f.body.text,
    reason: f.body.reason ?? null,
    ...(f.body.answers !== undefined ? { answers: f.body.answers } : {}),
    createdAt: f.created_at,
    replyDueAt: f.reply_due_at,
    ...(viewer === f.from_member ? { createdBy: f.created_by } : {}),
  };
}
