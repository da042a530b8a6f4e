import { DomainError, hitOutcomeSchema, parseInput, requirePermission } from '@crosscheck/core';
import { appendEvent } from '../../store/event-repo.js';
import { findHit, formsOfHits, setHitOutcome } from '../../store/hit-repo.js';
import { audited } from '../audited.js';
import { withCredentialNames } from './credential-names.js';
import { nowIso, type Ctx, type Deps } from '../deps.js';
import { loadVisibleHit, toFormView, toHitView, type HitDetail } from './present-hit.js';

/**
 * The screening side says what came of a hit. Recording again replaces the outcome (the audit
 * trail keeps every version); the alert's owner is told.
 */
export async function recordHitOutcome(deps: Deps, ctx: Ctx, id: string, body: unknown): Promise<HitDetail> {
  const result = await audited(deps, ctx, 'hit.record-outcome', async (tx, note) => {
    note.target = `hit:${id}`;
    requirePermission(ctx.actor, 'hits.outcome');
    const { hit, access } = await loadVisibleHit(tx, ctx.actor, id);
    // The owner may see the hit, so refusing it reveals nothing.
    if (hit.screening_member !== ctx.actor.member) {
      throw new DomainError('forbidden', 'hit.outcome-not-yours', 'only the screening member records the outcome of a hit');
    }
    const input = parseInput(hitOutcomeSchema, body);
    const at = nowIso(deps);
    await setHitOutcome(tx, id, { ...input, at, by: ctx.actor.credential });
    note.detail = { outcome: input.outcome, previous: hit.outcome };
    await appendEvent(tx, { member: hit.owner, type: 'hit.updated', data: { hitId: id, alertId: hit.alert_id, outcome: input.outcome }, at });
    const updated = (await findHit(tx, id))!;
    const forms = access === 'instruction-only' ? [] : await formsOfHits(tx, [id]);
    return withCredentialNames(tx, { ...toHitView(ctx.actor.member, updated, access), forms: forms.map((f) => toFormView(ctx.actor.member, f)) });
  });
  deps.bus.published();
  return result;
}
