import { randomUUID } from 'node:crypto';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { Config } from '../config.js';
import { openDeps, startHousekeeping, startTasks, type Running } from '../main.js';
import { EventBus } from '../events/event-bus.js';
import type { Deps } from '../app/deps.js';
import { IndexFollower } from '../screening/index-follower.js';
import { canShareAPort, claimPort } from './reuse-port.js';
import { sharedRateMemory } from './shared-token-buckets.js';
import { threadLog, type ThreadLog } from './thread-log.js';
import type { FromWorker, ToWorker, WorkerStart } from './worker-messages.js';

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
// A worker that dies this soon after it started is failing to start, not unlucky: its restarts
// wait longer each time (up to a minute), rather than spinning.
const HEALTHY_AFTER_MS = 10_000;
const FIRST_RESTART_MS = 500;
const LAST_RESTART_MS = 60_000;
// A worker still running this long after the longest a request may take is stopped without finishing.
const STOP_GRACE_MS = 5_000;

export interface WorkersRunning extends Running {
  /**
   * The main thread's end of each running worker's control channel, in worker order; what the
   * main thread asks of every worker goes there (metrics: gatherMetrics in src/metrics/).
   */
  controlPorts(): MessagePort[];
  /** The worker threads running now, by number (null while one is being started again): for supervision and tests. */
  threads(): readonly (Worker | null)[];
}

interface Slot {
  worker: Worker;
  control: MessagePort;
  startedAt: number;
  restartMs: number;
}

/**
 * `serve --workers N`: N worker threads answer requests, listening together on one port (the
 * kernel spreads connections over them); this thread migrates, seeds the demo, runs the work
 * done once (expiry, reminders, the background tasks that need no index), restarts a worker that dies and stops them
 * all, each finishing its open requests. Without SO_REUSEPORT for threads (Node < 22.12, not
 * Linux) it serves on this one thread, and says so.
 */
