import { DomainError, RateLimitedError, RoleRefusal, type ErrorKind, type Permission, type ProblemCode, type Role } from '@crosscheck/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { storageFaultOf } from '../store/storage-faults.js';

const STATUS: Record<ErrorKind, number> = {
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'rate-limited': 429,
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  /** One of core's PROBLEM_CODES: the web app words it in the reader's language. */
  code: ProblemCode;
  detail: string;
  field?: string;
  errors?: { field: string; message: string; code?: string; bounds?: { min: number; max: number } }[];
  /** For a 429: seconds until an attempt can succeed (also the `Retry-After` header). */
  retryAfter?: number;
  /** For a 429 of a rate: how many requests each window allows. */
  limit?: number;
  windowSeconds?: number;
  /** For a refusal by role: the role and what it may not do, so a client can say it in its reader's language. */
  role?: Role;
  permission?: Permission;
  requestId: string;
}

/** The one place where errors become HTTP answers (RFC 9457 problem details). */
export function toProblem(error: unknown, requestId: string): Problem {
  if (error instanceof DomainError) {
    const status = STATUS[error.kind];
    return {
      type: `https://crosscheck.dev/problems/${error.code}`,
      title: error.kind.replace('-', ' '),
      status,
      code: error.code,
      detail: error.message,
      ...(error.field !== undefined ? { field: error.field, errors: error.problems } : {}),
      ...(error instanceof RateLimitedError ? { retryAfter: error.retryAfterSeconds, ...(error.figures ?? {}) } : {}),
      ...(error instanceof RoleRefusal ? { role: error.role, permission: error.permission } : {}),
      requestId,
    };
  }
  const fe = error as Partial<FastifyError> & { status?: number };
  const status = fe.statusCode ?? fe.status ?? 500;
  if (status >= 400 && status < 500) {
    const code: ProblemCode = FASTIFY_CODES[fe.code ?? ''] ?? 'request.invalid';
    return { type: `https://crosscheck.dev/problems/${code}`, title: 'bad request', status, code, detail: fe.message ?? 'bad request', field: '(body)', requestId };
  }
  // A database that is down, restarting or full is no internal error: the client may retry (503)
  // or an operator must free space (507). The transaction was rolled back either way.
  const fault = storageFaultOf(error);
  if (fault === 'full') {
    return { type: 'https://crosscheck.dev/problems/storage.full', title: 'insufficient storage', status: 507, code: 'storage.full', detail: 'the database has no space left, so nothing of this request was written; an operator must free space', requestId };
  }
  if (fault === 'unavailable') {
    return { type: 'https://crosscheck.dev/problems/storage.unavailable', title: 'service unavailable', status: 503, code: 'storage.unavailable', detail: 'the database could not be reached (restarting, or its connections were cut); try again shortly', retryAfter: RETRY_AFTER_SECONDS, requestId };
  }
  return { type: 'https://crosscheck.dev/problems/internal', title: 'internal error', status: 500, code: 'internal', detail: 'an internal error occurred; it has been logged with the request id', requestId };
}

// Fastify's own request errors, renamed to stable codes that do not depend on the framework.
const FASTIFY_CODES: Record<string, ProblemCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported-media-type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.empty-body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.invalid-json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.invalid-length',
};

/** A database coming back from a restart or a cut answers within seconds. */
const RETRY_AFTER_SECONDS = 2;

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: unknown): FastifyReply {
  const problem = toProblem(error, request.id);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  if (problem.status === 401) reply.header('www-authenticate', 'Bearer realm="crosscheck"');
  if (problem.retryAfter !== undefined) reply.header('retry-after', String(problem.retryAfter));
  return reply.code(problem.status).type('application/problem+json').send(problem);
}
