import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';
import { extendAlert, extendInputSchema } from '../../app/retention/extend-alert.js';
import { listExpiringAlerts } from '../../app/retention/list-expiring.js';
import { resolveCtx } from '../auth.js';
import { idParam, jsonSchema, problemResponse } from '../openapi.js';

const tags = ['alerts'];
const errors: Record<string, unknown> = { 400: problemResponse, 401: problemResponse, 403: problemResponse, 404: problemResponse, 409: problemResponse, 422: problemResponse };

export function retentionRoutes(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/api/v1/alerts/expiring',
    {
      schema: {
        tags,
        summary: "Your member's active alerts whose review date falls within the warning period, soonest first",
        response: {
          200: {
            type: 'object',
            properties: {
              items: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, kind: { type: 'string' }, category: { type: ['string', 'null'] }, reviewDate: { type: 'string' } } } },
            },
          },
          ...errors,
        },
      },
    },
    async (req) => listExpiringAlerts(deps, await resolveCtx(deps, req)),
  );

  app.post(
    '/api/v1/alerts/:id/extend',
    { schema: { tags, summary: "Move an active alert's review date, with a reason (default: the kind's full retention period from today)", params: idParam, body: jsonSchema(extendInputSchema), response: errors } },
    async (req) => extendAlert(deps, await resolveCtx(deps, req), (req.params as { id: string }).id, req.body),
  );
}
