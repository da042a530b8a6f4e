import { readStoredReasons, type StoredReason } from '@crosscheck/core';
import { HIT_FORM_COLUMNS, replyOverdueSql } from '@crosscheck/core/sql';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, HitFormsTable, HitsTable } from './schema.js';
import type { Tx } from './write-transaction.js';

/** A recorded hit, its match reasons decoded (codes, or sentences recorded before there were codes). */
export type HitRow = Omit<Selectable<HitsTable>, 'reasons'> & { reasons: StoredReason[] };
/** A form of a hit's thread, its body decoded. */
export type HitFormRow = Omit<Selectable<HitFormsTable>, 'body'> & { body: FormBody };

/** What a form's `body` column holds: the officer's text and, for a refusal or withdrawal, why. */
export interface FormBody {
  text: string;
  reason?: string;
  /** An inquiry check's answers, each beside the owner's question (a G form sent by POST /hits/{id}/answers). */
  answers?: { question: string; answer: string }[];
}

const decodeHit = ({ reasons, ...h }: Selectable<HitsTable>): HitRow => ({ ...h, reasons: readStoredReasons(reasons) });
const decodeForm = <F extends Selectable<HitFormsTable>>({ body, ...f }: F) => ({ ...f, body: JSON.parse(body) as FormBody });

type Db = Kysely<DB> | Tx;

/** The columns of hits' alerts the access rule weighs (`accessFactsOf`), one query for many alerts. */
export async function alertFactsOf(db: Db, alertIds: string[]) {
  return db
    .selectFrom('alerts')
    .select(['id', 'owner', 'visibility_mode', 'visibility_members', 'status', 'category', 'hidden_from_frontline'])
    .where('id', 'in', alertIds)
    .execute();
}

export async function findHit(db: Db, id: string): Promise<HitRow | undefined> {
  const row = await db.selectFrom('hits').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? decodeHit(row) : undefined;
}

export interface HitListFilter {
  /** Only hits on this member's alerts or from its screenings. */
  viewer: string;
  alertId?: string;
  /** Ids below this one (ids are time-ordered, pages go newest first). */
  before?: string;
  /** Only hits with a form the viewer sent or received whose reply was due before this time. */
  overdueAt?: string;
  limit: number;
}

export async function listHitRows(db: Db, f: HitListFilter): Promise<HitRow[]> {
  let q = db
    .selectFrom('hits')
    .selectAll()
    .where((eb) => eb.or([eb('owner', '=', f.viewer), eb('screening_member', '=', f.viewer)]));
  if (f.alertId !== undefined) q = q.where('alert_id', '=', f.alertId);
  if (f.before !== undefined) q = q.where('id', '<', f.before);
  if (f.overdueAt !== undefined) {
    const at = f.overdueAt;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('hit_forms')
          .select('hit_forms.id')
          .whereRef('hit_forms.hit_id', '=', 'hits.id')
          .where((e) => replyOverdueSql(HIT_FORM_COLUMNS, at, f.viewer)),
      ),
    );
  }
  return (await q.orderBy('id', 'desc').limit(f.limit).execute()).map(decodeHit);
}

/** The forms of these hits, oldest first within each thread. */
export async function formsOfHits(db: Db, hitIds: string[]): Promise<HitFormRow[]> {
  if (hitIds.length === 0) return [];
  return (await db.selectFrom('hit_forms').selectAll().where('hit_id', 'in', hitIds).orderBy('created_at').orderBy('id').execute()).map(decodeForm);
}

export async function setHitOutcome(tx: Tx, id: string, o: { outcome: string; note: string; at: string; by: string }): Promise<void> {
  await tx.updateTable('hits').set({ outcome: o.outcome, outcome_note: o.note, outcome_at: o.at, outcome_by: o.by }).where('id', '=', id).execute();
}

export async function insertHitForm(tx: Tx, row: HitFormRow): Promise<void> {
  await tx.insertInto('hit_forms').values({ ...row, body: JSON.stringify(row.body) }).execute();
}

/** Stops the reply clocks waiting on `member` in one thread: it has just answered. */
export async function clearRepliesDueFrom(tx: Tx, hitId: string, member: string): Promise<void> {
  await tx.updateTable('hit_forms').set({ reply_due_at: null }).where('hit_id', '=', hitId).where('to_member', '=', member).where('reply_due_at', 'is not', null).execute();
}

/**
 * Forms whose reply is overdue at `now`, with their hit's alert, most overdue first: those of
 * `member` (sent or to answer), or `unreminded` ones nobody has been told of yet.
 */
export async function overdueFormRows(db: Db, now: string, f: { member?: string; unreminded?: boolean; limit: number }): Promise<(HitFormRow & { alert_id: string })[]> {
  let q = db
    .selectFrom('hit_forms')
    .innerJoin('hits', 'hits.id', 'hit_forms.hit_id')
    .selectAll('hit_forms')
    .select('hits.alert_id')
    .where((eb) => replyOverdueSql(HIT_FORM_COLUMNS, now, f.member));
  if (f.unreminded) q = q.where('hit_forms.reminded_at', 'is', null);
  return (await q.orderBy('hit_forms.reply_due_at').orderBy('hit_forms.id').limit(f.limit).execute()).map(decodeForm);
}

/** How many threads have a reply overdue at `now` that concerns `member` (the list is capped). */
export async function overdueThreadCount(db: Db, member: string, now: string): Promise<number> {
  const row = await db
    .selectFrom('hit_forms')
    .select((eb) => eb.fn.count<string | number>('hit_forms.hit_id').distinct().as('count'))
    .where((eb) => replyOverdueSql(HIT_FORM_COLUMNS, now, member))
    .executeTakeFirst();
  // PostgreSQL returns a count as a bigint, which pg hands over as a string.
  return Number(row?.count ?? 0);
}

/** Marks the overdue reply as told, if it still is overdue and untold (another process may have been first). */
export async function markReminded(tx: Tx, formId: string, now: string, at: string): Promise<boolean> {
  const r = await tx
    .updateTable('hit_forms')
    .set({ reminded_at: at })
    .where('id', '=', formId)
    .where('reminded_at', 'is', null)
    .where(replyOverdueSql(HIT_FORM_COLUMNS, now))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
