import type { Kysely } from 'kysely';
import type { DB } from './schema.js';
import type { Tx } from './write-transaction.js';

/**
 * What it takes to put names on records shown by id (the audit trail, histories, link
 * decisions): users, keys, members, and the alerts behind alerts, hits and links, each read by a
 * list of ids in one query. Whether a name may be shown is the caller's rule (app/actor-names.ts,
 * app/audit/present-audit.ts, app/alert-names.ts), never decided here.
 */

type Db = Kysely<DB> | Tx;

const unique = (ids: Iterable<string>) => [...new Set(ids)];

export async function usersByIds(db: Db, ids: Iterable<string>): Promise<{ id: string; username: string; member: string }[]> {
  const list = unique(ids);
  if (list.length === 0) return [];
  return db.selectFrom('users').select(['id', 'username', 'member']).where('id', 'in', list).execute();
}

export async function keysByIds(db: Db, ids: Iterable<string>): Promise<{ id: string; label: string | null; prefix: string; member: string }[]> {
  const list = unique(ids);
  if (list.length === 0) return [];
  return db.selectFrom('api_keys').select(['id', 'label', 'prefix', 'member']).where('id', 'in', list).execute();
}

export async function memberNames(db: Db, codes: Iterable<string>): Promise<Map<string, string>> {
  const list = unique(codes);
  if (list.length === 0) return new Map();
  const rows = await db.selectFrom('members').select(['code', 'name']).where('code', 'in', list).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The columns the access rule weighs, and the body, of each alert named. */
export async function alertsByIds(db: Db, ids: Iterable<string>) {
  // Ids are ours (UUIDs); a longer target is not an id and is not worth asking for.
  const list = unique(ids).filter((id) => id.length <= 40);
  if (list.length === 0) return [];
  return db
    .selectFrom('alerts')
    .select(['id', 'kind', 'owner', 'visibility_mode', 'visibility_members', 'status', 'category', 'hidden_from_frontline', 'body'])
    .where('id', 'in', list)
    .execute();
}

/** Each hit's alert and the two members party to it. */
export async function hitsByIds(db: Db, ids: Iterable<string>): Promise<{ id: string; alert_id: string; owner: string; screening_member: string }[]> {
  const list = unique(ids).filter((id) => id.length <= 40);
  if (list.length === 0) return [];
  return db.selectFrom('hits').select(['id', 'alert_id', 'owner', 'screening_member']).where('id', 'in', list).execute();
}

/** Each link's two alerts. */
export async function linksByIds(db: Db, ids: Iterable<string>): Promise<{ id: string; alert_a: string; alert_b: string }[]> {
  const list = unique(ids).filter((id) => id.length <= 40);
  if (list.length === 0) return [];
  return db.selectFrom('identity_links').select(['id', 'alert_a', 'alert_b']).where('id', 'in', list).execute();
}

/** The kept versions named by (alert, version), each with its body and its status then. */
export async function alertVersionsByKeys(db: Db, keys: { alertId: string; version: number }[]): Promise<{ alert_id: string; version: number; body: string; status: string }[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('alert_versions')
    .select(['alert_id', 'version', 'body', 'status'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('alert_id', '=', k.alertId), eb('version', '=', k.version)]))))
    .execute();
  // PostgreSQL may hand a bigint back as text.
  return rows.map((r) => ({ ...r, version: Number(r.version) }));
}
