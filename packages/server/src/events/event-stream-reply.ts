import type { FastifyReply } from 'fastify';

/**
 * Whether a reply is an event stream, told by its content type (the events route sets its headers
 * one by one so they stay readable). A stream is open for as long as its reader listens: its
 * length is neither a latency nor a slow request.
 */
export function isEventStream(reply: FastifyReply): boolean {
  return String(reply.getHeader('content-type') ?? '').startsWith('text/event-stream');
}
