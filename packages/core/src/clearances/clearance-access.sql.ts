import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** `clearanceVisibleTo` (clearance-access.ts) in SQL, over the owner and clearing-member columns. */
export function clearanceVisibleSql(ownerCol: string, memberCol: string, member: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(ownerCol)} = ${member} or ${sql.ref(memberCol)} = ${member})`;
}
