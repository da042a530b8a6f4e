import { clearanceStatus, conflict, DomainError, endClearanceSchema, parseInput, requirePermission } from '@crosscheck/core';
import type { ClearanceView } from '@crosscheck/core/api';
import { currentVersionsOf, endClearance as writeEnd } from '../../store/clearance-repo.js';
import { appendEvent } from '../../store/event-repo.js';
import { audited } from '../audited.js';
import { nowIso, type Ctx, type Deps } from '../deps.js';
import { clearanceViews, loadVisibleClearance } from './present-clearance.js';

/**
 * Ends a clearance: the clearing member revokes it (`revoke`), or the alert's owner objects to it
 * (`object`: the owner wants to hear of this traveller again). Either side may see it, so a
 * refusal on the wrong side reveals nothing; everyone else gets "not found". The other side is
 * told through its bureau's events (`hit.updated` on the hit the clearance came from). The next
 * screening of the traveller tells the owner again.
 */
export async function endClearanceBy(deps: Deps, ctx: Ctx, id: string, how: 'revoke' | 'object', body: unknown): Promise<ClearanceView> {
  const action = how === 'revoke' ? 'clearance.revoke' : 'clearance.object';
  const result = await audited(deps, ctx, action, async (tx, note) => {
    note.target = `clearance:${id}`;
    const { clearance, hit, access } = await loadVisibleClearance(tx, ctx.actor, id);
    if (how === 'revoke') {
      requirePermission(ctx.actor, 'hits.outcome');
      if (clearance.member !== ctx.actor.member) throw new DomainError('forbidden', 'clearance.not-yours', 'only the member that cleared the traveller revokes the clearance');
    } else {
      requirePermission(ctx.actor, 'alert.update');
      if (clearance.owner !== ctx.actor.member) throw new DomainError('forbidden', 'clearance.not-owner', 'only the owner of the alert objects to a clearance');
    }
    const input = parseInput(endClearanceSchema, body ?? {});
    const version = (await currentVersionsOf(tx, [clearance.alert_id])).get(clearance.alert_id) ?? null;
    const status = clearanceStatus({ endReason: clearance.end_reason, alertVersion: Number(clearance.alert_version) }, version);
    if (status !== 'active') throw conflict('clearance.ended', `the clearance has already ended (${status})`);
    const at = nowIso(deps);
    const reason = how === 'revoke' ? 'revoked' : 'objected';
    await writeEnd(tx, id, { reason, at, by: ctx.actor.credential, note: input.note ?? null });
    note.detail = { reason, alertId: clearance.alert_id, hitId: clearance.hit_id, ...(input.note !== undefined ? { note: input.note } : {}) };
    const other = how === 'revoke' ? clearance.owner : clearance.member;
    if (other !== ctx.actor.member) await appendEvent(tx, { member: other, type: 'hit.updated', at, data: { hitId: clearance.hit_id, alertId: clearance.alert_id, clearanceId: id, clearance: reason } });
    const ended = { ...clearance, end_reason: reason, ended_at: at, ended_by: ctx.actor.credential, end_note: input.note ?? null };
    const [view] = await clearanceViews(tx, ctx.actor, deps.operator, [ended], [hit], new Map([[hit.alert_id, access]]));
    return view!;
  });
  deps.bus.published();
  return result;
}
