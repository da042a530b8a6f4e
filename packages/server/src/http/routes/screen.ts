import { screenQuerySchema } from '@crosscheck/core';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';
import { screen } from '../../app/screen.js';
import { screenBatch } from '../../app/screen-batch.js';
import { resolveCtx } from '../auth.js';
import { jsonSchema, problemResponse } from '../openapi.js';

const errors: Record<string, unknown> = { 401: problemResponse, 403: problemResponse, 422: problemResponse };

export function screenRoutes(app: FastifyInstance, deps: Deps): void {
  // Batches also come as JSON lines or CSV: read them as text, parsed by the use case.
  for (const type of ['application/x-ndjson', 'application/jsonl', 'text/csv']) {
    app.addContentTypeParser(type, { parseAs: 'string' }, (_req, body, done) => done(null, body));
  }
  app.post('/api/v1/screen', { schema: { tags: ['screening'], summary: 'Screen a person, documents, an MRZ or a vehicle against every alert you may see', body: jsonSchema(screenQuerySchema), response: errors } }, async (req) =>
    screen(deps, await resolveCtx(deps, req), req.body),
  );
  app.post('/api/v1/screen/batch', { schema: { tags: ['screening'], summary: 'Screen many travellers: a JSON array, JSON lines or CSV; results in input order', response: errors } }, async (req) =>
    screenBatch(deps, await resolveCtx(deps, req), String(req.headers['content-type'] ?? ''), req.body),
  );
}
