import { notFound, parseInput, requirePermission } from '@crosscheck/core';
import { z } from 'zod';
import { findCheckpoint, type StoredCheckpoint } from '../../store/checkpoint-repo.js';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';

export const checkpointQuerySchema = z.object({ size: z.coerce.number().int().min(0).optional() }).strict();

/**
 * The newest signed checkpoint (or the one of `size` entries), with the public key that signed
 * it, for an auditor to keep outside this server (`audit.read`). Every member's auditors may
 * read it: they need it to check their proofs. It tells the total number of entries at the time
 * it was signed, as the sequence numbers of a member's own entries already do.
 */
export async function readCheckpoint(deps: Deps, ctx: Ctx, query: unknown): Promise<StoredCheckpoint> {
  return audited(deps, ctx, 'audit.read-checkpoint', async (tx, note) => {
    requirePermission(ctx.actor, 'audit.read');
    const q = parseInput(checkpointQuerySchema, query);
    note.target = 'audit';
    note.detail = q.size === undefined ? {} : { size: q.size };
    const c = await findCheckpoint(tx, q.size);
    if (!c) throw notFound('checkpoint');
    return c;
  });
}
