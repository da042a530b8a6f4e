import { requirePermission } from '@crosscheck/core';
import { disableWebhook as disableWebhookRow } from '../../store/webhook-repo.js';
import { audited } from '../audited.js';
import { nowIso, type Ctx, type Deps } from '../deps.js';
import { findOwnWebhook } from './webhook-info.js';

/** Stops deliveries to a webhook and gives up its pending ones (`webhook.disable`); kept for the log. */
export async function disableWebhook(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  await audited(deps, ctx, 'webhook.disable', async (tx, note) => {
    note.target = `webhook:${id}`;
    requirePermission(ctx.actor, 'webhooks.manage');
    await findOwnWebhook(tx, ctx, id);
    note.detail = { changed: await disableWebhookRow(tx, id, nowIso(deps)) };
  });
}
