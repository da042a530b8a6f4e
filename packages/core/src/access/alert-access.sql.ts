import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { publishedOrOwnSql } from '../alerts/lifecycle.sql.js';
import { DISCREET_CHECK, roleIsLimited, type AlertAccess, type Reader } from './alert-access.js';
import { visibleSql } from './visibility.sql.js';

/** Where a table keeps the facts `alertAccess` weighs. */
export interface AlertAccessColumns {
  owner: string;
  visibilityMode: string;
  visibilityMembers: string;
  status: string;
  category: string;
  hiddenFromFrontline: string;
}

/** The columns of the `alerts` table, or of an alias of it (`a`, `b` in the links query). */
export function alertColumns(table = 'alerts'): AlertAccessColumns {
  return {
    owner: `${table}.owner`,
    visibilityMode: `${table}.visibility_mode`,
    visibilityMembers: `${table}.visibility_members`,
    status: `${table}.status`,
    category: `${table}.category`,
    hiddenFromFrontline: `${table}.hidden_from_frontline`,
  };
}

/**
 * `alertAccess` (alert-access.ts) in SQL: the same three answers, case for case, so a list can be
 * paged without loading rows the reader may not see. The table-driven test of the access rules
 * runs both over every case on SQLite and PostgreSQL.
 */
export function alertAccessSql(cols: AlertAccessColumns, reader: Reader): RawBuilder<AlertAccess> {
  const frontline =
    roleIsLimited(reader.role)
      ? sql`when ${sql.ref(cols.hiddenFromFrontline)} = 1 then 'hidden' when ${sql.ref(cols.category)} = ${DISCREET_CHECK} and ${sql.ref(cols.status)} = 'active' then 'instruction-only' when ${sql.ref(cols.category)} = ${DISCREET_CHECK} then 'hidden'`
      : sql``;
  return sql<AlertAccess>`(case when not ${visibleSql(cols.owner, cols.visibilityMode, cols.visibilityMembers, reader.member)} then 'hidden' when not ${publishedOrOwnSql(cols.status, cols.owner, reader.member)} then 'hidden' ${frontline} else 'full' end)`;
}

/** Rows the reader may know exist (`alertAccess` other than `hidden`). */
export function readableSql(cols: AlertAccessColumns, reader: Reader): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${alertAccessSql(cols, reader)} <> 'hidden')`;
}

/** Rows the reader may read in full: what a text search may match on (it looks inside the body). */
export function fullyReadableSql(cols: AlertAccessColumns, reader: Reader): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${alertAccessSql(cols, reader)} = 'full')`;
}
