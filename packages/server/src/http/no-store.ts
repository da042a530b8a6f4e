import type { FastifyInstance } from 'fastify';
import { isApiRequest } from './request-path.js';

/**
 * API answers carry personal data (alerts, hits, travellers, the audit trail), refusals included:
 * no browser cache, proxy or shared cache may keep a copy for the next user of the machine or
 * the next client of the proxy.
 */
export function noStoreApiAnswers(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (isApiRequest(request)) reply.header('cache-control', 'no-store');
    return payload;
  });
}
