import { DomainError, type AuditAction } from '@crosscheck/core';
import { acceptsTaxii, TAXII_MEDIA_TYPE } from '@crosscheck/core/chain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { auditFailure, isRecorded, markRecorded } from '../../app/audited.js';
import { TAXII_API_ROOT, taxiiApiRoot, taxiiDiscovery } from '../../app/chain/taxii-discovery.js';
import { getTaxiiCollection, listTaxiiCollections } from '../../app/chain/taxii-collections.js';
import { taxiiObjectsQuerySchema, type TaxiiObjectsPage } from '../../app/chain/taxii-entries.js';
import { listTaxiiManifest } from '../../app/chain/taxii-manifest.js';
import { getTaxiiObject } from '../../app/chain/taxii-object.js';
import { listTaxiiObjects } from '../../app/chain/taxii-objects.js';
import type { Deps } from '../../app/deps.js';
import { ctxOfFailedRequest, resolveCtx } from '../auth.js';
import { jsonSchema } from '../openapi.js';
import { toProblem } from '../problem.js';
import { contentUrlOf } from './chain-findings.js';

// Not in the API's OpenAPI document: TAXII's contract is the TAXII 2.1 specification (its
// resources, media type and error resources, not problem+json), which TAXII clients are built on.
const tags = ['taxii'];
const hide = true;
const ROOT = `/taxii2/${TAXII_API_ROOT}/`;

/** What each TAXII route attempts, for the audit entry of a request refused before its use case. */
const TAXII_ACTIONS: Readonly<Record<string, AuditAction>> = {
  '/taxii2/': 'taxii.discover',
  [ROOT]: 'taxii.discover',
  [`${ROOT}collections/`]: 'taxii.list-collections',
  [`${ROOT}collections/:id/`]: 'taxii.read-collection',
  [`${ROOT}collections/:id/objects/`]: 'taxii.list-objects',
  [`${ROOT}collections/:id/objects/:objectId/`]: 'taxii.list-objects',
  [`${ROOT}collections/:id/manifest/`]: 'taxii.list-objects',
};

/** The TAXII error resource (TAXII 2.1, 3.6.1), in place of problem+json, which TAXII clients do not read. */
function taxiiError(error: unknown, request: FastifyRequest): { status: number; body: Record<string, unknown> } {
  const notAcceptable = error instanceof DomainError && error.code === 'taxii.not-acceptable';
  const problem = toProblem(error, request.id);
  const status = notAcceptable ? 406 : problem.status;
  return {
    status,
    body: {
      title: notAcceptable ? 'not acceptable' : problem.title,
      description: problem.detail,
      error_id: request.id,
      error_code: problem.code,
      http_status: String(status),
      ...(problem.field !== undefined ? { details: { field: problem.field } } : {}),
    },
  };
}

const notAcceptable = (accept: string) =>
  new DomainError('validation', 'taxii.not-acceptable', `this server answers ${TAXII_MEDIA_TYPE} only; the request accepts ${JSON.stringify(accept.slice(0, 200))}`);

/**
 * TAXII 2.1 over the findings: discovery, one API root, one read-only collection per member whose
 * findings the caller may see, and their objects with `added_after` paging. The same API keys as
 * the rest of the API (`Authorization: Bearer …`), the same use cases' rule of who sees what, and
 * every request on the audit trail.
 */
