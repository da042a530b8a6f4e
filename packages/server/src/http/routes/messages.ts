import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';

// Placeholder registered by build-app.ts; the issue-4 work on messages fills it in.
export function messagesRoutes(_app: FastifyInstance, _deps: Deps): void {}
