import { unauthenticated, type Actor } from '@crosscheck/core';
import type { FastifyRequest } from 'fastify';
import { authenticateKey, authenticateSession, recordRefusal } from '../app/authenticate.js';
import type { Ctx, Deps } from '../app/deps.js';

export const SESSION_COOKIE = 'cc_session';

/**
 * Resolves the caller from `Authorization: Bearer <key>` or the session cookie. Routes get a
 * `Ctx` from here; use cases then check what that actor may do.
 */
export async function resolveCtx(deps: Deps, request: FastifyRequest): Promise<Ctx> {
  const header = request.headers.authorization;
  let actor: Actor;
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) {
      await recordRefusal(deps, 'key.check', 'malformed-header', '', request.id, 'auth.malformed-header');
      throw unauthenticated('the Authorization header must be "Bearer <key>"');
    }
    actor = await authenticateKey(deps, m[1]!, request.id);
  } else {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw unauthenticated();
    actor = await authenticateSession(deps, token, request.id);
  }
  return { actor, requestId: request.id };
}
