import {
  ALERT_STATUSES,
  ROLES,
  alertAccess,
  clearanceVisibleTo,
  isAtReviewDate,
  isPastEndDate,
  isOwnerOnlyStatus,
  isReplyOverdue,
  needsReviewWarning,
  visibleTo,
  type AlertAccessFacts,
  type Reader,
  type Visibility,
} from '@crosscheck/core';
import { alertAccessSql, alertColumns, clearanceVisibleSql, atReviewDateSql, needsReviewWarningSql, pastEndDateSql, publishedOrOwnSql, replyOverdueSql, visibleSql } from '@crosscheck/core/sql';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshStore, type TestStore } from '../../test/engines.js';
import { openDatabase, type Database } from './database.js';
import { migrateToLatest } from './migrate.js';
import type { DB } from './schema.js';

// Every rule of the core that SQL restates is run here over a table of cases, by the core
// function and by its SQL translation on the real tables, on every engine: they must agree case
// for case. A rule changed on one side only fails here.

const OWNER = 'FRA';
const MEMBERS = ['FRA', 'DEU', 'ITA'] as const;
const VISIBILITIES: Visibility[] = [
  { mode: 'all' },
  { mode: 'only', members: [] },
  { mode: 'only', members: ['DEU'] },
  { mode: 'only', members: ['DEU', 'ITA'] },
  { mode: 'all-except', members: ['DEU'] },
];
const CATEGORIES = [null, 'missing', 'arrest', 'discreet-check'] as const;

/** Every combination of the facts `alertAccess` weighs. */
const ACCESS_CASES: AlertAccessFacts[] = VISIBILITIES.flatMap((visibility) =>
  ALERT_STATUSES.flatMap((status) => CATEGORIES.flatMap((category) => [false, true].map((hiddenFromFrontline) => ({ owner: OWNER, visibility, status, category, hiddenFromFrontline })))),
);
const READERS: Reader[] = MEMBERS.flatMap((member) => ROLES.map((role) => ({ member, role })));

const DAYS = [null, '2030-06-14', '2030-06-15', '2030-06-16'] as const;
const TODAY = '2030-06-15';
const INSTANTS = [null, '2030-06-15T11:59:59.999Z', '2030-06-15T12:00:00.000Z', '2030-06-15T12:00:00.001Z'] as const;
const NOW = new Date('2030-06-15T12:00:00.000Z');

