import { InclusionProofBuilder, TrailScan, auditLeafHash, type CheckpointBody, type TrailBreak, type TrailScanResult } from '@crosscheck/core';
import type { Kysely } from 'kysely';
import { toChainedEntry } from './audit-repo.js';
import type { DB } from './schema.js';

const PAGE = 5000;

/**
 * Streams the whole trail, oldest first, through the chain check and the Merkle root, and
 * compares it with `checkpoint` when one is given. All pages and the head counter are read in
 * one snapshot (REPEATABLE READ on PostgreSQL, one read transaction on SQLite), so entries a
 * running server appends meanwhile are not taken for tampering.
 */
export async function scanAuditTrail(db: Kysely<DB>, checkpoint: CheckpointBody | null = null): Promise<TrailScanResult> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((tx) => scanInSnapshot(tx, checkpoint));
}

/** The scan inside a transaction the caller holds (a restore checks what it wrote before committing). */
export async function scanInSnapshot(tx: Kysely<DB>, checkpoint: CheckpointBody | null): Promise<TrailScanResult> {
  const scan = new TrailScan(checkpoint);
  let after = 0;
  for (;;) {
    const rows = await tx.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(PAGE).execute();
    let going = true;
    for (const row of rows) if (!(going = scan.push(toChainedEntry(row)))) break;
    if (!going || rows.length < PAGE) break;
    after = Number(rows[rows.length - 1]!.seq);
  }
  const head = await tx.selectFrom('counters').select(['value', 'hash']).where('name', '=', 'audit').executeTakeFirstOrThrow();
  return scan.finish({ seq: Number(head.value), hash: head.hash });
}

/**
 * The inclusion proof of entry `seq` in the tree of the first `size` entries: one pass over
 * their stored hashes, O(log n) memory. The hashes are taken as stored: a proof shows what the
 * checkpoint signed, and whether the trail still matches it is the verification's question.
 */
export async function inclusionPath(db: Kysely<DB>, seq: number, size: number): Promise<string[]> {
  const builder = new InclusionProofBuilder(seq - 1, size);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      let after = 0;
      while (after < size) {
        const rows = await tx.selectFrom('audit_log').select(['seq', 'hash']).where('seq', '>', after).where('seq', '<=', size).orderBy('seq').limit(PAGE).execute();
        if (rows.length === 0) break;
        for (const row of rows) builder.pushLeafHash(auditLeafHash(row.hash));
        after = Number(rows[rows.length - 1]!.seq);
      }
      return builder.result().path.map((h) => Buffer.from(h).toString('hex'));
    });
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  problem?: TrailBreak;
}

/** The chain and head check alone, in one snapshot, on the caller's thread (the CLI, tests). */
export async function verifyAuditChain(db: Kysely<DB>): Promise<VerifyResult> {
  const r = await scanAuditTrail(db);
  return r.problem ? { ok: false, entries: r.entries, problem: r.problem } : { ok: true, entries: r.entries };
}
