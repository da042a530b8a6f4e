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
import * as m10 from './0010-replica-identity.js';

const UP_TO_0010: Record<string, Migration> = { '0001-initial': m1, '0002-screening': m2, '0003-cooperation': m3, '0004-retention': m4, '0005-reply-reminders': m5, '0006-alert-photos': m6, '0007-user-language': m7, '0008-public-notices': m8, '0009-replica': m9, '0010-replica-identity': m10 };

describe.each(ENGINES)('migration 0011 on a %s database made with 0010', (engine) => {
  it('sets hidden_from_frontline from each alert body, and only from the flag itself', async () => {
    const store = await freshStore(engine);
    const { db, close } = await openDatabase(store.target);
    try {
      const schema = engine === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
      const old = new Migrator({ db, provider: { getMigrations: async () => UP_TO_0010 }, ...(schema ? { migrationTableSchema: schema } : {}) });
      expect((await old.migrateToLatest()).error).toBeUndefined();
      await sql`insert into members (code, name, kind, status, created_at) values ('FRA', 'France', 'country', 'active', '2026-01-01T00:00:00.000Z')`.execute(db);
      const bodies: [string, object][] = [
        ['a-hidden', { kind: 'vehicle', vehicle: { plate: 'AB-123' }, hiddenFromFrontline: true, visibility: { mode: 'all' } }],
        ['b-shown', { kind: 'vehicle', vehicle: { plate: 'AB-124' }, hiddenFromFrontline: false, visibility: { mode: 'all' } }],
        // The flag's text inside a remark is escaped by JSON.stringify and must not count.
        ['c-remark', { kind: 'vehicle', vehicle: { plate: 'AB-125' }, remarks: '"hiddenFromFrontline":true', visibility: { mode: 'all' } }],
        ['d-absent', { kind: 'vehicle', vehicle: { plate: 'AB-126' }, visibility: { mode: 'all' } }],
      ];
      for (const [id, body] of bodies) {
        await sql`insert into alerts (id, owner, kind, status, version, visibility_mode, visibility_members, body, search_text, created_at, updated_at) values (${id}, 'FRA', 'vehicle', 'active', 1, 'all', '[]', ${JSON.stringify(body)}, '', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`.execute(db);
      }
      expect(await migrateToLatest(db, engine)).toContain('0011-hidden-from-frontline');
      const rows = (await sql<{ id: string; h: number }>`select id, hidden_from_frontline as h from alerts order by id`.execute(db)).rows;
      expect(rows.map((r) => [r.id, Number(r.h)])).toEqual([['a-hidden', 1], ['b-shown', 0], ['c-remark', 0], ['d-absent', 0]]);
    } finally {
      await close();
      await store.drop();
    }
  });
});
