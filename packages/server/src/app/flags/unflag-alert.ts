import { notFound, requireReadable } from '@crosscheck/core';
import { removeFlag } from '../../store/review-repo.js';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import { loadAlert } from '../load-alert.js';

/** Withdraws the caller's member's territory flag from an alert (`alert.flag`). */
export async function unflagAlert(deps: Deps, ctx: Ctx, alertId: string): Promise<void> {
  await audited(deps, ctx, 'alert.unflag', async (tx, note) => {
    note.target = `alert:${alertId}`;
    const loaded = await loadAlert(tx, alertId);
    requireReadable(ctx.actor, loaded, 'alert.flag');
    if (!(await removeFlag(tx, alertId, ctx.actor.member))) throw notFound('flag');
  });
}
