import type { Kysely } from 'kysely';

// Retention bookkeeping: which review date the owner was last warned about (so a warning is sent
// once per date, and again after an extension), and when an expired alert's personal data went.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('alerts').addColumn('review_warned_for', 'varchar(10)').execute();
  await db.schema.alterTable('alerts').addColumn('purged_at', 'varchar(30)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('alerts').dropColumn('purged_at').execute();
  await db.schema.alterTable('alerts').dropColumn('review_warned_for').execute();
}
