import type { Kysely, Selectable } from 'kysely';
import type { DB, EventsTable } from './schema.js';
import type { Tx } from './write-transaction.js';

export const EVENT_TYPES = ['hit.created', 'hit.updated', 'message.received', 'review.decided', 'alert.expiring', 'alert.expired', 'hit.retroactive', 'hit.carrier-check'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface EventDraft {
  /** The member whose bureau is told. */
  member: string;
  type: EventType;
  data: Record<string, unknown>;
  at: string;
}

/**
 * Appends an event in the caller's write transaction (which holds the writers' lock, so sequence
 * numbers commit in order and a stream reading `after=N` never skips one). Tell `deps.bus` after
 * the commit.
 */
export async function appendEvent(tx: Tx, e: EventDraft): Promise<number> {
  const head = await tx.selectFrom('counters').select('value').where('name', '=', 'events').executeTakeFirstOrThrow();
  const seq = Number(head.value) + 1;
  await tx.insertInto('events').values({ seq, member: e.member, type: e.type, data: JSON.stringify(e.data), at: e.at }).execute();
  await tx.updateTable('counters').set({ value: seq }).where('name', '=', 'events').execute();
  return seq;
}

/** An event as written, with its sequence number. */
export interface StoredEvent extends EventDraft {
  seq: number;
}

const decoded = (row: Selectable<EventsTable>): StoredEvent => ({ seq: Number(row.seq), member: row.member, type: row.type as EventType, data: JSON.parse(row.data) as Record<string, unknown>, at: row.at });

/** A member's events after `after`, oldest first. */
export async function eventsAfter(db: Kysely<DB>, member: string, after: number, limit: number): Promise<StoredEvent[]> {
  return (await db.selectFrom('events').selectAll().where('member', '=', member).where('seq', '>', after).orderBy('seq').limit(limit).execute()).map(decoded);
}

/** Every member's events after `after` (for the webhook worker), oldest first. */
export async function allEventsAfter(db: Kysely<DB>, after: number, limit: number): Promise<StoredEvent[]> {
  return (await db.selectFrom('events').selectAll().where('seq', '>', after).orderBy('seq').limit(limit).execute()).map(decoded);
}

/** The seq of the last event written (0 before any): a new stream starts after it. */
export async function eventsHead(db: Kysely<DB> | Tx): Promise<number> {
  const head = await db.selectFrom('counters').select('value').where('name', '=', 'events').executeTakeFirstOrThrow();
  return Number(head.value);
}
