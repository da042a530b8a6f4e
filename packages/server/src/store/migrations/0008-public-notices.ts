import type { Kysely } from 'kysely';

// The colour under which the owner publishes an alert as a public notice (red, yellow), or
// null: a column, so the unauthenticated notice lists never read alert bodies to find them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('alerts').addColumn('public_notice', 'varchar(10)').execute();
  await db.schema.createIndex('alerts_public_notice').on('alerts').columns(['public_notice', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('alerts_public_notice').execute();
  await db.schema.alterTable('alerts').dropColumn('public_notice').execute();
}
