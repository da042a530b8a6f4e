import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { OWNER_ONLY_STATUSES } from './lifecycle.js';

/** `isOwnerOnlyStatus` (lifecycle.ts) in SQL: an alert under review or rejected is its owner's only. */
export function publishedOrOwnSql(statusCol: string, ownerCol: string, member: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(statusCol)} not in (${sql.join(OWNER_ONLY_STATUSES)}) or ${sql.ref(ownerCol)} = ${member})`;
}
