import { alertAccess, alertInstruction, foldForSearch, isOwnerOnlyStatus, presentBodyFor, publicNoticeColour, searchTextOf, type Alert, type AlertAccessFacts, type AlertInput, type AlertInstruction, type AlertKind, type AlertStatus, type Reader, type Visibility } from '@crosscheck/core';
import { alertColumns, fullyReadableSql, pastEndDateSql, readableSql } from '@crosscheck/core/sql';
import type { Kysely, Selectable } from 'kysely';
import { categoryOf, decodeAlertBody, parseAlertBody, type DecodedBody } from './alert-body.js';
import { appendChange, membersJson, visibilityFromColumns } from './change-repo.js';
import { syncAssetPersons } from './asset-link-repo.js';
import type { AlertsTable, DB } from './schema.js';
import type { Tx } from './write-transaction.js';

export type AlertRow = Selectable<AlertsTable>;

/** The alert body a row holds, decoded (what the owner wrote, without the row's own columns). */
export const alertBodyOf = (row: AlertRow): AlertInput => parseAlertBody(row.body);

export function toAlert(row: AlertRow): Alert {
  const body = alertBodyOf(row);
  return {
    ...body,
    id: row.id,
    owner: row.owner,
    status: row.status as AlertStatus,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.status_reason !== null ? { statusReason: row.status_reason } : {}),
    ...(row.review_date !== null ? { reviewDate: row.review_date } : {}),
  };
}

/** The alert as `member` may see it: without the visibility list unless it is the owner. */
export function toAlertFor(member: string, row: AlertRow): AlertView {
  // presentBodyFor only drops `visibility` for non-owners; its signature cannot say so per kind.
  return presentBodyFor(member, row.owner, toAlert(row)) as AlertView;
}

/**
 * The alert as `reader` may see it, by `alertAccess`: in full (less the visibility list unless
 * it is the owner), as its instruction only, or not at all (undefined).
 */
export function alertAsReadBy(reader: Reader, row: AlertRow): AlertView | AlertInstruction | undefined {
  const access = alertAccess(reader, accessFactsOf(row));
  if (access === 'hidden') return undefined;
  if (access === 'instruction-only') return alertInstruction({ id: row.id, kind: row.kind as AlertKind, owner: row.owner });
  return toAlertFor(reader.member, row);
}

// Distributes over the kinds, so that narrowing on `kind` still reaches person/document/vehicle.
type WithoutVisibility<A> = A extends unknown ? Omit<A, 'visibility'> & { visibility?: Alert['visibility'] } : never;
export type AlertView = WithoutVisibility<Alert>;

/** One kept version of an alert (its body decoded, with its facts, and its status), if there is one. */
export async function versionRow(db: Kysely<DB> | Tx, id: string, version: number): Promise<(DecodedBody & { status: string }) | undefined> {
  const row = await db.selectFrom('alert_versions').select(['body', 'status']).where('alert_id', '=', id).where('version', '=', version).executeTakeFirst();
  return row ? { ...decodeAlertBody(row.body), status: row.status } : undefined;
}

