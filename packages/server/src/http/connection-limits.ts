import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { ProblemCode } from '@crosscheck/core';
import type { Problem } from './problem.js';

/** What bounds a client's hold on the server (config.ts reads them from the environment). */
export interface ConnectionLimits {
  /** From a request's first byte to the end of its headers. */
  headersTimeoutMs: number;
  /** From a request's first byte to the end of its body: the deadline for reading a body. */
  requestTimeoutMs: number;
  /** How long an idle connection is kept open for a next request. */
  keepAliveTimeoutMs: number;
  /** Connections open at once; further ones are closed as they arrive. */
  maxConnections: number;
}

/**
 * How long Node waits between sweeps for requests past their deadline. Node's own default is 30 s,
 * which would let a slow client hold a connection for up to 30 s past its deadline; a sweep is a
 * walk over the requests still being received, so a tenth of the shortest deadline costs little.
 */
export function checkingIntervalMs(limits: ConnectionLimits): number {
  return Math.max(25, Math.min(1_000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 10)));
}

/**
 * The server options that bound each connection: headers and the whole request (headers and body)
 * must arrive within their deadlines, idle connections close. A request is timed only while it is
 * being received, so an answer that takes long to write (a server-sent event stream) is not cut.
 */
export function connectionOptions(limits: ConnectionLimits): Pick<FastifyServerOptions, 'requestTimeout' | 'keepAliveTimeout' | 'clientErrorHandler'> & { http: { headersTimeout: number; requestTimeout: number; keepAliveTimeout: number; connectionsCheckingInterval: number } } {
  return {
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    http: {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: checkingIntervalMs(limits),
    },
    clientErrorHandler: answerClientError,
  };
}

/** Connections beyond the cap are closed by Node as they arrive, before any byte is read. */
export function capConnections(app: FastifyInstance, limits: ConnectionLimits): void {
  app.server.maxConnections = limits.maxConnections;
}

const CLIENT_ERRORS: Record<string, { status: number; title: string; code: ProblemCode; detail: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, title: 'request timeout', code: 'request.timeout', detail: 'the request (its headers, or its body) did not arrive in time' },
  HPE_HEADER_OVERFLOW: { status: 431, title: 'headers too large', code: 'request.headers-too-large', detail: 'the request headers are too large' },
};
const MALFORMED: { status: number; title: string; code: ProblemCode; detail: string } = { status: 400, title: 'bad request', code: 'request.malformed', detail: 'the request is not valid HTTP' };

/**
 * Errors Node finds on a connection before there is a request to route (a deadline passed, bad
 * HTTP): answered with the same problem+json as every other refusal, then the connection is closed.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // An answer already under way on this connection (a refusal sent before the body was read)
  // must not be followed by a second one.
  const answering = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
  if (socket.writable && !answering) {
    const known = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED;
    const problem: Problem = { type: `https://crosscheck.dev/problems/${known.code}`, title: known.title, status: known.status, code: known.code, detail: known.detail, requestId: randomUUID() };
    const body = JSON.stringify(problem);
    socket.write(
      `HTTP/1.1 ${known.status} ${STATUS_CODES[known.status] ?? ''}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/**
 * An answer sent before the request's body was read (a refused credential) closes the connection:
 * keeping it would mean reading the rest of that body, at the sender's pace, only to discard it.
 */
export function closeWhenBodyUnread(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.raw.complete) reply.header('connection', 'close');
    return payload;
  });
}
