import { PostgresAdapter, type Kysely } from 'kysely';

// Photos of person alerts. The bytes live in the row itself: a photo is small (at most
// 2 MiB, at most 5 per alert) and must go when its alert is purged, in the same transaction.
export async function up(db: Kysely<any>): Promise<void> {
  // The migration is told no engine; the connection's adapter says which one this is.
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('alert_photos')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('alert_id', 'varchar(40)', (c) => c.notNull().references('alerts.id'))
    // Sniffed from the bytes (image/jpeg, image/png or image/webp), never the sender's claim.
    .addColumn('content_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('data', bytes, (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(60)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_photos_alert').on('alert_photos').columns(['alert_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('alert_photos').execute();
}
