import type { Kysely } from 'kysely';

// Hits after the fact: a hit found by screening a newly published alert against the screenings of
// the last CROSSCHECK_LOOKBACK_HOURS is marked retroactive and carries the original screening's time
// and place (a flight's designator and airports) beside it, so the hit keeps them after the
// screening's query is blanked. Screenings record where they were made (flights only, for now).
// `retro-cursor` is how far the follower (app/retroactive/) has read the change feed: it starts at
// the feed's head, so an upgrade does not screen the alerts of the past again.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('hits').addColumn('retroactive', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('hits').addColumn('screened_at', 'varchar(30)').execute();
  await db.schema.alterTable('hits').addColumn('screening_place', 'text').execute();
  await db.schema.alterTable('screenings').addColumn('place', 'text').execute();
  // The lookback reads screenings by time; a hit's (screening, alert) pair is looked up before one is added.
  await db.schema.createIndex('screenings_at').on('screenings').columns(['at', 'id']).execute();
  await db.schema.createIndex('hits_alert_screening').on('hits').columns(['alert_id', 'screening_id']).execute();
  const head = await db.selectFrom('counters').select('value').where('name', '=', 'changes').executeTakeFirst();
  await db.insertInto('counters').values({ name: 'retro-cursor', value: Number(head?.value ?? 0), hash: '' }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('counters').where('name', '=', 'retro-cursor').execute();
  await db.schema.dropIndex('hits_alert_screening').execute();
  await db.schema.dropIndex('screenings_at').execute();
  await db.schema.alterTable('screenings').dropColumn('place').execute();
  await db.schema.alterTable('hits').dropColumn('screening_place').execute();
  await db.schema.alterTable('hits').dropColumn('screened_at').execute();
  await db.schema.alterTable('hits').dropColumn('retroactive').execute();
}
