import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { listenForMetrics, type MetricsAddress, type MetricsListener } from './metrics-server.js';
import { processMetrics, threadMetrics, type ServingParts, type ThreadMetrics } from './thread-metrics.js';
import { startTracing, type Tracing } from './tracing.js';

export interface ObservabilitySettings {
  metricsAddress: MetricsAddress | null;
  otelEndpoint: string | null;
  otelSampleRatio: number;
}

/** Metrics and traces of a server that runs in one process (`serve`). */
export interface Observability {
  /** For buildApp's `instrument`: times and traces every request. */
  instrument(app: FastifyInstance): Promise<void>;
  /** The serving thread's metrics, null when they are off: the group committer's batches are wired here. */
  metrics: ThreadMetrics | null;
  /** Opens the metrics listener (after the API listens, so a scrape never finds a half-built server). */
  listen(log: FastifyBaseLogger): Promise<MetricsListener | null>;
  stop(): Promise<void>;
}

export async function startObservability(settings: ObservabilitySettings, parts: ServingParts): Promise<Observability> {
  const metrics = settings.metricsAddress === null ? null : threadMetrics(parts);
  const processFigures = settings.metricsAddress === null ? null : processMetrics();
  const tracing: Tracing | null = settings.otelEndpoint === null ? null : await startTracing({ endpoint: settings.otelEndpoint, sampleRatio: settings.otelSampleRatio });
  let listener: MetricsListener | null = null;
  return {
    metrics,
    async instrument(app) {
      metrics?.instrument(app);
      tracing?.instrument(app);
    },
    async listen(log) {
      if (settings.metricsAddress === null || metrics === null || processFigures === null) return null;
      // One process: its own figures and its one serving thread's, side by side (no name is in both).
      const render = async () => (await processFigures.metrics()) + (await metrics.registry.metrics());
      try {
        listener = await listenForMetrics(settings.metricsAddress, render, (err) => log.error({ err }, 'gathering metrics failed'));
      } catch (err) {
        // The API goes on without metrics: a scraper finding nothing is noticed, a bureau without
        // screening would be worse. A second server on the same host needs an address of its own.
        log.error({ err }, `metrics are not served: CROSSCHECK_METRICS_ADDRESS ${formatHost(settings.metricsAddress.host)}:${settings.metricsAddress.port} cannot be listened on`);
        return null;
      }
      log.info({ metrics: `http://${formatHost(listener.address.host)}:${listener.address.port}/metrics` }, 'metrics listener started');
      return listener;
    },
    async stop() {
      await listener?.close();
      metrics?.stop();
      await tracing?.shutdown();
    },
  };
}

const formatHost = (host: string) => (host.includes(':') ? `[${host}]` : host);
