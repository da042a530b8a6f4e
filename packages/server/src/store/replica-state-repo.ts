import { readStoredReasons, type StoredReason } from '@crosscheck/core';
import type { Kysely, Selectable } from 'kysely';
import type { DB, ReplicaStateTable } from './schema.js';
import type { Tx } from './write-transaction.js';

export type ReplicaState = Selectable<ReplicaStateTable>;

const ROW = 'sync';

export async function readReplicaState(db: Kysely<DB> | Tx): Promise<ReplicaState | undefined> {
  const row = await db.selectFrom('replica_state').selectAll().where('name', '=', ROW).executeTakeFirst();
  return row ? { ...row, applied_to: Number(row.applied_to), centre_head: Number(row.centre_head), forwarded_audit_seq: Number(row.forwarded_audit_seq) } : undefined;
}

export async function createReplicaState(db: Kysely<DB>, init: { instance: string; centreUrl: string }): Promise<void> {
  await db
    .insertInto('replica_state')
    .values({ name: ROW, instance: init.instance, centre_url: init.centreUrl, central_key: null, central_key_id: null, member: null, applied_to: 0, centre_head: 0, last_contact_at: null, forwarded_audit_seq: 0, applied_mark: null, stopped: null })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

export async function updateReplicaState(db: Kysely<DB> | Tx, set: Partial<Omit<ReplicaState, 'name' | 'instance'>>): Promise<void> {
  await db.updateTable('replica_state').set(set).where('name', '=', ROW).execute();
}

/** The local audit entries not yet acknowledged by the centre, oldest first: the outbox. */
export async function unforwardedAudit(db: Kysely<DB>, after: number, limit: number) {
  return db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(limit).execute();
}

export async function auditHead(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('counters').select('value').where('name', '=', 'audit').executeTakeFirstOrThrow();
  return Number(row.value);
}

/** The screenings behind `screening:<id>` audit targets, with their recorded hits. */
export async function screeningsWithHits(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return new Map<string, { at: string; query: string; hits: { alertId: string; score: number; reasons: StoredReason[] }[] }>();
  const screenings = await db.selectFrom('screenings').select(['id', 'at', 'query']).where('id', 'in', ids).execute();
  const hits = await db.selectFrom('hits').select(['screening_id', 'alert_id', 'score', 'reasons']).where('screening_id', 'in', ids).orderBy('screening_id').orderBy('id').execute();
  const out = new Map(screenings.map((s) => [s.id, { at: s.at, query: s.query, hits: [] as { alertId: string; score: number; reasons: StoredReason[] }[] }]));
  for (const h of hits) out.get(h.screening_id)?.hits.push({ alertId: h.alert_id, score: Number(h.score), reasons: readStoredReasons(h.reasons) });
  return out;
}
