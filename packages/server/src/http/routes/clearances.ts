import { endClearanceSchema, listClearancesQuerySchema } from '@crosscheck/core';
import { clearanceListSchema, clearanceViewSchema } from '@crosscheck/core/api/schemas';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';
import { endClearanceBy } from '../../app/clearances/end-clearance.js';
import { getClearance, listClearances } from '../../app/clearances/list-clearances.js';
import { resolveCtx } from '../auth.js';
import { idParam, jsonSchema, problemResponse, responseSchema } from '../openapi.js';

const tags = ['clearances'];
const errors: Record<string, unknown> = { 400: problemResponse, 401: problemResponse, 403: problemResponse, 404: problemResponse, 409: problemResponse, 422: problemResponse };
const idOf = (req: { params: unknown }) => (req.params as { id: string }).id;

/**
 * Cleared travellers: a `not-same-person` outcome remembered for the traveller and the alert's
 * version (app/clearances). Seen by the alert's owner and the clearing member only.
 */
export function clearancesRoutes(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/api/v1/clearances',
    { schema: { tags, summary: 'Cleared travellers your member made and those on its alerts, newest first', querystring: jsonSchema(listClearancesQuerySchema), response: { 200: responseSchema('Clearances, with the cursor of the next page', clearanceListSchema), ...errors } } },
    async (req) => listClearances(deps, await resolveCtx(deps, req), req.query),
  );

  app.get(
    '/api/v1/clearances/:id',
    { schema: { tags, summary: 'One clearance (404 unless your member made it or owns its alert)', params: idParam, response: { 200: responseSchema('The clearance', clearanceViewSchema), ...errors } } },
    async (req) => getClearance(deps, await resolveCtx(deps, req), idOf(req)),
  );

  const revoke = { schema: { tags, summary: 'End a clearance your member made: the owner is told of the traveller again', params: idParam, body: jsonSchema(endClearanceSchema), response: { 200: responseSchema('The clearance, revoked', clearanceViewSchema), ...errors } } };
  app.post('/api/v1/clearances/:id/revoke', revoke, async (req) => endClearanceBy(deps, await resolveCtx(deps, req), idOf(req), 'revoke', req.body));
  app.delete(
    '/api/v1/clearances/:id',
    { schema: { tags, summary: 'The same as POST /api/v1/clearances/{id}/revoke, without a note', params: idParam, response: { 200: responseSchema('The clearance, revoked', clearanceViewSchema), ...errors } } },
    async (req) => endClearanceBy(deps, await resolveCtx(deps, req), idOf(req), 'revoke', {}),
  );

  app.post(
    '/api/v1/clearances/:id/objection',
    { schema: { tags, summary: 'Object to a clearance on your alert (a bureau of the owner): the clearance ends', params: idParam, body: jsonSchema(endClearanceSchema), response: { 200: responseSchema('The clearance, objected to', clearanceViewSchema), ...errors } } },
    async (req) => endClearanceBy(deps, await resolveCtx(deps, req), idOf(req), 'object', req.body),
  );
}
