import { requirePermission } from '@crosscheck/core';
import { listWebhooks as listWebhookRows } from '../../store/webhook-repo.js';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import { toWebhookInfo, type WebhookInfo } from './webhook-info.js';

/** The caller's member's webhooks, disabled ones included (`webhook.list`). */
export async function listWebhooks(deps: Deps, ctx: Ctx): Promise<{ items: WebhookInfo[] }> {
  return audited(deps, ctx, 'webhook.list', async (tx, note) => {
    note.target = `webhooks:${ctx.actor.member}`;
    requirePermission(ctx.actor, 'webhooks.manage');
    return { items: (await listWebhookRows(tx, ctx.actor.member)).map(toWebhookInfo) };
  });
}
