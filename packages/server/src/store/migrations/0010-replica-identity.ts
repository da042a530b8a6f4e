import type { Kysely } from 'kysely';

// National copies, second part (review of 0009). Only nullable columns are added, so a database
// made with 0009 (a running centre or copy) migrates in place:
// - replica_state.applied_mark: the fingerprint of the centre's change at applied_to, to notice a
//   centre whose feed was rewritten (restored from a backup); null on an older copy until its next batch.
// - replica_state.stopped: why sync stopped for good, kept across restarts (a person must act).
// - replica_received.entry_hash: the hash of the copy's entry an item id stood for, so a copy
//   restored from its own backup that reuses ids is refused instead of answered "already had".
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('replica_state').addColumn('applied_mark', 'varchar(64)').execute();
  await db.schema.alterTable('replica_state').addColumn('stopped', 'text').execute();
  await db.schema.alterTable('replica_received').addColumn('entry_hash', 'varchar(64)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('replica_received').dropColumn('entry_hash').execute();
  await db.schema.alterTable('replica_state').dropColumn('stopped').execute();
  await db.schema.alterTable('replica_state').dropColumn('applied_mark').execute();
}
