import type { AlertInput } from '@crosscheck/core';
import { dropAssetPersons } from './asset-link-repo.js';
import { atReviewDateSql, needsReviewWarningSql } from '@crosscheck/core/sql';
import type { Kysely } from 'kysely';
import type { AlertRow } from './alert-repo.js';
import type { DB } from './schema.js';
import type { Tx } from './write-transaction.js';

/** Alerts whose owner is to be warned of their review date by `until` (`needsReviewWarning`). */
export async function alertsToWarn(db: Kysely<DB>, until: string, after: string, limit: number): Promise<AlertRow[]> {
  return db
    .selectFrom('alerts')
    .selectAll()
    .where(needsReviewWarningSql({ status: 'alerts.status', reviewDate: 'alerts.review_date', reviewWarnedFor: 'alerts.review_warned_for' }, until))
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function markWarned(tx: Tx, id: string, reviewDate: string): Promise<void> {
  await tx.updateTable('alerts').set({ review_warned_for: reviewDate }).where('id', '=', id).execute();
}

/** Active alerts at their review date (`isAtReviewDate`): they expire today. */
export async function alertIdsPastReview(db: Kysely<DB>, today: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('alerts')
    .select('id')
    .where('status', '=', 'active')
    .where(atReviewDateSql('alerts.review_date', today))
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

// A request refused by review keeps personal data no longer than an alert that ran its course.
export const PURGED_STATUSES = ['expired', 'rejected'];

/** Alerts that ended (expired, or refused by review), not yet purged, whose end (their last change) was before `before`. */
export async function alertIdsToPurge(db: Kysely<DB>, before: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('alerts')
    .select('id')
    .where('status', 'in', PURGED_STATUSES)
    .where('purged_at', 'is', null)
    .where('updated_at', '<', before)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Replaces the body of the alert and of every kept version by `tombstone` and empties its search
 * text. Hit reasons quote the record's names and link details its numbers and birth date: they go
 * too (the hit and the link themselves stay, as history).
 */
export async function purgeAlertData(tx: Tx, id: string, tombstone: AlertInput, at: string): Promise<void> {
  const body = JSON.stringify(tombstone);
  await tx.updateTable('alerts').set({ body, search_text: '', source_ref: null, public_notice: null, purged_at: at }).where('id', '=', id).execute();
  await tx.updateTable('alert_versions').set({ body }).where('alert_id', '=', id).execute();
  await dropAssetPersons(tx, id);
  await tx.updateTable('hits').set({ reasons: JSON.stringify(['[purged]']) }).where('alert_id', '=', id).execute();
  await tx
    .updateTable('identity_links')
    .set({ detail: JSON.stringify({ purged: true }) })
    .where((eb) => eb.or([eb('alert_a', '=', id), eb('alert_b', '=', id)]))
    .execute();
}

/** The owner's active alerts with a review date on or before `until`, soonest first. */
export async function expiringAlertsOf(db: Kysely<DB> | Tx, owner: string, until: string): Promise<AlertRow[]> {
  return db
    .selectFrom('alerts')
    .selectAll()
    .where('owner', '=', owner)
    .where('status', '=', 'active')
    .where(atReviewDateSql('alerts.review_date', until))
    .orderBy('review_date')
    .orderBy('id')
    .execute();
}

/** A new review date; the owner is warned again before it. */
export async function setReviewDate(tx: Tx, id: string, reviewDate: string): Promise<void> {
  await tx.updateTable('alerts').set({ review_date: reviewDate, review_warned_for: null }).where('id', '=', id).execute();
}
