import { notFound, requirePermission } from '@crosscheck/core';
import type { Finding } from '@crosscheck/core/api';
import { visibleFindingRow } from '../../store/chain-finding-repo.js';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import { findingFor } from './finding-view.js';

/** One finding the caller may see (`finding.read`); hidden and unknown are the same 404. */
export async function getFinding(deps: Deps, ctx: Ctx, id: string): Promise<Finding> {
  return audited(deps, ctx, 'finding.read', async (tx, note) => {
    note.target = `finding:${id.slice(0, 40)}`;
    requirePermission(ctx.actor, 'chain.read');
    const stored = id.length <= 40 ? await visibleFindingRow(tx, ctx.actor.member, id) : undefined;
    const shown = stored && findingFor(ctx.actor.member, stored);
    if (!shown) throw notFound('finding');
    return shown;
  });
}
