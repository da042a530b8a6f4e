import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { visibleSql } from '../access/visibility.sql.js';

/**
 * `findingVisibleTo` (finding-access.ts) in SQL, over a finding's owner, status and visibility
 * columns. Held equal to the rule by the findings' table-driven test on both engines.
 */
export function findingVisibleSql(cols: { owner: string; status: string; mode: string; members: string }, member: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(cols.owner)} = ${member} or (${sql.ref(cols.status)} = 'known-bad' and ${visibleSql(cols.owner, cols.mode, cols.members, member)}))`;
}
