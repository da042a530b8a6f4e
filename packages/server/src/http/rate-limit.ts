import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Ctx, Deps } from '../app/deps.js';
import { checkRate, type RateClass } from '../app/limits/check-rate.js';
import { actionOfRoute } from './route-actions.js';

// A carrier's check of up to 1,000 documents is one screening request, as a batch is (the cap on
// its size bounds the work one request may ask for).
const SCREENING = new Set(['POST /api/v1/screen', 'POST /api/v1/screen/batch', 'POST /api/v1/screen/flight', 'POST /api/v1/check/documents']);

/**
 * Which rate a route spends: screening, any other write, or none (reads; signing in and out,
 * which have the login limits instead and must never be refused for a logout).
 */
export function rateClassOf(method: string, routeUrl: string | undefined): RateClass | null {
  if (routeUrl === undefined) return null;
  if (SCREENING.has(`${method} ${routeUrl}`)) return 'screen';
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return null;
  if (routeUrl === '/api/v1/session') return null;
  return 'write';
}

/** Holds an authenticated request to its credential's rate for what its route does. */
export async function limitRate(deps: Deps, request: FastifyRequest, ctx: Ctx): Promise<void> {
  const kind = rateClassOf(request.method, request.routeOptions?.url);
  if (kind === null) return;
  await checkRate(deps, ctx, kind, actionOfRoute(request.method, request.routeOptions?.url) ?? 'route.unknown', request.ip);
}

// How often closed minutes' refusals are summarised: a summary reaches the trail at most this
// long after its minute is over.
const FLUSH_EVERY_MS = 10_000;

/**
 * Writes the refusal summaries of the minutes that are over, on a timer, and every count left at
 * shutdown, before the database is closed: a clean stop loses none.
 */
export function summariseRefusals(app: FastifyInstance, deps: Deps): void {
  const flush = (all: boolean): Promise<void> =>
    deps.limits.refusals.flush(deps, { all }).then(
      () => undefined,
      (err: unknown) => app.log.error({ err }, 'the summary of refused requests could not be written; it is kept for the next try'),
    );
  const timer = setInterval(() => void flush(false), FLUSH_EVERY_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await flush(true);
  });
}
