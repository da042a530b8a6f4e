import { parseInput, requirePermission } from '@crosscheck/core';
import { z } from 'zod';
import { listDeliveries as listDeliveryRows } from '../../store/webhook-repo.js';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import { findOwnWebhook, toDeliveryInfo, type DeliveryInfo } from './webhook-info.js';

export const deliveryQuerySchema = z
  .object({
    webhookId: z.string().min(1).max(40).optional(),
    status: z.enum(['pending', 'delivered', 'failed']).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

/** The caller's member's delivery log, newest first (`webhook.list-deliveries`). */
export async function listDeliveries(deps: Deps, ctx: Ctx, query: unknown): Promise<{ items: DeliveryInfo[] }> {
  return audited(deps, ctx, 'webhook.list-deliveries', async (tx, note) => {
    note.target = `webhooks:${ctx.actor.member}`;
    requirePermission(ctx.actor, 'webhooks.manage');
    const q = parseInput(deliveryQuerySchema, query);
    if (q.webhookId !== undefined) {
      note.target = `webhook:${q.webhookId}`;
      await findOwnWebhook(tx, ctx, q.webhookId);
    }
    const rows = await listDeliveryRows(tx, { member: ctx.actor.member, limit: q.limit, ...(q.webhookId !== undefined ? { webhookId: q.webhookId } : {}), ...(q.status !== undefined ? { status: q.status } : {}) });
    return { items: rows.map(toDeliveryInfo) };
  });
}
