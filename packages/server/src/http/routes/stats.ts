import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';
import { dashboardQuerySchema, dashboardStats } from '../../app/stats/dashboard-stats.js';
import { resolveCtx } from '../auth.js';
import { jsonSchema, problemResponse } from '../openapi.js';

const tags = ['stats'];
const errors: Record<string, unknown> = { 400: problemResponse, 401: problemResponse, 403: problemResponse, 422: problemResponse };

const counts = { type: 'array', items: { type: 'object', properties: { kind: { type: 'string' }, status: { type: 'string' }, count: { type: 'integer' } } } } as const;

/** The dashboard's answer, described for OpenAPI (the use case's DashboardStats). */
const statsResponse = {
  description: 'Figures for your member only: alerts you may see and your own by kind and status, hits per UTC day and by screening country, overdue replies',
  type: 'object',
  properties: {
    member: { type: 'string' },
    at: { type: 'string', format: 'date-time' },
    days: { type: 'integer' },
    alerts: { type: 'object', properties: { visible: counts, own: counts } },
    hits: {
      type: 'object',
      properties: {
        from: { type: 'string', format: 'date-time' },
        perDay: { type: 'array', items: { type: 'object', properties: { day: { type: 'string' }, onOurAlerts: { type: 'integer' }, byOurScreening: { type: 'integer' } } } },
        totals: { type: 'object', properties: { onOurAlerts: { type: 'integer' }, byOurScreening: { type: 'integer' } } },
        byCountry: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              member: { type: 'string' },
              name: { type: ['string', 'null'] },
              numeric: { type: ['string', 'null'], description: 'ISO 3166 numeric code (world-atlas shape id)' },
              alpha2: { type: ['string', 'null'] },
              count: { type: 'integer' },
            },
          },
        },
      },
    },
    overdue: {
      type: 'object',
      properties: {
        total: { type: 'integer' },
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              hitId: { type: 'string' },
              alertId: { type: 'string' },
              form: { type: 'string' },
              dueAt: { type: 'string', format: 'date-time' },
              owed: { type: 'string', enum: ['by-us', 'to-us'] },
              otherMember: { type: 'string' },
              minutesLate: { type: 'integer' },
            },
          },
        },
      },
    },
  },
} as const;

export function statsRoutes(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/api/v1/stats',
    { schema: { tags, summary: 'Dashboard figures for your member: alert counts, hits over the last `days` days and by country, overdue replies', querystring: jsonSchema(dashboardQuerySchema), response: { 200: statsResponse, ...errors } } },
    async (req) => dashboardStats(deps, await resolveCtx(deps, req), req.query),
  );
}
