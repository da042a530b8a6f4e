import { DomainError, conflict, parseInput, requirePermission } from '@crosscheck/core';
import { z } from 'zod';
import { changesAt, feedHead, storedSigningKey } from '../../store/replica-repo.js';
import type { Tx } from '../../store/write-transaction.js';
import { changeMark, keyIdOf, MAX_BATCH_ITEMS, newSigningKey, signBatch, type SignedBatch, type SigningKey } from './signed-batch.js';
import { appendAudit } from '../../store/audit-repo.js';
import { inWriteTransaction } from '../../store/write-transaction.js';
import { auditEntry, auditRefusal, type AuditNote } from '../audited.js';
import { nowIso, type Ctx, type Deps } from '../deps.js';
import { changeItemsFor } from '../list-changes.js';

export const batchQuerySchema = z
  .object({
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(MAX_BATCH_ITEMS).default(500),
    /** The copy's random value for this pull, echoed in the signed batch (no replay of old batches). */
    nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '16 to 64 letters, digits, - or _').optional(),
  })
  .strict();

/**
 * Feed rows one batch may scan per item asked for. The limit counts only rows the member can see:
 * for a member that sees little, an unbounded read would scan to the head under the writers' lock.
 */
export const SCAN_FACTOR = 10;

// Read once per process: the key never changes once made, and every batch needs it.
const keys = new WeakMap<Deps, Promise<SigningKey>>();
export const signingKeyOf = (deps: Deps): Promise<SigningKey> => {
  let key = keys.get(deps);
  if (!key) {
    key = storedSigningKey(deps.db, nowIso(deps), newSigningKey).then((pair) => ({ ...pair, id: keyIdOf(pair.publicKeyPem) }));
    key.catch(() => keys.delete(deps));
    keys.set(deps, key);
  }
  return key;
};

/** The marks (`changeMark`) of the feed's changes at these seqs; seq 0 and missing rows have none. */
async function changeMarks(db: Deps['db'] | Tx, seqs: number[]): Promise<Map<number, string>> {
  return new Map([...(await changesAt(db, seqs))].map(([seq, change]) => [seq, changeMark(change)]));
}

/** The centre's public key for batches, for a copy to pin (`replica.sync`). */
export async function replicaKey(deps: Deps, ctx: Ctx): Promise<{ keyId: string; publicKey: string; algorithm: 'Ed25519' }> {
  requirePermission(ctx.actor, 'replica.sync');
  const key = await signingKeyOf(deps);
  return { keyId: key.id, publicKey: key.publicKeyPem, algorithm: 'Ed25519' };
}

/**
 * The next batch of the change feed for the caller's member, as its bureau sees it (not the
 * frontline view: the copy must record hits on alerts hidden from its officers too), signed.
 * `to` covers the whole feed read, so a member that saw none of those changes still moves on.
 * Audited like `audited()` does (refusals included), except for a poll that found the feed unchanged.
 */
export async function replicaBatch(deps: Deps, ctx: Ctx, query: unknown): Promise<SignedBatch> {
  // Read before the write transaction: an embedded SQLite database has one connection.
  const key = await signingKeyOf(deps);
  const note: AuditNote = { target: 'replica:batch', detail: {} };
  try {
    requirePermission(ctx.actor, 'replica.sync');
    const q = parseInput(batchQuerySchema, query);
    note.detail = { after: q.after };
    // An up-to-date copy asks every quarter second. When the head is where it stands there is
    // nothing to read, so no lock is taken and no entry written: the answer hands over no data.
    const seen = await feedHead(deps.db);
    const nonce = q.nonce ?? null;
    if (q.after === seen) {
      // Committed rows at or below the committed head never change: no lock needed for the mark.
      const marks = await changeMarks(deps.db, [q.after]);
      const mark = marks.get(q.after) ?? null;
      return signBatch({ member: ctx.actor.member, from: q.after, to: q.after, head: seen, items: [], nonce, issuedAt: nowIso(deps), fromMark: mark, toMark: mark }, key);
    }
    return await inWriteTransaction(deps.db, async (tx) => {
      // The head and the rows are read under the writers' lock, so no change below the head can
      // still be on its way.
      const head = await feedHead(tx);
      if (q.after > head) throw conflict('replica.ahead', `the copy says it has applied up to change ${q.after}, but the centre's feed ends at ${head}: was the centre restored from an older backup?`);
      const through = Math.min(head, q.after + SCAN_FACTOR * q.limit);
      const { items, rowCount, lastSeq } = await changeItemsFor(tx, q.after, q.limit, { member: ctx.actor.member, role: 'bureau' }, through);
      // Either `limit` visible rows (up to the last), or everything up to `through` was scanned.
      const to = rowCount === q.limit && lastSeq !== null ? lastSeq : through;
      note.detail = { after: q.after, to, count: items.length };
      const marks = await changeMarks(tx, [q.after, to]);
      await appendAudit(tx, auditEntry(deps, ctx, 'replica.sync', note));
      return signBatch({ member: ctx.actor.member, from: q.after, to, head, items, nonce, issuedAt: nowIso(deps), fromMark: marks.get(q.after) ?? null, toMark: marks.get(to) ?? null }, key);
    });
  } catch (error) {
    if (error instanceof DomainError) await auditRefusal(deps, ctx, 'replica.sync', note, error);
    throw error;
  }
}
