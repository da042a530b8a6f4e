import type { FastifyRequest } from 'fastify';
import { NO_ROUTE } from './no-route.js';

/**
 * What a log line may say about a request and an error. Screening requests carry names, birth
 * dates and document numbers, and so may any address a client types: a log file is read by more
 * people and kept longer than the audit trail, so it gets none of it. A request is logged by its
 * route pattern, with only those parameters that are identifiers (alert, hit, key ids; member
 * codes; never a user name), never a query string; an address that matched no route is not
 * logged at all (its request id ties it to the client's own records). An error keeps its type, message, code and
 * stack, not the fields a database driver adds that quote the row (PostgreSQL's `detail`,
 * `where`, …).
 */
export const logSerializers = {
  req: (request: FastifyRequest) => ({
    method: request.method,
    ...loggableAddress(request),
    host: request.host,
    remoteAddress: request.ip,
  }),
  err: (error: unknown) => errorFields(error, 0),
};

/**
 * Which parameters a log line may show, decided by the parameter's name, never by what its value
 * looks like: a user name of three capitals (`LEE`) looks like a member code, and a free-text
 * parameter may hold anything. An id parameter (`id`, `photoId`, `attachmentId`, …) is shown when
 * it is an identifier the server hands out (a UUID, or a STIX id that wraps one); a member-code
 * parameter when it is a member code. Any other parameter (`username`, …) keeps its placeholder.
 */
const ID_PARAM = /^(?:id|[a-z][A-Za-z0-9]*Id)$/;
const MEMBER_CODE_PARAMS: ReadonlySet<string> = new Set(['code']);
const SERVER_ID = /^(?:[a-z][a-z0-9-]*--)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const MEMBER_CODE = /^[A-Z]{3}$/;

function loggableParam(name: string, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (ID_PARAM.test(name)) return SERVER_ID.test(value);
  if (MEMBER_CODE_PARAMS.has(name)) return MEMBER_CODE.test(value);
  return false;
}

function loggableAddress(request: FastifyRequest): { url?: string; route: string } {
  const pattern = request.routeOptions.url;
  if (pattern === undefined) return { route: NO_ROUTE };
  const params = (request.params ?? {}) as Record<string, unknown>;
  const url = pattern.replace(/:([A-Za-z0-9_]+)/g, (whole, name: string) => (loggableParam(name, params[name]) ? (params[name] as string) : whole));
  return { url, route: pattern };
}

type ErrorFields = {
  type: string;
  message: string;
  code?: string | number;
  statusCode?: number;
  stack: string;
  cause?: ErrorFields;
};

function errorFields(error: unknown, depth: number): ErrorFields {
  // Something thrown that is no Error may be any value: only its type is told.
  if (!(error instanceof Error)) return { type: typeof error, message: 'a value that is not an Error was thrown', stack: '' };
  const e = error as Error & { code?: unknown; statusCode?: unknown };
  return {
    type: e.constructor.name,
    message: e.message,
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
    stack: e.stack ?? '',
    ...(e.cause !== undefined && depth < 3 ? { cause: errorFields(e.cause, depth + 1) } : {}),
  };
}
