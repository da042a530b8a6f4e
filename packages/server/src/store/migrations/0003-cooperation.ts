import type { Kysely } from 'kysely';

// Cooperation between bureaus: hit outcomes, the event stream and webhooks, forms and
// messages, review before publication, owners' flags, retention dates and identity links.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('hits').addColumn('outcome', 'varchar(30)').execute();
  await db.schema.alterTable('hits').addColumn('outcome_note', 'text').execute();
  await db.schema.alterTable('hits').addColumn('outcome_at', 'varchar(30)').execute();
  await db.schema.alterTable('hits').addColumn('outcome_by', 'varchar(60)').execute();

  // Server-managed: when the owner must review the alert again (retention), YYYY-MM-DD.
  await db.schema.alterTable('alerts').addColumn('review_date', 'varchar(10)').execute();
  await db.schema.createIndex('alerts_review_date').on('alerts').columns(['status', 'review_date']).execute();

  // Events for one member each (its bureau's stream); seq from the `events` counter.
  await db.schema
    .createTable('events')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('member', 'varchar(3)', (c) => c.notNull())
    .addColumn('type', 'varchar(40)', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_member').on('events').columns(['member', 'seq']).execute();
  await db.insertInto('counters').values({ name: 'events', value: 0, hash: '' }).execute();

  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('member', 'varchar(3)', (c) => c.notNull())
    .addColumn('url', 'varchar(2000)', (c) => c.notNull())
    // Kept in clear: an HMAC is computed with the secret itself (a hash of it would not do).
    .addColumn('secret', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('disabled_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('webhooks_member').on('webhooks').columns(['member']).execute();
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('webhook_id', 'varchar(40)', (c) => c.notNull().references('webhooks.id'))
    .addColumn('member', 'varchar(3)', (c) => c.notNull())
    .addColumn('event_seq', 'bigint')
    .addColumn('type', 'varchar(40)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'varchar(30)')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'varchar(500)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('delivered_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('webhook_deliveries_member').on('webhook_deliveries').columns(['member', 'id']).execute();
  // How far the delivery worker has turned events into deliveries.
  await db.insertInto('counters').values({ name: 'webhook-cursor', value: 0, hash: '' }).execute();

  // Supplementary information per hit: forms G, H, M between the two bureaus.
  await db.schema
    .createTable('hit_forms')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('hit_id', 'varchar(40)', (c) => c.notNull().references('hits.id'))
    .addColumn('form', 'varchar(1)', (c) => c.notNull())
    .addColumn('from_member', 'varchar(3)', (c) => c.notNull())
    .addColumn('to_member', 'varchar(3)', (c) => c.notNull())
    .addColumn('handling_code', 'varchar(2)', (c) => c.notNull())
    .addColumn('source_grade', 'varchar(1)')
    .addColumn('info_grade', 'varchar(1)')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(60)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('reply_due_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('hit_forms_hit').on('hit_forms').columns(['hit_id', 'created_at']).execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('from_member', 'varchar(3)', (c) => c.notNull())
    .addColumn('subject', 'varchar(300)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('handling_code', 'varchar(2)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(60)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('message_recipients')
    .addColumn('message_id', 'varchar(40)', (c) => c.notNull().references('messages.id'))
    .addColumn('member', 'varchar(3)', (c) => c.notNull())
    .addColumn('read_at', 'varchar(30)')
    .addColumn('read_by', 'varchar(60)')
    .addPrimaryKeyConstraint('message_recipients_pk', ['message_id', 'member'])
    .execute();
  await db.schema.createIndex('message_recipients_member').on('message_recipients').columns(['member', 'message_id']).execute();
  await db.schema
    .createTable('message_attachments')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('message_id', 'varchar(40)', (c) => c.notNull().references('messages.id'))
    .addColumn('filename', 'varchar(255)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    // Base64 in the database, or null when the content is in the configured folder (named by sha256).
    .addColumn('data', 'text')
    .execute();

  // Review before publication: one row per decision.
  await db.schema
    .createTable('alert_reviews')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('alert_id', 'varchar(40)', (c) => c.notNull().references('alerts.id'))
    .addColumn('decision', 'varchar(20)', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('flags', 'text', (c) => c.notNull())
    .addColumn('reviewer_member', 'varchar(3)', (c) => c.notNull())
    .addColumn('reviewer', 'varchar(60)', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_reviews_alert').on('alert_reviews').columns(['alert_id']).execute();

  // "Action not to be taken on our territory", one per flagging member.
  await db.schema
    .createTable('alert_flags')
    .addColumn('alert_id', 'varchar(40)', (c) => c.notNull().references('alerts.id'))
    .addColumn('member', 'varchar(3)', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(60)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('alert_flags_pk', ['alert_id', 'member'])
    .execute();

  await db.schema
    .createTable('identity_links')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('alert_a', 'varchar(40)', (c) => c.notNull().references('alerts.id'))
    .addColumn('alert_b', 'varchar(40)', (c) => c.notNull().references('alerts.id'))
    .addColumn('basis', 'varchar(30)', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('color', 'varchar(10)', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'varchar(60)')
    .addColumn('decided_member', 'varchar(3)')
    .addColumn('decided_at', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('identity_links_pair').on('identity_links').columns(['alert_a', 'alert_b', 'basis']).unique().execute();
  await db.schema.createIndex('identity_links_b').on('identity_links').columns(['alert_b']).execute();
  await db.insertInto('counters').values({ name: 'links-cursor', value: 0, hash: '' }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['identity_links', 'alert_flags', 'alert_reviews', 'message_attachments', 'message_recipients', 'messages', 'hit_forms', 'webhook_deliveries', 'webhooks', 'events']) {
    await db.schema.dropTable(t).execute();
  }
  await db.deleteFrom('counters').where('name', 'in', ['events', 'webhook-cursor', 'links-cursor']).execute();
  await db.schema.dropIndex('alerts_review_date').execute();
  await db.schema.alterTable('alerts').dropColumn('review_date').execute();
  for (const c of ['outcome', 'outcome_note', 'outcome_at', 'outcome_by']) await db.schema.alterTable('hits').dropColumn(c).execute();
}
