import { linkGraphSchema, linkListSchema, linkViewSchema } from '@crosscheck/core/api/schemas';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';
import { decideLink, linkDecisionSchema } from '../../app/links/decide-link.js';
import { linkGraph, linkGraphQuerySchema } from '../../app/links/link-graph.js';
import { listLinks, listLinksQuerySchema } from '../../app/links/list-links.js';
import { resolveCtx } from '../auth.js';
import { idParam, jsonSchema, problemResponse, responseSchema } from '../openapi.js';

const tags = ['links'];
const errors: Record<string, unknown> = { 400: problemResponse, 401: problemResponse, 403: problemResponse, 404: problemResponse, 422: problemResponse };

export function linksRoutes(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/api/v1/links',
    { schema: { tags, summary: 'Identity links between alerts your member may both see, newest first', querystring: jsonSchema(listLinksQuerySchema), response: { 200: responseSchema('The links, newest first', linkListSchema), ...errors } } },
    async (req) => listLinks(deps, await resolveCtx(deps, req), req.query),
  );

  app.get(
    '/api/v1/links/graph',
    {
      schema: {
        tags,
        summary: 'The visible identity links as a graph: alerts, the documents person alerts carry, and the hits your member is party to (owner or screening member)',
        querystring: jsonSchema(linkGraphQuerySchema),
        response: { 200: responseSchema('Alert, document and hit nodes; link (with the link), holds, same-document and hit edges', linkGraphSchema), ...errors },
      },
    },
    async (req) => linkGraph(deps, await resolveCtx(deps, req), req.query),
  );

  app.post(
    '/api/v1/links/:id/decision',
    { schema: { tags, summary: 'Mark a link white (same person), green (different people) or red (false or stolen identity), with a reason', params: idParam, body: jsonSchema(linkDecisionSchema), response: { 200: responseSchema('The link as decided', linkViewSchema), ...errors } } },
    async (req) => decideLink(deps, await resolveCtx(deps, req), (req.params as { id: string }).id, req.body),
  );
}
