import type { AlertAccessFacts } from '@crosscheck/core';
import type { Kysely } from 'kysely';
import { visibilityFromColumns } from './change-repo.js';
import type { DB } from './schema.js';
import type { Tx } from './write-transaction.js';

export interface StoredKeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

/**
 * The centre's batch-signing key pair: made by `make` at first use and kept. Two processes
 * starting together both try to insert under the one fixed row id; the loser's insert does
 * nothing and both read the winner's key.
 */
export async function storedSigningKey(db: Kysely<DB>, at: string, make: () => StoredKeyPair): Promise<StoredKeyPair> {
  const existing = await db.selectFrom('replica_signing_keys').selectAll().where('id', '=', 'current').executeTakeFirst();
  if (existing) return fromRow(existing);
  const fresh = make();
  await db
    .insertInto('replica_signing_keys')
    .values({ id: 'current', public_key: fresh.publicKeyPem, private_key: fresh.privateKeyPem, created_at: at })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return fromRow(await db.selectFrom('replica_signing_keys').selectAll().where('id', '=', 'current').executeTakeFirstOrThrow());
}

function fromRow(row: { public_key: string; private_key: string }): StoredKeyPair {
  return { publicKeyPem: row.public_key, privateKeyPem: row.private_key };
}

/** Which of these item ids this replica has already forwarded, with the entry hash each stood for (null before 0010). */
export async function alreadyReceived(tx: Tx, replica: string, itemIds: string[]): Promise<Map<string, string | null>> {
  if (itemIds.length === 0) return new Map();
  const rows = await tx.selectFrom('replica_received').select(['item_id', 'entry_hash']).where('replica', '=', replica).where('item_id', 'in', itemIds).execute();
  return new Map(rows.map((r) => [r.item_id, r.entry_hash]));
}

export async function markReceived(tx: Tx, replica: string, itemId: string, at: string, auditSeq: number, entryHash: string): Promise<void> {
  await tx.insertInto('replica_received').values({ replica, item_id: itemId, received_at: at, audit_seq: auditSeq, entry_hash: entryHash }).execute();
}

export async function feedHead(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('counters').select('value').where('name', '=', 'changes').executeTakeFirstOrThrow();
  return Number(row.value);
}

export interface ChangeRef {
  seq: number;
  alertId: string;
  version: number;
  at: string;
}

/** The feed's changes at these seqs, by seq; seq 0 and missing rows have none. */
export async function changesAt(db: Kysely<DB> | Tx, seqs: number[]): Promise<Map<number, ChangeRef>> {
  const wanted = [...new Set(seqs.filter((s) => s > 0))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('changes').select(['seq', 'alert_id', 'version', 'at']).where('seq', 'in', wanted).execute();
  return new Map(rows.map((r) => [Number(r.seq), { seq: Number(r.seq), alertId: r.alert_id, version: r.version, at: r.at }]));
}

/** What the centre checks of an alert a copy forwards a hit on: owner, kind, status and visibility. */
export interface ForwardedAlertFacts extends AlertAccessFacts {
  id: string;
  kind: string;
  sourceRef: string | null;
}

/** Those facts for these alerts, by id, read in chunks (SQLite's limit on bound values). */
export async function forwardedAlertFacts(tx: Tx, alertIds: readonly string[]): Promise<Map<string, ForwardedAlertFacts>> {
  const ids = [...new Set(alertIds)];
  const out = new Map<string, ForwardedAlertFacts>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await tx.selectFrom('alerts').select(['id', 'owner', 'kind', 'category', 'status', 'visibility_mode', 'visibility_members', 'hidden_from_frontline', 'source_ref']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.id, { id: r.id, owner: r.owner, kind: r.kind, category: r.category, status: r.status, visibility: visibilityFromColumns(r.visibility_mode, r.visibility_members), hiddenFromFrontline: r.hidden_from_frontline === 1, sourceRef: r.source_ref });
  }
  return out;
}
