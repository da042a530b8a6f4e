import type { PreCheckFlag } from '@crosscheck/core';
import type { Kysely } from 'kysely';
import type { DB } from './schema.js';
import type { Tx } from './write-transaction.js';

export interface ReviewDraft {
  id: string;
  alertId: string;
  decision: 'approved' | 'rejected';
  reason: string;
  flags: PreCheckFlag[];
  reviewerMember: string;
  reviewer: string;
  at: string;
}

export async function insertReview(tx: Tx, r: ReviewDraft): Promise<void> {
  await tx
    .insertInto('alert_reviews')
    .values({ id: r.id, alert_id: r.alertId, decision: r.decision, reason: r.reason, flags: JSON.stringify(r.flags), reviewer_member: r.reviewerMember, reviewer: r.reviewer, at: r.at })
    .execute();
}

/**
 * The latest rejection of each of these alerts (reason and when), keyed by alert id: an alert
 * back in the queue after its owner corrected it comes with the reason it was refused for.
 */
export async function latestRejections(db: Kysely<DB> | Tx, alertIds: string[]): Promise<Map<string, { reason: string; at: string }>> {
  const out = new Map<string, { reason: string; at: string }>();
  if (alertIds.length === 0) return out;
  const rows = await db.selectFrom('alert_reviews').select(['alert_id', 'reason', 'at']).where('alert_id', 'in', alertIds).where('decision', '=', 'rejected').orderBy('at').execute();
  for (const r of rows) out.set(r.alert_id, { reason: r.reason, at: r.at });
  return out;
}

/** "Action not to be taken on the territory of <member>", as every reader sees it. */
export interface TerritoryFlag {
  member: string;
  reason: string;
  text: string;
  at: string;
}

export const territoryText = (member: string): string => `action not to be taken on the territory of ${member}`;

/** One flag per member and alert: posting again replaces the reason. */
export async function putFlag(tx: Tx, f: { alertId: string; member: string; reason: string; createdBy: string; at: string }): Promise<void> {
  await tx.deleteFrom('alert_flags').where('alert_id', '=', f.alertId).where('member', '=', f.member).execute();
  await tx.insertInto('alert_flags').values({ alert_id: f.alertId, member: f.member, reason: f.reason, created_by: f.createdBy, created_at: f.at }).execute();
}

/** Removes a member's flag; true when there was one. */
export async function removeFlag(tx: Tx, alertId: string, member: string): Promise<boolean> {
  const r = await tx.deleteFrom('alert_flags').where('alert_id', '=', alertId).where('member', '=', member).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/**
 * Flags on these alerts, keyed by alert id; only `member`'s own when given. One query however
 * many alerts, so a screening with many results stays one round trip.
 */
export async function flagsOn(db: Kysely<DB> | Tx, alertIds: string[], member?: string): Promise<Map<string, TerritoryFlag[]>> {
  const out = new Map<string, TerritoryFlag[]>();
  if (alertIds.length === 0) return out;
  let q = db.selectFrom('alert_flags').selectAll().where('alert_id', 'in', alertIds);
  if (member !== undefined) q = q.where('member', '=', member);
  for (const r of await q.orderBy('alert_id').orderBy('member').execute()) {
    const list = out.get(r.alert_id) ?? [];
    list.push({ member: r.member, reason: r.reason, text: territoryText(r.member), at: r.created_at });
    out.set(r.alert_id, list);
  }
  return out;
}
