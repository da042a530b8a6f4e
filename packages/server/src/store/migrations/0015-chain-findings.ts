import { PostgresAdapter, type Kysely } from 'kysely';

// Blockchain findings: what a scan found written into Bitcoin, one row per owner and payload
// (identical SHA-256 for the same owner is one finding), where it was found (every location),
// and the bytes themselves, kept apart so that lists and searches never read them.
export async function up(db: Kysely<any>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('chain_findings')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('owner', 'varchar(10)', (c) => c.notNull())
    .addColumn('method', 'varchar(40)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('md5', 'varchar(32)', (c) => c.notNull())
    // Found from the bytes; the decoded form's own type beside it, so a filter on `image/` finds a
    // gzip that holds a PNG.
    .addColumn('media_type', 'varchar(200)')
    .addColumn('declared_type', 'varchar(200)')
    .addColumn('decoded_media_type', 'varchar(200)')
    .addColumn('decoded_sha256', 'varchar(64)')
    .addColumn('decoded_md5', 'varchar(32)')
    .addColumn('decoded', 'text')
    .addColumn('text_info', 'text')
    // The preview, URLs and onion addresses, lower-cased: what a text filter looks in.
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('matches', 'text', (c) => c.notNull())
    .addColumn('matched', 'integer', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('visibility_mode', 'varchar(20)', (c) => c.notNull())
    .addColumn('visibility_members', 'text', (c) => c.notNull())
    .addColumn('content_kept', 'integer', (c) => c.notNull())
    .addColumn('first_seen_at', 'varchar(30)', (c) => c.notNull())
    // When what others are shown of it last changed (a location, the status, the visibility): the
    // TAXII `date_added` and the STIX `modified` of its objects.
    .addColumn('changed_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(60)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chain_findings_owner_sha256').unique().on('chain_findings').columns(['owner', 'sha256']).execute();
  await db.schema.createIndex('chain_findings_sha256').on('chain_findings').column('sha256').execute();
  await db.schema.createIndex('chain_findings_md5').on('chain_findings').column('md5').execute();
  await db.schema.createIndex('chain_findings_changed').on('chain_findings').columns(['owner', 'changed_at', 'id']).execute();

  await db.schema
    .createTable('chain_finding_locations')
    .addColumn('finding_id', 'varchar(40)', (c) => c.notNull().references('chain_findings.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('txid', 'varchar(64)', (c) => c.notNull())
    .addColumn('height', 'integer')
    .addColumn('block_hash', 'varchar(64)')
    // The place in the transaction as JSON ({kind:'output', index:3}…); also the key that makes a
    // location recorded twice one location.
    .addColumn('place', 'varchar(200)', (c) => c.notNull())
    .addPrimaryKeyConstraint('chain_finding_locations_pk', ['finding_id', 'txid', 'place'])
    .execute();
  await db.schema.createIndex('chain_finding_locations_txid').on('chain_finding_locations').column('txid').execute();
  await db.schema.createIndex('chain_finding_locations_height').on('chain_finding_locations').columns(['height', 'finding_id']).execute();

  await db.schema
    .createTable('chain_finding_contents')
    .addColumn('finding_id', 'varchar(40)', (c) => c.primaryKey().references('chain_findings.id'))
    .addColumn('data', bytes, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('chain_finding_contents').execute();
  await db.schema.dropTable('chain_finding_locations').execute();
  await db.schema.dropTable('chain_findings').execute();
}
