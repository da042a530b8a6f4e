import { threadId } from 'node:worker_threads';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { IndexFollower } from '../screening/index-follower.js';
import type { Database } from '../store/database.js';
import { changeFeedHead } from '../store/screening-repo.js';
import { batchMetrics, type BatchListener } from './batch-metrics.js';
import { watchEventLoop } from './event-loop-metrics.js';
import { httpMetrics, observeRequests } from './http-metrics.js';
import { watchIndex } from './index-metrics.js';
import { watchPool } from './pool-metrics.js';

/** The metrics of one thread that serves requests: its own registry, read at each scrape. */
export interface ThreadMetrics {
  readonly registry: Registry;
  /** Times every request of the app; call before its routes are added. */
  instrument(app: FastifyInstance): void;
  /** Records the group committer's batches: `observeBatches((l) => committer.onBatch(l))`. */
  observeBatches(subscribe: (listener: BatchListener) => unknown): void;
  stop(): void;
}

export interface ServingParts {
  database: Pick<Database, 'db' | 'poolUse'>;
  follower: IndexFollower;
  /** Names the thread in per-thread series: `main`, or the worker's name. */
  thread?: string;
}

/** A serving thread's registry: requests, screenings, the index, the pool, batches, the event loop. */
export function threadMetrics(parts: ServingParts): ThreadMetrics {
  const registry = new Registry();
  const http = httpMetrics(registry);
  const batches = batchMetrics(registry);
  // The pool first: a scrape reads it before its own query of the feed head takes a connection.
  const poolUse = parts.database.poolUse;
  if (poolUse) watchPool(registry, () => poolUse());
  watchIndex(registry, parts.follower, () => changeFeedHead(parts.database.db));
  const loop = watchEventLoop(registry, parts.thread ?? (threadId === 0 ? 'main' : `worker-${threadId}`));
  return {
    registry,
    instrument: (app) => observeRequests(app, http),
    observeBatches: (subscribe) => batches.observeBatches(subscribe),
    stop: () => loop.stop(),
  };
}

/**
 * The process as a whole (CPU, memory, file descriptors, the main thread's event loop and heap):
 * prom-client's default metrics. Collected by the main thread only, since worker threads share
 * the process and their sum would count it once per thread; and made once per process, on first
 * use, since collecting them installs a GC observer and an event-loop monitor that are never
 * removed: a second collection (a server started again in the same process, as tests do) would
 * add another of each for good.
 */
export function processMetrics(): Registry {
  processRegistry ??= collectProcessMetrics();
  return processRegistry;
}

let processRegistry: Registry | undefined;

function collectProcessMetrics(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}