export async function findAlertRow(db: Kysely<DB> | Tx, id: string): Promise<AlertRow | undefined> {
  return db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAlertBySourceRef(db: Kysely<DB>, owner: string, sourceRef: string): Promise<AlertRow | undefined> {
  return db.selectFrom('alerts').selectAll().where('owner', '=', owner).where('source_ref', '=', sourceRef).executeTakeFirst();
}

export async function activeAlertsWithSourcePrefix(db: Kysely<DB>, owner: string, prefix: string): Promise<AlertRow[]> {
  return db.selectFrom('alerts').selectAll().where('owner', '=', owner).where('status', '=', 'active').where('source_ref', 'like', `${prefix}%`).execute();
}

export interface AlertWrite {
  id: string;
  owner: string;
  input: AlertInput;
  status: AlertStatus;
  statusReason: string | null;
  version: number;
  action: 'created' | 'updated' | 'resubmitted' | 'cancelled' | 'expired' | 'approved' | 'rejected';
  at: string;
  createdAt: string;
  changedBy: string;
  /** Set when the alert is created (retention); later changed only by an extension. */
  reviewDate?: string;
}

/**
 * Stores one version of an alert: the current row, the kept version, and the change-feed
 * entry, all in the caller's transaction so that none exists without the others.
 */
export async function writeAlertVersion(tx: Tx, w: AlertWrite, previous: AlertRow | undefined): Promise<number> {
  const body = JSON.stringify(w.input);
  const row = {
    owner: w.owner,
    kind: w.input.kind,
    category: categoryOf(w.input),
    status: w.status,
    version: w.version,
    visibility_mode: w.input.visibility.mode,
    visibility_members: membersJson(w.input.visibility),
    body,
    search_text: searchTextOf(w.input),
    expires_at: w.input.expiresAt ?? null,
    status_reason: w.statusReason,
    source_ref: w.input.sourceRef ?? null,
    public_notice: publicNoticeColour(w.input),
    hidden_from_frontline: w.input.hiddenFromFrontline === true ? 1 : 0,
    updated_at: w.at,
  };
  if (previous) {
    await tx.updateTable('alerts').set(row).where('id', '=', w.id).where('version', '=', previous.version).execute();
  } else {
    await tx.insertInto('alerts').values({ id: w.id, created_at: w.createdAt, review_date: w.reviewDate ?? null, ...row }).execute();
  }
  await syncAssetPersons(tx, w.id, w.input);
  await tx
    .insertInto('alert_versions')
    .values({
      alert_id: w.id,
      version: w.version,
      action: w.action,
      status: w.status,
      body,
      status_reason: w.statusReason,
      changed_at: w.at,
      changed_by: w.changedBy,
    })
    .execute();
  // The feed carries each change with the visibility it had when written: a version under review
  // (or rejected) is the owner's only, so followers, the screening index among them, learn of the
  // alert when it is approved, and one sent back to review is withdrawn from them.
  return appendChange(tx, {
    alertId: w.id,
    version: w.version,
    action: w.action,
    owner: w.owner,
    visibility: isOwnerOnlyStatus(w.status) ? OWNER_ONLY : w.input.visibility,
    previousVisibility: previous ? (isOwnerOnlyStatus(previous.status) ? OWNER_ONLY : visibilityFromColumns(previous.visibility_mode, previous.visibility_members)) : null,
    at: w.at,
  });
}

const OWNER_ONLY: Visibility = { mode: 'only', members: [] };

/** Everything `alertAccess` weighs, from a stored row. */
export function accessFactsOf(row: Pick<AlertRow, 'owner' | 'visibility_mode' | 'visibility_members' | 'status' | 'category' | 'hidden_from_frontline'>): AlertAccessFacts {
  return {
    owner: row.owner,
    visibility: visibilityFromColumns(row.visibility_mode, row.visibility_members),
    status: row.status,
    category: row.category,
    hiddenFromFrontline: row.hidden_from_frontline === 1,
  };
}

/**
 * Everything `alertAccess` weighs, for one stored version of an alert: its own visibility,
 * category and frontline flag, and the status it had, so that a version is never shown with
 * facts of another (an alert opened up later does not open its narrower past).
 */
export function versionAccessFacts(owner: string, version: Pick<DecodedBody, 'body' | 'category' | 'hiddenFromFrontline'>, status: string): AlertAccessFacts {
  return { owner, visibility: version.body.visibility, status, category: version.category, hiddenFromFrontline: version.hiddenFromFrontline };
}

export interface AlertListQuery {
  reader: Reader;
  kind?: string;
  status?: string;
  owner?: string;
  text?: string;
  after?: string;
  limit: number;
}

/**
 * Alerts the reader may know exist (`alertAccess` other than hidden), in id order (ids are
 * time-ordered), after the cursor. A text search looks inside the body, so it matches only alerts
 * the reader may read in full: words of a discreet check's remarks must not find it.
 */
export async function listAlertRows(db: Kysely<DB>, q: AlertListQuery): Promise<AlertRow[]> {
  const cols = alertColumns();
  let query = db
    .selectFrom('alerts')
    .selectAll()
    .where(q.text !== undefined ? fullyReadableSql(cols, q.reader) : readableSql(cols, q.reader));
  if (q.kind !== undefined) query = query.where('kind', '=', q.kind);
  // Expired alerts leave search and exports at once (retention); asked for by status, they are there.
  query = q.status !== undefined ? query.where('status', '=', q.status) : query.where('status', '!=', 'expired');
  if (q.owner !== undefined) query = query.where('owner', '=', q.owner);
  if (q.text !== undefined) {
    for (const word of foldForSearch(q.text).split(' ').filter((w) => w !== '')) {
      query = query.where('search_text', 'like', `%${escapeLike(word)}%`);
    }
  }
  if (q.after !== undefined) query = query.where('id', '>', q.after);
  return query.orderBy('id').limit(q.limit).execute();
}

// A user's `%` or `_` must not become a wildcard; the two engines differ on LIKE escapes, so they
// are dropped from the words instead.
function escapeLike(word: string): string {
  return word.replace(/[%_\\]/g, '');
}

/** Alerts waiting for review, oldest first (ids are time-ordered). */
export async function pendingAlertRows(db: Kysely<DB>, limit: number): Promise<AlertRow[]> {
  return db.selectFrom('alerts').selectAll().where('status', '=', 'pending-review').orderBy('updated_at').orderBy('id').limit(limit).execute();
}

/** Every kept version of an alert, oldest first, each body decoded with its facts. */
export async function alertVersions(db: Kysely<DB>, id: string) {
  const rows = await db.selectFrom('alert_versions').selectAll().where('alert_id', '=', id).orderBy('version').execute();
  return rows.map(({ body, ...r }) => ({ ...r, ...decodeAlertBody(body) }));
}

/** Active alerts past their end date (`isPastEndDate`). */
export async function dueAlertIds(db: Kysely<DB>, today: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('alerts')
    .select('id')
    .where('status', '=', 'active')
    .where(pastEndDateSql('alerts.expires_at', today))
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
