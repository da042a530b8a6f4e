import { defaultTextMapGetter, ROOT_CONTEXT, SpanKind, SpanStatusCode, type Span } from '@opentelemetry/api';
import type { Sampler } from '@opentelemetry/sdk-trace';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NO_ROUTE } from './no-route.js';

/** Traces each request to an OpenTelemetry collector (CROSSCHECK_OTEL_ENDPOINT). */
export interface Tracing {
  /** Opens a server span for every request of the app; call before its routes are added. */
  instrument(app: FastifyInstance): void;
  /** Sends the spans not yet sent, then stops. */
  shutdown(): Promise<void>;
}

export interface TracingSettings {
  /** The collector's OTLP/HTTP base URL; spans go to `/v1/traces` under it, as JSON. */
  endpoint: string;
  /** The share of requests traced, whatever the caller's `traceparent` asks for. */
  sampleRatio: number;
}

/**
 * One server span per request, made here from a fastify hook rather than by the SDK's automatic
 * instrumentation of node:http: that one records the full URL, and a query string may carry a
 * name, while a span here holds only the route pattern, the method, the status and the request
 * id (which ties it to the log and the audit trail). It also needs no loader hook to be in place
 * before fastify is imported. The caller's `traceparent` is continued (its trace id and parent
 * span), so a border system's trace goes on through us; but whether a request is traced is decided
 * here, at the configured ratio, by a draw of our own: any client may send a `traceparent`
 * flagged sampled, before it is authenticated, and would otherwise make every request it sends
 * cost a span and an export. Nor is the draw taken from the trace id (as the SDK's ratio sampler
 * does), which the caller chooses too. The SDK is loaded only when tracing is on: a server without a collector
 * pays nothing for it.
 */
export async function startTracing(settings: TracingSettings): Promise<Tracing> {
  const [{ TracerProvider, BatchSpanProcessor, SamplingDecision }, { OTLPTraceExporter }, { W3CTraceContextPropagator }, { resourceFromAttributes }] = await Promise.all([
    import('@opentelemetry/sdk-trace'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/core'),
    import('@opentelemetry/resources'),
  ]);
  const sampler: Sampler = {
    shouldSample: () => ({ decision: Math.random() < settings.sampleRatio ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.NOT_RECORD }),
    toString: () => `RatioSampler{${settings.sampleRatio}}`,
  };
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'crosscheck' }),
    sampler,
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: `${settings.endpoint}/v1/traces` }) })],
  });
  const tracer = provider.getTracer('crosscheck');
  const propagator = new W3CTraceContextPropagator();
  const spans = new WeakMap<FastifyRequest, Span>();

  const end = (request: FastifyRequest, reply: FastifyReply | null) => {
    const span = spans.get(request);
    if (!span) return;
    spans.delete(request);
    span.updateName(`${request.method} ${request.routeOptions.url ?? NO_ROUTE}`);
    if (request.routeOptions.url !== undefined) span.setAttribute('http.route', request.routeOptions.url);
    if (reply === null) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'the client closed the connection' });
    } else {
      span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  };

  return {
    instrument(app) {
      app.addHook('onRequest', async (request) => {
        const parent = propagator.extract(ROOT_CONTEXT, request.headers, defaultTextMapGetter);
        const span = tracer.startSpan(
          request.method,
          { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'url.scheme': request.protocol, 'crosscheck.request_id': request.id } },
          parent,
        );
        spans.set(request, span);
      });
      app.addHook('onResponse', async (request, reply) => end(request, reply));
      app.addHook('onRequestAbort', async (request) => end(request, null));
    },
    shutdown: () => provider.shutdown(),
  };
}
