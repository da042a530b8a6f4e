import type { Kysely } from 'kysely';

// When the reply to a form became overdue and both bureaus were told, so they are told once.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('hit_forms').addColumn('reminded_at', 'varchar(30)').execute();
  await db.schema.createIndex('hit_forms_reply_due').on('hit_forms').columns(['reply_due_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('hit_forms_reply_due').execute();
  await db.schema.alterTable('hit_forms').dropColumn('reminded_at').execute();
}
