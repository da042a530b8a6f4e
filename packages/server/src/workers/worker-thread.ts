import { parentPort, workerData } from 'node:worker_threads';
import { Limits } from '../app/limits/limits.js';
import { EventBus } from '../events/event-bus.js';
import { rateClassOf } from '../http/rate-limit.js';
import { listenHttp, openDeps, startTasks } from '../main.js';
import { SharedTokenBuckets } from './shared-token-buckets.js';
import { threadLog } from './thread-log.js';
import type { FromWorker, ToWorker, WorkerStart } from './worker-messages.js';

/**
 * One worker thread of `serve --workers N`: its own database connection, screening index (loaded,
 * then following the change feed) and fastify app, listening on the port the workers share. It
 * loads its code as soon as it is started, while the main thread migrates and seeds, and opens
 * the database only when told to (`open`): by then the schema is there (serve-workers.ts).
 */
async function open(start: WorkerStart, listenPort: number, send: (m: FromWorker) => void) {
  const { config } = start;
  const changes = new BroadcastChannel(start.changesChannel);
  const events = new BroadcastChannel(start.eventsChannel);
  const bus = new EventBus();
  bus.shareWith(events);
  const limits = new Limits(config.limits, {
    screen: new SharedTokenBuckets(config.limits.rate.screenPerMinute, start.rates.screen, start.threads),
    write: new SharedTokenBuckets(config.limits.rate.writePerMinute, start.rates.write, start.threads),
  });
  const { deps, database } = await openDeps(config, { prepare: false, limits, bus });
  const http = await listenHttp(deps, database, { ...config, http: { ...config.http, port: listenPort } }, {
    reusePort: start.reusePort,
    // The main thread's metrics listener asks every worker over its control port.
    metricsVia: start.control,
    // One snapshot file, one writer: every worker starts from it, the first keeps it.
    writeSnapshots: start.worker === 1,
    logStream: { write: (line) => send({ type: 'log', line }) },
    prepareApp: (app, follower) => {
      follower.shareWith(changes, (err) => app.log.error({ err }, 'catching up with another worker’s change failed'));
      const name = String(start.worker);
      // On the raw answer before fastify sees the request: also on refusals and event streams.
      app.server.prependListener('request', (_req, res) => res.setHeader('x-crosscheck-worker', name));
      // Before the answer leaves: the client cannot reach another worker before it is told.
      app.addHook('onSend', async (request, reply, payload) => {
        if (reply.statusCode < 400 && rateClassOf(request.method, request.routeOptions?.url) === 'write') follower.committed();
        return payload;
      });
    },
  });
  // Identity links are found in a screening index: the main thread has none, so the first worker,
  // which has one anyway, follows them (their cursor is in the database: a restart resumes).
  const tasks = start.worker === 1 ? startTasks(deps, config, http.app.log, 'index') : null;
  return {
    port: http.port,
    close: async () => {
      try {
        tasks?.stop();
        await http.stop();
        await database.close();
      } finally {
        changes.close();
        events.close();
      }
    },
  };
}

function serveThread(start: WorkerStart, port: NonNullable<typeof parentPort>): void {
  const send = (m: FromWorker): void => port.postMessage(m);
  let opened: ReturnType<typeof open> | null = null;
  port.on('message', (m: ToWorker) => {
    if (m.type === 'open') {
      opened = open(start, m.port, send);
      opened.then(
        (o) => send({ type: 'listening', port: o.port }),
        // Failing to start ends the thread with the error; the main thread reports it.
        (err: unknown) => setImmediate(() => {
          throw err;
        }),
      );
      return;
    }
    void (async () => {
      try {
        const o = opened ? await opened.catch(() => null) : null;
        await o?.close();
      } catch (err) {
        threadLog(start.config.http.logLevel, (line) => send({ type: 'log', line })).error({ err }, `worker ${start.worker} did not stop cleanly`);
      }
      start.control.close();
      send({ type: 'stopped' });
      port.close();
    })();
  });
}

if (parentPort === null) throw new Error('worker-thread.ts runs as a worker thread of `crosscheck serve --workers`');
serveThread(workerData as WorkerStart, parentPort);
