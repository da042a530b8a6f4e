import { requirePermission } from '@crosscheck/core';
import { formsOfHits } from '../../store/hit-repo.js';
import { audited } from '../audited.js';
import { withCredentialNames } from './credential-names.js';
import type { Ctx, Deps } from '../deps.js';
import { loadVisibleHit, toFormView, toHitView, type HitDetail } from './present-hit.js';

/** One hit with its thread of forms; "not found" for a member on neither side. */
export async function getHit(deps: Deps, ctx: Ctx, id: string): Promise<HitDetail> {
  return audited(deps, ctx, 'hit.read', async (tx, note) => {
    note.target = `hit:${id}`;
    requirePermission(ctx.actor, 'hits.read');
    const { hit, access } = await loadVisibleHit(tx, ctx.actor, id);
    // The thread of a discreet check is the bureaus' business, not the frontline's.
    const forms = access === 'instruction-only' ? [] : await formsOfHits(tx, [id]);
    return withCredentialNames(tx, { ...toHitView(ctx.actor.member, hit, access), forms: forms.map((f) => toFormView(ctx.actor.member, f)) });
  });
}
