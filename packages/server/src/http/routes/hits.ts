import { hitFormSchema, hitOutcomeSchema, inquiryAnswersSchema, listHitsQuerySchema } from '@crosscheck/core';
import { hitDetailSchema, hitFormViewSchema, hitListSchema } from '@crosscheck/core/api/schemas';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';
import { getHit } from '../../app/hits/get-hit.js';
import { listHits } from '../../app/hits/list-hits.js';
import { recordHitOutcome } from '../../app/hits/record-outcome.js';
import { sendHitForm } from '../../app/hits/send-hit-form.js';
import { answerInquiry } from '../../app/hits/answer-inquiry.js';
import { resolveCtx } from '../auth.js';
import { idParam, jsonSchema, problemResponse, responseSchema } from '../openapi.js';

const tags = ['hits'];
const errors: Record<string, unknown> = { 400: problemResponse, 401: problemResponse, 403: problemResponse, 404: problemResponse, 409: problemResponse, 422: problemResponse };

export function hitsRoutes(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/api/v1/hits',
    { schema: { tags, summary: 'Hits on your alerts and from your screenings, newest first; overdue=true keeps threads with a reply past due', querystring: jsonSchema(listHitsQuerySchema), response: { 200: responseSchema('Hits, each with `overdue`: the reply waiting longest past its due time, or null', hitListSchema), ...errors } } },
    async (req) => listHits(deps, await resolveCtx(deps, req), req.query),
  );

  app.get(
    '/api/v1/hits/:id',
    { schema: { tags, summary: 'One hit with its outcome and its thread of forms (404 unless your member is the owner or screened)', params: idParam, response: { 200: responseSchema('The hit with its outcome and its thread of forms', hitDetailSchema), ...errors } } },
    async (req) => getHit(deps, await resolveCtx(deps, req), (req.params as { id: string }).id),
  );

  app.post(
    '/api/v1/hits/:id/outcome',
    { schema: { tags, summary: 'Record (or replace) what came of a hit; the screening member only', params: idParam, body: jsonSchema(hitOutcomeSchema), response: { 200: responseSchema('The hit with its outcome and its thread of forms', hitDetailSchema), ...errors } } },
    async (req) => recordHitOutcome(deps, await resolveCtx(deps, req), (req.params as { id: string }).id, req.body),
  );

  app.post(
    '/api/v1/hits/:id/forms',
    { schema: { tags, summary: 'Send a G, H or M form to the other side of the hit; G and H start its reply clock', params: idParam, body: jsonSchema(hitFormSchema), response: { 201: responseSchema('The form with `replyDueAt`', hitFormViewSchema), ...errors } } },
    async (req, reply) => reply.code(201).send(await sendHitForm(deps, await resolveCtx(deps, req), (req.params as { id: string }).id, req.body)),
  );

  app.post(
    '/api/v1/hits/:id/answers',
    { schema: { tags, summary: 'Answer an inquiry check’s questions, one answer per question in order (the screening member’s frontline or bureau only); the answers reach the owner as a G form in the thread', params: idParam, body: jsonSchema(inquiryAnswersSchema), response: { 201: responseSchema('The G form carrying the answers beside their questions', hitFormViewSchema), ...errors } } },
    async (req, reply) => reply.code(201).send(await answerInquiry(deps, await resolveCtx(deps, req), (req.params as { id: string }).id, req.body)),
  );
}
