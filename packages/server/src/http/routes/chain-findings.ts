import { findingListSchema, findingSchema } from '@crosscheck/core/api/schemas';
import type { FastifyInstance } from 'fastify';
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

/** Blockchain findings: what scans found written into Bitcoin, searched, read, revealed, decided on. */
export function chainFindingsRoutes(app: FastifyInstance, deps: Deps): void {
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
