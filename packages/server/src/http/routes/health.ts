import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';
import { pingDatabase } from '../../store/database.js';

/** Unauthenticated liveness and database check for load balancers; reveals no data. */
export function healthRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/health', { schema: { tags: ['health'], summary: 'Liveness and database reachability', security: [] } }, async (_req, reply) => {
    try {
      await pingDatabase(deps.db);
      return { status: 'ok', database: deps.engine };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: deps.engine });
    }
  });
}
