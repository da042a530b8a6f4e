import { conflict } from '@crosscheck/core';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';
import { resolveCtx } from '../auth.js';
import type { ReplicaNode } from '../../replica/replica-node.js';
import { requestPath } from '../request-path.js';

/**
 * Writes a copy may take locally: screening (its purpose), signing in and out and the language,
 * verifying its audit trail, and local administration of its own users and keys. Anything else
 * that writes (alerts, hit outcomes, forms, messages, reviews, webhooks…) belongs to the centre.
 */
const LOCAL_WRITES = [/^\/api\/v1\/screen(\/|$)/, /^\/api\/v1\/session(\/language)?$/, /^\/api\/v1\/audit\/verify$/, /^\/api\/v1\/(keys|users|members)(\/|$)/];

export function replicaHttp(app: FastifyInstance, deps: Deps, node: ReplicaNode): void {
  // Thrown, so that the refusal reaches the error handler and the audit trail like any other.
  app.addHook('onRequest', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
    const path = requestPath(request);
    if (!path.startsWith('/api/') || LOCAL_WRITES.some((re) => re.test(path))) return;
    throw conflict('replica.read-only', `this server is a national copy of ${(await node.status()).centre}: alerts and everything else but screening are changed at the centre, not here`);
  });
  app.get(
    '/api/v1/replica/status',
    { schema: { tags: ['replica'], summary: "This national copy's position: applied change seq, the centre's head and time at last contact, outbox size, and why sync stopped if it did" } },
    async (req) => {
      await resolveCtx(deps, req);
      return node.status();
    },
  );
}
