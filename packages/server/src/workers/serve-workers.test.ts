import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config.js';
import { ENGINES, freshStore, type TestStore } from '../../test/engines.js';
import { serveOnWorkers, type WorkersRunning } from './serve-workers.js';
import type { ThreadLog } from './thread-log.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

/** The workers that answer `tries` requests, each on a connection of its own. */
async function answering(url: string, tries: number): Promise<Set<string>> {
  const seen = new Set<string>();
  for (let i = 0; i < tries; i++) {
    const res = await fetch(`${url}/health`, { headers: { connection: 'close' } });
    expect(res.status).toBe(200);
    seen.add(res.headers.get('x-crosscheck-worker') ?? 'none');
  }
  return seen;
}

describe.each(ENGINES)('the workers’ supervisor on %s', (engine) => {
  let store: TestStore;
  let running: WorkersRunning | undefined;
  const lines: string[] = [];
  const log: ThreadLog = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (_e, m) => lines.push(m) };

  beforeEach(async () => {
    store = await freshStore(engine);
    lines.length = 0;
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    await store.drop();
  });

  it('starts a worker again when it dies, and the port keeps answering meanwhile', async () => {
    running = await serveOnWorkers(loadConfig({ LOG_LEVEL: 'silent', CROSSCHECK_WORKERS: '2' }, { db: store.target, port: 0 }), { demo: false }, log);
    expect(await answering(running.url, 40)).toEqual(new Set(['1', '2']));
    expect(running.controlPorts()).toHaveLength(2);

    const dying = running.threads()[1]!;
    await dying.terminate();
    // The kernel gives new connections only to the listener left: nothing is refused.
    expect(await answering(running.url, 10)).toEqual(new Set(['1']));
    expect(lines.some((l) => /worker 2 stopped .*starting it again/.test(l)), lines.join('\n')).toBe(true);

    const started = Date.now();
    while ((running.threads()[1] ?? dying) === dying && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 50));
    let seen = new Set<string>();
    while (seen.size < 2 && Date.now() - started < 60_000) seen = await answering(running.url, 20);
    expect(seen).toEqual(new Set(['1', '2']));
  });

  it('stops every worker and lets go of the port', async () => {
    running = await serveOnWorkers(loadConfig({ LOG_LEVEL: 'silent', CROSSCHECK_WORKERS: '2' }, { db: store.target, port: 0 }), { demo: false }, log);
    const { url } = running;
    const threads = running.threads();
    await running.stop();
    running = undefined;
    expect(threads.every((t) => t !== null && t.threadId === -1)).toBe(true);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  it('refuses to start on a port another server holds, rather than sharing it', async () => {
    running = await serveOnWorkers(loadConfig({ LOG_LEVEL: 'silent', CROSSCHECK_WORKERS: '2' }, { db: store.target, port: 0 }), { demo: false }, log);
    const taken = Number(new URL(running.url).port);
    await expect(serveOnWorkers(loadConfig({ LOG_LEVEL: 'silent', CROSSCHECK_WORKERS: '2' }, { db: store.target, port: taken }), { demo: false }, log)).rejects.toThrow(/EADDRINUSE/);
    expect(await answering(running.url, 10)).toEqual(new Set(['1', '2']));
  });
});
