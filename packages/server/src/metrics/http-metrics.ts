import { Histogram, type Registry } from 'prom-client';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isEventStream } from '../events/event-stream-reply.js';
import { NO_ROUTE } from './no-route.js';
import { screeningKindOf, type ScreeningKind } from './screening-kind.js';

/**
 * Seconds. Screenings answer in about a millisecond and writes in tens; the top buckets catch a
 * database that stalls (the request timeout is 30 s).
 */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Travellers in one batch or flight request (a flight's message holds up to a few hundred). */
const TRAVELLER_BUCKETS = [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000];

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export interface HttpMetrics {
  requests: Histogram<'route' | 'method' | 'status_class'>;
  screenings: Histogram<'kind'>;
  travellers: Histogram<'kind'>;
}

export function httpMetrics(registry: Registry): HttpMetrics {
  return {
    requests: new Histogram({
      name: 'crosscheck_http_request_duration_seconds',
      help: 'Time from a request arriving to its answer being sent, by route pattern, method and status class (event streams excluded)',
      labelNames: ['route', 'method', 'status_class'] as const,
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    screenings: new Histogram({
      name: 'crosscheck_screening_duration_seconds',
      help: 'Time to answer a screening request that succeeded, by kind (person, document, vehicle, wallet; batch and flight per request)',
      labelNames: ['kind'] as const,
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    travellers: new Histogram({
      name: 'crosscheck_screening_travellers',
      help: 'Travellers screened by one batch or flight request',
      labelNames: ['kind'] as const,
      buckets: TRAVELLER_BUCKETS,
      registers: [registry],
    }),
  };
}

/**
 * Times every request of `app`. Labels are the route's pattern (`/api/v1/alerts/:id`), never the
 * address asked for, so no id, name or query string becomes a label and the number of series stays
 * bounded by the number of routes.
 */
export function observeRequests(app: FastifyInstance, metrics: HttpMetrics): void {
  app.addHook('preSerialization', async (request: FastifyRequest, _reply: FastifyReply, payload: unknown) => {
    const kind = screeningKindOf(request.routeOptions.url, undefined);
    const count = kind === null ? undefined : travellersIn(kind, payload);
    if (kind !== null && count !== undefined) metrics.travellers.observe({ kind }, count);
    return payload;
  });
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    if (isEventStream(reply)) return;
    const seconds = reply.elapsedTime / 1000;
    const route = request.routeOptions.url ?? NO_ROUTE;
    const method = METHODS.has(request.method) ? request.method : 'OTHER';
    metrics.requests.observe({ route, method, status_class: statusClass(reply.statusCode) }, seconds);
    if (reply.statusCode >= 200 && reply.statusCode < 300) {
      const kind = screeningKindOf(request.routeOptions.url, request.body);
      if (kind !== null) metrics.screenings.observe({ kind }, seconds);
    }
  });
}

function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : 'other';
}

function travellersIn(kind: ScreeningKind, payload: unknown): number | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const list = kind === 'batch' ? (payload as { items?: unknown }).items : kind === 'flight' ? (payload as { travellers?: unknown }).travellers : undefined;
  return Array.isArray(list) ? list.length : undefined;
}
