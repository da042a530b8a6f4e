import type { Kysely } from 'kysely';

// Asset alerts (issue 16) name the person alerts they belong to in their body (`persons`); this
// table holds the same pairs so that a person alert finds its assets with one indexed read. It is
// kept with every version written (alert-repo's writeAlertVersion) and emptied when an alert's
// data is purged. No foreign keys: a national copy may hold an asset whose person it was not sent.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('asset_persons')
    .addColumn('asset_alert_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('person_alert_id', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('asset_persons_pk', ['asset_alert_id', 'person_alert_id'])
    .execute();
  await db.schema.createIndex('asset_persons_person').on('asset_persons').columns(['person_alert_id', 'asset_alert_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('asset_persons').execute();
}
