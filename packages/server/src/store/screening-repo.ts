import { screenSettingsOf, type Alert, type HitOrigin, type ScreenHit, type ScreeningPlace, type ScreenQuery, type StoredReason } from '@crosscheck/core';
import type { Kysely } from 'kysely';
import { toAlert } from './alert-repo.js';
import { appendEvent } from './event-repo.js';
import { matchClearances } from './clearance-repo.js';
import type { DB } from './schema.js';
import type { Tx } from './write-transaction.js';

/**
 * A result to record. A national copy's forwarded hit that the centre could not find again keeps
 * the reasons the copy stored (sentences from older copies included), marked with the copy that
 * claimed them.
 */
export type HitToRecord = Omit<ScreenHit, 'reasons'> & { reasons: readonly StoredReason[]; reasonsClaimedBy?: string };

/** One screening to store: what was asked and what the index found (any score). */
export interface ScreeningDraft {
  screeningId: string;
  query: ScreenQuery;
  hits: readonly HitToRecord[];
  /** Where it was made, when the request says (a flight's travellers): kept for hits after the fact. */
  place?: ScreeningPlace;
  /** Absent for a screening; `carrier-check` for a carrier's check: stored on the screening and its hits, and said in `hit.created`. */
  origin?: HitOrigin;
}

/** Who screened, and when (for a national copy's forwarded screening, when the centre received it). */
export interface ScreeningAuthor {
  member: string;
  credential: string;
  at: string;
}

/** Rows per INSERT: well inside SQLite's limit on bound values (32,766) at 13 columns a row. */
const INSERT_CHUNK = 200;

/**
 * Stores screenings and a hit for every result at or above the threshold, and tells each owner's
 * bureau (a `hit.created` event, in the same transaction). Written with a few multi-row inserts,
 * however many travellers a flight or batch holds. Answers, per screening and in the order of its
 * `hits`, the id of the hit recorded for each result, or null below the threshold.
 */
export async function recordScreenings(tx: Tx, by: ScreeningAuthor, screenings: readonly ScreeningDraft[], newId: () => string): Promise<(string | null)[][]> {
  // Each screening's own threshold (the query's, screen-settings.ts; stored with the query, so the
  // screening shows that it was set).
  const thresholds = screenings.map((s) => screenSettingsOf(s.query).threshold);
  const screeningRows = screenings.map((s, i) => ({ id: s.screeningId, at: by.at, member: by.member, credential: by.credential, query: JSON.stringify(s.query), hit_count: s.hits.filter((h) => h.score >= thresholds[i]!).length, place: s.place ? JSON.stringify(s.place) : null, origin: s.origin ?? null }));
  for (let i = 0; i < screeningRows.length; i += INSERT_CHUNK) await tx.insertInto('screenings').values(screeningRows.slice(i, i + INSERT_CHUNK)).execute();
  const hitIds = screenings.map((s, i) => s.hits.map((h) => (h.score >= thresholds[i]! ? newId() : null)));
  const hitRows = screenings.flatMap((s, i) => s.hits.flatMap((hit, j) => (hitIds[i]![j] ? [{ hit, screeningId: s.screeningId, id: hitIds[i]![j]!, origin: s.origin }] : [])));
  if (hitRows.length === 0) return hitIds;
  const alertIds = [...new Set(hitRows.map((r) => r.hit.alertId))];
  const versionOf = new Map<string, number>();
  for (let i = 0; i < alertIds.length; i += INSERT_CHUNK) {
    for (const v of await tx.selectFrom('alerts').select(['id', 'version']).where('id', 'in', alertIds.slice(i, i + INSERT_CHUNK)).execute()) versionOf.set(v.id, v.version);
  }
  const values = hitRows.map(({ hit: h, screeningId, id, origin }) => ({
    id,
    screening_id: screeningId,
    alert_id: h.alertId,
    alert_version: versionOf.get(h.alertId) ?? 0,
    owner: h.owner,
    screening_member: by.member,
    credential: by.credential,
    score: h.score,
    reasons: JSON.stringify(h.reasons),
    reasons_claimed_by: h.reasonsClaimedBy ?? null,
    created_at: by.at,
    origin: origin ?? null,
  }));
  for (let i = 0; i < values.length; i += INSERT_CHUNK) await tx.insertInto('hits').values(values.slice(i, i + INSERT_CHUNK)).execute();
  // A traveller the screening member cleared on this alert version is recorded, not told again (clearance-repo.ts).
  const cleared = await matchClearances(tx, by, screenings, hitIds, versionOf);
  // The owner's bureau is told at once (its event stream and webhooks).
  for (const { hit, id, screeningId, origin } of hitRows) {
    if (cleared.has(id)) continue;
    await appendEvent(tx, { member: hit.owner, type: 'hit.created', at: by.at, data: { hitId: id, alertId: hit.alertId, screeningId, screeningMember: by.member, score: hit.score, kind: hit.kind, ...(origin ? { origin } : {}) } });
  }
  return hitIds;
}

/** The change feed's head: the sequence number of the last change written. */
export async function changeFeedHead(db: Kysely<DB>): Promise<number> {
  const head = await db.selectFrom('counters').select('value').where('name', '=', 'changes').executeTakeFirstOrThrow();
  return Number(head.value);
}

/**
 * Hands every active alert to `take`, a page at a time, and answers the change-feed position they
 * correspond to: one repeatable-read snapshot, so a change committed meanwhile is either in the
 * alerts or after the position, never lost between the two. `exceptKind` leaves out the alerts
 * of that kind (a start from an index snapshot has them already).
 */
export async function activeAlertsSnapshot(db: Kysely<DB>, take: (alert: Alert) => void, page = 2000, options: { exceptKind?: Alert['kind'] } = {}): Promise<number> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const head = await tx.selectFrom('counters').select('value').where('name', '=', 'changes').executeTakeFirstOrThrow();
      let after = '';
      for (;;) {
        let query = tx.selectFrom('alerts').selectAll().where('status', '=', 'active').where('id', '>', after);
        if (options.exceptKind) query = query.where('kind', '!=', options.exceptKind);
        const rows = await query.orderBy('id').limit(page).execute();
        for (const row of rows) take(toAlert(row));
        if (rows.length < page) break;
        after = rows[rows.length - 1]!.id;
      }
      return Number(head.value);
    });
}
