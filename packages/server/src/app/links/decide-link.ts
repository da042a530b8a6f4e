import { notFound, parseInput, requirePermission } from '@crosscheck/core';
import { LINK_DECISIONS, LINK_REASON_MAX } from '@crosscheck/core/constants';
import { z } from 'zod';
import { findLinkWithAlerts, recordDecision } from '../../store/link-repo.js';
import { audited } from '../audited.js';
import { nowIso, type Ctx, type Deps } from '../deps.js';
import { canSeeLink, linkNames, toLinkView, type LinkView } from './link-view.js';

export const linkDecisionSchema = z
  .object({
    color: z.enum(LINK_DECISIONS),
    reason: z.string().trim().min(1).max(LINK_REASON_MAX).refine((v) => !v.includes('\u0000'), 'must not contain a NUL character'),
  })
  .strict();

/** An analyst's verdict on an identity link, with a reason (`link.decide`). */
export async function decideLink(deps: Deps, ctx: Ctx, id: string, body: unknown): Promise<LinkView> {
  return audited(deps, ctx, 'link.decide', async (tx, note) => {
    note.target = `link:${id}`;
    requirePermission(ctx.actor, 'links.decide');
    const row = id.length > 40 ? undefined : await findLinkWithAlerts(tx, id);
    if (!row || !canSeeLink(ctx.actor, row)) throw notFound('link');
    const { color, reason } = parseInput(linkDecisionSchema, body);
    note.detail = { from: row.color, to: color, reason };
    await recordDecision(tx, id, { color, reason, by: ctx.actor.credential, member: ctx.actor.member, at: nowIso(deps) });
    const decided = (await findLinkWithAlerts(tx, id))!;
    return toLinkView(decided, ctx.actor.member, await linkNames(tx, [decided], ctx.actor.member, deps.operator));
  });
}
