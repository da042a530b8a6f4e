import type { MessagePort } from 'node:worker_threads';
import type { Config } from '../config.js';

/** What the main thread gives each worker thread when it starts it. */
export interface WorkerStart {
  config: Config;
  /** 1…N; a restarted worker keeps its number. Sent back in the `x-crosscheck-worker` header. */
  worker: number;
  threads: number;
  /** Listen together with the other workers on one port (SO_REUSEPORT); which one comes with `open`. */
  reusePort: boolean;
  /** BroadcastChannel names, unique to this server: commits to the change feed, and events. */
  changesChannel: string;
  eventsChannel: string;
  /** The per-credential rate buckets every worker shares (shared-token-buckets.ts). */
  rates: { screen: SharedArrayBuffer; write: SharedArrayBuffer };
  /**
   * The worker's end of its control channel with the main thread, for requests the main thread
   * makes of every worker (metrics: answerMetricsRequests in src/metrics/worker-metrics.ts).
   */
  control: MessagePort;
}

/** Worker → main, on the worker's parentPort (one port, so log lines stay in order with the rest). */
export type FromWorker = { type: 'log'; line: string } | { type: 'listening'; port: number } | { type: 'stopped' };

/** Main → worker: open the database and listen on `port` (0: any), or finish and end. */
export type ToWorker = { type: 'open'; port: number } | { type: 'stop' };
