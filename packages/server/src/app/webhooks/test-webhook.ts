import { conflict, requirePermission } from '@crosscheck/core';
import { insertDeliveries } from '../../store/webhook-repo.js';
import { audited } from '../audited.js';
import { nowIso, type Ctx, type Deps } from '../deps.js';
import { findOwnWebhook } from './webhook-info.js';

/** Queues a `webhook.test` delivery, sent by the worker like any other (`webhook.test`). */
export async function testWebhook(deps: Deps, ctx: Ctx, id: string): Promise<{ deliveryId: string }> {
  return audited(deps, ctx, 'webhook.test', async (tx, note) => {
    note.target = `webhook:${id}`;
    requirePermission(ctx.actor, 'webhooks.manage');
    const hook = await findOwnWebhook(tx, ctx, id);
    if (hook.disabled_at !== null) throw conflict('webhook.disabled', 'the webhook is disabled');
    const deliveryId = deps.newId();
    const at = nowIso(deps);
    const body = JSON.stringify({ id: deliveryId, type: 'webhook.test', member: hook.member, at, data: { webhookId: hook.id } });
    await insertDeliveries(tx, [
      { id: deliveryId, webhook_id: hook.id, member: hook.member, event_seq: null, type: 'webhook.test', body, status: 'pending', attempts: 0, next_attempt_at: at, last_status_code: null, last_error: null, created_at: at, delivered_at: null },
    ]);
    note.detail = { deliveryId };
    return { deliveryId };
  });
}
