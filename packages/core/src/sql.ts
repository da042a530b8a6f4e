/**
 * `@crosscheck/core/sql`: the SQL translations of the core's rules, each in a `*.sql.ts` file
 * beside the rule it translates and held equal to it by a table-driven test on both engines.
 * Kysely's `sql` template only builds query text; nothing here touches a database.
 */
export * from './access/visibility.sql.js';
export * from './access/alert-access.sql.js';
export * from './alerts/lifecycle.sql.js';
export * from './alerts/lifecycle-dates.sql.js';
export * from './cooperation/reply-deadline.sql.js';
export * from './chain/finding-access.sql.js';
export * from './clearances/clearance-access.sql.js';
