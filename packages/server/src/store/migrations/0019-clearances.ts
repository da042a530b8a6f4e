import type { Kysely } from 'kysely';

// Cleared travellers (app/clearances): a "not the same person" outcome remembered for the
// traveller and the alert's version, so that the owner is not told of the same traveller again.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('clearances')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('alert_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('alert_version', 'integer', (c) => c.notNull())
    .addColumn('owner', 'varchar(10)', (c) => c.notNull())
    // The clearing member: the hit's screening member, whose later screenings it applies to.
    .addColumn('member', 'varchar(10)', (c) => c.notNull())
    .addColumn('credential', 'varchar(60)', (c) => c.notNull())
    .addColumn('hit_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    // revoked | objected | withdrawn; null while it holds (a new alert version is read, not written).
    .addColumn('end_reason', 'varchar(20)')
    .addColumn('ended_at', 'varchar(30)')
    .addColumn('ended_by', 'varchar(60)')
    .addColumn('end_note', 'text')
    .execute();
  await db.schema.createIndex('clearances_member').on('clearances').columns(['member', 'id']).execute();
  await db.schema.createIndex('clearances_owner').on('clearances').columns(['owner', 'id']).execute();
  await db.schema.createIndex('clearances_alert').on('clearances').column('alert_id').execute();
  await db.schema.createIndex('clearances_hit').on('clearances').column('hit_id').execute();

  // The traveller's identities as keyed hashes (core clearances/traveller-key.ts), never the identity.
  await db.schema
    .createTable('clearance_keys')
    .addColumn('alert_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('traveller_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('clearance_id', 'varchar(40)', (c) => c.notNull().references('clearances.id'))
    .addPrimaryKeyConstraint('clearance_keys_pk', ['alert_id', 'traveller_key', 'clearance_id'])
    .execute();
  await db.schema.createIndex('clearance_keys_clearance').on('clearance_keys').column('clearance_id').execute();

  // The hits recorded while a clearance held (the owner was not told of them).
  await db.schema
    .createTable('clearance_matches')
    .addColumn('hit_id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('clearance_id', 'varchar(40)', (c) => c.notNull().references('clearances.id'))
    .execute();
  await db.schema.createIndex('clearance_matches_clearance').on('clearance_matches').column('clearance_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('clearance_matches').execute();
  await db.schema.dropTable('clearance_keys').execute();
  await db.schema.dropTable('clearances').execute();
}
