import { DomainError, hitOutcomeSchema, outcomeFitsCategory, parseInput, requirePermission, validationError } from '@crosscheck/core';
import { appendEvent } from '../../store/event-repo.js';
import { alertFactsOf, findHit, setHitOutcome } from '../../store/hit-repo.js';
import { audited } from '../audited.js';
import { rememberOutcome } from '../clearances/remember-outcome.js';
import { hitDetailFor } from './hit-names.js';
import { nowIso, type Ctx, type Deps } from '../deps.js';
import { loadVisibleHit, type HitDetail } from './present-hit.js';

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
    // "Left the territory" confirms a return decision's departure: meaningless on any other alert.
    if (!outcomeFitsCategory(input.outcome, (await alertFactsOf(tx, [hit.alert_id]))[0]?.category ?? null)) {
      throw validationError('outcome', `${input.outcome} is recorded on a return-decision hit only`);
    }
    const at = nowIso(deps);
    await setHitOutcome(tx, id, { ...input, at, by: ctx.actor.credential });
    const clearance = await rememberOutcome(tx, ctx.actor, hit, input.outcome, at, deps.newId);
    note.detail = { outcome: input.outcome, previous: hit.outcome, ...(Object.keys(clearance).length > 0 ? { clearance } : {}) };
    await appendEvent(tx, { member: hit.owner, type: 'hit.updated', data: { hitId: id, alertId: hit.alert_id, outcome: input.outcome }, at });
    return hitDetailFor(tx, ctx.actor, deps.operator, (await findHit(tx, id))!, access);
  });
  deps.bus.published();
  return result;
}
