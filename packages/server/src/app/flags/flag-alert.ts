import { forbidden, parseInput, requireReadable } from '@crosscheck/core';
import { z } from 'zod';
import type { AlertFlagView } from '@crosscheck/core/api';
import { putFlag, territoryText } from '../../store/review-repo.js';
import { audited } from '../audited.js';
import { nowIso, type Ctx, type Deps } from '../deps.js';
import { loadAlert } from '../load-alert.js';

export const flagInputSchema = z
  .object({ reason: z.string().trim().min(1).max(2000).refine((v) => !v.includes('\u0000'), 'must not contain a NUL character') })
  .strict();

/**
 * Marks an alert "action not to be taken on our territory" for the caller's member
 * (`alert.flag`). Any member that can see the alert may, except its owner; one flag per member,
 * so posting again replaces the reason.
 */
export async function flagAlert(deps: Deps, ctx: Ctx, alertId: string, body: unknown): Promise<AlertFlagView> {
  return audited(deps, ctx, 'alert.flag', async (tx, note) => {
    note.target = `alert:${alertId}`;
    const loaded = await loadAlert(tx, alertId);
    requireReadable(ctx.actor, loaded, 'alert.flag');
    if (loaded!.owner === ctx.actor.member) throw forbidden('flag your own alert: change or cancel it instead');
    const { reason } = parseInput(flagInputSchema, body);
    const at = nowIso(deps);
    await putFlag(tx, { alertId, member: ctx.actor.member, reason, createdBy: ctx.actor.credential, at });
    note.detail = { reason };
    return { alertId, member: ctx.actor.member, reason, text: territoryText(ctx.actor.member), at };
  });
}
