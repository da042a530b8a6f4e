import type { MessagePort } from 'node:worker_threads';
import type { FastifyInstance } from 'fastify';
import type { Deps } from './app/deps.js';
import { EventBus } from './events/event-bus.js';
import { runScheduledWork } from './app/scheduled-work.js';
import { seedMembers } from './app/seed-members.js';
import type { Config } from './config.js';
import { seedDemo, type DemoCredentials } from './demo/seed-demo.js';
import { buildApp } from './http/build-app.js';
import { uuidv7 } from './ids.js';
import { openDatabase, type Database } from './store/database.js';
import { anyKeyExists } from './store/credential-repo.js';
import { migrateToLatest } from './store/migrate.js';
import { auditScanner } from './store/audit-scan-thread.js';
import { IndexFollower } from './screening/index-follower.js';
import { startSnapshotWriter } from './screening/index-snapshot-file.js';
import { onWriteBatches } from './store/store-deps.js';
import type { ThreadMetrics } from './metrics/thread-metrics.js';
import { Limits } from './app/limits/limits.js';
import { startBackgroundTasks, type TaskGroup } from './background/background-tasks.js';

export interface OpenOptions {
  /**
   * Migrate and add the reference members (default). A server's worker threads pass false: the
   * main thread has done both before it starts them, and N threads racing to do it again would
   * only contend for the write lock.
   */
  prepare?: boolean;
  /** The limits' state; by default this thread's own (app/limits/limits.ts). */
  limits?: Limits;
  bus?: EventBus;
}

