import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';

export function statsRoutes(app: FastifyInstance, deps: Deps): void {
  void app;
  void deps;
}
