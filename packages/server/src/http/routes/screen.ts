import { MAX_PAXLST_CHARS, screenQuerySchema } from '@crosscheck/core';
import { flightReportSchema, screenBatchResponseSchema, screenResponseSchema } from '@crosscheck/core/api/schemas';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';
import { screen } from '../../app/screen.js';
import { screenBatch } from '../../app/screen-batch.js';
import { flightInputOf, screenFlight } from '../../app/screen-flight.js';
import { resolveCtx } from '../auth.js';
import { jsonSchema, problemResponse, responseSchema } from '../openapi.js';

const errors: Record<string, unknown> = { 401: problemResponse, 403: problemResponse, 422: problemResponse };

export function screenRoutes(app: FastifyInstance, deps: Deps): void {
  // Batches also come as JSON lines or CSV: read them as text, parsed by the use case.
  for (const type of ['application/x-ndjson', 'application/jsonl', 'text/csv']) {
    app.addContentTypeParser(type, { parseAs: 'string' }, (_req, body, done) => done(null, body));
  }
  app.post('/api/v1/screen', { schema: { tags: ['screening'], summary: 'Screen a person, documents, an MRZ, a vehicle, a wallet address or assets (IBAN, IMO, wallet, aircraft, parcel, company) against every alert you may see', body: jsonSchema(screenQuerySchema), response: { 200: responseSchema('The screening and its results, best first; each recorded result with its hitId', screenResponseSchema), ...errors } } }, async (req) =>
    screen(deps, await resolveCtx(deps, req), req.body),
  );
  // A flight comes as the EDIFACT message itself; its bytes go to the reader, which knows the
  // character sets a message may declare. Scoped, so text/plain means PAXLST only here.
  void app.register(async (scope) => {
    scope.addContentTypeParser(['application/edifact', 'text/plain'], { parseAs: 'buffer', bodyLimit: MAX_PAXLST_CHARS }, (_req, body, done) => done(null, body));
    scope.post(
      '/api/v1/screen/flight',
      { bodyLimit: MAX_PAXLST_CHARS, schema: { tags: ['screening'], summary: 'Screen every traveller of an API/PAXLST message (application/edifact or text/plain, or JSON {"paxlst": "…"}): the flight, each traveller in message order with their hits, the reader’s warnings and a summary', response: { 200: responseSchema('The flight report', flightReportSchema), ...errors, 413: problemResponse } } },
      async (req) => screenFlight(deps, await resolveCtx(deps, req), flightInputOf(req.body)),
    );
  });
  app.post('/api/v1/screen/batch', { schema: { tags: ['screening'], summary: 'Screen many travellers: a JSON array, JSON lines or CSV; results in input order', response: { 200: responseSchema('One item per traveller, in input order: its screening, or why its data was refused', screenBatchResponseSchema), ...errors } } }, async (req) =>
    screenBatch(deps, await resolveCtx(deps, req), String(req.headers['content-type'] ?? ''), req.body),
  );
}
