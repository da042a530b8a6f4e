import { DomainError, normaliseVisibility, notFound, parseInput, requirePermission, visibilitySchema } from '@crosscheck/core';
import { FINDING_STATUSES } from '@crosscheck/core/constants';
import type { Finding } from '@crosscheck/core/api';
import { z } from 'zod';
import { visibleFindingRow, setFindingState } from '../../store/chain-finding-repo.js';
import { audited } from '../audited.js';
import { nowIso, type Ctx, type Deps } from '../deps.js';
import { findingFor } from './finding-view.js';

export const findingPatchSchema = z
  .object({
    status: z.enum(FINDING_STATUSES).optional(),
    visibility: visibilitySchema.optional(),
  })
  .strict()
  .refine((p) => p.status !== undefined || p.visibility !== undefined, { message: 'give a status, a visibility or both' });

/**
 * The owner's decision on a finding (`finding.update`): its status and whom it is shared with. A
 * known-bad finding is an indicator its member shares under that visibility, the alerts' rule;
 * set back to new or benign, it is the owner's alone again. Another member that sees it gets 403;
 * one that does not, 404.
 */
export async function updateFinding(deps: Deps, ctx: Ctx, id: string, patch: unknown): Promise<Finding> {
  return audited(deps, ctx, 'finding.update', async (tx, note) => {
    note.target = `finding:${id.slice(0, 40)}`;
    requirePermission(ctx.actor, 'chain.manage');
    const p = parseInput(findingPatchSchema, patch);
    const stored = id.length <= 40 ? await visibleFindingRow(tx, ctx.actor.member, id) : undefined;
    if (!stored || !findingFor(ctx.actor.member, stored)) throw notFound('finding');
    if (stored.owner !== ctx.actor.member) throw new DomainError('forbidden', 'finding.not-owner', 'only the member that recorded a finding may change it');
    const status = p.status ?? stored.status;
    const visibility = normaliseVisibility(p.visibility ?? stored.visibility);
    await setFindingState(tx, id, { status, visibility, at: nowIso(deps) });
    note.detail = { from: { status: stored.status, visibility: stored.visibility }, to: { status, visibility } };
    const updated = await visibleFindingRow(tx, ctx.actor.member, id);
    return findingFor(ctx.actor.member, updated!)!;
  });
}
