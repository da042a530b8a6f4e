import { Migrator, sql, type Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINES, freshStore } from '../../../test/engines.js';
import { openDatabase } from '../database.js';
import { migrateToLatest } from '../migrate.js';
import * as m1 from './0001-initial.js';
import * as m2 from './0002-screening.js';
import * as m3 from './0003-cooperation.js';
import * as m4 from './0004-retention.js';
import * as m5 from './0005-reply-reminders.js';
import * as m6 from './0006-alert-photos.js';
import * as m7 from './0007-user-language.js';
import * as m8 from './0008-public-notices.js';
import * as m9 from './0009-replica.js';

const UP_TO_0009: Record<string, Migration> = { '0001-initial': m1, '0002-screening': m2, '0003-cooperation': m3, '0004-retention': m4, '0005-reply-reminders': m5, '0006-alert-photos': m6, '0007-user-language': m7, '0008-public-notices': m8, '0009-replica': m9 };

describe.each(ENGINES)('migration 0010 on a %s database made with 0009', (engine) => {
  it('keeps a running copy and a centre as they were, with the new columns empty', async () => {
    const store = await freshStore(engine);
    const { db, close } = await openDatabase(store.target);
    try {
      const schema = engine === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
      const old = new Migrator({ db, provider: { getMigrations: async () => UP_TO_0009 }, ...(schema ? { migrationTableSchema: schema } : {}) });
      expect((await old.migrateToLatest()).error).toBeUndefined();
      // A copy that has applied 40 changes and forwarded 7 entries; a centre that received one item.
      await sql`insert into replica_state (name, instance, centre_url, central_key, central_key_id, member, applied_to, centre_head, last_contact_at, forwarded_audit_seq) values ('sync', 'i-1', 'https://centre', 'PEM', 'kid', 'DEU', 40, 42, '2026-11-01T00:00:00.000Z', 7)`.execute(db);
      await sql`insert into replica_received (replica, item_id, received_at, audit_seq) values ('key:r', 'i-1:1', '2026-11-01T00:00:00.000Z', 3)`.execute(db);
      expect((await migrateToLatest(db, engine))[0]).toBe('0010-replica-identity');
      const state = await db.selectFrom('replica_state').selectAll().executeTakeFirstOrThrow();
      expect(state).toMatchObject({ applied_to: 40, forwarded_audit_seq: 7, member: 'DEU', applied_mark: null, stopped: null });
      expect(await db.selectFrom('replica_received').select(['item_id', 'entry_hash']).execute()).toEqual([{ item_id: 'i-1:1', entry_hash: null }]);
    } finally {
      await close();
      await store.drop();
    }
  });
});
