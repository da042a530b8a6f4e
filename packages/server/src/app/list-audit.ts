import { parseInput, requirePermission } from '@crosscheck/core';
import type { AuditEntryView } from '@crosscheck/core/api';
import { z } from 'zod';
import { queryAudit } from '../store/audit-repo.js';
import { presentAuditEntries } from './audit/present-audit.js';
import { auditedRead } from './audited.js';
import type { Ctx, Deps } from './deps.js';

const dateTime = z.string().datetime({ offset: true, message: 'an ISO 8601 date-time' });

export const auditQuerySchema = z
  .object({
    member: z.string().regex(/^[A-Z]{3}$/, 'a three-letter member code').optional(),
    action: z.string().max(60).optional(),
    /** Who acted: `key:<id>`, `user:<id>`, `cli:<os user>`, `system`… as written in the entry. */
    credential: z.string().min(1).max(60).optional(),
    target: z.string().max(200).optional(),
    /** Entries about one alert: the same as `target=alert:<id>`. */
    alertId: z.string().min(1).max(40).optional(),
    outcome: z.string().max(60).optional(),
    /** `allowed`: the action was done (outcome `ok`); `refused`: any refusal (outcome = its error code). */
    result: z.enum(['allowed', 'refused']).optional(),
    from: dateTime.optional(),
    to: dateTime.optional(),
    cursor: z.coerce.number().int().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict()
  .refine((q) => !(q.alertId !== undefined && q.target !== undefined), { message: 'give either target or alertId, not both', path: ['alertId'] })
  .refine((q) => !(q.result !== undefined && q.outcome !== undefined), { message: 'give either outcome or result, not both', path: ['result'] });

/**
 * The trail, newest first. An auditor sees what its own member did and what was done to its
 * member's alerts; the operator's auditors see everything (`audit.list`). Each entry comes with
 * names for its actor and target, where the reader may learn them (audit/present-audit.ts).
 */
export async function listAudit(deps: Deps, ctx: Ctx, query: unknown): Promise<{ items: AuditEntryView[]; next: string | null }> {
  return auditedRead(deps, ctx, 'audit.list', async (note) => {
    requirePermission(ctx.actor, 'audit.read');
    const q = parseInput(auditQuerySchema, query);
    note.target = 'audit';
    note.detail = { query: q };
    // One row more than the page, to tell whether there is a next one.
    const rows = await queryAudit(deps.db, {
      ...(ctx.actor.member === deps.operator ? {} : { scopeMember: ctx.actor.member }),
      ...(q.member !== undefined ? { member: q.member } : {}),
      ...(q.action !== undefined ? { action: q.action } : {}),
      ...(q.credential !== undefined ? { credential: q.credential } : {}),
      ...(q.alertId !== undefined ? { target: `alert:${q.alertId}` } : q.target !== undefined ? { target: q.target } : {}),
      ...(q.outcome !== undefined ? { outcome: q.outcome } : {}),
      ...(q.result !== undefined ? { result: q.result } : {}),
      ...(q.from !== undefined ? { from: new Date(q.from).toISOString() } : {}),
      ...(q.to !== undefined ? { to: new Date(q.to).toISOString() } : {}),
      ...(q.cursor !== undefined ? { before: q.cursor } : {}),
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    return { items: await presentAuditEntries(deps.db, ctx.actor, deps.operator, page), next: rows.length > q.limit ? String(page[page.length - 1]!.seq) : null };
  });
}
