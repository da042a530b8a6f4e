import type { Kysely } from 'kysely';

// Signed checkpoints of the audit trail: one row per checkpoint, keyed by the number of entries
// it covers. The public key is kept beside each signature so that a checkpoint signed before a
// key was replaced can still be read back with the key that signed it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('size', 'bigint', (c) => c.primaryKey())
    .addColumn('head_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('root', 'varchar(64)', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('key_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('signature', 'varchar(100)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_checkpoints').execute();
}
