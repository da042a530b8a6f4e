import { sql, type Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe tables that the typed schema does not know yet.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('members')
    .addColumn('code', 'varchar(3)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('username', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('member', 'varchar(3)', (c) => c.notNull().references('members.code'))
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('prefix', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('secret_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('member', 'varchar(3)', (c) => c.notNull().references('members.code'))
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(30)')
    .addColumn('last_used_at', 'varchar(30)')
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(40)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('owner', 'varchar(3)', (c) => c.notNull().references('members.code'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('category', 'varchar(30)')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('visibility_mode', 'varchar(20)', (c) => c.notNull())
    .addColumn('visibility_members', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(10)')
    .addColumn('status_reason', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alerts_owner').on('alerts').columns(['owner', 'id']).execute();
  await db.schema.createIndex('alerts_status_expiry').on('alerts').columns(['status', 'expires_at']).execute();

  await db.schema
    .createTable('alert_versions')
    .addColumn('alert_id', 'varchar(40)', (c) => c.notNull().references('alerts.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('changed_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('changed_by', 'varchar(60)', (c) => c.notNull())
    .addPrimaryKeyConstraint('alert_versions_pk', ['alert_id', 'version'])
    .execute();

  await db.schema
    .createTable('changes')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('alert_id', 'varchar(40)', (c) => c.notNull().references('alerts.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'varchar(20)', (c) => c.notNull())
    .addColumn('owner', 'varchar(3)', (c) => c.notNull())
    .addColumn('vis_mode', 'varchar(20)', (c) => c.notNull())
    .addColumn('vis_members', 'text', (c) => c.notNull())
    .addColumn('prev_vis_mode', 'varchar(20)')
    .addColumn('prev_vis_members', 'text')
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('member', 'varchar(3)', (c) => c.notNull())
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('credential', 'varchar(60)', (c) => c.notNull())
    .addColumn('action', 'varchar(60)', (c) => c.notNull())
    .addColumn('target', 'varchar(200)', (c) => c.notNull())
    .addColumn('request_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(30)', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_member').on('audit_log').columns(['member', 'seq']).execute();
  await db.schema.createIndex('audit_target').on('audit_log').columns(['target']).execute();

  await db.schema
    .createTable('counters')
    .addColumn('name', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await sql`insert into counters (name, value, hash) values ('audit', 0, ${'0'.repeat(64)}), ('changes', 0, '')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['counters', 'audit_log', 'changes', 'alert_versions', 'alerts', 'sessions', 'api_keys', 'users', 'members']) {
    await db.schema.dropTable(t).execute();
  }
}
