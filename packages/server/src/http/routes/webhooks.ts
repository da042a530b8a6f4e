import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';

// Placeholder registered by build-app.ts; the issue-4 work on webhooks fills it in.
export function webhooksRoutes(_app: FastifyInstance, _deps: Deps): void {}
