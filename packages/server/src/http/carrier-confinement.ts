import { CARRIER_CHECK_ROUTE, DomainError } from '@crosscheck/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isCarrierKey } from '../app/carrier-key.js';
import type { Deps } from '../app/deps.js';
import { isLogin, resolveCtx } from './auth.js';
import { requestPath } from './request-path.js';

const carrierRefusal = (): DomainError =>
  new DomainError('forbidden', 'access.forbidden', `your role (carrier) may only check travel documents (${CARRIER_CHECK_ROUTE.method} ${CARRIER_CHECK_ROUTE.url})`);

const isCheckRoute = (request: FastifyRequest): boolean => request.method === CARRIER_CHECK_ROUTE.method && request.routeOptions?.url === CARRIER_CHECK_ROUTE.url;

/**
 * A carrier's key calls one route and nothing else, whatever a route's own checks would allow
 * (the session and logging in, a route open to every role, the public notices, the health check,
 * the web app): every other answer to it is 403, before any route code runs. The role holds only
 * `carrier.check`, so the routes' own permission checks refuse it too; this is the one place that
 * says so for all of them, and holds for routes added later. An address that is no route stays a
 * 404, as for anyone. Runs after `requireCredentials`, which has resolved /api/ callers already.
 */
export function confineCarriers(app: FastifyInstance, deps: Deps): void {
  app.addHook('onRequest', async (request) => {
    if (isCheckRoute(request) || request.routeOptions?.url === undefined) return;
    const path = requestPath(request);
    if (path.startsWith('/api/') && !isLogin(request, path)) {
      if ((await resolveCtx(deps, request)).actor.role === 'carrier') throw carrierRefusal();
      return;
    }
    // Logging in and the routes outside /api/ take no credentials: a carrier's key sent along is
    // refused all the same, and any other key is left to the route as before.
    const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (m && (await isCarrierKey(deps, m[1]!))) throw carrierRefusal();
  });
}
