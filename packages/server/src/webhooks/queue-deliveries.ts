import type { Insertable } from 'kysely';
import { allEventsAfter } from '../store/event-repo.js';
import type { WebhookDeliveriesTable } from '../store/schema.js';
import { activeWebhooksOf, insertDeliveries, setWebhookCursor, webhookCursor, webhookCursorAndHead } from '../store/webhook-repo.js';
import { nowIso, type StoreDeps } from '../store/store-deps.js';
import { inWriteTransaction } from '../store/write-transaction.js';

// Rows per INSERT, well below SQLite's limit on bound parameters.
const INSERT_CHUNK = 200;

/**
 * Turns the next page of events into one pending delivery per active webhook of the event's
 * member, and moves the `webhook-cursor` past them in the same transaction: the writers' lock
 * makes concurrent workers take turns, so each event is queued once. Returns how many events
 * were taken.
 */
export async function queueEventDeliveries(deps: StoreDeps, pageSize: number): Promise<number> {
  // Checked outside a write transaction first, so an idle worker does not take the writers' lock.
  const { cursor: seen, head } = await webhookCursorAndHead(deps.db);
  if (head <= seen) return 0;

  return inWriteTransaction(deps.db, async (tx) => {
    const cursor = await webhookCursor(tx);
    const events = await allEventsAfter(tx, cursor, pageSize);
    if (events.length === 0) return 0;
    const hooks = await activeWebhooksOf(tx, [...new Set(events.map((e) => e.member))]);
    const at = nowIso(deps);
    const rows: Insertable<WebhookDeliveriesTable>[] = [];
    for (const e of events) {
      const seq = e.seq;
      const body = JSON.stringify({ id: seq, type: e.type, member: e.member, at: e.at, data: e.data });
      for (const hook of hooks) {
        if (hook.member !== e.member) continue;
        rows.push({ id: deps.newId(), webhook_id: hook.id, member: e.member, event_seq: seq, type: e.type, body, status: 'pending', attempts: 0, next_attempt_at: at, last_status_code: null, last_error: null, created_at: at, delivered_at: null });
      }
    }
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await insertDeliveries(tx, rows.slice(i, i + INSERT_CHUNK));
    await setWebhookCursor(tx, events[events.length - 1]!.seq);
    return events.length;
  });
}
