import { parseInput, requirePermission, type ChainedEntry } from '@crosscheck/core';
import { sql } from 'kysely';
import { z } from 'zod';
import { toChainedEntry } from '../store/audit-repo.js';
import type { Tx } from '../store/write-transaction.js';
import { audited } from './audited.js';
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

type AuditQuery = z.infer<typeof auditQuerySchema>;

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
    const rows = await auditPage(tx, ctx.actor.member === deps.operator ? undefined : ctx.actor.member, q);
    const page = rows.slice(0, q.limit);
    return { items: page, next: rows.length > q.limit ? String(page[page.length - 1]!.seq) : null };
  });
}

/**
 * One page (plus one row, to tell whether there is a next) of the entries `scope` may see,
 * newest first, keyset-paginated by sequence number. The scope rule is the one
 * store/audit-repo.ts's queryAudit applies; it is restated here only because that query has no
 * credential or result filter (see the report of issue 5).
 */
async function auditPage(tx: Tx, scope: string | undefined, q: AuditQuery): Promise<ChainedEntry[]> {
  let query = tx.selectFrom('audit_log').selectAll();
  if (scope !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('member', '=', scope),
        // Audit targets name alerts as `alert:<id>`; `||` concatenates on both engines.
        eb('target', 'in', eb.selectFrom('alerts').select(sql<string>`'alert:' || id`.as('t')).where('owner', '=', scope)),
      ]),
    );
  }
  const target = q.alertId !== undefined ? `alert:${q.alertId}` : q.target;
  if (q.member !== undefined) query = query.where('member', '=', q.member);
  if (q.action !== undefined) query = query.where('action', '=', q.action);
  if (q.credential !== undefined) query = query.where('credential', '=', q.credential);
  if (target !== undefined) query = query.where('target', '=', target);
  if (q.outcome !== undefined) query = query.where('outcome', '=', q.outcome);
  if (q.result === 'allowed') query = query.where('outcome', '=', 'ok');
  if (q.result === 'refused') query = query.where('outcome', '<>', 'ok');
  // Stored times are ISO strings in UTC, so a normalised bound compares as text on both engines.
  if (q.from !== undefined) query = query.where('at', '>=', new Date(q.from).toISOString());
  if (q.to !== undefined) query = query.where('at', '<', new Date(q.to).toISOString());
  if (q.cursor !== undefined) query = query.where('seq', '<', q.cursor);
  const rows = await query.orderBy('seq', 'desc').limit(q.limit + 1).execute();
  return rows.map(toChainedEntry);
}
