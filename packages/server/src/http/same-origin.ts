import { DomainError, type ProblemCode } from '@crosscheck/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { byCookie, isLogin } from './auth.js';
import { requestPath } from './request-path.js';

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The origin of `url` as a browser writes it in `Origin` (default port dropped), or null. */
function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * The origins this server answers as: the one the request addressed (scheme and Host, or the
 * `X-Forwarded-*` ones of a trusted proxy), the same host over HTTPS (a TLS proxy in front that
 * was not declared cannot make an attacker's page share our host), and the configured public address.
 */
export function ownOrigins(request: FastifyRequest, publicUrl: string | null): Set<string> {
  const origins = new Set<string>();
  for (const candidate of [`${request.protocol}://${request.host}`, `https://${request.host}`, publicUrl]) {
    const origin = candidate === null ? null : originOf(candidate);
    if (origin !== null) origins.add(origin);
  }
  return origins;
}

const refused = (code: ProblemCode, detail: string): DomainError => new DomainError('forbidden', code, detail);

/**
 * Why a browser request must not change anything, or null when it came from the application itself.
 * `Sec-Fetch-Site` and `Origin` are set by the browser and cannot be forged by a page; a page on
 * a sibling subdomain is same-site but not same-origin, so it is refused like any other site.
 */
export function crossOriginRefusal(request: FastifyRequest, publicUrl: string | null, requireEvidence: boolean): DomainError | null {
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
    return refused('request.cross-origin', `this request was sent by another site (Sec-Fetch-Site: ${site.slice(0, 20)}); changes made with a session cookie are accepted only from this application's own pages`);
  }
  if (typeof origin === 'string') {
    const own = ownOrigins(request, publicUrl);
    const theirs = originOf(origin);
    if (theirs === null || !own.has(theirs)) {
      return refused('request.cross-origin', `this request came from ${JSON.stringify(origin.slice(0, 200))}, not from this application's origin (${[...own].join(' or ')}); changes made with a session cookie are accepted only from its own pages`);
    }
    return null;
  }
  if (typeof site === 'string' || !requireEvidence) return null;
  return refused('request.origin-missing', 'this request carries neither Origin nor Sec-Fetch-Site, so it cannot be shown to come from this application; changes made with a session cookie need one (browsers send them), scripts use an API key');
}

/**
 * Cross-site request forgery: a page elsewhere (a sibling subdomain included) can make the browser
 * send the session cookie with a form or a `text/plain` fetch. Every change made with the cookie
 * must therefore come from this application's own origin, whatever its content type. Requests with
 * an API key carry no ambient credential and are not concerned. Signing in is checked too when a
 * browser says where it comes from, so that no site can sign a browser in as someone else.
 */
export function sameOriginChanges(app: FastifyInstance, publicUrl: string | null): void {
  app.addHook('onRequest', async (request) => {
    if (!CHANGES.has(request.method)) return;
    const path = requestPath(request);
    const login = isLogin(request, path);
    if (!login && !byCookie(request)) return;
    const refusal = crossOriginRefusal(request, publicUrl, !login);
    if (refusal) throw refusal;
  });
}
