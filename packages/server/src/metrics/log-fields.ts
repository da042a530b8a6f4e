import type { FastifyRequest } from 'fastify';

/**
 * What a log line may say about a request and an error. Screening requests carry names, birth
 * dates and document numbers, and so may any address a client types: a log file is read by more
 * people and kept longer than the audit trail, so it gets none of it. A request is logged by its
 * route pattern, with only those parameters that are identifiers (alert, hit, key ids; member
 * codes), never a query string; an address that matched no route is not logged at all (its
 * request id ties it to the client's own records). An error keeps its type, message, code and
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

/** Identifiers the server hands out (UUIDs, STIX ids) and member codes: no personal data. */
const IDENTIFIER = /^(?:[a-z][a-z0-9-]*--)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$|^[A-Z]{3}$/i;

function loggableAddress(request: FastifyRequest): { url?: string; route: string } {
  const pattern = request.routeOptions.url;
  if (pattern === undefined) return { route: '(none)' };
  const params = (request.params ?? {}) as Record<string, unknown>;
  const url = pattern.replace(/:([A-Za-z0-9_]+)/g, (whole, name: string) => {
    const value = params[name];
    return typeof value === 'string' && IDENTIFIER.test(value) ? value : whole;
  });
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
