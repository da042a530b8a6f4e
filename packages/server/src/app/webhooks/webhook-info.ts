import { notFound } from '@crosscheck/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema.js';
import { findWebhook, type DeliveryRow, type WebhookRow } from '../../store/webhook-repo.js';
import type { Ctx } from '../deps.js';

export interface WebhookInfo {
  id: string;
  url: string;
  createdAt: string;
  disabledAt: string | null;
}

export interface DeliveryInfo {
  id: string;
  webhookId: string;
  eventSeq: number | null;
  type: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
}

/** Never the secret: it is shown once, when the webhook is created. */
export const toWebhookInfo = (r: WebhookRow): WebhookInfo => ({ id: r.id, url: r.url, createdAt: r.created_at, disabledAt: r.disabled_at });

export const toDeliveryInfo = (r: DeliveryRow): DeliveryInfo => ({
  id: r.id,
  webhookId: r.webhook_id,
  eventSeq: r.event_seq === null ? null : Number(r.event_seq),
  type: r.type,
  status: r.status,
  attempts: Number(r.attempts),
  lastStatusCode: r.last_status_code,
  lastError: r.last_error,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
  nextAttemptAt: r.next_attempt_at,
});

/** The caller's member's webhook; another member's gives the same 404 as a missing one. */
export async function findOwnWebhook(db: Kysely<DB>, ctx: Ctx, id: string): Promise<WebhookRow> {
  const row = await findWebhook(db, id);
  if (!row || row.member !== ctx.actor.member) throw notFound('webhook');
  return row;
}
