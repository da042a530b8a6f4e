import type { AlertInput, ScreeningPlace, ScreenQuery, StoredReason } from '@crosscheck/core';
import type { Kysely } from 'kysely';
import { parseAlertBody } from './alert-body.js';
import type { AlertRow } from './alert-repo.js';
import { appendEvent } from './event-repo.js';
import { matchClearances } from './clearance-repo.js';
import type { DB } from './schema.js';
import type { Tx } from './write-transaction.js';

type Db = Kysely<DB> | Tx;

/**
 * What a screening's query becomes when its lookback has passed without a hit (retention of
 * screening queries, see `blankScreeningQueries`): still JSON, so every reader of the column parses
 * it, and never a query the lookback would screen again.
 */
export const BLANKED_QUERY = '{}';

/** How far the retroactive screening has read the change feed. */
export async function retroCursor(db: Db): Promise<number> {
  const row = await db.selectFrom('counters').select('value').where('name', '=', 'retro-cursor').executeTakeFirstOrThrow();
  return Number(row.value);
}

export async function setRetroCursor(tx: Tx, value: number): Promise<void> {
  await tx.updateTable('counters').set({ value }).where('name', '=', 'retro-cursor').execute();
}

/** One kept version of an alert: its status and body (a patch is compared with the version before it). */
export async function alertVersion(db: Db, alertId: string, version: number): Promise<{ status: string; body: AlertInput } | undefined> {
  const row = await db.selectFrom('alert_versions').select(['status', 'body']).where('alert_id', '=', alertId).where('version', '=', version).executeTakeFirst();
  return row ? { status: row.status, body: parseAlertBody(row.body) } : undefined;
}

/** A past screening, as the lookback reads it. */
export interface PastScreening {
  id: string;
  at: string;
  member: string;
  credential: string;
  query: ScreenQuery;
  place: ScreeningPlace | null;
  /** `carrier-check` for a carrier's check (its hit is marked so too), else null. */
  origin: string | null;
}

/**
 * Screenings made from `from` to `to` (inclusive) whose query is still kept, in (time, id) order
 * after `after`, a page at a time.
 */
export async function pastScreenings(db: Db, from: string, to: string, after: { at: string; id: string } | null, limit: number): Promise<PastScreening[]> {
  let q = db.selectFrom('screenings').select(['id', 'at', 'member', 'credential', 'query', 'place', 'origin']).where('at', '>=', from).where('at', '<=', to).where('query', '!=', BLANKED_QUERY);
  if (after) {
    const { at, id } = after;
    q = q.where((eb) => eb.or([eb('at', '>', at), eb.and([eb('at', '=', at), eb('id', '>', id)])]));
  }
  const rows = await q.orderBy('at').orderBy('id').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    member: r.member,
    credential: r.credential,
    // Written by recordScreenings from the parsed query (screenQuerySchema's output).
    query: JSON.parse(r.query) as ScreenQuery,
    place: decodeScreeningPlace(r.place),
    origin: r.origin ?? null,
  }));
}

/** The (screening, alert) pairs among these that already have a hit, as `screening/alert`. */
export async function existingHitPairs(db: Db, alertIds: string[], screeningIds: string[]): Promise<Set<string>> {
  const pairs = new Set<string>();
  if (alertIds.length === 0 || screeningIds.length === 0) return pairs;
  for (let i = 0; i < screeningIds.length; i += 500) {
    const rows = await db.selectFrom('hits').select(['screening_id', 'alert_id']).where('alert_id', 'in', alertIds).where('screening_id', 'in', screeningIds.slice(i, i + 500)).execute();
    for (const r of rows) pairs.add(`${r.screening_id}/${r.alert_id}`);
  }
  return pairs;
}

/** A hit found after the fact, to record. */
export interface RetroactiveHitDraft {
  id: string;
  screening: PastScreening;
  alertId: string;
  alertVersion: number;
  owner: string;
  kind: string;
  score: number;
  reasons: readonly StoredReason[];
}

