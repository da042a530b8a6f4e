import type { Visibility } from '@crosscheck/core';
import type { ExtractionMethod, FindingStatus } from '@crosscheck/core/constants';
import type { Finding, FindingDecoded, FindingLocation, FindingMatch, FindingPlace, FindingText } from '@crosscheck/core/api';
import { findingVisibleSql } from '@crosscheck/core/sql';
import { sql, type Kysely, type Selectable } from 'kysely';
import { membersJson, visibilityFromColumns } from './change-repo.js';
import type { ChainFindingsTable, DB } from './schema.js';
import type { Tx } from './write-transaction.js';

type Db = Kysely<DB> | Tx;
export type FindingRow = Selectable<ChainFindingsTable>;

/** A stored finding, decoded: the API's shape with what only the store and its owner know. */
export interface StoredFinding extends Omit<Finding, 'visibility'> {
  visibility: Visibility;
  /** When what others see of it last changed: TAXII's date_added, STIX's modified. */
  changedAt: string;
  version: number;
  createdBy: string;
}

const FINDING_COLUMNS = { owner: 'chain_findings.owner', status: 'chain_findings.status', mode: 'chain_findings.visibility_mode', members: 'chain_findings.visibility_members' };

/** The rule `findingVisibleTo` as a WHERE clause for `member`. */
const visibleTo = (member: string) => findingVisibleSql(FINDING_COLUMNS, member);

/** A place as stored: its JSON with the keys in one order, so one place is always one text. */
export function placeKey(place: FindingPlace): string {
  switch (place.kind) {
    case 'input':
      return JSON.stringify(place.item === undefined ? { kind: 'input', index: place.index } : { kind: 'input', index: place.index, item: place.item });
    case 'output':
      return JSON.stringify({ kind: 'output', index: place.index });
    case 'outputs':
      return JSON.stringify({ kind: 'outputs', first: place.first, last: place.last });
  }
}

export interface NewFindingRow {
  id: string;
  owner: string;
  finding: Omit<Finding, 'id' | 'owner' | 'status' | 'firstSeenAt' | 'locations' | 'visibility' | 'contentKept'>;
  searchText: string;
  visibility: Visibility;
  contentKept: boolean;
  at: string;
  createdBy: string;
}

export async function insertFinding(db: Db, f: NewFindingRow): Promise<void> {
  const d = f.finding;
  await db
    .insertInto('chain_findings')
    .values({
      id: f.id,
      owner: f.owner,
      method: d.method,
      size: d.size,
      sha256: d.sha256,
      md5: d.md5,
      media_type: d.mediaType,
      declared_type: d.declaredType,
      decoded_media_type: d.decoded?.mediaType ?? null,
      decoded_sha256: d.decoded?.sha256 ?? null,
      decoded_md5: d.decoded?.md5 ?? null,
      decoded: d.decoded ? JSON.stringify(d.decoded) : null,
      text_info: d.text ? JSON.stringify(d.text) : null,
      search_text: f.searchText,
      matches: JSON.stringify(d.matches),
      matched: d.matches.length > 0 ? 1 : 0,
      fields: JSON.stringify(d.fields),
      notes: JSON.stringify(d.notes),
      status: 'new',
      visibility_mode: f.visibility.mode,
      visibility_members: membersJson(f.visibility),
      content_kept: f.contentKept ? 1 : 0,
      first_seen_at: f.at,
      changed_at: f.at,
      version: 1,
      created_by: f.createdBy,
    })
    .execute();
}

/** The finding `owner` already has for these bytes, if any. */
export async function findingIdBySha256(db: Db, owner: string, sha256: string): Promise<{ id: string; matches: FindingMatch[]; notes: string[]; contentKept: boolean } | undefined> {
  const row = await db.selectFrom('chain_findings').select(['id', 'matches', 'notes', 'content_kept']).where('owner', '=', owner).where('sha256', '=', sha256).executeTakeFirst();
  return row && { id: row.id, matches: JSON.parse(row.matches) as FindingMatch[], notes: JSON.parse(row.notes) as string[], contentKept: row.content_kept === 1 };
}

