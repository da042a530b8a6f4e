import { ALERT_KINDS, ALERT_STATUSES, parseInput, requirePermission } from '@crosscheck/core';
import type { AlertList } from '@crosscheck/core/api';
import { z } from 'zod';
import { alertAsReadBy, listAlertRows } from '../store/alert-repo.js';
import { auditedRead } from './audited.js';
import { withVisiblePersons } from './assets/asset-links.js';
import type { Ctx, Deps } from './deps.js';

export const listAlertsQuerySchema = z
  .object({
    kind: z.enum(ALERT_KINDS).optional(),
    status: z.enum(ALERT_STATUSES).optional(),
    owner: z.string().regex(/^[A-Z]{3}$/, 'a three-letter member code').optional(),
    text: z.string().trim().min(1).max(200).optional(),
    cursor: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

/**
 * Alerts the caller may see, filtered and paginated, each as much as the caller may see of it
 * (`alertAccess`); hidden alerts are never counted or returned. Read outside the write
 * transaction; only the audit entry is written.
 */
export async function listAlerts(deps: Deps, ctx: Ctx, query: unknown): Promise<AlertList> {
  return auditedRead(deps, ctx, 'alert.list', async (note) => {
    requirePermission(ctx.actor, 'alert.read');
    const q = parseInput(listAlertsQuerySchema, query);
    const rows = await listAlertRows(deps.db, {
      reader: ctx.actor,
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.owner ? { owner: q.owner } : {}),
      ...(q.text ? { text: q.text } : {}),
      ...(q.cursor ? { after: q.cursor } : {}),
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    // The SQL filter is a translation of the core rule; the core rule has the last word.
    const items = await withVisiblePersons(deps.db, ctx.actor, page.flatMap((r) => alertAsReadBy(ctx.actor, r) ?? []));
    note.target = 'alerts';
    note.detail = { query: q, ids: items.map((a) => a.id) };
    return { items, next: rows.length > q.limit ? (page[page.length - 1]?.id ?? null) : null };
  });
}
