import type { Kysely } from 'kysely';

// Failed logins per user name, so that a lockout outlives a restart and holds for every process
// on one database. Keyed by the name typed, known or not: otherwise a name that can be locked
// out would be told apart from one that cannot.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
  await db.schema.createIndex('login_throttle_last_failure').on('login_throttle').column('last_failure_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_throttle').execute();
}
