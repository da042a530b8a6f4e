import type { FastifyRequest } from 'fastify';

/**
 * The path a request is routed by: the router decodes percent-escapes (`/%61pi/v1/…` reaches
 * `/api/v1/…`), so every check that decides by path (credentials before the body, no-store, the
 * trail, a national copy's read-only rule) must look at the decoded path too, or an escaped letter
 * walks past it. A path that does not decode is refused by the router anyway.
 */
export function requestPath(request: FastifyRequest): string {
  const raw = request.url.split('?')[0] ?? '';
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Whether the request is for the API (`/api/…`), however its path is escaped. */
export const isApiRequest = (request: FastifyRequest): boolean => requestPath(request).startsWith('/api/');
