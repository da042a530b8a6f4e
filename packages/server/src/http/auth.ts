import { unauthenticated, type Actor } from '@crosscheck/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticateKey, authenticateSession, recordRefusal } from '../app/authenticate.js';
import type { Ctx, Deps, RequestSource } from '../app/deps.js';
import { limitRate } from './rate-limit.js';
import { requestPath } from './request-path.js';

export const SESSION_COOKIE = 'cc_session';

// What the request's credentials resolved to: its Ctx, or null when they were refused (the
// refusal is then on the trail already, recorded by authenticate.ts).
const resolved = new WeakMap<FastifyRequest, Ctx | null>();

/**
/**
 * Resolves the caller from `Authorization: Bearer <key>` or the session cookie, and holds it to
 * its credential's rate for what the route does (rate-limit.ts). Routes get a `Ctx` from here;
 * use cases then check what that actor may do. Both happen once per request, as soon as its
 * headers are read (`requireCredentials`); later calls reuse the answer and spend no more rate.
 */
export async function resolveCtx(deps: Deps, request: FastifyRequest): Promise<Ctx> {
  const known = resolved.get(request);
  if (known) return known;
  const ctx = await identify(deps, request);
  await limitRate(deps, request, ctx);
  return ctx;
}

/**
 * Checks the request's credentials again, now: for a response that outlives its request (an event
 * stream), whose key may be revoked or session ended meanwhile. Spends no rate.
 */
export const reauthenticate = (deps: Deps, request: FastifyRequest): Promise<Ctx> => identify(deps, request);

async function identify(deps: Deps, request: FastifyRequest): Promise<Ctx> {
  try {
    const ctx: Ctx = { actor: await resolveActor(deps, request), requestId: request.id };
    resolved.set(request, ctx);
    return ctx;
  } catch (error) {
    resolved.set(request, null);
    throw error;
  }
}

const sourceOf = (request: FastifyRequest): RequestSource => ({ requestId: request.id, source: request.ip });

async function resolveActor(deps: Deps, request: FastifyRequest): Promise<Actor> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) {
      await recordRefusal(deps, 'key.check', 'malformed-header', '', sourceOf(request), 'auth.malformed-header');
      throw unauthenticated('the Authorization header must be "Bearer <key>"');
    }
    return authenticateKey(deps, m[1]!, sourceOf(request));
  }
  const token = request.cookies?.[SESSION_COOKIE];
  if (!token) throw unauthenticated();
  return authenticateSession(deps, token, sourceOf(request));
}

/** Whether the request is authenticated by the session cookie (an ambient credential) rather than a key. */
export function byCookie(request: FastifyRequest): boolean {
  return request.headers.authorization === undefined && request.cookies?.[SESSION_COOKIE] !== undefined;
}

/** The one route that takes no credentials under /api/: logging in. */
export function isLogin(request: FastifyRequest, path: string): boolean {
  return path === '/api/v1/session' && request.method === 'POST';
}

/**
 * Every API request but logging in has its credentials checked as soon as its headers are read,
 * before its body: a caller with a wrong key is refused at once, however large or slow its body.
 * Refusals are thrown, so that they reach the error handler like any other (authenticate.ts has
 * already put them on the trail).
 */
export function requireCredentials(app: FastifyInstance, deps: Deps): void {
  app.addHook('onRequest', async (request) => {
    const path = requestPath(request);
    if (!path.startsWith('/api/') || isLogin(request, path)) return;
    await resolveCtx(deps, request);
  });
}

/**
 * Who made a request that failed, for its audit entry: the actor its route resolved, or, when
 * it failed before any route code ran (an unreadable body), the actor its credentials name. Null
 * for a request without credentials or with refused ones, which are not recorded again.
 */
export async function ctxOfFailedRequest(deps: Deps, request: FastifyRequest): Promise<Ctx | null> {
  if (resolved.has(request)) return resolved.get(request) ?? null;
  if (request.headers.authorization === undefined && request.cookies?.[SESSION_COOKIE] === undefined) return null;
  // Its identity only: a request that failed has spent nothing of its rate.
  return identify(deps, request).catch(() => null);
}
