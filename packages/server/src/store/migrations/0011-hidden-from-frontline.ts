import { sql, type Kysely } from 'kysely';

// Whether the owner hid the alert from every frontline user: a column, so the access rule's SQL
// translation (alertAccessSql in the core) reads it like the category instead of matching inside
// the JSON body. Existing rows take it from their body once, here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('alerts').addColumn('hidden_from_frontline', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update alerts set hidden_from_frontline = 1 where body like ${'%"hiddenFromFrontline":true%'}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('alerts').dropColumn('hidden_from_frontline').execute();
}
