import type { Kysely } from 'kysely';

// National copies. On the centre: the key that signs replica batches, and the
// items replicas have forwarded (one row per replica and item, so a retry is recognised). On a
// replica: its one sync-state row. Both sides carry all three tables: one schema everywhere.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('replica_signing_keys')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('public_key', 'text', (c) => c.notNull())
    // PKCS#8 PEM. Stored in the database like the webhook secrets: whoever holds the database
    // already holds every alert the signature protects.
    .addColumn('private_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('replica_received')
    .addColumn('replica', 'varchar(60)', (c) => c.notNull())
    .addColumn('item_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('received_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('audit_seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('replica_received_pk', ['replica', 'item_id'])
    .execute();
  await db.schema
    .createTable('replica_state')
    .addColumn('name', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('instance', 'varchar(40)', (c) => c.notNull())
    .addColumn('centre_url', 'varchar(2000)', (c) => c.notNull())
    .addColumn('central_key', 'text')
    .addColumn('central_key_id', 'varchar(40)')
    .addColumn('member', 'varchar(3)')
    .addColumn('applied_to', 'bigint', (c) => c.notNull())
    .addColumn('centre_head', 'bigint', (c) => c.notNull())
    .addColumn('last_contact_at', 'varchar(30)')
    .addColumn('forwarded_audit_seq', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('replica_state').execute();
  await db.schema.dropTable('replica_received').execute();
  await db.schema.dropTable('replica_signing_keys').execute();
}
