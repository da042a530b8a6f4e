import type { AlertInput, Reader } from '@crosscheck/core';
import type { Kysely, Selectable } from 'kysely';
import { alertColumns, fullyReadableSql } from '@crosscheck/core/sql';
import { parseAlertBody } from './alert-body.js';
import type { DB, IdentityLinksTable } from './schema.js';
import type { Tx } from './write-transaction.js';

export type LinkRow = Selectable<IdentityLinksTable>;

/** How far the link detector has read the change feed. */
export async function linkCursor(db: Kysely<DB> | Tx): Promise<number> {
  const row = await db.selectFrom('counters').select('value').where('name', '=', 'links-cursor').executeTakeFirstOrThrow();
  return Number(row.value);
}

export async function setLinkCursor(tx: Tx, value: number): Promise<void> {
  await tx.updateTable('counters').set({ value }).where('name', '=', 'links-cursor').execute();
}

export async function linkExists(tx: Tx, alertA: string, alertB: string, basis: string): Promise<boolean> {
  const row = await tx.selectFrom('identity_links').select('id').where('alert_a', '=', alertA).where('alert_b', '=', alertB).where('basis', '=', basis).executeTakeFirst();
  return row !== undefined;
}

export async function insertLink(tx: Tx, link: { id: string; alertA: string; alertB: string; basis: string; detail: string; at: string }): Promise<void> {
  await tx
    .insertInto('identity_links')
    .values({ id: link.id, alert_a: link.alertA, alert_b: link.alertB, basis: link.basis, detail: link.detail, color: 'yellow', created_at: link.at })
    .execute();
}

export async function recordDecision(tx: Tx, id: string, d: { color: string; reason: string; by: string; member: string; at: string }): Promise<void> {
  await tx.updateTable('identity_links').set({ color: d.color, reason: d.reason, decided_by: d.by, decided_member: d.member, decided_at: d.at }).where('id', '=', id).execute();
}

/** A link, its detail decoded, with the two alerts' owner, kind, visibility, facts and decoded body. */
export interface LinkWithAlerts extends Omit<LinkRow, 'detail'> {
  detail: Record<string, unknown>;
  a_kind: string;
  a_owner: string;
  a_mode: string;
  a_members: string;
  a_body: AlertInput;
  a_status: string;
  a_category: string | null;
  a_hidden_from_frontline: number;
  b_kind: string;
  b_owner: string;
  b_mode: string;
  b_members: string;
  b_body: AlertInput;
  b_status: string;
  b_category: string | null;
  b_hidden_from_frontline: number;
}

/** The detail was written by the link follower (or the purge) as an object. */
function decodeLink<R extends { detail: string; a_body: string; b_body: string }>({ detail, a_body, b_body, ...r }: R) {
  return { ...r, detail: JSON.parse(detail) as Record<string, unknown>, a_body: parseAlertBody(a_body), b_body: parseAlertBody(b_body) };
}

function withAlerts(db: Kysely<DB> | Tx) {
  return db
    .selectFrom('identity_links')
    .innerJoin('alerts as a', 'a.id', 'identity_links.alert_a')
    .innerJoin('alerts as b', 'b.id', 'identity_links.alert_b')
    .selectAll('identity_links')
    .select(['a.kind as a_kind', 'a.owner as a_owner', 'a.visibility_mode as a_mode', 'a.visibility_members as a_members', 'a.body as a_body', 'a.status as a_status', 'a.category as a_category', 'a.hidden_from_frontline as a_hidden_from_frontline'])
    .select(['b.kind as b_kind', 'b.owner as b_owner', 'b.visibility_mode as b_mode', 'b.visibility_members as b_members', 'b.body as b_body', 'b.status as b_status', 'b.category as b_category', 'b.hidden_from_frontline as b_hidden_from_frontline']);
}

export interface LinkListQuery {
  reader: Reader;
  color?: string;
  alertId?: string;
  limit: number;
}

/** Links whose two alerts the reader may both see, newest first. */
export async function listLinkRows(db: Kysely<DB> | Tx, q: LinkListQuery): Promise<LinkWithAlerts[]> {
  let query = withAlerts(db).where(fullyReadableSql(alertColumns('a'), q.reader)).where(fullyReadableSql(alertColumns('b'), q.reader));
  if (q.color !== undefined) query = query.where('identity_links.color', '=', q.color);
  if (q.alertId !== undefined) {
    const id = q.alertId;
    query = query.where((eb) => eb.or([eb('identity_links.alert_a', '=', id), eb('identity_links.alert_b', '=', id)]));
  }
  const rows = await query.orderBy('identity_links.created_at', 'desc').orderBy('identity_links.id', 'desc').limit(q.limit).execute();
  return rows.map(decodeLink);
}

export async function findLinkWithAlerts(db: Kysely<DB> | Tx, id: string): Promise<LinkWithAlerts | undefined> {
  const row = await withAlerts(db).where('identity_links.id', '=', id).executeTakeFirst();
  return row ? decodeLink(row) : undefined;
}
