import type { Kysely } from 'kysely';

// Screening: where imported alerts come from (to import a list twice without duplicates), and
// every screening with the hits it produced.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('alerts').addColumn('source_ref', 'varchar(130)').execute();
  await db.schema.createIndex('alerts_source_ref').on('alerts').columns(['owner', 'source_ref']).execute();

  await db.schema
    .createTable('screenings')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('member', 'varchar(3)', (c) => c.notNull())
    .addColumn('credential', 'varchar(60)', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('hit_count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('screenings_member').on('screenings').columns(['member', 'id']).execute();

  await db.schema
    .createTable('hits')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('screening_id', 'varchar(40)', (c) => c.notNull().references('screenings.id'))
    .addColumn('alert_id', 'varchar(40)', (c) => c.notNull().references('alerts.id'))
    .addColumn('alert_version', 'integer', (c) => c.notNull())
    .addColumn('owner', 'varchar(3)', (c) => c.notNull())
    .addColumn('screening_member', 'varchar(3)', (c) => c.notNull())
    .addColumn('credential', 'varchar(60)', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hits_owner').on('hits').columns(['owner', 'id']).execute();
  await db.schema.createIndex('hits_screening_member').on('hits').columns(['screening_member', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('hits').execute();
  await db.schema.dropTable('screenings').execute();
  await db.schema.dropIndex('alerts_source_ref').execute();
  await db.schema.alterTable('alerts').dropColumn('source_ref').execute();
}