describe.each(ENGINES)('the SQL translations of the core rules agree with the rules (%s)', (engine) => {
  let store: TestStore;
  let database: Database;
  let db: Kysely<DB>;

  beforeAll(async () => {
    store = await freshStore(engine);
    database = await openDatabase(store.target);
    db = database.db;
    await migrateToLatest(db, database.engine);
    await db.insertInto('members').values({ code: OWNER, name: 'France', kind: 'country', status: 'active', created_at: '2030-01-01T00:00:00.000Z' }).execute();
    let n = 0;
    const rows = ACCESS_CASES.map((f) => ({
      id: `case-${String(n++).padStart(4, '0')}`,
      owner: f.owner,
      kind: f.category === null ? 'document' : 'person',
      category: f.category,
      status: f.status,
      version: 1,
      visibility_mode: f.visibility.mode,
      visibility_members: JSON.stringify(f.visibility.mode === 'all' ? [] : f.visibility.members),
      body: '{}',
      search_text: '',
      hidden_from_frontline: f.hiddenFromFrontline ? 1 : 0,
      created_at: '2030-01-01T00:00:00.000Z',
      updated_at: '2030-01-01T00:00:00.000Z',
    }));
    for (let i = 0; i < rows.length; i += 100) await db.insertInto('alerts').values(rows.slice(i, i + 100)).execute();
  });
  afterAll(async () => {
    await database.close();
    await store.drop();
  });

  /** The case rows in id order, each with what `expr` answers for it. */
  async function sqlAnswers<T>(expr: ReturnType<typeof sql<T>>): Promise<T[]> {
    const rows = await db.selectFrom('alerts').select(['id', expr.as('answer')]).where('id', 'like', 'case-%').orderBy('id').execute();
    return rows.map((r) => r.answer as T);
  }
  const truth = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 't';

  it('alertAccessSql gives every reader what alertAccess gives, for every case', async () => {
    for (const reader of READERS) {
      const fromSql = await sqlAnswers(alertAccessSql(alertColumns(), reader));
      expect(fromSql, `${reader.member} ${reader.role}`).toEqual(ACCESS_CASES.map((f) => alertAccess(reader, f)));
    }
    // The table reaches all three answers, so it would notice a rule that lost one.
    expect(new Set(READERS.flatMap((r) => ACCESS_CASES.map((f) => alertAccess(r, f))))).toEqual(new Set(['full', 'instruction-only', 'hidden']));
  });

  it('visibleSql and publishedOrOwnSql state visibleTo and isOwnerOnlyStatus', async () => {
    const cols = alertColumns();
    for (const member of MEMBERS) {
      expect((await sqlAnswers(visibleSql(cols.owner, cols.visibilityMode, cols.visibilityMembers, member))).map(truth)).toEqual(ACCESS_CASES.map((f) => visibleTo(f.owner, f.visibility, member)));
      expect((await sqlAnswers(publishedOrOwnSql(cols.status, cols.owner, member))).map(truth)).toEqual(ACCESS_CASES.map((f) => !isOwnerOnlyStatus(f.status) || f.owner === member));
    }
  });

  it('the date rules agree with pastEndDateSql, atReviewDateSql and needsReviewWarningSql', async () => {
    const cases = DAYS.flatMap((expiresAt) => DAYS.flatMap((reviewDate) => DAYS.flatMap((warned) => (['active', 'expired'] as const).map((status) => ({ expiresAt, reviewDate, warned, status })))));
    await db.schema.createTable('date_cases').addColumn('n', 'integer').addColumn('status', 'varchar(20)').addColumn('expires_at', 'varchar(10)').addColumn('review_date', 'varchar(10)').addColumn('review_warned_for', 'varchar(10)').execute();
    await sql`insert into date_cases (n, status, expires_at, review_date, review_warned_for) values ${sql.join(cases.map((c, i) => sql`(${i}, ${c.status}, ${c.expiresAt}, ${c.reviewDate}, ${c.warned})`))}`.execute(db);
    const answers = (await sql<{ end: unknown; review: unknown; warn: unknown }>`select ${pastEndDateSql('date_cases.expires_at', TODAY)} as "end", ${atReviewDateSql('date_cases.review_date', TODAY)} as review, ${needsReviewWarningSql({ status: 'date_cases.status', reviewDate: 'date_cases.review_date', reviewWarnedFor: 'date_cases.review_warned_for' }, TODAY)} as warn from date_cases order by n`.execute(db)).rows;
    expect(answers.map((a) => truth(a.end))).toEqual(cases.map((c) => isPastEndDate(c.expiresAt, TODAY)));
    expect(answers.map((a) => truth(a.review))).toEqual(cases.map((c) => isAtReviewDate(c.reviewDate, TODAY)));
    expect(answers.map((a) => truth(a.warn))).toEqual(cases.map((c) => needsReviewWarning({ status: c.status, reviewDate: c.reviewDate, reviewWarnedFor: c.warned }, TODAY)));
  });

  it('replyOverdueSql states isReplyOverdue, for every member party to the form or not', async () => {
    const cases = INSTANTS.flatMap((due) => MEMBERS.flatMap((from) => MEMBERS.filter((to) => to !== from).map((to) => ({ due, from, to }))));
    await db.schema.createTable('form_cases').addColumn('n', 'integer').addColumn('reply_due_at', 'varchar(30)').addColumn('from_member', 'varchar(3)').addColumn('to_member', 'varchar(3)').execute();
    await sql`insert into form_cases (n, reply_due_at, from_member, to_member) values ${sql.join(cases.map((c, i) => sql`(${i}, ${c.due}, ${c.from}, ${c.to})`))}`.execute(db);
    const cols = { replyDueAt: 'form_cases.reply_due_at', from: 'form_cases.from_member', to: 'form_cases.to_member' };
    for (const member of [undefined, ...MEMBERS]) {
      const rows = (await sql<{ r: unknown }>`select ${replyOverdueSql(cols, NOW.toISOString(), member)} as r from form_cases order by n`.execute(db)).rows;
      expect(rows.map((r) => truth(r.r)), member ?? 'anyone').toEqual(cases.map((c) => isReplyOverdue(c.due, NOW) && (member === undefined || c.from === member || c.to === member)));
    }
  });

  it('clearanceVisibleSql states clearanceVisibleTo, for every owner, clearing member and reader', async () => {
    const cases = MEMBERS.flatMap((owner) => MEMBERS.map((member) => ({ owner, member })));
    await db.schema.createTable('clearance_cases').addColumn('n', 'integer').addColumn('owner', 'varchar(3)').addColumn('member', 'varchar(3)').execute();
    await sql`insert into clearance_cases (n, owner, member) values ${sql.join(cases.map((c, i) => sql`(${i}, ${c.owner}, ${c.member})`))}`.execute(db);
    for (const reader of [...MEMBERS, 'ESP']) {
      const rows = (await sql<{ r: unknown }>`select ${clearanceVisibleSql('clearance_cases.owner', 'clearance_cases.member', reader)} as r from clearance_cases order by n`.execute(db)).rows;
      expect(rows.map((r) => truth(r.r)), reader).toEqual(cases.map((c) => clearanceVisibleTo(reader, c)));
    }
  });
});