export function taxiiRoutes(app: FastifyInstance, deps: Deps, publicUrl: string | null): void {
  void app.register(async (scope) => {
    const baseOf = (req: FastifyRequest) => publicUrl ?? `${req.protocol}://${req.host}`;
    // As bytes: fastify rewrites a JSON type given with a text body (quoting `version`, adding a
    // charset), and TAXII clients compare the type as the specification spells it.
    const taxiiBody = (body: unknown) => Buffer.from(JSON.stringify(body), 'utf8');
    const send = (reply: FastifyReply, body: unknown) => reply.header('content-type', TAXII_MEDIA_TYPE).send(taxiiBody(body));
    // The caller's credentials first (a stranger learns nothing, not even what it may ask for), then what it accepts.
    const begin = async (req: FastifyRequest) => {
      const ctx = await resolveCtx(deps, req);
      const accept = req.headers.accept;
      if (!acceptsTaxii(accept)) throw notAcceptable(accept ?? '');
      return ctx;
    };

    scope.addHook('onSend', async (_request, reply, payload) => {
      // Findings are for the members they are shared with: no cache keeps a copy.
      reply.header('cache-control', 'no-store');
      return payload;
    });
    scope.setErrorHandler(async (error, request, reply) => {
      const { status, body } = taxiiError(error, request);
      if (!isRecorded(error)) {
        const action = TAXII_ACTIONS[request.routeOptions?.url ?? ''];
        const ctx = action ? await ctxOfFailedRequest(deps, request) : null;
        if (action && ctx) {
          await auditFailure(deps, ctx, action, { target: request.url.slice(0, 200), detail: { status } }, String(body.error_code)).then(
            () => markRecorded(error),
            (err: unknown) => request.log.error({ err }, 'the audit entry of a failed TAXII request could not be written'),
          );
        }
      }
      if (status >= 500) request.log.error({ err: error }, 'TAXII request failed');
      if (status === 401) reply.header('www-authenticate', 'Bearer realm="crosscheck"');
      return reply.code(status).header('content-type', TAXII_MEDIA_TYPE).send(Buffer.from(JSON.stringify(body), 'utf8'));
    });

    scope.get('/taxii2/', { schema: { hide, tags, summary: 'TAXII 2.1 discovery: the API root of the findings' } }, async (req, reply) =>
      send(reply, await taxiiDiscovery(deps, await begin(req), baseOf(req))),
    );

    scope.get(ROOT, { schema: { hide, tags, summary: 'The TAXII API root of the findings' } }, async (req, reply) =>
      send(reply, await taxiiApiRoot(deps, await begin(req), app.initialConfig.bodyLimit ?? 1024 * 1024)),
    );

    scope.get(`${ROOT}collections/`, { schema: { hide, tags, summary: 'The collections you may read: one per member with findings your member may see (your own; other members’ known-bad findings shared with yours)' } }, async (req, reply) =>
      send(reply, await listTaxiiCollections(deps, await begin(req))),
    );

    scope.get(`${ROOT}collections/:id/`, { schema: { hide, tags, summary: 'One collection (404 when it is not one you may read)', params: { type: 'object', properties: { id: { type: 'string', maxLength: 40 } }, required: ['id'] } } }, async (req, reply) =>
      send(reply, await getTaxiiCollection(deps, await begin(req), (req.params as { id: string }).id)),
    );

    const collectionParams = { type: 'object', properties: { id: { type: 'string', maxLength: 40 }, objectId: { type: 'string', maxLength: 100 } }, required: ['id'] };
    const sendPage = (reply: FastifyReply, page: TaxiiObjectsPage) => {
      if (page.firstAdded !== null) reply.header('x-taxii-date-added-first', page.firstAdded);
      if (page.lastAdded !== null) reply.header('x-taxii-date-added-last', page.lastAdded);
      return send(reply, page.envelope);
    };

    scope.get(
      `${ROOT}collections/:id/objects/`,
      {
        schema: {
          hide,
          tags,
          summary: 'The STIX 2.1 objects of a collection, in the order they were added: added_after (strictly later), limit (at most 1000), next (from the last page), match[type], match[id], match[version], match[spec_version]; at most 1000 findings are read per request (more and a next past them); X-TAXII-Date-Added-First and -Last give the page’s first and last',
          params: collectionParams,
          querystring: jsonSchema(taxiiObjectsQuerySchema),
        },
      },
      async (req, reply) => {
        const ctx = await begin(req);
        return sendPage(reply, await listTaxiiObjects(deps, ctx, (req.params as { id: string }).id, req.query, contentUrlOf(publicUrl, req)));
      },
    );

    scope.get(`${ROOT}collections/:id/objects/:objectId/`, { schema: { hide, tags, summary: 'One object of a collection (its one version)', params: collectionParams } }, async (req, reply) => {
      const ctx = await begin(req);
      const { id, objectId } = req.params as { id: string; objectId: string };
      return sendPage(reply, await getTaxiiObject(deps, ctx, id, objectId, req.query, contentUrlOf(publicUrl, req)));
    });

    scope.get(`${ROOT}collections/:id/manifest/`, { schema: { hide, tags, summary: 'The manifest of a collection: each object’s id, date added, version and media type, paged like its objects', params: collectionParams } }, async (req, reply) => {
      const ctx = await begin(req);
      return sendPage(reply, await listTaxiiManifest(deps, ctx, (req.params as { id: string }).id, req.query, contentUrlOf(publicUrl, req)));
    });
  });
}
