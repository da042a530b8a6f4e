import { clearanceStatus, clearanceVisibleTo, notFound, roleMay, travellerLabel, type Actor, type AlertAccess } from '@crosscheck/core';
import type { ClearanceView } from '@crosscheck/core/api';
import countries from 'i18n-iso-countries';
import type { Kysely } from 'kysely';
import { currentVersionsOf, findClearance, hitsOfClearances, screeningQueriesOf, suppressedCounts, type ClearanceRow } from '../../store/clearance-repo.js';
import type { HitRow } from '../../store/hit-repo.js';
import type { DB } from '../../store/schema.js';
import { hitNames } from '../hits/hit-names.js';
import { hitAccess } from '../hits/present-hit.js';

/**
 * The clearance and its hit, or "not found" for a reader who may not see it. A clearance is seen by
 * the alert's owner and by the clearing member (core clearanceVisibleTo), and by them only where
 * they may see the hit it was made from (a frontline user never sees one on an alert hidden from
 * the frontline): for everyone else it does not exist.
 */
export async function loadVisibleClearance(db: Kysely<DB>, actor: Actor, id: string): Promise<{ clearance: ClearanceRow; hit: HitRow; access: AlertAccess }> {
  const clearance = await findClearance(db, id);
  if (!clearance || !clearanceVisibleTo(actor.member, clearance)) throw notFound('clearance');
  const [hit] = await hitsOfClearances(db, [clearance.hit_id]);
  if (!hit) throw notFound('clearance');
  const access = (await hitAccess(db, actor, [hit])).get(hit.alert_id) ?? 'full';
  if (access === 'hidden') throw notFound('clearance');
  return { clearance, hit, access };
}

/** Drops the clearances the reader may not see (core clearanceVisibleTo, and the hit's access); answers the rest with their hits' access. */
export async function visibleClearances(db: Kysely<DB>, actor: Actor, rows: readonly ClearanceRow[]): Promise<{ rows: ClearanceRow[]; hits: HitRow[]; access: Map<string, AlertAccess> }> {
  const mine = rows.filter((c) => clearanceVisibleTo(actor.member, c));
  const hits = await hitsOfClearances(db, mine.map((c) => c.hit_id));
  const access = await hitAccess(db, actor, hits);
  const hitOf = new Map(hits.map((h) => [h.id, h]));
  const shown = mine.filter((c) => hitOf.has(c.hit_id) && (access.get(c.alert_id) ?? 'full') !== 'hidden');
  return { rows: shown, hits: shown.map((c) => hitOf.get(c.hit_id)!), access };
}

/** The views of clearances the reader may see, named as their hits are named. */
export async function clearanceViews(db: Kysely<DB>, actor: Actor, operator: string, rows: readonly ClearanceRow[], hits: HitRow[], access: Map<string, AlertAccess>): Promise<ClearanceView[]> {
  const viewer = actor.member;
  const versions = await currentVersionsOf(db, rows.map((c) => c.alert_id));
  const queries = await screeningQueriesOf(db, hits.map((h) => h.screening_id));
  const counts = await suppressedCounts(db, rows.map((c) => c.id));
  const hitOf = new Map(hits.map((h) => [h.id, h]));
  // A credential is shown to its own member only: the clearer's to the clearing member, the ender's to the member that ended it.
  const endedByOwn = (c: ClearanceRow) => (c.end_reason === 'objected' ? c.owner : c.member) === viewer;
  const names = await hitNames(db, actor, operator, hits, access, rows.flatMap((c) => [c.member === viewer ? c.credential : undefined, c.ended_by !== null && endedByOwn(c) ? c.ended_by : undefined]));
  return rows.map((c) => {
    const status = clearanceStatus({ endReason: c.end_reason, alertVersion: Number(c.alert_version) }, versions.get(c.alert_id) ?? null);
    const hit = hitOf.get(c.hit_id)!;
    const query = queries.get(hit.screening_id);
    const subject = names.subjects.get(c.hit_id);
    const ownerName = names.members.get(c.owner);
    const memberName = names.members.get(c.member);
    const clearedByName = c.member === viewer ? names.credentials.get(c.credential) : undefined;
    const ownerAlpha2 = countries.alpha3ToAlpha2(c.owner);
    const memberAlpha2 = countries.alpha3ToAlpha2(c.member);
    return {
      id: c.id,
      status,
      alertId: c.alert_id,
      alertVersion: Number(c.alert_version),
      ...(subject !== undefined ? { subject } : {}),
      hitId: c.hit_id,
      owner: c.owner,
      ...(ownerName !== undefined ? { ownerName } : {}),
      ...(ownerAlpha2 ? { ownerAlpha2 } : {}),
      member: c.member,
      ...(memberName !== undefined ? { memberName } : {}),
      ...(memberAlpha2 ? { memberAlpha2 } : {}),
      ...(c.member === viewer ? { clearedBy: c.credential } : {}),
      ...(clearedByName !== undefined ? { clearedByName } : {}),
      createdAt: c.created_at,
      traveller: query ? travellerLabel(query) : null,
      suppressed: counts.get(c.id) ?? 0,
      endedAt: status === 'superseded' ? null : c.ended_at,
      ...(c.ended_by !== null && endedByOwn(c) ? { endedBy: c.ended_by } : {}),
      endNote: c.end_note,
      canRevoke: status === 'active' && c.member === viewer && roleMay(actor.role, 'hits.outcome'),
      canObject: status === 'active' && c.owner === viewer && roleMay(actor.role, 'alert.update'),
    };
  });
}
