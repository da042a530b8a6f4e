import { alertFlagSchema, reviewOutcomeSchema, reviewQueueSchema } from '@crosscheck/core/api/schemas';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';
import { flagAlert, flagInputSchema } from '../../app/flags/flag-alert.js';
import { unflagAlert } from '../../app/flags/unflag-alert.js';
import { decideReview, reviewDecisionSchema } from '../../app/review/decide-review.js';
import { reviewQueue, reviewQueueQuerySchema } from '../../app/review/review-queue.js';
import { resolveCtx } from '../auth.js';
import { idParam, jsonSchema, problemResponse, responseSchema, storedResponseSchema } from '../openapi.js';

const errors: Record<string, unknown> = { 400: problemResponse, 401: problemResponse, 403: problemResponse, 404: problemResponse, 409: problemResponse, 422: problemResponse };

/** Review before publication, and members' territory flags on alerts. */
export function reviewRoutes(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/api/v1/review',
    { schema: { tags: ['review'], summary: "Alerts waiting for review, oldest first, with the pre-checks' flags (the operator's reviewers only; others get an empty queue)", querystring: jsonSchema(reviewQueueQuerySchema), response: { 200: storedResponseSchema('The alerts waiting for review, each with the pre-checks’ flags', reviewQueueSchema), ...errors } } },
    async (req) => reviewQueue(deps, await resolveCtx(deps, req), req.query),
  );

  app.post(
    '/api/v1/review/:id/decision',
    { schema: { tags: ['review'], summary: 'Approve (publish) or reject an alert under review, with a reason; decided once', params: idParam, body: jsonSchema(reviewDecisionSchema), response: { 200: storedResponseSchema('The alert as decided, and the decision', reviewOutcomeSchema), ...errors } } },
    async (req) => decideReview(deps, await resolveCtx(deps, req), (req.params as { id: string }).id, req.body),
  );

  app.post(
    '/api/v1/alerts/:id/flags',
    { schema: { tags: ['alerts'], summary: 'Flag an alert "action not to be taken on our territory" (replaces your previous flag)', params: idParam, body: jsonSchema(flagInputSchema), response: { 200: responseSchema('Your member’s flag on the alert', alertFlagSchema), ...errors } } },
    async (req) => flagAlert(deps, await resolveCtx(deps, req), (req.params as { id: string }).id, req.body),
  );

  app.delete(
    '/api/v1/alerts/:id/flags',
    { schema: { tags: ['alerts'], summary: "Withdraw your member's flag from an alert", params: idParam, response: { 204: { description: 'Withdrawn', type: 'null' }, ...errors } } },
    async (req, reply) => {
      await unflagAlert(deps, await resolveCtx(deps, req), (req.params as { id: string }).id);
      return reply.code(204).send();
    },
  );
}
