import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * `visibleTo` (visibility.ts) in SQL, over a mode column and a JSON array of member codes. Codes
 * are stored quoted, so `"ITA"` matches only ITA. Held equal to the rule by the table-driven test
 * of the access rules (server store/rules.test.ts).
 */
export function visibleSql(ownerCol: string, modeCol: string, membersCol: string, member: string): RawBuilder<SqlBool> {
  const quoted = `%"${member}"%`;
  return sql<SqlBool>`(${sql.ref(ownerCol)} = ${member} or ${sql.ref(modeCol)} = 'all' or (${sql.ref(modeCol)} = 'only' and ${sql.ref(membersCol)} like ${quoted}) or (${sql.ref(modeCol)} = 'all-except' and ${sql.ref(membersCol)} not like ${quoted}))`;
}
