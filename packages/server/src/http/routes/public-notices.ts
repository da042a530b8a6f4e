import type { NoticeColour } from '@crosscheck/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../app/deps.js';
import { getPublicNotice, getPublicNoticeImage, listPublicNoticeImages } from '../../app/public-notices/get-public-notice.js';
import { listPublicNotices, noticeQuerySchemas } from '../../app/public-notices/list-public-notices.js';
import { jsonSchema, problemResponse } from '../openapi.js';

const tags = ['public notices'];
const errors: Record<string, unknown> = { 404: problemResponse, 422: problemResponse };
const noticeParams = { type: 'object', properties: { noticeId: { type: 'string', maxLength: 100 } }, required: ['noticeId'] };
const imageParams = { type: 'object', properties: { noticeId: { type: 'string', maxLength: 100 }, pictureId: { type: 'string', maxLength: 100 } }, required: ['noticeId', 'pictureId'] };


/**
 * INTERPOL-style public notices (red: wanted, yellow: missing) of the alerts whose owners
 * publish them. Read-only and open to anyone, without a key: the whole point of a public notice.
 */
export function publicNoticesRoutes(app: FastifyInstance, deps: Deps, publicUrl: string | null): void {
  // Links in the answers are absolute, as INTERPOL's are: on the configured public address, else
  // on the one the client used (a shared cache in front should have the address configured, so
  // that no client's Host header ends up in another client's answer).
  const baseOf = (req: FastifyRequest) => publicUrl ?? `${req.protocol}://${req.host}`;
  for (const colour of ['red', 'yellow'] as const satisfies NoticeColour[]) {
    const what = colour === 'red' ? 'wanted persons (red notices)' : 'missing persons (yellow notices)';
    app.get(`/public/notices/v1/${colour}`, { schema: { tags, summary: `Public ${what}, filtered and paged as INTERPOL's public notice API; no key needed`, security: [], querystring: jsonSchema(noticeQuerySchemas[colour]), response: errors } }, async (req) =>
      listPublicNotices(deps, colour, req.query, baseOf(req)),
    );
    app.get(`/public/notices/v1/${colour}/:noticeId`, { schema: { tags, summary: `One public notice of ${what}`, security: [], params: noticeParams, response: errors } }, async (req) =>
      getPublicNotice(deps, colour, (req.params as { noticeId: string }).noticeId, baseOf(req)),
    );
    app.get(`/public/notices/v1/${colour}/:noticeId/images`, { schema: { tags, summary: 'The photos of a public notice', security: [], params: noticeParams, response: errors } }, async (req) =>
      listPublicNoticeImages(deps, colour, (req.params as { noticeId: string }).noticeId, baseOf(req)),
    );
    app.get(`/public/notices/v1/${colour}/:noticeId/images/:pictureId`, { schema: { tags, summary: 'One photo of a public notice', security: [], params: imageParams, response: errors } }, async (req, reply) => {
      const { noticeId, pictureId } = req.params as { noticeId: string; pictureId: string };
      const photo = await getPublicNoticeImage(deps, colour, noticeId, pictureId);
      return reply.type(photo.content_type).header('x-content-type-options', 'nosniff').header('cache-control', 'no-cache').send(photo.data);
    });
  }
}
