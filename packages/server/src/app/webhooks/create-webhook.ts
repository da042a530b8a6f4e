import { conflict, parseInput, requirePermission, validationError } from '@crosscheck/core';
import { hostRefusal } from '../../outbound/address-policy.js';
import { z } from 'zod';
import { insertWebhook, listWebhooks } from '../../store/webhook-repo.js';
import { audited } from '../audited.js';
import { nowIso, type Ctx, type Deps } from '../deps.js';
import { randomToken } from '../secrets.js';
import { toWebhookInfo, type WebhookInfo } from './webhook-info.js';

const webhookUrl = z
  .string()
  .trim()
  .max(2000)
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'an absolute http or https URL' });
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') ctx.addIssue({ code: 'custom', message: 'only http and https URLs are delivered to' });
    // Credentials in a URL end up in logs and lists; the signature authenticates us instead.
    if (url.username !== '' || url.password !== '') ctx.addIssue({ code: 'custom', message: 'no user name or password in the URL' });
  });

export const createWebhookSchema = z.object({ url: webhookUrl }).strict();

export const MAX_ACTIVE_WEBHOOKS = 10;

const privateHostProblem = (why: string) => validationError('url', `${why}: not a public address; this installation delivers to public addresses only (CROSSCHECK_WEBHOOK_ALLOW_PRIVATE)`, 'webhook.private-address');

/**
 * Registers a webhook for the caller's member (`webhook.create`). The signing secret is in this
 * answer only; it is stored in clear because the HMAC is computed with the secret itself.
 */
export async function createWebhook(deps: Deps, ctx: Ctx, body: unknown): Promise<WebhookInfo & { secret: string }> {
  return audited(deps, ctx, 'webhook.create', async (tx, note) => {
    requirePermission(ctx.actor, 'webhooks.manage');
    const input = parseInput(createWebhookSchema, body);
    // Names are judged when each delivery is sent, on the addresses the socket connects to (outbound/).
    const refused = deps.webhooks.allowPrivate ? null : hostRefusal(new URL(input.url).hostname);
    if (refused !== null) throw privateHostProblem(refused);
    // Each active webhook multiplies every event into a delivery: a member gets a handful, not thousands.
    const active = (await listWebhooks(tx, ctx.actor.member)).filter((w) => w.disabled_at === null).length;
    if (active >= MAX_ACTIVE_WEBHOOKS) throw conflict('webhook.too-many', `a member may have at most ${MAX_ACTIVE_WEBHOOKS} active webhooks; disable one first`);
    const row = { id: deps.newId(), member: ctx.actor.member, url: input.url, secret: `whsec_${randomToken(32)}`, created_at: nowIso(deps), disabled_at: null };
    await insertWebhook(tx, row);
    note.target = `webhook:${row.id}`;
    // The host only: a URL's path or query may carry a receiver's token.
    note.detail = { host: new URL(input.url).host };
    return { ...toWebhookInfo(row), secret: row.secret };
  });
}
