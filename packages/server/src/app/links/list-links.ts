import { parseInput, requirePermission } from '@crosscheck/core';
import { z } from 'zod';
import { listLinkRows } from '../../store/link-repo.js';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import { canSeeLink, linkNames, toLinkView, type LinkView } from './link-view.js';

import { LINK_COLORS } from '@crosscheck/core/api';
export { LINK_COLORS };

export const listLinksQuerySchema = z
  .object({
    color: z.enum(LINK_COLORS).optional(),
    alertId: z.string().max(40).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

/** Identity links between two alerts the analyst's member may both see, newest first. */
export async function listLinks(deps: Deps, ctx: Ctx, query: unknown): Promise<{ items: LinkView[] }> {
  return audited(deps, ctx, 'link.list', async (tx, note) => {
    requirePermission(ctx.actor, 'links.read');
    const q = parseInput(listLinksQuerySchema, query);
    note.detail = { ...(q.color ? { color: q.color } : {}), ...(q.alertId ? { alertId: q.alertId } : {}) };
    const rows = await listLinkRows(tx, { reader: ctx.actor, limit: q.limit, ...(q.color ? { color: q.color } : {}), ...(q.alertId ? { alertId: q.alertId } : {}) });
    // The SQL filter is checked again with the core rule before anything leaves.
    const visible = rows.filter((r) => canSeeLink(ctx.actor, r));
    const names = await linkNames(tx, visible, ctx.actor.member, deps.operator);
    return { items: visible.map((r) => toLinkView(r, ctx.actor.member, names)) };
  });
}
