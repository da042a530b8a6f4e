import type { MessagePort } from 'node:worker_threads';
import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue, type Registry } from 'prom-client';
import { processMetrics } from './thread-metrics.js';

/**
 * Metrics across threads: every thread that serves requests keeps its own registry and answers
 * requests for it on a MessagePort; the main thread asks them all at each scrape and adds them up
 * with prom-client's aggregation (counters and histograms summed; gauges as each metric says:
 * the index figures keep the worst thread).
 */

type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

const ASK = 'crosscheck.metrics.ask';
const ANSWER = 'crosscheck.metrics.answer';

interface Ask {
  type: typeof ASK;
  id: number;
}

interface Answer {
  type: typeof ANSWER;
  id: number;
  metrics?: MetricsJson;
  error?: string;
}

/** A worker that does not answer within this is left out of the scrape rather than stalling it. */
const ANSWER_TIMEOUT_MS = 5_000;

/** In a worker: answers the main thread's requests with the worker's own registries. */
export function answerMetricsRequests(port: MessagePort, registries: Registry | Registry[]): void {
  const list = Array.isArray(registries) ? registries : [registries];
  port.on('message', (message: unknown) => {
    if (!isAsk(message)) return;
    Promise.all(list.map((r) => r.getMetricsAsJSON()))
      .then((all) => port.postMessage({ type: ANSWER, id: message.id, metrics: all.flat() } satisfies Answer))
      .catch((error: unknown) => port.postMessage({ type: ANSWER, id: message.id, error: String(error) } satisfies Answer));
  });
  // The port alone must not keep a worker alive that has nothing else left to do.
  port.unref();
}

let nextId = 0;

/**
 * In the main thread: the exposition text of all workers' registries and the main thread's own,
 * added up. A worker that fails or does not answer in time is left out of this scrape; the rest
 * is still served.
 */
export async function gatherMetrics(ports: MessagePort[], own: Registry[] = [], timeoutMs = ANSWER_TIMEOUT_MS): Promise<string> {
  const answers = await Promise.all([...own.map((r) => r.getMetricsAsJSON()), ...ports.map((port) => ask(port, timeoutMs))]);
  return AggregatorRegistry.aggregate(answers.filter((a): a is MetricsJson => a !== null)).metrics();
}

function ask(port: MessagePort, timeoutMs: number): Promise<MetricsJson | null> {
  const id = ++nextId;
  return new Promise((resolve) => {
    const done = (metrics: MetricsJson | null) => {
      clearTimeout(timer);
      port.off('message', listen);
      resolve(metrics);
    };
    const listen = (message: unknown) => {
      if (isAnswer(message) && message.id === id) done(message.metrics ?? null);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    port.on('message', listen);
    port.postMessage({ type: ASK, id } satisfies Ask);
  });
}

const isAsk = (m: unknown): m is Ask => typeof m === 'object' && m !== null && (m as Ask).type === ASK && typeof (m as Ask).id === 'number';
const isAnswer = (m: unknown): m is Answer => typeof m === 'object' && m !== null && (m as Answer).type === ANSWER && typeof (m as Answer).id === 'number';

/**
 * What the metrics listener of a server with worker threads serves (`listenForMetrics(address,
 * workersExposition(() => ports))`): the process's own figures, collected once here, and every
 * worker's registry added up. `ports` is read at each scrape, so a restarted worker's new port
 * is asked from then on.
 */
export function workersExposition(ports: () => MessagePort[]): () => Promise<string> {
  const processFigures = processMetrics();
  return async () => (await processFigures.metrics()) + (await gatherMetrics(ports()));
}
