import { dashboardStatsSchema } from '@crosscheck/core/api/schemas';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';
import { dashboardQuerySchema, dashboardStats } from '../../app/stats/dashboard-stats.js';
import { resolveCtx } from '../auth.js';
import { jsonSchema, problemResponse, responseSchema } from '../openapi.js';

const tags = ['stats'];
const errors: Record<string, unknown> = { 400: problemResponse, 401: problemResponse, 403: problemResponse, 422: problemResponse };

export function statsRoutes(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/api/v1/stats',
    { schema: { tags, summary: 'Dashboard figures for your member: alert counts, hits over the last `days` days and by country, overdue replies', querystring: jsonSchema(dashboardQuerySchema), response: { 200: responseSchema('Figures for your member only: alerts you may see and your own by kind and status, hits per UTC day and by screening country, overdue replies', dashboardStatsSchema), ...errors } } },
    async (req) => dashboardStats(deps, await resolveCtx(deps, req), req.query),
  );
}
