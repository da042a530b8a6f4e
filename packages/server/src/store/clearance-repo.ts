import { clearanceHolds, clearanceKey, probesOf, readStoredReasons, travellerIdentities, type ScreenQuery } from '@crosscheck/core';
import { clearanceVisibleSql } from '@crosscheck/core/sql';
import type { HitRow } from './hit-repo.js';
import type { Kysely, Selectable } from 'kysely';
import type { ClearancesTable, DB } from './schema.js';
import type { Tx } from './write-transaction.js';

export type ClearanceRow = Selectable<ClearancesTable>;
type Db = Kysely<DB> | Tx;

/** Rows per IN list: well inside SQLite's limit on bound values. */
const CHUNK = 500;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/** Who a screening's query says the traveller is (core travellerIdentities; none when it identifies nobody). */
export function travellerIdentitiesOf(query: ScreenQuery, at: string): string[] {
  try {
    return travellerIdentities(probesOf(query, { today: at.slice(0, 10) }));
  } catch {
    // A zone that cannot be read was refused when screened; one stored otherwise identifies nobody.
    return [];
  }
}

/** The traveller keys of a screening's query on an alert, as a clearance stores them. */
export function travellerKeysOf(query: ScreenQuery, alertId: string, at: string): string[] {
  return travellerIdentitiesOf(query, at).map((identity) => clearanceKey(alertId, identity));
}

/** The hits' screenings, as the screening member asked them (`screenings.query`). */
export async function screeningQueriesOf(db: Db, screeningIds: readonly string[]): Promise<Map<string, ScreenQuery>> {
  const out = new Map<string, ScreenQuery>();
  for (const ids of chunks([...new Set(screeningIds)])) {
    for (const row of await db.selectFrom('screenings').select(['id', 'query']).where('id', 'in', ids).execute()) out.set(row.id, JSON.parse(row.query) as ScreenQuery);
  }
  return out;
}

/**
 * The clearances that hold for these hits while they are recorded (recordScreenings): one of the
 * screening member's own, on the alert's current version, sharing a traveller key with the
 * screening. Each hit found is written down as recorded under its clearance; the answer is the
 * clearance per hit id, whose owner is not to be told. Only a member's own clearances count: another
 * member's would tell it that the traveller was screened elsewhere.
 */
export async function matchClearances(
  tx: Tx,
  by: { member: string; at: string },
  screenings: readonly { query: ScreenQuery; hits: readonly { alertId: string }[] }[],
  hitIds: readonly (readonly (string | null)[])[],
  versionOf: ReadonlyMap<string, number>,
): Promise<Map<string, string>> {
  const wanted: { hitId: string; alertId: string; keys: string[] }[] = [];
  screenings.forEach((s, i) => {
    if (!hitIds[i]?.some((id) => id !== null)) return;
    // Read once per traveller (the MRZ, the names), then keyed per alert.
    const identities = travellerIdentitiesOf(s.query, by.at);
    if (identities.length === 0) return;
    s.hits.forEach((h, j) => {
      const hitId = hitIds[i]?.[j];
      if (hitId) wanted.push({ hitId, alertId: h.alertId, keys: identities.map((identity) => clearanceKey(h.alertId, identity)) });
    });
  });
  const matched = new Map<string, string>();
  if (wanted.length === 0) return matched;
  const candidates = new Map<string, { id: string; endReason: string | null; alertVersion: number; createdAt: string }[]>();
  for (const keys of chunks([...new Set(wanted.flatMap((w) => w.keys))])) {
    const rows = await tx
      .selectFrom('clearance_keys')
      .innerJoin('clearances', 'clearances.id', 'clearance_keys.clearance_id')
      .select(['clearance_keys.traveller_key', 'clearances.id', 'clearances.end_reason', 'clearances.alert_version', 'clearances.created_at'])
      .where('clearance_keys.traveller_key', 'in', keys)
      .where('clearances.member', '=', by.member)
      .execute();
    for (const r of rows) candidates.set(r.traveller_key, [...(candidates.get(r.traveller_key) ?? []), { id: r.id, endReason: r.end_reason, alertVersion: Number(r.alert_version), createdAt: r.created_at }]);
  }
  for (const w of wanted) {
    // The key is bound to the alert (core clearanceKey), so a key found is this alert's.
    const version = versionOf.get(w.alertId);
    // Whether it still holds is the core's rule (clearanceHolds): not ended, and on the alert's current version.
    const holding = version === undefined ? [] : w.keys.flatMap((k) => candidates.get(k) ?? []).filter((c) => clearanceHolds(c, version));
    if (holding.length === 0) continue;
    const latest = holding.reduce((a, b) => (b.createdAt > a.createdAt || (b.createdAt === a.createdAt && b.id > a.id) ? b : a));
    matched.set(w.hitId, latest.id);
  }
  const rows = [...matched].map(([hit_id, clearance_id]) => ({ hit_id, clearance_id }));
  for (const part of chunks(rows)) await tx.insertInto('clearance_matches').values(part).execute();
  return matched;
}