/** The composition root: the one place that turns configuration into connected parts. */
export async function openDeps(config: Config, options: OpenOptions = {}): Promise<{ deps: Deps; database: Database }> {
  const prepare = options.prepare ?? true;
  const database = await openDatabase(config.storage.database);
  if (prepare) {
    try {
      await migrateToLatest(database.db, database.engine);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  let follower: Promise<IndexFollower> | undefined;
  const deps: Deps = {
    db: database.db,
    engine: database.engine,
    clock: () => new Date(),
    newId: () => uuidv7(),
    operator: config.access.operator,
    sessionHours: config.access.sessionHours,
    bus: options.bus ?? new EventBus(),
    cooperation: config.cooperation,
    retention: config.retention,
    webhooks: config.webhooks,
    auditTrail: config.auditTrail,
    auditScanner: auditScanner(config.storage.database, database.db),
    limits: options.limits ?? new Limits(config.limits),
    screeningBounds: config.screening.bounds,
    // Loaded on the first screening, so CLI commands that never screen do not pay for it.
    screeningIndex: () =>
      (follower ??= (async () => {
        const f = new IndexFollower(database.db, config.screening.snapshotFile);
        await f.load();
        return f;
      })()),
  };
  if (prepare) await seedMembers(deps);
  return { deps, database };
}

export interface Running {
  url: string;
  demo: DemoCredentials | null;
  stop(): Promise<void>;
}

/**
 * What a variant of the server (a national copy, src/replica/) adds to the app before it listens:
 * hooks, routes, its own background work; the function it returns runs at stop.
 */
export type ServeExtension = (app: FastifyInstance, deps: Deps) => Promise<(() => Promise<void>) | void>;

/** Where errors of the work done once per server go: the app's log, or the main thread's. */
export interface ErrorLog {
  error(obj: { err: unknown }, msg: string): void;
  warn(msg: string): void;
}

/**
 * The work a server does once, whatever the number of threads that answer requests: demo data on
 * an empty database, expiry and reminders every minute (`afterRun` after each), and, with
 * `startTasks`, the background tasks. `serve` runs both beside its one app; `serve --workers` on
 * its main thread, but for the tasks that need an index, which run on worker 1.
 */
export async function startHousekeeping(deps: Deps, demo: boolean, log: () => ErrorLog, afterRun: () => void = () => {}): Promise<{ demo: DemoCredentials | null; stop(): void }> {
  let credentials: DemoCredentials | null = null;
  if (demo && !(await anyKeyExists(deps.db))) {
    credentials = await seedDemo(deps);
  }
  await runScheduledWork(deps);
  // Expiry is a daily matter and replies are due within hours: every minute keeps both on time.
  const timer = setInterval(() => {
    runScheduledWork(deps).then(afterRun, (err: unknown) => log().error({ err }, 'scheduled work (expiry, reminders) failed'));
  }, 60_000);
  timer.unref();
  return {
    demo: credentials,
    stop: () => clearInterval(timer),
  };
}

/** Starts the background tasks (all, or one group: background-tasks.ts) and says what the operator should know about them. */
export function startTasks(deps: Deps, config: Config, log: ErrorLog, group: TaskGroup = 'all'): { stop(): void } {
  const tasks = startBackgroundTasks(deps, (err: unknown) => log.error({ err }, 'a background task failed'), group);
  if (group !== 'index' && config.auditTrail.keyFile === null) log.warn('audit checkpoints are off: without CROSSCHECK_AUDIT_KEY_FILE a cut tail of the audit trail cannot be detected');
  return { stop: () => tasks.forEach((t) => t.stop()) };
}

export interface ListenOptions {
  extend?: ServeExtension;
  /** Several threads listen on one port (the kernel spreads connections over them): Linux, Node ≥ 22.12. */
  reusePort?: boolean;
  /** Added to the app before it listens (a worker's hooks); runs before `extend`. */
  prepareApp?: (app: FastifyInstance, follower: IndexFollower) => void;
  /** Where the app's log lines go; by default this thread's stdout. */
  logStream?: { write(line: string): void };
  /** A worker's control port: its metrics are served by the main thread's listener, not its own. */
  metricsVia?: MessagePort;
  /** Whether this thread keeps the index snapshot file (when one is configured); one thread of a server does. */
  writeSnapshots?: boolean;
}

/**
 * The HTTP side of a server: the screening index loaded and following the change feed, the app
 * built and listening. `serve` runs one; `serve --workers N` one per worker thread.
 */
export async function listenHttp(deps: Deps, database: Database, config: Config, options: ListenOptions = {}): Promise<{ app: FastifyInstance; port: number; follower: IndexFollower; stop(): Promise<void> }> {
  const follower = await deps.screeningIndex();
  // Loaded here, not at the top: prom-client takes some 0.2 s to import, which commands that do not serve need not pay.
  const { startObservability } = await import('./metrics/observability.js');
  const observability = await startObservability(config.observability, { database, follower }, options.metricsVia ? { answerOn: options.metricsVia } : {});
  const stopBatches = observability.metrics === null ? () => {} : subscribeBatches(deps, observability.metrics);
  const app = await buildApp(deps, { ...config.http, connections: config.connections, instrument: observability.instrument, ...(options.logStream ? { logStream: options.logStream } : {}) });
  options.prepareApp?.(app, follower);
  const stopExtension = options.extend ? await options.extend(app, deps) : undefined;
  await app.listen({ port: config.http.port, host: config.http.host, ...(options.reusePort ? { reusePort: true } : {}) });
  const bound = app.server.address();
  const port = typeof bound === 'object' && bound !== null ? bound.port : config.http.port;
  if (!options.metricsVia) await observability.listen(app.log);
  follower.start(250, (err: unknown) => app.log.error({ err }, 'following the change feed failed'));
  if (follower.startedFrom) app.log.info({ indexStartedFrom: follower.startedFrom.source, reason: follower.startedFrom.reason }, 'screening index loaded');
  const snapshotFile = (options.writeSnapshots ?? true) ? config.screening.snapshotFile : null;
  const snapshots = snapshotFile === null ? null : startSnapshotWriter(deps.db, follower, snapshotFile, config.screening.snapshotMinutes * 60_000, (err: unknown) => app.log.error({ err }, 'writing the index snapshot failed'));
  return {
    app,
    port,
    follower,
    stop: async () => {
      follower.stop();
      if (stopExtension) await stopExtension();
      await app.close();
      // After the open requests are answered: writing a large index takes a while.
      await snapshots?.stop();
      stopBatches();
      await observability.stop();
    },
  };
}

/** The group committer's batches, into this thread's metrics; returns the unsubscribe. */
function subscribeBatches(deps: Deps, metrics: Pick<ThreadMetrics, 'observeBatches'>): () => void {
  let stop = () => {};
  metrics.observeBatches((listener) => (stop = onWriteBatches(deps, listener)));
  return () => stop();
}

/** Starts the server on this thread; with `demo`, a database without alerts gets demo keys, users and alerts. */
export async function serve(config: Config, options: { demo: boolean; extend?: ServeExtension }): Promise<Running> {
  const { deps, database } = await openDeps(config);
  let app: FastifyInstance | undefined;
  const housekeeping = await startHousekeeping(deps, options.demo, () => app!.log);
  let http: Awaited<ReturnType<typeof listenHttp>>;
  try {
    http = await listenHttp(deps, database, config, options.extend ? { extend: options.extend } : {});
  } catch (error) {
    housekeeping.stop();
    await database.close();
    throw error;
  }
  app = http.app;
  const tasks = startTasks(deps, config, app.log);
  return {
    url: `http://localhost:${http.port}`,
    demo: housekeeping.demo,
    stop: async () => {
      http.app.log.info('stopping: finishing open requests, then closing the database');
      housekeeping.stop();
      tasks.stop();
      await http.stop();
      await database.close();
    },
  };
}
