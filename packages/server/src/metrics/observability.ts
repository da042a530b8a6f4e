import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { MessagePort } from 'node:worker_threads';
import { listenForMetrics, type MetricsAddress, type MetricsListener } from './metrics-server.js';
import { processMetrics, threadMetrics, type ServingParts, type ThreadMetrics } from './thread-metrics.js';
import { startTracing, type Tracing } from './tracing.js';
import { answerMetricsRequests, workersExposition } from './worker-metrics.js';

export interface ObservabilitySettings {
  metricsAddress: MetricsAddress | null;
  otelEndpoint: string | null;
  otelSampleRatio: number;
}

/** Metrics and traces of one serving thread: `serve`'s only one, or a worker of `serve --workers`. */
export interface Observability {
  /** For buildApp's `instrument`: times and traces every request. */
  instrument(app: FastifyInstance): Promise<void>;
  /** The serving thread's metrics, null when they are off: the group committer's batches are wired here. */
  metrics: ThreadMetrics | null;
  /** Opens the metrics listener (after the API listens, so a scrape never finds a half-built server). */
  listen(log: FastifyBaseLogger): Promise<MetricsListener | null>;
  stop(): Promise<void>;
}

/**
 * A worker thread passes `answerOn`, its control port to the main thread: its figures are then
 * served by the main thread's listener (`listenForWorkerMetrics`), added up with the others, and
 * it opens no listener of its own.
 */
export async function startObservability(settings: ObservabilitySettings, parts: ServingParts, options: { answerOn?: MessagePort } = {}): Promise<Observability> {
  const metrics = settings.metricsAddress === null ? null : threadMetrics(parts);
  if (metrics !== null && options.answerOn !== undefined) answerMetricsRequests(options.answerOn, metrics.registry);
  const processFigures = settings.metricsAddress === null || options.answerOn !== undefined ? null : processMetrics();
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
      listener = await openListener(settings.metricsAddress, render, log);
      return listener;
    },
    async stop() {
      await listener?.close();
      metrics?.stop();
      await tracing?.shutdown();
    },
  };
}

/**
 * The metrics listener of `serve --workers`' main thread: the process's figures and every worker's
 * registry added up, asked over the workers' control ports at each scrape.
 */
export async function listenForWorkerMetrics(settings: ObservabilitySettings, ports: () => MessagePort[], log: MetricsLog): Promise<MetricsListener | null> {
  if (settings.metricsAddress === null) return null;
  return openListener(settings.metricsAddress, workersExposition(ports), log);
}

/** What the listener tells the log: fastify's logger or the main thread's of `serve --workers`. */
interface MetricsLog {
  info(msg: string): void;
  error(obj: { err: unknown }, msg: string): void;
}

async function openListener(address: MetricsAddress, render: () => Promise<string>, log: MetricsLog): Promise<MetricsListener | null> {
  let listener: MetricsListener;
  try {
    listener = await listenForMetrics(address, render, (err) => log.error({ err }, 'gathering metrics failed'));
  } catch (err) {
    // The API goes on without metrics: a scraper finding nothing is noticed, a bureau without
    // screening would be worse. A second server on the same host needs an address of its own.
    log.error({ err }, `metrics are not served: CROSSCHECK_METRICS_ADDRESS ${formatHost(address.host)}:${address.port} cannot be listened on`);
    return null;
  }
  log.info(`metrics listener started on http://${formatHost(listener.address.host)}:${listener.address.port}/metrics`);
  return listener;
}

const formatHost = (host: string) => (host.includes(':') ? `[${host}]` : host);
