import { sql, type Kysely } from 'kysely';
import type { Reader } from '@crosscheck/core';
import { alertColumns, readableSql } from '@crosscheck/core/sql';
import type { DB } from './schema.js';
import type { Tx } from './write-transaction.js';

// The dashboard's aggregates. Everything is counted in SQL (GROUP BY) so that no row the member
// may not see ever leaves the database, and only portable SQL is used: a day is the first ten
// characters of a stored ISO timestamp, which SQLite and PostgreSQL cut alike.

type Db = Kysely<DB> | Tx;

export type { KindStatusCount } from '@crosscheck/core/api';
import type { KindStatusCount } from '@crosscheck/core/api';

// PostgreSQL returns count(*) as a bigint, which pg hands over as a string.
const n = (v: string | number | bigint): number => Number(v);

/**
 * Alerts by kind and status, never a purged one: `visible`, those the reader may know exist
 * (`alertAccess`, as the alert list counts them); `own`, the reader's member's own.
 */
export async function alertCounts(db: Db, reader: Reader, scope: 'visible' | 'own'): Promise<KindStatusCount[]> {
  let q = db
    .selectFrom('alerts')
    .select(['kind', 'status', (eb) => eb.fn.countAll<string | number>().as('count')])
    .where('purged_at', 'is', null);
  q =
    scope === 'own'
      ? q.where('owner', '=', reader.member)
      : q.where(readableSql(alertColumns(), reader));
  const rows = await q.groupBy(['kind', 'status']).orderBy('kind').orderBy('status').execute();
  return rows.map((r) => ({ kind: r.kind, status: r.status, count: n(r.count) }));
}

// Written without parameters so that PostgreSQL sees the same expression in SELECT and GROUP BY.
const hitDay = sql<string>`substr(hits.created_at, 1, 10)`;

/** Hits per UTC day since `since`, on the member's alerts (`owner`) or from its screenings (`screening_member`). */
export async function hitsPerDay(db: Db, side: 'owner' | 'screening_member', member: string, since: string): Promise<{ day: string; count: number }[]> {
  const rows = await db
    .selectFrom('hits')
    .select([hitDay.as('day'), (eb) => eb.fn.countAll<string | number>().as('count')])
    .where(side === 'owner' ? 'hits.owner' : 'hits.screening_member', '=', member)
    .where('hits.created_at', '>=', since)
    .groupBy(hitDay)
    .execute();
  return rows.map((r) => ({ day: r.day, count: n(r.count) }));
}

/** Hits on the member's alerts since `since`, by the member that screened. */
export async function hitsByScreeningMember(db: Db, member: string, since: string): Promise<{ member: string; count: number }[]> {
  const rows = await db
    .selectFrom('hits')
    .select(['screening_member', (eb) => eb.fn.countAll<string | number>().as('count')])
    .where('owner', '=', member)
    .where('created_at', '>=', since)
    .groupBy('screening_member')
    .execute();
  return rows.map((r) => ({ member: r.screening_member, count: n(r.count) })).sort((a, b) => b.count - a.count || a.member.localeCompare(b.member));
}

/** English names of members, for the country table's fallback label. */
export async function memberNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('members').select(['code', 'name']).where('code', 'in', [...codes]).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}
