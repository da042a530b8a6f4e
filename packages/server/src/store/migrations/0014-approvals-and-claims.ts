import type { Kysely } from 'kysely';

// Credentials a member's administrator asks for with more rights than it may grant alone are
// stored pending (unusable) until a second administrator approves them: who asked and who
// approved are kept on the row. A forwarded hit whose reasons the centre could not find again
// keeps the copy's reasons, marked with the copy that claimed them.
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['api_keys', 'users']) {
    await db.schema.alterTable(table).addColumn('pending_approval', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable(table).addColumn('requested_by', 'varchar(60)').execute();
    await db.schema.alterTable(table).addColumn('approved_by', 'varchar(60)').execute();
  }
  await db.schema.alterTable('hits').addColumn('reasons_claimed_by', 'varchar(100)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('hits').dropColumn('reasons_claimed_by').execute();
  for (const table of ['api_keys', 'users']) {
    for (const column of ['approved_by', 'requested_by', 'pending_approval']) await db.schema.alterTable(table).dropColumn(column).execute();
  }
}