export async function serveOnWorkers(config: Config, options: { demo: boolean }, log: ThreadLog = threadLog(config.http.logLevel)): Promise<WorkersRunning> {
  const asked = config.http.workers;
  const reusePort = asked > 1 && canShareAPort();
  const threads = reusePort ? asked : 1;
  if (asked > 1 && !reusePort) {
    log.warn(`serving with 1 worker, not ${asked}: threads can share a port only on Linux with Node 22.12 or later (this is Node ${process.versions.node} on ${process.platform})`);
  }
  const id = randomUUID();
  const changesChannel = `crosscheck:${id}:changes`;
  const eventsChannel = `crosscheck:${id}:events`;
  const changes = new BroadcastChannel(changesChannel);
  const events = new BroadcastChannel(eventsChannel);
  const bus = new EventBus();
  bus.shareWith(events);

  const rates = { screen: sharedRateMemory(), write: sharedRateMemory() };
  const slots: (Slot | null)[] = Array.from({ length: threads }, () => null);
  let stopping = false;
  let port = config.http.port;

  /**
   * Starts worker n's thread, which loads its code at once, and returns the function that has
   * it open the database and listen on a port, resolving once it does.
   */
  const spawn = (n: number, restartMs: number): ((on: number) => Promise<void>) => {
    const { port1, port2 } = new MessageChannel();
    const start: WorkerStart = { config, worker: n, threads, reusePort, changesChannel, eventsChannel, rates, control: port2 };
    const worker = new Worker(ENTRY, { workerData: start, transferList: [port2] });
    const slot: Slot = { worker, control: port1, startedAt: Date.now(), restartMs };
    slots[n - 1] = slot;
    let listening = false;
    let failure: unknown = null;
    let settle: { resolve(): void; reject(e: unknown): void } = { resolve: () => {}, reject: () => {} };
    const listened = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    // Whoever opens the worker hears of its failure; one stopped before it was opened is no failure.
    listened.catch(() => {});
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'log') process.stdout.write(m.line);
      else if (m.type === 'listening') {
        listening = true;
        port = m.port;
        settle.resolve();
      }
    });
    worker.on('error', (err) => {
      failure = err;
      if (listening) log.error({ err }, `worker ${n} failed`);
    });
    worker.on('exit', (code) => {
      port1.close();
      if (slots[n - 1] === slot) slots[n - 1] = null;
      if (!listening) {
        settle.reject(failure ?? new Error(`worker ${n} stopped (exit code ${code}) before it listened`));
        return;
      }
      if (stopping) return;
      const ranFor = Date.now() - slot.startedAt;
      const wait = ranFor >= HEALTHY_AFTER_MS ? FIRST_RESTART_MS : Math.min(LAST_RESTART_MS, slot.restartMs * 2);
      log.warn(`worker ${n} stopped (exit code ${code}); starting it again in ${wait} ms`);
      restart(n, wait);
    });
    return (on) => {
      worker.postMessage({ type: 'open', port: on } satisfies ToWorker);
      return listened;
    };
  };

  const restart = (n: number, wait: number): void => {
    setTimeout(() => {
      if (stopping) return;
      spawn(n, wait)(port).catch((err: unknown) => {
        log.error({ err }, `worker ${n} could not be started again`);
        if (!stopping) restart(n, Math.min(LAST_RESTART_MS, wait * 2));
      });
    }, wait).unref();
  };

  const stopWorkers = async (): Promise<void> => {
    stopping = true;
    await Promise.all(
      slots.map(async (slot) => {
        if (!slot) return;
        const gone = new Promise((r) => slot.worker.once('exit', r));
        slot.worker.postMessage({ type: 'stop' } satisfies ToWorker);
        const timer = setTimeout(() => void slot.worker.terminate(), config.connections.requestTimeoutMs + STOP_GRACE_MS);
        await gone;
        clearTimeout(timer);
      }),
    );
  };

  // The workers load their code while this thread migrates and seeds (seconds: argon2 for the demo).
  const openers = Array.from({ length: threads }, (_, i) => spawn(i + 1, FIRST_RESTART_MS));
  let opened: Awaited<ReturnType<typeof openDeps>>;
  let housekeeping: Awaited<ReturnType<typeof startHousekeeping>>;
  try {
    opened = await openDeps(config, { bus });
  } catch (error) {
    await stopWorkers();
    changes.close();
    events.close();
    throw error;
  }
  const { deps, database } = opened;
  const shutDown = async (): Promise<void> => {
    housekeeping?.stop();
    await stopWorkers();
    await database.close();
    // Last: work still under way when the database closed may still post to them.
    changes.close();
    events.close();
  };
  try {
    // Expiry changes alerts: the workers catch up at once rather than at their next poll.
    // The demo's screenings need an index: one loaded for them is dropped once the demo is in, so
    // that this thread holds none while it runs (the workers hold theirs; worker 1 follows links).
    let seedingIndex: Promise<IndexFollower> | null = null;
    const seeding: Deps = {
      ...deps,
      screeningIndex: () =>
        (seedingIndex ??= (async () => {
          const f = new IndexFollower(deps.db, config.screening.snapshotFile);
          await f.load();
          return f;
        })()),
    };
    housekeeping = await startHousekeeping(seeding, options.demo, () => log, () => {
      if (!stopping) changes.postMessage('changed');
    });
    seedingIndex = null;
    // Asked for any port (`--port 0`), the first worker picks it and the others then join it there.
    if (reusePort) port = await claimPort(port, config.http.host);
    await Promise.all(openers.map((openOn) => openOn(port)));
  } catch (error) {
    await shutDown();
    throw error;
  }
  // The tasks that need only the database; identity links read an index and run on worker 1.
  const tasks = startTasks(deps, config, log, 'database');
  const controlPorts = (): MessagePort[] => slots.filter((s): s is Slot => s !== null).map((s) => s.control);
  const { listenForWorkerMetrics } = await import('../metrics/observability.js');
  const metrics = await listenForWorkerMetrics(config.observability, controlPorts, log);

  return {
    url: `http://localhost:${port}`,
    demo: housekeeping.demo,
    controlPorts,
    threads: () => slots.map((s) => s?.worker ?? null),
    stop: async () => {
      log.info(`stopping: ${threads} worker${threads === 1 ? '' : 's'} finishing open requests, then closing the database`);
      tasks.stop();
      await metrics?.close();
      await shutDown();
    },
  };
}
