import { DomainError } from '@crosscheck/core';
import { photoInfoSchema, photoListSchema } from '@crosscheck/core/api/schemas';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';
import { addPhoto } from '../../app/photos/add-photo.js';
import { deletePhoto } from '../../app/photos/delete-photo.js';
import { getPhoto } from '../../app/photos/get-photo.js';
import { listPhotos } from '../../app/photos/list-photos.js';
import { MAX_PHOTO_BYTES, PHOTO_TYPES, UNSUPPORTED_PHOTO } from '../../app/photos/photo-view.js';
import { resolveCtx } from '../auth.js';
import { sendCheckedImage } from '../download-headers.js';
import { idParam, problemResponse, responseSchema } from '../openapi.js';
import { toProblem } from '../problem.js';

const tags = ['alerts'];
const errors: Record<string, unknown> = { 400: problemResponse, 401: problemResponse, 403: problemResponse, 404: problemResponse, 409: problemResponse, 413: problemResponse, 415: problemResponse, 422: problemResponse };
const photoParams = {
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, photoId: { type: 'string', maxLength: 40 } },
  required: ['id', 'photoId'],
} as const;

/** The name a saved photo gets, by the type read from its bytes. */
const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/**
 * The uploaded bytes, wrapped so that the app-wide check for NUL characters (which serialises
 * every body to JSON) sees a word instead of two million numbers: NUL is text's problem, and an
 * image is full of zero bytes by nature.
 */
class UploadedImage {
  constructor(readonly bytes: Buffer) {}
  toJSON(): string {
    return 'image bytes';
  }
}

/** Photos of person alerts: raw image bodies up to 2 MiB, read with the alert's own visibility. */
export function photosRoutes(app: FastifyInstance, deps: Deps): void {
  // A plugin of its own, so the image parser and its larger body limit apply to these routes only.
  void app.register(async (scope) => {
    const asImage = (_req: unknown, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => done(null, new UploadedImage(body as Buffer));
    scope.addContentTypeParser([...PHOTO_TYPES], { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES }, asImage);
    // Any other declared type reaches the use case as bytes too, to be sniffed, refused with 415
    // naming what it really is, and audited like every other refusal.
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES }, asImage);
    // No error kind in the core means "unsupported media type"; the use case's code says it.
    // Any other error goes on to the app's handler, which answers and audits it.
    scope.setErrorHandler((error, request, reply) => {
      if (!(error instanceof DomainError) || error.code !== UNSUPPORTED_PHOTO) throw error;
      const problem = { ...toProblem(error, request.id), status: 415, title: 'unsupported media type' };
      return reply.code(415).type('application/problem+json').send(problem);
    });

    scope.post(
      '/api/v1/alerts/:id/photos',
      {
        bodyLimit: MAX_PHOTO_BYTES,
        schema: {
          tags,
          summary: 'Add a photo to a person alert of your member: the body is the image itself (JPEG, PNG or WebP, at most 2 MiB, at most 5 photos per alert); the type is read from the bytes',
          params: idParam,
          response: { 201: responseSchema('The photo as stored, without its bytes; `url` serves them', photoInfoSchema), ...errors },
        },
      },
      async (req, reply) => {
        const body = req.body instanceof UploadedImage ? req.body.bytes : req.body;
        const photo = await addPhoto(deps, await resolveCtx(deps, req), (req.params as { id: string }).id, body, req.headers['content-type'] ?? '(none)');
        return reply.code(201).header('location', photo.url).send(photo);
      },
    );

    scope.get(
      '/api/v1/alerts/:id/photos',
      { schema: { tags, summary: 'The photos of an alert you may see (without their bytes), oldest first', params: idParam, response: { 200: responseSchema('The photos, oldest first, without their bytes', photoListSchema), ...errors } } },
      async (req) => listPhotos(deps, await resolveCtx(deps, req), (req.params as { id: string }).id),
    );

    scope.get(
      '/api/v1/alerts/:id/photos/:photoId',
      { schema: { tags, summary: 'The bytes of one photo, with the type read from them when it was added', params: photoParams, response: errors } },
      async (req, reply) => {
        const { id, photoId } = req.params as { id: string; photoId: string };
        const photo = await getPhoto(deps, await resolveCtx(deps, req), id, photoId);
        return sendCheckedImage(reply, photo.contentType, `photo-${photoId}.${EXTENSIONS[photo.contentType] ?? 'img'}`, photo.bytes);
      },
    );

    scope.delete(
      '/api/v1/alerts/:id/photos/:photoId',
      { schema: { tags, summary: 'Remove a photo of an alert of your member', params: photoParams, response: { 204: { description: 'Removed', type: 'null' }, ...errors } } },
      async (req, reply) => {
        const { id, photoId } = req.params as { id: string; photoId: string };
        await deletePhoto(deps, await resolveCtx(deps, req), id, photoId);
        return reply.code(204).send();
      },
    );
  });
}
