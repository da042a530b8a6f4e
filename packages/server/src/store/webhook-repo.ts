import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB, WebhookDeliveriesTable, WebhooksTable } from './schema.js';
import type { Tx } from './write-transaction.js';

export type WebhookRow = Selectable<WebhooksTable>;
export type DeliveryRow = Selectable<WebhookDeliveriesTable>;

export async function insertWebhook(tx: Tx, row: Insertable<WebhooksTable>): Promise<void> {
  await tx.insertInto('webhooks').values(row).execute();
}

export async function findWebhook(db: Kysely<DB>, id: string): Promise<WebhookRow | undefined> {
  return db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A member's webhooks, oldest first, disabled ones included (the log still names them). */
export async function listWebhooks(db: Kysely<DB>, member: string): Promise<WebhookRow[]> {
  return db.selectFrom('webhooks').selectAll().where('member', '=', member).orderBy('id').execute();
}

/** Disables a webhook and gives up its pending deliveries; false when it was already disabled. */
export async function disableWebhook(tx: Tx, id: string, at: string): Promise<boolean> {
  const r = await tx.updateTable('webhooks').set({ disabled_at: at }).where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
  await tx
    .updateTable('webhook_deliveries')
    .set({ status: 'failed', last_error: 'webhook disabled', next_attempt_at: null })
    .where('webhook_id', '=', id)
    .where('status', '=', 'pending')
    .execute();
  return Number(r.numUpdatedRows) > 0;
}

/** Active webhooks of the given members; a suspended member's webhooks are silent, as its keys are. */
export async function activeWebhooksOf(db: Kysely<DB>, members: string[]): Promise<WebhookRow[]> {
  if (members.length === 0) return [];
  return db
    .selectFrom('webhooks')
    .innerJoin('members', 'members.code', 'webhooks.member')
    .selectAll('webhooks')
    .where('webhooks.member', 'in', members)
    .where('webhooks.disabled_at', 'is', null)
    .where('members.status', '=', 'active')
    .orderBy('webhooks.id')
    .execute();
}

export async function insertDeliveries(tx: Tx, rows: Insertable<WebhookDeliveriesTable>[]): Promise<void> {
  if (rows.length > 0) await tx.insertInto('webhook_deliveries').values(rows).execute();
}

export interface DeliveryFilter {
  member: string;
  webhookId?: string;
  status?: string;
  limit: number;
}

/** A member's delivery log, newest first. */
export async function listDeliveries(db: Kysely<DB>, f: DeliveryFilter): Promise<DeliveryRow[]> {
  let q = db.selectFrom('webhook_deliveries').selectAll().where('member', '=', f.member);
  if (f.webhookId !== undefined) q = q.where('webhook_id', '=', f.webhookId);
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

/** Pending deliveries whose time has come, with the webhook's address and secret. */
export async function dueDeliveries(db: Kysely<DB>, now: string, limit: number) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .innerJoin('members as m', 'm.code', 'w.member')
    .select(['d.id', 'd.type', 'd.body', 'd.attempts', 'w.url', 'w.secret'])
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', now)
    .where('w.disabled_at', 'is', null)
    // Held, not dropped, while the member is suspended: sent if it is reinstated.
    .where('m.status', '=', 'active')
    .orderBy('d.next_attempt_at')
    .limit(limit)
    .execute();
}

/**
 * Takes a delivery for one attempt: counts the attempt and moves its next time to `leaseUntil`,
 * only if no other worker took it since it was read. A worker that dies mid-send leaves it
 * pending, to be sent again after the lease (at least once).
 */
export async function claimDelivery(db: Kysely<DB>, id: string, seenAttempts: number, leaseUntil: string): Promise<boolean> {
  const r = await db
    .updateTable('webhook_deliveries')
    .set({ attempts: seenAttempts + 1, next_attempt_at: leaseUntil })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('attempts', '=', seenAttempts)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markDelivered(db: Kysely<DB>, id: string, statusCode: number, at: string): Promise<void> {
  await db.updateTable('webhook_deliveries').set({ status: 'delivered', delivered_at: at, last_status_code: statusCode, last_error: null, next_attempt_at: null }).where('id', '=', id).execute();
}

/** Records a failed attempt: tried again at `nextAttemptAt`, or given up when that is null. */
export async function markAttemptFailed(db: Kysely<DB>, id: string, attempts: number, statusCode: number | null, error: string, nextAttemptAt: string | null): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: nextAttemptAt === null ? 'failed' : 'pending', last_status_code: statusCode, last_error: error.slice(0, 500), next_attempt_at: nextAttemptAt })
    .where('id', '=', id)
    // A worker that took the delivery again after this attempt's lease ran out now owns it.
    .where('attempts', '=', attempts)
    .where('status', '=', 'pending')
    .execute();
}

const CURSOR = 'webhook-cursor';

/** The last event turned into deliveries (the `webhook-cursor` counter), and the last event written. */
export async function webhookCursorAndHead(db: Kysely<DB> | Tx): Promise<{ cursor: number; head: number }> {
  const rows = await db.selectFrom('counters').select(['name', 'value']).where('name', 'in', ['events', CURSOR]).execute();
  const value = (name: string): number => Number(rows.find((r) => r.name === name)?.value ?? 0);
  return { cursor: value(CURSOR), head: value('events') };
}

export async function webhookCursor(tx: Tx): Promise<number> {
  return Number((await tx.selectFrom('counters').select('value').where('name', '=', CURSOR).executeTakeFirstOrThrow()).value);
}

export async function setWebhookCursor(tx: Tx, seq: number): Promise<void> {
  await tx.updateTable('counters').set({ value: seq }).where('name', '=', CURSOR).execute();
}
