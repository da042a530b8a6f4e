import { parseInput, requirePermission, type ChainedEntry } from '@crosscheck/core';
import { z } from 'zod';
import { queryAudit } from '../store/audit-repo.js';
import { audited } from './audited.js';
import type { Ctx, Deps } from './deps.js';

export const auditQuerySchema = z
  .object({
    member: z.string().regex(/^[A-Z]{3}$/, 'a three-letter member code').optional(),
    action: z.string().max(60).optional(),
    target: z.string().max(200).optional(),
    outcome: z.string().max(60).optional(),
    from: z.string().datetime({ offset: true, message: 'an ISO 8601 date-time' }).optional(),
    to: z.string().datetime({ offset: true, message: 'an ISO 8601 date-time' }).optional(),
    cursor: z.coerce.number().int().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

/**
 * The trail, newest first. An auditor sees what its own member did and what was done to its
 * member's alerts; the operator's auditors see everything (`audit.list`).
 */
export async function listAudit(deps: Deps, ctx: Ctx, query: unknown): Promise<{ items: ChainedEntry[]; next: string | null }> {
  return audited(deps, ctx, 'audit.list', async (tx, note) => {
    requirePermission(ctx.actor, 'audit.read');
    const q = parseInput(auditQuerySchema, query);
    note.target = 'audit';
    note.detail = { query: q };
    const rows = await queryAudit(tx, {
      ...(ctx.actor.member === deps.operator ? {} : { scopeMember: ctx.actor.member }),
      ...(q.member ? { member: q.member } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.target ? { target: q.target } : {}),
      ...(q.outcome ? { outcome: q.outcome } : {}),
      ...(q.from ? { from: new Date(q.from).toISOString() } : {}),
      ...(q.to ? { to: new Date(q.to).toISOString() } : {}),
      ...(q.cursor ? { before: q.cursor } : {}),
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    return { items: page, next: rows.length > q.limit ? String(page[page.length - 1]!.seq) : null };
  });
}