export async function insertClearance(tx: Tx, row: ClearanceRow, keys: readonly string[]): Promise<void> {
  await tx.insertInto('clearances').values(row).execute();
  await tx
    .insertInto('clearance_keys')
    .values([...new Set(keys)].map((traveller_key) => ({ alert_id: row.alert_id, traveller_key, clearance_id: row.id })))
    .execute();
}

export async function findClearance(db: Db, id: string): Promise<ClearanceRow | undefined> {
  if (id.length > 40) return undefined;
  return db.selectFrom('clearances').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The clearances made from this hit that have not been ended (at most one in practice). */
export async function openClearancesOfHit(db: Db, hitId: string): Promise<ClearanceRow[]> {
  return db.selectFrom('clearances').selectAll().where('hit_id', '=', hitId).where('end_reason', 'is', null).execute();
}

export async function endClearance(tx: Tx, id: string, end: { reason: string; at: string; by: string; note: string | null }): Promise<void> {
  await tx.updateTable('clearances').set({ end_reason: end.reason, ended_at: end.at, ended_by: end.by, end_note: end.note }).where('id', '=', id).where('end_reason', 'is', null).execute();
}

export interface ClearanceFilter {
  viewer: string;
  side?: 'mine' | 'on-my-alerts';
  alertId?: string;
  hitId?: string;
  /** Ids below this one (ids are time-ordered, pages go newest first). */
  before?: string;
  limit: number;
}

/** Clearances the viewer's member made or that are on its alerts, newest first. */
export async function listClearanceRows(db: Db, f: ClearanceFilter): Promise<ClearanceRow[]> {
  let q = db.selectFrom('clearances').selectAll();
  if (f.side === 'mine') q = q.where('member', '=', f.viewer);
  else if (f.side === 'on-my-alerts') q = q.where('owner', '=', f.viewer);
  else q = q.where(clearanceVisibleSql('clearances.owner', 'clearances.member', f.viewer));
  if (f.alertId !== undefined) q = q.where('alert_id', '=', f.alertId);
  if (f.hitId !== undefined) q = q.where('hit_id', '=', f.hitId);
  if (f.before !== undefined) q = q.where('id', '<', f.before);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

/** The current version of each alert named (absent: no such alert). */
export async function currentVersionsOf(db: Db, alertIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const ids of chunks([...new Set(alertIds)])) {
    for (const r of await db.selectFrom('alerts').select(['id', 'version']).where('id', 'in', ids).execute()) out.set(r.id, Number(r.version));
  }
  return out;
}

/** How many hits each clearance kept from the owner. */
export async function suppressedCounts(db: Db, clearanceIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const ids of chunks([...new Set(clearanceIds)])) {
    const rows = await db
      .selectFrom('clearance_matches')
      .select((eb) => ['clearance_id', eb.fn.count<string | number>('hit_id').as('n')])
      .where('clearance_id', 'in', ids)
      .groupBy('clearance_id')
      .execute();
    for (const r of rows) out.set(r.clearance_id, Number(r.n));
  }
  return out;
}

/** For hits recorded under a clearance: the clearance, when it was made and by which member. */
export async function clearancesOfHits(db: Db, hitIds: readonly string[]): Promise<Map<string, { clearanceId: string; at: string; member: string }>> {
  const out = new Map<string, { clearanceId: string; at: string; member: string }>();
  for (const ids of chunks([...new Set(hitIds)])) {
    const rows = await db
      .selectFrom('clearance_matches')
      .innerJoin('clearances', 'clearances.id', 'clearance_matches.clearance_id')
      .select(['clearance_matches.hit_id', 'clearances.id', 'clearances.created_at', 'clearances.member'])
      .where('clearance_matches.hit_id', 'in', ids)
      .execute();
    for (const r of rows) out.set(r.hit_id, { clearanceId: r.id, at: r.created_at, member: r.member });
  }
  return out;
}

/** Forgets an alert's clearances with the alert's personal data (retention purge): the traveller keys, the matches, the rows. */
export async function purgeClearancesOfAlert(tx: Tx, alertId: string): Promise<number> {
  const ids = (await tx.selectFrom('clearances').select('id').where('alert_id', '=', alertId).execute()).map((r) => r.id);
  if (ids.length === 0) return 0;
  for (const part of chunks(ids)) {
    await tx.deleteFrom('clearance_matches').where('clearance_id', 'in', part).execute();
    await tx.deleteFrom('clearance_keys').where('clearance_id', 'in', part).execute();
    await tx.deleteFrom('clearances').where('id', 'in', part).execute();
  }
  return ids.length;
}

/** The hits clearances were made from (their access and names are the hits'). */
export async function hitsOfClearances(db: Db, hitIds: readonly string[]): Promise<HitRow[]> {
  const out: HitRow[] = [];
  for (const ids of chunks([...new Set(hitIds)])) {
    for (const { reasons, ...h } of await db.selectFrom('hits').selectAll().where('id', 'in', ids).execute()) out.push({ ...h, reasons: readStoredReasons(reasons) });
  }
  return out;
}
