import { alertChangesSchema } from '@crosscheck/core/api/schemas';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';
import { listAudit, auditQuerySchema } from '../../app/list-audit.js';
import { changesQuerySchema, listChanges } from '../../app/list-changes.js';
import { verifyAudit } from '../../app/verify-audit.js';
import { checkpointQuerySchema, readCheckpoint } from '../../app/audit/read-checkpoint.js';
import { proofQuerySchema, proveEntry } from '../../app/audit/prove-entry.js';
import { resolveCtx } from '../auth.js';
import { jsonSchema, problemResponse, storedResponseSchema } from '../openapi.js';

const errors: Record<string, unknown> = { 401: problemResponse, 403: problemResponse, 422: problemResponse };
const lookupErrors: Record<string, unknown> = { ...errors, 404: problemResponse, 409: problemResponse };

const verification = {
  description:
    "The operator's auditors: `{scope: 'whole', intact, entries, problem?: {kind: altered|deleted|reordered, seq, message}, checkedAt}`. " +
    "Another member's auditors: `{scope: 'member', intact, operator, checkedAt}` (no counts: the trail holds every member's activity); when not intact, tell the operator. " +
    'Checked against the newest signed checkpoint when this server holds the audit key (`problem.kind` cut or rewritten when the trail no longer matches it).',
  type: 'object',
  additionalProperties: true,
} as const;

export function feedAndAuditRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/api/v1/changes', { schema: { tags: ['changes'], summary: 'The change feed after sequence number `after`, only what you may see', querystring: jsonSchema(changesQuerySchema), response: { 200: storedResponseSchema('The changes you may see, each a version in full, a discreet check’s instruction, or `withdrawn` (drop your copy)', alertChangesSchema), ...errors } } }, async (req) =>
    listChanges(deps, await resolveCtx(deps, req), req.query),
  );
  app.get(
    '/api/v1/audit',
    { schema: { tags: ['audit'], summary: 'The audit trail, newest first (auditors): by member, action, credential, target or alert, outcome or result (allowed/refused), time range', querystring: jsonSchema(auditQuerySchema), response: errors } },
    async (req) => listAudit(deps, await resolveCtx(deps, req), req.query),
  );
  app.post('/api/v1/audit/verify', { schema: { tags: ['audit'], summary: 'Verify the whole hash chain in one snapshot, as `crosscheck audit verify` does (auditors; audited)', response: { 200: verification, ...errors } } }, async (req) =>
    verifyAudit(deps, await resolveCtx(deps, req)),
  );
  app.get(
    '/api/v1/audit/checkpoint',
    {
      schema: {
        tags: ['audit'],
        summary: 'The newest signed checkpoint of the trail, or the one of `size` entries (auditors): {size, headHash, root, at, keyId, algorithm, signature, publicKey}; keep it outside this server and check the trail against it with `crosscheck audit verify --checkpoint`',
        querystring: jsonSchema(checkpointQuerySchema),
        response: lookupErrors,
      },
    },
    async (req) => readCheckpoint(deps, await resolveCtx(deps, req), req.query),
  );
  app.get(
    '/api/v1/audit/proof',
    {
      schema: {
        tags: ['audit'],
        summary: 'A Merkle inclusion proof (RFC 9162) that entry `seq` is in the trail the newest checkpoint (or the one of `size` entries) signed; check it with `crosscheck audit prove-check` (auditors; a member only for entries it may list)',
        querystring: jsonSchema(proofQuerySchema),
        response: lookupErrors,
      },
    },
    async (req) => proveEntry(deps, await resolveCtx(deps, req), req.query),
  );
}
