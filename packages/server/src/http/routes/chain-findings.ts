import { findingListSchema, findingSchema } from '@crosscheck/core/api/schemas';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { exportFindings, exportFindingsQuerySchema } from '../../app/chain/export-findings.js';
import { importFindingLines, MAX_FINDINGS_PER_CALL } from '../../app/chain/record-findings.js';
import { getFinding } from '../../app/chain/get-finding.js';
import { listFindings, listFindingsQuerySchema } from '../../app/chain/list-findings.js';
import { revealFinding } from '../../app/chain/reveal-finding.js';
import { findingPatchSchema, updateFinding } from '../../app/chain/update-finding.js';
import type { Deps } from '../../app/deps.js';
import { resolveCtx } from '../auth.js';
import { sendAsDownload } from '../download-headers.js';
import { idParam, jsonSchema, problemResponse, responseSchema } from '../openapi.js';

const tags = ['chain'];
const errors: Record<string, unknown> = { 400: problemResponse, 401: problemResponse, 403: problemResponse, 404: problemResponse, 409: problemResponse, 422: problemResponse };

/** A findings import: JSON lines with the bytes of each finding in base64, a scan's batch. */
const MAX_IMPORT_BYTES = 48 * 1024 * 1024;
const LINE_TYPES = ['application/x-ndjson', 'application/jsonl'];

/** Where a finding's bytes are revealed, as an absolute address (the STIX artifact's `url`). */
export const contentUrlOf = (publicUrl: string | null, req: FastifyRequest) => (id: string) => `${publicUrl ?? `${req.protocol}://${req.host}`}/api/v1/chain/findings/${id}/content`;

/** Blockchain findings: what scans found written into Bitcoin, searched, read, revealed, decided on. */
export function chainFindingsRoutes(app: FastifyInstance, deps: Deps, publicUrl: string | null): void {
  // A plugin of its own, so the larger body limit of an import applies to it alone.
  void app.register(async (scope) => {
    scope.removeContentTypeParser(LINE_TYPES);
    scope.addContentTypeParser(LINE_TYPES, { parseAs: 'string', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) => done(null, body));
    scope.post(
      '/api/v1/chain/findings',
      {
        bodyLimit: MAX_IMPORT_BYTES,
        schema: {
          tags,
          summary: `Record findings of your member from a scan's JSON lines (application/x-ndjson: one finding per line, as \`crosscheck chain scan --format jsonl\` writes them, with an optional \`content\`: the payload bytes in base64, kept up to 8 MiB); identical bytes are one finding whose locations merge. At most ${MAX_FINDINGS_PER_CALL} findings per request`,
          response: { 200: { description: '{recorded, merged, locationsAdded, ids}', type: 'object', additionalProperties: true }, ...errors, 413: problemResponse, 415: problemResponse },
        },
      },
      async (req) => {
        const ctx = await resolveCtx(deps, req);
        const body = typeof req.body === 'string' ? req.body : '';
        return importFindingLines(deps, ctx, body);
      },
    );
  });

  app.get(
    '/api/v1/chain/findings/export',
    {
      schema: {
        tags,
        summary: 'Every finding you may see that the filters select (those of the list), as JSON lines (format=jsonl) or a STIX 2.1 bundle (format=stix: file, artifact, observed-data, indicator and relationship per finding, with the Bitcoin location extension); withContent=true puts the bytes in each artifact (a reveal, audited)',
        querystring: jsonSchema(exportFindingsQuerySchema),
        response: errors,
      },
    },
    async (req, reply) => {
      const result = await exportFindings(deps, await resolveCtx(deps, req), req.query, contentUrlOf(publicUrl, req));
      if (result.format === 'stix') return reply.type('application/stix+json;version=2.1').header('content-disposition', 'attachment; filename="findings.stix.json"').send(JSON.stringify(result.bundle));
      return reply.type('application/x-ndjson').header('content-disposition', 'attachment; filename="findings.jsonl"').send(result.findings.map((f) => `${JSON.stringify(f)}\n`).join(''));
    },
  );

  app.get(
    '/api/v1/chain/findings',
    {
      schema: {
        tags,
        summary: 'Blockchain findings you may see (your member’s, and known-bad ones other members share with yours), oldest first, filtered by method, media type prefix (image/), status, matched, owner, txid, sha256 or md5 (of the payload or its decoded form), height range, and words of the text preview, URLs and onion addresses',
        querystring: jsonSchema(listFindingsQuerySchema),
        response: { 200: responseSchema('A page of findings and the cursor of the next', findingListSchema), ...errors },
      },
    },
    async (req) => listFindings(deps, await resolveCtx(deps, req), req.query),
  );

  app.get(
    '/api/v1/chain/findings/:id',
    { schema: { tags, summary: 'One finding (404 when it does not exist or is not shared with your member)', params: idParam, response: { 200: responseSchema('The finding; its visibility for its owner only', findingSchema), ...errors } } },
    async (req) => getFinding(deps, await resolveCtx(deps, req), (req.params as { id: string }).id),
  );

  app.get(
    '/api/v1/chain/findings/:id/content',
    {
      schema: {
        tags,
        summary: 'The bytes of a finding, for roles that may reveal them (bureau, analyst); always a download of application/octet-stream, never served as its own type; every reveal is audited',
        params: idParam,
        response: { 200: { description: 'The payload bytes as carried in the transaction', type: 'string', format: 'binary' }, ...errors },
      },
    },
    async (req, reply) => {
      const id = (req.params as { id: string }).id;
      const content = await revealFinding(deps, await resolveCtx(deps, req), id);
      return sendAsDownload(reply, `finding-${content.sha256}.bin`, content.bytes);
    },
  );

  app.patch(
    '/api/v1/chain/findings/:id',
    {
      schema: {
        tags,
        summary: 'Decide on a finding of your member: its status (new, known-bad, benign) and its visibility; a known-bad finding is shared as an indicator with the members its visibility names, the rule of alerts',
        params: idParam,
        body: jsonSchema(findingPatchSchema),
        response: { 200: responseSchema('The finding as changed', findingSchema), ...errors },
      },
    },
    async (req) => updateFinding(deps, await resolveCtx(deps, req), (req.params as { id: string }).id, req.body),
  );
}
