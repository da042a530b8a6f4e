import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';
import { forwardFromReplica, forwardSchema, MAX_FORWARD_BYTES } from '../../app/replica/forward.js';
import { batchQuerySchema, replicaBatch, replicaKey } from '../../app/replica/replica-batch.js';
import { resolveCtx } from '../auth.js';
import { jsonSchema, problemResponse } from '../openapi.js';

const tags = ['replica'];
const errors: Record<string, unknown> = { 401: problemResponse, 403: problemResponse, 409: problemResponse, 413: problemResponse, 422: problemResponse };

/** The centre's side of national copies (docs/replica.md); a `replica` key only. */
export function replicaRoutes(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/api/v1/replica/key',
    { schema: { tags, summary: "The centre's Ed25519 public key (SPKI PEM) that signs replica batches, to pin", response: errors } },
    async (req) => replicaKey(deps, await resolveCtx(deps, req)),
  );
  app.get(
    '/api/v1/replica/batch',
    {
      schema: {
        tags,
        summary: 'The change feed after `after` for your member as its bureau sees it, signed: {member, from, to (highest feed seq covered), head, items, keyId, signature}',
        querystring: jsonSchema(batchQuerySchema),
        response: errors,
      },
    },
    async (req) => replicaBatch(deps, await resolveCtx(deps, req), req.query),
  );
  app.post(
    '/api/v1/replica/forward',
    {
      bodyLimit: MAX_FORWARD_BYTES,
      schema: { tags, summary: 'Hits and audit entries a copy recorded, each stored once per copy and item id; a retry answers alreadyHad', body: jsonSchema(forwardSchema), response: errors },
    },
    async (req) => forwardFromReplica(deps, await resolveCtx(deps, req), req.body),
  );
}