/** A later scan of the same bytes: its new matches and notes, and its time as the change's. */
export async function mergeFinding(db: Db, id: string, change: { matches: FindingMatch[]; notes: string[]; contentKept: boolean; at: string }): Promise<void> {
  await db
    .updateTable('chain_findings')
    .set((eb) => ({
      matches: JSON.stringify(change.matches),
      matched: change.matches.length > 0 ? 1 : 0,
      notes: JSON.stringify(change.notes),
      content_kept: change.contentKept ? 1 : 0,
      changed_at: change.at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

/** Adds the locations the finding does not have yet; returns how many were new. */
export async function addLocations(db: Db, findingId: string, locations: readonly FindingLocation[]): Promise<number> {
  const existing = await db.selectFrom('chain_finding_locations').select(['txid', 'place', 'position']).where('finding_id', '=', findingId).execute();
  const seen = new Set(existing.map((l) => `${l.txid} ${l.place}`));
  let position = existing.reduce((max, l) => Math.max(max, l.position), -1) + 1;
  const rows = [];
  for (const l of locations) {
    const place = placeKey(l.place);
    const key = `${l.txid} ${place}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({ finding_id: findingId, position: position++, txid: l.txid, height: l.height, block_hash: l.blockHash, place });
  }
  // A few hundred rows per statement keeps under both engines' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('chain_finding_locations').values(rows.slice(i, i + 500)).execute();
  return rows.length;
}

export async function putContent(db: Db, findingId: string, data: Buffer): Promise<void> {
  await db.deleteFrom('chain_finding_contents').where('finding_id', '=', findingId).execute();
  await db.insertInto('chain_finding_contents').values({ finding_id: findingId, data }).execute();
}

export async function contentOf(db: Db, findingId: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom('chain_finding_contents').select('data').where('finding_id', '=', findingId).executeTakeFirst();
  if (!row) return undefined;
  return Buffer.isBuffer(row.data) ? row.data : Buffer.from(row.data as Uint8Array);
}

export interface FindingFilters {
  method?: ExtractionMethod | undefined;
  /** A prefix of the media type found (`image/`), of the payload or of its decoded form. */
  mediaType?: string | undefined;
  status?: FindingStatus | undefined;
  matched?: boolean | undefined;
  owner?: string | undefined;
  txid?: string | undefined;
  /** Of the payload or of its decoded form. */
  sha256?: string | undefined;
  md5?: string | undefined;
  minHeight?: number | undefined;
  maxHeight?: number | undefined;
  /** Lower-cased words, each to be found in the preview, URLs or onion addresses. */
  words?: readonly string[] | undefined;
}

export interface FindingListQuery extends FindingFilters {
  reader: string;
  /** Give each finding's first locations only, and its locationCount when it has more. */
  maxLocations?: number | undefined;
  /** The id after which the page starts (ids are time-ordered). */
  after?: string | undefined;
  limit: number;
}

// A user's `%` or `_` must not become a wildcard; the engines differ on LIKE escapes, so they go.
const likeSafe = (s: string): string => s.replace(/[%_\\]/g, '');

/** Findings `reader` may see, filtered, in the order they were first recorded. */
export async function listFindingRows(db: Db, q: FindingListQuery): Promise<StoredFinding[]> {
  let query = db.selectFrom('chain_findings').selectAll().where(visibleTo(q.reader));
  if (q.method !== undefined) query = query.where('method', '=', q.method);
  if (q.status !== undefined) query = query.where('status', '=', q.status);
  if (q.matched !== undefined) query = query.where('matched', '=', q.matched ? 1 : 0);
  if (q.owner !== undefined) query = query.where('owner', '=', q.owner);
  if (q.mediaType !== undefined) {
    const prefix = `${likeSafe(q.mediaType.toLowerCase())}%`;
    query = query.where((eb) => eb.or([eb('media_type', 'like', prefix), eb('decoded_media_type', 'like', prefix)]));
  }
  if (q.sha256 !== undefined) {
    const h = q.sha256;
    query = query.where((eb) => eb.or([eb('sha256', '=', h), eb('decoded_sha256', '=', h)]));
  }
  if (q.md5 !== undefined) {
    const h = q.md5;
    query = query.where((eb) => eb.or([eb('md5', '=', h), eb('decoded_md5', '=', h)]));
  }
  if (q.txid !== undefined || q.minHeight !== undefined || q.maxHeight !== undefined) {
    const { txid, minHeight, maxHeight } = q;
    query = query.where(({ exists, selectFrom }) => {
      let loc = selectFrom('chain_finding_locations').select(sql<number>`1`.as('one')).whereRef('chain_finding_locations.finding_id', '=', 'chain_findings.id');
      if (txid !== undefined) loc = loc.where('chain_finding_locations.txid', '=', txid);
      if (minHeight !== undefined) loc = loc.where('chain_finding_locations.height', '>=', minHeight);
      if (maxHeight !== undefined) loc = loc.where('chain_finding_locations.height', '<=', maxHeight);
      return exists(loc);
    });
  }
  for (const word of q.words ?? []) {
    const w = likeSafe(word);
    if (w !== '') query = query.where('search_text', 'like', `%${w}%`);
  }
  if (q.after !== undefined) query = query.where('id', '>', q.after);
  const rows = await query.orderBy('id').limit(q.limit).execute();
  return withLocations(db, rows, q.maxLocations);
}

/** One finding, when `reader` may see it: absent and hidden are the same undefined. */
export async function visibleFindingRow(db: Db, reader: string, id: string): Promise<StoredFinding | undefined> {
  const row = await db.selectFrom('chain_findings').selectAll().where('id', '=', id).where(visibleTo(reader)).executeTakeFirst();
  return row ? (await withLocations(db, [row]))[0] : undefined;
}

/** The owner's decision on a finding: its status and whom it is shared with. */
export async function setFindingState(db: Db, id: string, state: { status: FindingStatus; visibility: Visibility; at: string }): Promise<void> {
  await db
    .updateTable('chain_findings')
    .set((eb) => ({
      status: state.status,
      visibility_mode: state.visibility.mode,
      visibility_members: membersJson(state.visibility),
      changed_at: state.at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

/** The members whose findings `reader` may see, with the time the first of those changed. */
export async function visibleFindingOwners(db: Db, reader: string): Promise<{ owner: string; firstChangedAt: string }[]> {
  const rows = await db
    .selectFrom('chain_findings')
    .select(['owner', (eb) => eb.fn.min<string>('changed_at').as('first')])
    .where(visibleTo(reader))
    .groupBy('owner')
    .orderBy('owner')
    .execute();
  return rows.map((r) => ({ owner: r.owner, firstChangedAt: r.first }));
}

/**
 * Findings of `owner` that `reader` may see, by the time they last changed, then id: the order
 * TAXII hands objects out in. `after`: strictly after this time (`added_after`); `from`: from this
 * (time, id) on, inclusive unless `exclusive` (a page's continuation).
 */
export async function findingsByChange(db: Db, q: { reader: string; owner: string; after?: string | undefined; from?: { at: string; id: string; exclusive?: boolean } | undefined; limit: number; maxLocations?: number }): Promise<StoredFinding[]> {
  let query = db.selectFrom('chain_findings').selectAll().where(visibleTo(q.reader)).where('owner', '=', q.owner);
  if (q.after !== undefined) query = query.where('changed_at', '>', q.after);
  if (q.from !== undefined) {
    const { at, id, exclusive } = q.from;
    query = query.where((eb) => eb.or([eb('changed_at', '>', at), eb.and([eb('changed_at', '=', at), eb('id', exclusive ? '>' : '>=', id)])]));
  }
  const rows = await query.orderBy('changed_at').orderBy('id').limit(q.limit).execute();
  return withLocations(db, rows, q.maxLocations);
}

/**
 * The rows with their locations, in the order they were added; with `max`, the first `max` of
 * each (positions run 0, 1, 2… per finding) and the count of those that have more.
 */
async function withLocations(db: Db, rows: FindingRow[], max?: number): Promise<StoredFinding[]> {
  if (rows.length === 0) return [];
  const byFinding = new Map<string, FindingLocation[]>();
  const counts = new Map<string, number>();
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    let query = db
      .selectFrom('chain_finding_locations')
      .selectAll()
      .where('finding_id', 'in', ids.slice(i, i + 500));
    if (max !== undefined) {
      query = query.where('position', '<', max);
      const more = await db
        .selectFrom('chain_finding_locations')
        .select(['finding_id', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('finding_id', 'in', ids.slice(i, i + 500))
        .where('position', '>=', max)
        .groupBy('finding_id')
        .execute();
      for (const m of more) counts.set(m.finding_id, max + Number(m.n));
    }
    const locs = await query.orderBy('finding_id').orderBy('position').execute();
    for (const l of locs) {
      const list = byFinding.get(l.finding_id) ?? [];
      list.push({ txid: l.txid, height: l.height, blockHash: l.block_hash, place: JSON.parse(l.place) as FindingPlace });
      byFinding.set(l.finding_id, list);
    }
  }
  return rows.map((r) => {
    const f = toStoredFinding(r, byFinding.get(r.id) ?? []);
    const count = counts.get(r.id);
    return count === undefined ? f : { ...f, locationCount: count };
  });
}

function toStoredFinding(r: FindingRow, locations: FindingLocation[]): StoredFinding {
  return {
    id: r.id,
    method: r.method as ExtractionMethod,
    size: r.size,
    sha256: r.sha256,
    md5: r.md5,
    mediaType: r.media_type,
    declaredType: r.declared_type,
    decoded: r.decoded === null ? null : (JSON.parse(r.decoded) as FindingDecoded),
    text: r.text_info === null ? null : (JSON.parse(r.text_info) as FindingText),
    matches: JSON.parse(r.matches) as FindingMatch[],
    locations,
    fields: JSON.parse(r.fields) as Finding['fields'],
    notes: JSON.parse(r.notes) as string[],
    owner: r.owner,
    status: r.status as FindingStatus,
    firstSeenAt: r.first_seen_at,
    visibility: visibilityFromColumns(r.visibility_mode, r.visibility_members),
    contentKept: r.content_kept === 1,
    changedAt: r.changed_at,
    version: r.version,
    createdBy: r.created_by,
  };
}
