import type { SignedCheckpoint } from '@crosscheck/core';
import type { Kysely, Selectable } from 'kysely';
import type { AuditCheckpointsTable, DB } from './schema.js';

/** A checkpoint as stored: what was signed, and the public key that verifies it. */
export type StoredCheckpoint = SignedCheckpoint & { publicKey: string };

const toCheckpoint = (r: Selectable<AuditCheckpointsTable>): StoredCheckpoint => ({
  size: Number(r.size),
  headHash: r.head_hash,
  root: r.root,
  at: r.at,
  keyId: r.key_id,
  algorithm: 'Ed25519',
  signature: r.signature,
  publicKey: r.public_key,
});

/** Stores a checkpoint; one of the same size (written twice with nothing appended between) is kept as it was. */
export async function insertCheckpoint(db: Kysely<DB>, c: StoredCheckpoint): Promise<void> {
  await db
    .insertInto('audit_checkpoints')
    .values({ size: c.size, head_hash: c.headHash, root: c.root, at: c.at, key_id: c.keyId, public_key: c.publicKey, signature: c.signature })
    .onConflict((oc) => oc.column('size').doNothing())
    .execute();
}

/** The checkpoint covering the most entries, or the one of exactly `size` entries. */
export async function findCheckpoint(db: Kysely<DB>, size?: number): Promise<StoredCheckpoint | null> {
  let q = db.selectFrom('audit_checkpoints').selectAll();
  q = size === undefined ? q.orderBy('size', 'desc').limit(1) : q.where('size', '=', size);
  const row = await q.executeTakeFirst();
  return row ? toCheckpoint(row) : null;
}

/** The number of entries the head counter says the trail holds. */
export async function trailHeadSeq(db: Kysely<DB>): Promise<number> {
  const head = await db.selectFrom('counters').select('value').where('name', '=', 'audit').executeTakeFirstOrThrow();
  return Number(head.value);
}
