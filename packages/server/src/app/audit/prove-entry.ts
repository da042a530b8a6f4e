import { conflict, notFound, parseInput, requirePermission, type InclusionProof } from '@crosscheck/core';
import { z } from 'zod';
import { queryAudit } from '../../store/audit-repo.js';
import { findCheckpoint } from '../../store/checkpoint-repo.js';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';

export const proofQuerySchema = z
  .object({
    seq: z.coerce.number().int().min(1),
    /** The checkpoint to prove against, by its size; the newest by default. */
    size: z.coerce.number().int().min(1).optional(),
  })
  .strict();

/**
 * A Merkle inclusion proof that entry `seq` is in the trail a signed checkpoint covers, to be
 * checked without this server (`crosscheck audit prove-check`). `audit.read`; an auditor of a
 * member other than the operator gets proofs only of entries it may list (its member's own and
 * those about its alerts): any other answers "not found", as the listing would. A proof carries
 * the entry, the checkpoint and sibling hashes: hashes of other entries reveal nothing of their
 * content, and the tree size is in the checkpoint anyway.
 */
export async function proveEntry(deps: Deps, ctx: Ctx, query: unknown): Promise<InclusionProof> {
  const found = await audited(deps, ctx, 'audit.prove', async (tx, note) => {
    requirePermission(ctx.actor, 'audit.read');
    const q = parseInput(proofQuerySchema, query);
    note.target = `audit:${q.seq}`;
    note.detail = q.size === undefined ? {} : { size: q.size };
    const scope = ctx.actor.member === deps.operator ? {} : { scopeMember: ctx.actor.member };
    const [entry] = await queryAudit(tx, { ...scope, before: q.seq + 1, limit: 1 });
    if (!entry || entry.seq !== q.seq) throw notFound('audit entry', String(q.seq));
    const checkpoint = await findCheckpoint(tx, q.size);
    if (!checkpoint) throw notFound('checkpoint');
    if (q.seq > checkpoint.size) throw conflict('audit.not-checkpointed', `entry ${q.seq} is newer than the checkpoint of ${checkpoint.size} entries signed at ${checkpoint.at}: ask again after the next checkpoint`);
    return { entry, checkpoint };
  });
  // The hashing runs after the audited transaction, on a worker thread: a write lock is not held for it.
  const { publicKey: _key, ...signed } = found.checkpoint;
  let path: string[];
  try {
    path = await deps.auditScanner.proof(found.entry.seq, signed.size);
  } catch {
    throw conflict('audit.proof-unavailable', `no proof of entry ${found.entry.seq} against the checkpoint of ${signed.size} entries can be built: the trail does not hold those entries any more; verify it`);
  }
  return { format: 'crosscheck-audit-inclusion-proof/1', entry: found.entry, leafIndex: found.entry.seq - 1, treeSize: signed.size, path, checkpoint: signed };
}
