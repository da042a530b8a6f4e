import { DomainError, roleMay } from '@crosscheck/core';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';
import { openEventStream } from '../../app/events/open-event-stream.js';
import { DEFAULT_STREAM_OPTIONS, followEvents, type EventStreamOptions } from '../../events/event-stream.js';
import { EVENT_TYPES } from '../../store/event-repo.js';
import { reauthenticate, resolveCtx } from '../auth.js';
import { problemResponse } from '../openapi.js';

const errors: Record<string, unknown> = { 401: problemResponse, 403: problemResponse, 409: problemResponse, 422: problemResponse };
export const MAX_STREAMS_PER_CREDENTIAL = 5;
const query = { type: 'object', properties: { after: { type: 'string', description: 'Resume after this event id, for clients that cannot send Last-Event-ID' } } } as const;

export function eventsRoutes(app: FastifyInstance, deps: Deps, options: EventStreamOptions = DEFAULT_STREAM_OPTIONS): void {
  // Open streams never end by themselves: closing the server ends them, or it would wait forever.
  const open = new Set<() => void>();
  const openPerCredential = new Map<string, number>();
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

  app.get(
    '/api/v1/events',
    {
      schema: {
        tags: ['events'],
        // The types from the one list of them: a hand-written copy had already missed hit.carrier-check.
        summary: `Server-sent events for your member's bureau (${EVENT_TYPES.join(', ')}); resume with Last-Event-ID`,
        querystring: query,
        response: { 200: { description: 'id / event / data lines, one blank line after each event', content: { 'text/event-stream': { schema: { type: 'string' } } } }, ...errors },
      },
    },
    async (req, reply) => {
      // Everything that can refuse happens before the stream starts, so refusals are problem+json.
      const ctx = await resolveCtx(deps, req);
      // Each open stream reads the table every poll: one credential holds a few, not hundreds.
      const credential = ctx.actor.credential;
      if ((openPerCredential.get(credential) ?? 0) >= MAX_STREAMS_PER_CREDENTIAL) {
        throw new DomainError('conflict', 'events.too-many-streams', `at most ${MAX_STREAMS_PER_CREDENTIAL} event streams may be open with one key or session; close one first`);
      }
      // Counted from here, so streams opening at the same moment cannot all slip under the cap.
      openPerCredential.set(credential, (openPerCredential.get(credential) ?? 0) + 1);
      let counted = true;
      const release = (): void => {
        if (!counted) return;
        counted = false;
        const left = (openPerCredential.get(credential) ?? 1) - 1;
        if (left > 0) openPerCredential.set(credential, left);
        else openPerCredential.delete(credential);
      };
      const lastEventId = req.headers['last-event-id'];
      let start;
      try {
        start = await openEventStream(deps, ctx, {
          ...(typeof lastEventId === 'string' ? { lastEventId } : {}),
          ...((req.query as { after?: string }).after !== undefined ? { after: (req.query as { after: string }).after } : {}),
        });
      } catch (error) {
        release();
        throw error;
      }

      reply.hijack();
      const res = reply.raw;
      // Set one by one (not as writeHead's argument) so the response keeps them readable: the
      // request log tells a stream from a slow request by its content type.
      const headers = {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        // Proxies such as nginx would otherwise hold events back in their buffers.
        'x-accel-buffering': 'no',
        'x-request-id': req.id,
        'x-content-type-options': 'nosniff',
      };
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      res.writeHead(200);
      res.write(': stream open\n\n');

      let stop = (): void => {};
      // A stream outlives the request that opened it: when the key is revoked, the session ends or
      // the member is suspended, the stream ends too (the refusal is audited like any other).
      const recheck = setInterval(() => {
        reauthenticate(deps, req)
          .then((again) => {
            if (again.actor.member !== start.member || !roleMay(again.actor.role, 'events.read')) end();
          })
          .catch(() => end());
      }, options.recheckMs);
      recheck.unref();
      const end = (): void => {
        clearInterval(recheck);
        release();
        stop();
        open.delete(end);
        if (!res.writableEnded) res.end();
      };
      const sink = {
        write: (chunk: string) => res.write(chunk),
        drained: () =>
          new Promise<void>((resolve) => {
            const done = (): void => {
              res.off('drain', done);
              res.off('close', done);
              resolve();
            };
            res.on('drain', done);
            res.on('close', done);
          }),
      };
      open.add(end);
      res.on('close', end);
      stop = followEvents(
        deps,
        start.member,
        start.after,
        sink,
        (err) => {
          // The client reconnects with Last-Event-ID and misses nothing.
          req.log.error({ err }, 'event stream failed');
          end();
        },
        options,
      );
      // A client that left while the stream was being opened sends no further 'close'.
      if (res.destroyed || req.raw.socket.destroyed) end();
      return reply;
    },
  );
}
