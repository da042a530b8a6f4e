import type { Kysely } from 'kysely';

// Carrier checks: where a screening and its hits came from when it was not an officer's or a
// border system's screening (`carrier-check`, core constants/carrier.ts HIT_ORIGINS). Null for every
// row before, and for ordinary screenings after: nothing to fill in.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('screenings').addColumn('origin', 'varchar(20)').execute();
  await db.schema.alterTable('hits').addColumn('origin', 'varchar(20)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('hits').dropColumn('origin').execute();
  await db.schema.alterTable('screenings').dropColumn('origin').execute();
}
