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
import { Limits } from './app/limits/limits.js';
import { startBackgroundTasks } from './background/background-tasks.js';

/** The composition root: the one place that turns configuration into connected parts. */
export async function openDeps(config: Config): Promise<{ deps: Deps; database: Database }> {
  const database = await openDatabase(config.storage.database);
  try {
    await migrateToLatest(database.db, database.engine);
  } catch (error) {
    await database.close();
    throw error;
  }
  let follower: Promise<IndexFollower> | undefined;
  const deps: Deps = {
    db: database.db,
    engine: database.engine,
    clock: () => new Date(),
    newId: () => uuidv7(),
    operator: config.access.operator,
    sessionHours: config.access.sessionHours,
    bus: new EventBus(),
    cooperation: config.cooperation,
    retention: config.retention,
    webhooks: config.webhooks,
    auditTrail: config.auditTrail,
    auditScanner: auditScanner(config.storage.database, database.db),
    limits: new Limits(config.limits),
    // Loaded on the first screening, so CLI commands that never screen do not pay for it.
    screeningIndex: () =>
      (follower ??= (async () => {
        const f = new IndexFollower(database.db, config.screening.snapshotFile);
        await f.load();
        return f;
      })()),
  };
  await seedMembers(deps);
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

/** Starts the server; with `demo`, a database without alerts gets demo keys, users and alerts. */
export async function serve(config: Config, options: { demo: boolean; extend?: ServeExtension }): Promise<Running> {
  const { deps, database } = await openDeps(config);
  let demo: DemoCredentials | null = null;
  if (options.demo && !(await anyKeyExists(deps.db))) {
    demo = await seedDemo(deps);
  }
  await runScheduledWork(deps);
  const follower = await deps.screeningIndex();
  // Loaded here, not at the top: prom-client takes some 0.2 s to import, which commands that do not serve need not pay.
  const { startObservability } = await import('./metrics/observability.js');
  const observability = await startObservability(config.observability, { database, follower });
  const app = await buildApp(deps, { ...config.http, connections: config.connections, instrument: observability.instrument });
  const stopExtension = options.extend ? await options.extend(app, deps) : undefined;
  await app.listen({ port: config.http.port, host: config.http.host });
  const bound = app.server.address();
  const port = typeof bound === 'object' && bound !== null ? bound.port : config.http.port;
  await observability.listen(app.log);
  // Expiry is a daily matter and replies are due within hours: every minute keeps both on time.
  const timer = setInterval(() => {
    runScheduledWork(deps).catch((err: unknown) => app.log.error({ err }, 'scheduled work (expiry, reminders) failed'));
  }, 60_000);
  timer.unref();
  follower.start(250, (err: unknown) => app.log.error({ err }, 'following the change feed failed'));
  if (follower.startedFrom) app.log.info({ indexStartedFrom: follower.startedFrom.source, reason: follower.startedFrom.reason }, 'screening index loaded');
  const snapshots = config.screening.snapshotFile === null ? null : startSnapshotWriter(deps.db, follower, config.screening.snapshotFile, config.screening.snapshotMinutes * 60_000, (err: unknown) => app.log.error({ err }, 'writing the index snapshot failed'));
  const tasks = startBackgroundTasks(deps, (err: unknown) => app.log.error({ err }, 'a background task failed'));
  if (config.auditTrail.keyFile === null) app.log.warn('audit checkpoints are off: without CROSSCHECK_AUDIT_KEY_FILE a cut tail of the audit trail cannot be detected');
  return {
    url: `http://localhost:${port}`,
    demo,
    stop: async () => {
      app.log.info('stopping: finishing open requests, then closing the database');
      clearInterval(timer);
      follower.stop();
      await snapshots?.stop();
      for (const task of tasks) task.stop();
      if (stopExtension) await stopExtension();
      await app.close();
      await observability.stop();
      await database.close();
    },
  };
}
