import { CARRIER_CHECK_ROUTE, documentCheckSchema, MAX_CHECK_DOCUMENTS } from '@crosscheck/core';
import { documentCheckResponseSchema } from '@crosscheck/core/api/schemas';
import type { FastifyInstance } from 'fastify';
import { checkDocuments } from '../../app/check-documents.js';
import type { Deps } from '../../app/deps.js';
import { resolveCtx } from '../auth.js';
import { jsonSchema, problemResponse, responseSchema } from '../openapi.js';

/**
 * A full check's body: 1,000 documents of at most ~130 bytes each as JSON (state, a 40-character
 * number, the longest type, the keys and punctuation), with room for pretty-printing. Its own limit,
 * so a full check passes whatever CROSSCHECK_BODY_LIMIT the rest of the API has.
 */
export const CHECK_BODY_LIMIT = MAX_CHECK_DOCUMENTS * 256;

export function checkDocumentsRoutes(app: FastifyInstance, deps: Deps): void {
  app.post(
    CARRIER_CHECK_ROUTE.url,
    {
      bodyLimit: CHECK_BODY_LIMIT,
      schema: {
        tags: ['carrier checks'],
        summary: `Check up to ${MAX_CHECK_DOCUMENTS} travel documents for a carrier (role carrier only): each answered "refer" or "no-hit", in order, and nothing else`,
        description:
          'Against the document alerts (stolen, lost, revoked… travel documents) the carrier’s member may see, on the same issuing state and number as screening normalises them. Each referral records a hit for the alert’s owner (`hit.created` with `origin: carrier-check`) and tells the carrier’s member’s bureau (`hit.carrier-check`). One request spends one screening request of the key’s rate.',
        body: jsonSchema(documentCheckSchema),
        response: { 200: responseSchema('One result per document, in the order sent', documentCheckResponseSchema), 401: problemResponse, 403: problemResponse, 413: problemResponse, 422: problemResponse, 429: problemResponse },
      },
    },
    async (req) => checkDocuments(deps, await resolveCtx(deps, req), req.body),
  );
}
