import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';
import { createWebhook, createWebhookSchema } from '../../app/webhooks/create-webhook.js';
import { disableWebhook } from '../../app/webhooks/disable-webhook.js';
import { deliveryQuerySchema, listDeliveries } from '../../app/webhooks/list-deliveries.js';
import { listWebhooks } from '../../app/webhooks/list-webhooks.js';
import { testWebhook } from '../../app/webhooks/test-webhook.js';
import { resolveCtx } from '../auth.js';
import { idParam, jsonSchema, problemResponse } from '../openapi.js';

const errors: Record<string, unknown> = { 401: problemResponse, 403: problemResponse, 404: problemResponse, 409: problemResponse, 422: problemResponse };

export function webhooksRoutes(app: FastifyInstance, deps: Deps): void {
  app.post(
    '/api/v1/webhooks',
    { schema: { tags: ['webhooks'], summary: "Register a webhook for your member's events: the signing `secret` is shown in this answer only", body: jsonSchema(createWebhookSchema), response: errors } },
    async (req, reply) => reply.code(201).send(await createWebhook(deps, await resolveCtx(deps, req), req.body)),
  );
  app.get('/api/v1/webhooks', { schema: { tags: ['webhooks'], summary: "Your member's webhooks (never their secrets)", response: errors } }, async (req) => listWebhooks(deps, await resolveCtx(deps, req)));
  app.get(
    '/api/v1/webhooks/deliveries',
    { schema: { tags: ['webhooks'], summary: 'The delivery log, newest first', querystring: jsonSchema(deliveryQuerySchema), response: errors } },
    async (req) => listDeliveries(deps, await resolveCtx(deps, req), req.query),
  );
  app.delete('/api/v1/webhooks/:id', { schema: { tags: ['webhooks'], summary: 'Disable a webhook (its log is kept)', params: idParam, response: errors } }, async (req, reply) => {
    await disableWebhook(deps, await resolveCtx(deps, req), (req.params as { id: string }).id);
    return reply.code(204).send();
  });
  app.post('/api/v1/webhooks/:id/test', { schema: { tags: ['webhooks'], summary: 'Queue a test delivery (type webhook.test)', params: idParam, response: errors } }, async (req, reply) =>
    reply.code(202).send(await testWebhook(deps, await resolveCtx(deps, req), (req.params as { id: string }).id)),
  );
}
