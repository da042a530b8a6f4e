import { requirePermission } from '@crosscheck/core';
import { auditedRead } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import { hitDetailFor } from './hit-names.js';
import { loadVisibleHit, type HitDetail } from './present-hit.js';

/** One hit with its thread of forms, its records named; "not found" for a member on neither side. */
export async function getHit(deps: Deps, ctx: Ctx, id: string): Promise<HitDetail> {
  return auditedRead(deps, ctx, 'hit.read', async (note) => {
    note.target = `hit:${id}`;
    requirePermission(ctx.actor, 'hits.read');
    const { hit, access } = await loadVisibleHit(deps.db, ctx.actor, id);
    return hitDetailFor(deps.db, ctx.actor, deps.operator, hit, access);
  });
}
