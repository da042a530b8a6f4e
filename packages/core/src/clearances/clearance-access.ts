/**
 * Who may see a clearance: the alert's owner and the clearing member (the hit's screening member).
 * For everyone else it does not exist: not listed, not counted, "not found" by id. The server also
 * hides one whose hit the reader may not see (a frontline user, an alert hidden from it). Its SQL
 * translation is clearanceVisibleSql (clearance-access.sql.ts), held equal by server store/rules.test.ts.
 */
export const clearanceVisibleTo = (member: string, c: { owner: string; member: string }): boolean => c.owner === member || c.member === member;