/**
 * Records a hit found after the fact, marked `retroactive` with its screening's time and place,
 * and tells both bureaus in the same transaction: the owner (`hit.created`, as for any hit, with
 * `retroactive: true`) and the screening member (`hit.retroactive`: a traveller it screened is
 * now wanted). Answers false, writing nothing, when the pair has a hit already (another node, or a
 * screening that found this alert when it was made).
 */
export async function recordRetroactiveHit(tx: Tx, h: RetroactiveHitDraft, at: string): Promise<boolean> {
  if ((await existingHitPairs(tx, [h.alertId], [h.screening.id])).size > 0) return false;
  const place = h.screening.place;
  await tx
    .insertInto('hits')
    .values({
      id: h.id,
      screening_id: h.screening.id,
      alert_id: h.alertId,
      alert_version: h.alertVersion,
      owner: h.owner,
      screening_member: h.screening.member,
      credential: h.screening.credential,
      score: h.score,
      reasons: JSON.stringify(h.reasons),
      reasons_claimed_by: null,
      created_at: at,
      retroactive: 1,
      screened_at: h.screening.at,
      screening_place: place ? JSON.stringify(place) : null,
      // A carrier's check found after the fact is still a carrier's: both bureaus read it so.
      origin: h.screening.origin,
    })
    .execute();
  // The screening's count of hits at or above the threshold says this one too (the lookback's threshold).
  await tx.updateTable('screenings').set((eb) => ({ hit_count: eb('hit_count', '+', 1) })).where('id', '=', h.screening.id).execute();
  // A traveller the screening member cleared on this alert version is recorded, not told again, as live (clearance-repo.ts).
  const cleared = await matchClearances(tx, { member: h.screening.member, at: h.screening.at }, [{ query: h.screening.query, hits: [{ alertId: h.alertId }] }], [[h.id]], new Map([[h.alertId, h.alertVersion]]));
  const common = { hitId: h.id, alertId: h.alertId, screeningId: h.screening.id, screeningMember: h.screening.member, retroactive: true, screenedAt: h.screening.at, ...(place ? { place } : {}), ...(h.screening.origin ? { origin: h.screening.origin } : {}) };
  if (!cleared.has(h.id)) await appendEvent(tx, { member: h.owner, type: 'hit.created', at, data: { ...common, score: h.score, kind: h.kind } });
  // An owner screening its own traveller is told once.
  if (h.screening.member !== h.owner) await appendEvent(tx, { member: h.screening.member, type: 'hit.retroactive', at, data: { ...common, owner: h.owner } });
  return true;
}

/**
 * Retention of screening queries: a screening made before `before` that has no hit keeps its
 * row (who screened, when: the audit trail points at it) but loses its query, which was kept only
 * for the lookback. A screening with hits keeps its query as long as its hits are kept. At most
 * `limit` rows; answers how many.
 */
export async function blankScreeningQueries(tx: Tx, before: string, limit: number): Promise<number> {
  const ids = await tx
    .selectFrom('screenings')
    .select('id')
    .where('at', '<', before)
    .where('hit_count', '=', 0)
    .where('query', '!=', BLANKED_QUERY)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('hits').select('hits.id').whereRef('hits.screening_id', '=', 'screenings.id'))))
    .orderBy('at')
    .limit(limit)
    .execute();
  if (ids.length === 0) return 0;
  // Its place (a flight) was kept for the lookback too: it goes with the query.
  await tx.updateTable('screenings').set({ query: BLANKED_QUERY, place: null }).where('id', 'in', ids.map((r) => r.id)).execute();
  return ids.length;
}

/** The rows of those alerts that are active now (only these are screened against the past). */
export async function activeAlertRows(db: Kysely<DB>, ids: string[]): Promise<AlertRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('alerts').selectAll().where('id', 'in', ids).where('status', '=', 'active').execute();
}

/** A stored place (written from `ScreeningPlace` by recordScreenings or recordRetroactiveHit). */
export function decodeScreeningPlace(json: string | null): ScreeningPlace | null {
  return json === null ? null : (JSON.parse(json) as ScreeningPlace);
}
