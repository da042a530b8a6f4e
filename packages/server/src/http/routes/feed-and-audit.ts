import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';
import { listAudit, auditQuerySchema } from '../../app/list-audit.js';
import { changesQuerySchema, listChanges } from '../../app/list-changes.js';
import { resolveCtx } from '../auth.js';
import { jsonSchema, problemResponse } from '../openapi.js';

const errors: Record<string, unknown> = { 401: problemResponse, 403: problemResponse, 422: problemResponse };

export function feedAndAuditRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/api/v1/changes', { schema: { tags: ['changes'], summary: 'The change feed after sequence number `after`, only what you may see', querystring: jsonSchema(changesQuerySchema), response: errors } }, async (req) =>
    listChanges(deps, await resolveCtx(deps, req), req.query),
  );
  app.get('/api/v1/audit', { schema: { tags: ['audit'], summary: 'The audit trail, newest first (auditors)', querystring: jsonSchema(auditQuerySchema), response: errors } }, async (req) =>
    listAudit(deps, await resolveCtx(deps, req), req.query),
  );
}
