import type { Visibility } from '@crosscheck/core';
import { findingVisibleTo } from '@crosscheck/core/chain';
import { FINDING_STATUSES } from '@crosscheck/core/constants';
import { findingVisibleSql } from '@crosscheck/core/sql';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshStore, type TestStore } from '../../test/engines.js';
import { openDatabase, type Database } from './database.js';
import { migrateToLatest } from './migrate.js';
import type { DB } from './schema.js';

// The SQL of the findings' sharing rule against the rule itself, case for case, on the real table
// and every engine (like rules.test.ts for the alerts' rules).

const VISIBILITIES: Visibility[] = [
  { mode: 'all' },
  { mode: 'only', members: [] },
  { mode: 'only', members: ['DEU'] },
  { mode: 'only', members: ['DEU', 'ITA'] },
  { mode: 'all-except', members: ['DEU'] },
  { mode: 'all-except', members: ['DEU', 'ITA'] },
];
const CASES = VISIBILITIES.flatMap((visibility) => FINDING_STATUSES.map((status) => ({ owner: 'FRA', status, visibility })));
const MEMBERS = ['FRA', 'DEU', 'ITA', 'ESP'];

describe.each(ENGINES)('findingVisibleSql states findingVisibleTo (%s)', (engine) => {
  let store: TestStore;
  let database: Database;
  let db: Kysely<DB>;
  beforeAll(async () => {
    store = await freshStore(engine);
    database = await openDatabase(store.target);
    db = database.db;
    await migrateToLatest(db, database.engine);
    const at = '2030-01-01T00:00:00.000Z';
    await db
      .insertInto('chain_findings')
      .values(
        CASES.map((c, i) => ({
          id: `case-${String(i).padStart(4, '0')}`,
          owner: c.owner,
          method: 'op-return',
          size: 1,
          sha256: i.toString(16).padStart(64, '0'),
          md5: i.toString(16).padStart(32, '0'),
          media_type: null,
          declared_type: null,
          decoded_media_type: null,
          decoded_sha256: null,
          decoded_md5: null,
          decoded: null,
          text_info: null,
          search_text: '',
          matches: '[]',
          matched: 0,
          fields: '{}',
          notes: '[]',
          status: c.status,
          visibility_mode: c.visibility.mode,
          visibility_members: JSON.stringify(c.visibility.mode === 'all' ? [] : c.visibility.members),
          content_kept: 0,
          first_seen_at: at,
          changed_at: at,
          version: 1,
          created_by: 'cli:test',
        })),
      )
      .execute();
  });
  afterAll(async () => {
    await database.close();
    await store.drop();
  });

  it('agrees for every member, status and visibility', async () => {
    const cols = { owner: 'chain_findings.owner', status: 'chain_findings.status', mode: 'chain_findings.visibility_mode', members: 'chain_findings.visibility_members' };
    for (const member of MEMBERS) {
      const rows = await db.selectFrom('chain_findings').select(['id', findingVisibleSql(cols, member).as('answer')]).orderBy('id').execute();
      const truth = (v: unknown) => v === true || v === 1 || v === '1' || v === 't';
      expect(rows.map((r) => truth(r.answer)), member).toEqual(CASES.map((c) => findingVisibleTo(c, member)));
    }
    // The table reaches both answers for another member, so it would notice a rule that lost one.
    expect(new Set(CASES.map((c) => findingVisibleTo(c, 'DEU')))).toEqual(new Set([true, false]));
  });
});
