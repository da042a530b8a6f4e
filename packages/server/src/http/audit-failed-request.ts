import type { FastifyRequest } from 'fastify';
import { auditFailure, isRecorded, markRecorded } from '../app/audited.js';
import type { Deps } from '../app/deps.js';
import { ctxOfFailedRequest } from './auth.js';
import type { Problem } from './problem.js';
import { actionOfRoute } from './route-actions.js';
import { requestPath } from './request-path.js';

/**
 * Puts a failed API request on the audit trail unless its failure is there already. Use cases
 * record their own refusals and failures (`audited()`) and authenticate.ts records refused
 * credentials; this records the rest: what was refused before a use case ran (an unreadable,
 * too large or unsupported body, a NUL character, an unknown export format, too many event
 * streams, an unknown route) and what failed in route code. Only requests whose credentials
 * name an actor are recorded: anonymous ones have no one to record, and bad credentials are
 * recorded once, when they are checked.
 *
 * Never throws: a request that failed must still get its answer; a trail that cannot be
 * written is logged.
 */
export async function auditFailedRequest(deps: Deps, request: FastifyRequest, error: unknown, problem: Problem): Promise<void> {
  if (isRecorded(error)) return;
  const path = requestPath(request);
  if (!path.startsWith('/api/')) return;
  try {
    const action = actionOfRoute(request.method, request.routeOptions?.url);
    if (action === null) return;
    const ctx = await ctxOfFailedRequest(deps, request);
    if (ctx === null) return;
    await auditFailure(deps, ctx, action, { target: path, detail: { method: request.method, status: problem.status } }, problem.code);
    markRecorded(error);
  } catch (err) {
    request.log.error({ err }, 'the audit entry of a failed request could not be written');
  }
}
