import { readStoredReasons, type AlertInput, type StoredReason } from '@crosscheck/core';
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

/**
 * The local audit entries not yet acknowledged by the centre, oldest first: the outbox. Each as
 * stored (the centre checks their hashes), with the screenings it recorded.
 */
export async function unforwardedAudit(db: Kysely<DB>, after: number, limit: number) {
  const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(limit).execute();
  return rows.map((r) => ({ ...r, screeningIds: screeningsOf(r) }));
}

/**
 * The screenings an audit entry recorded: `screening:<id>` for one (`screening.run`), the
 * `screenings` list of its detail for a batch or a flight. Refusals recorded none.
 */
function screeningsOf(entry: { action: string; outcome: string; target: string; detail: string }): string[] {
  if (entry.outcome !== 'ok' || !entry.action.startsWith('screening.')) return [];
  if (entry.target.startsWith('screening:')) return [entry.target.slice('screening:'.length)];
  try {
    const listed = (JSON.parse(entry.detail) as { screenings?: unknown }).screenings;
    return Array.isArray(listed) ? listed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export async function auditHead(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('counters').select('value').where('name', '=', 'audit').executeTakeFirstOrThrow();
  return Number(row.value);
}

export interface ScreeningWithHits {
  at: string;
  /** The screening query as it was asked. */
  query: unknown;
  hits: { alertId: string; score: number; reasons: StoredReason[] }[];
}

/** The screenings behind `screening:<id>` audit targets, with their recorded hits. */
export async function screeningsWithHits(db: Kysely<DB>, ids: string[]): Promise<Map<string, ScreeningWithHits>> {
  if (ids.length === 0) return new Map();
  const screenings = await db.selectFrom('screenings').select(['id', 'at', 'query']).where('id', 'in', ids).execute();
  const hits = await db.selectFrom('hits').select(['screening_id', 'alert_id', 'score', 'reasons']).where('screening_id', 'in', ids).orderBy('screening_id').orderBy('id').execute();
  const out = new Map<string, ScreeningWithHits>(screenings.map((s) => [s.id, { at: s.at, query: JSON.parse(s.query) as unknown, hits: [] }]));
  for (const h of hits) out.get(h.screening_id)?.hits.push({ alertId: h.alert_id, score: Number(h.score), reasons: readStoredReasons(h.reasons) });
  return out;
}

/** A copy's withdrawn alert: every kept version's body becomes `body` (its tombstone), so none stays readable. */
export async function replaceVersionBodies(tx: Tx, alertId: string, body: AlertInput): Promise<void> {
  await tx.updateTable('alert_versions').set({ body: JSON.stringify(body) }).where('alert_id', '=', alertId).execute();
}

/**
 * Clears what a copy must not act on by itself: expiry and review dates are the centre's (a local
 * expiry would write a version the centre then writes too), and public notices are the centre's to publish.
 */
export async function clearCentreSchedule(tx: Tx, alertId: string): Promise<void> {
  await tx.updateTable('alerts').set({ expires_at: null, review_date: null, public_notice: null }).where('id', '=', alertId).execute();
}
