import type { ChildProcess } from 'node:child_process';
import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { ENGINES, freshStore, type TestStore } from './engines.js';
import { startServer, stopServer } from './serve-process.js';

interface Answer {
  status: number;
  worker: string;
  body: unknown;
}

/** One request on a connection of its own, so that the kernel picks a worker for each. */
function call(url: string, method: string, path: string, key: string, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, agent: false, headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, worker: String(res.headers['x-crosscheck-worker']), body: text === '' ? null : JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body !== undefined ? JSON.stringify(body) : undefined);
  });
}

/** An event stream on a connection of its own: the worker that holds it, and each event's arrival time. */
function openStream(url: string, key: string): Promise<{ worker: string; arrivals: number[]; close(): void }> {
  return new Promise((resolve, reject) => {
    const arrivals: number[] = [];
    const req = request(`${url}/api/v1/events`, { agent: false, headers: { authorization: `Bearer ${key}` } }, (res: IncomingMessage) => {
      if (res.statusCode !== 200) reject(new Error(`stream refused: ${res.statusCode}`));
      res.on('data', (d: Buffer) => {
        for (const line of d.toString().split('\n')) if (line.startsWith('event: hit.created')) arrivals.push(Date.now());
      });
      res.on('error', () => {});
      resolve({ worker: String(res.headers['x-crosscheck-worker']), arrivals, close: () => req.destroy() });
    });
    req.on('error', () => {});
    req.end();
  });
}

const documentAlert = (number: string) => ({ kind: 'document', document: { issuingState: 'FRA', type: 'passport', number, status: 'stolen-blank' }, visibility: { mode: 'all' } });
const screening = (number: string) => ({ documents: [{ number, issuingState: 'FRA' }] });
const hits = (a: Answer): { alertId: string }[] => (a.body as { hits: { alertId: string }[] }).hits;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Screens on fresh connections until each of the two workers has answered once; every answer counts. */
async function screenOnEachWorker(url: string, key: string, number: string): Promise<Map<string, Answer>> {
  const first = new Map<string, Answer>();
  for (let i = 0; i < 64 && first.size < 2; i++) {
    const a = await call(url, 'POST', '/api/v1/screen', key, screening(number));
    if (!first.has(a.worker)) first.set(a.worker, a);
  }
  return first;
}

const WRITES_PER_MINUTE = 6;

describe.each(ENGINES)('serve --workers 2 on %s', (engine) => {
  let store: TestStore;
  let server: { child: ChildProcess; url: string };
  let bureau: string;
  let frontline: string;
  let limited: string;
  let linker: string;
  let analyst: string;

  beforeAll(async () => {
    store = await freshStore(engine);
    expect((await runCli(['db', 'migrate', '--db', store.target])).code).toBe(0);
    const key = async (member: string, role: string) => (await runCli(['keys', 'create', '--member', member, '--role', role, '--db', store.target])).stdout.trim().split('\n').pop()!;
    bureau = await key('FRA', 'bureau');
    frontline = await key('DEU', 'frontline');
    limited = await key('ITA', 'bureau');
    linker = await key('DEU', 'bureau');
    analyst = await key('ESP', 'analyst');
    server = await startServer(store.target, { CROSSCHECK_RATE_WRITE_PER_MINUTE: String(WRITES_PER_MINUTE) }, ['--workers', '2']);
    // Both workers have loaded their index before anything is timed.
    expect((await screenOnEachWorker(server.url, frontline, 'NOTHING0')).size).toBe(2);
  }, 120_000);

  afterAll(async () => {
    await stopServer(server);
    await store.drop();
  });

  it('has every worker find, on its first screening after it, an alert published through any worker', async () => {
    for (let round = 0; round < 3; round++) {
      const number = `WORKERS${engine.length}${round}`;
      const published = await call(server.url, 'POST', '/api/v1/alerts', bureau, documentAlert(number));
      expect(published.status).toBe(201);
      const id = (published.body as { id: string }).id;
      const at = Date.now();
      const answers = await screenOnEachWorker(server.url, frontline, number);
      expect([...answers.keys()].sort()).toEqual(['1', '2']);
      for (const [worker, a] of answers) expect(hits(a).map((h) => h.alertId), `worker ${worker}, published through ${published.worker}`).toContain(id);
      // Neither worker waited for its poll of the feed: told at the commit, or checking the feed's head.
      expect(Date.now() - at).toBeLessThan(2_000);
    }
  });

  it('wakes an event stream held by one worker when a hit is recorded through the other', async () => {
    const number = `STREAM${engine.length}`;
    expect((await call(server.url, 'POST', '/api/v1/alerts', bureau, documentAlert(number))).status).toBe(201);
    const streams: Awaited<ReturnType<typeof openStream>>[] = [];
    // One stream on each worker (a key may hold five).
    for (let i = 0; i < 20 && new Set(streams.map((s) => s.worker)).size < 2; i++) {
      const s = await openStream(server.url, bureau);
      if (streams.some((t) => t.worker === s.worker) || streams.length >= 4) s.close();
      else streams.push(s);
    }
    try {
      expect(new Set(streams.map((s) => s.worker)).size).toBe(2);
      await new Promise((r) => setTimeout(r, 300));
      const delays: Record<string, number[]> = { '1': [], '2': [] };
      for (let round = 0; round < 6; round++) {
        const before = streams.map((s) => s.arrivals.length);
        const sent = Date.now();
        const a = await call(server.url, 'POST', '/api/v1/screen', frontline, screening(number));
        expect(hits(a).length).toBe(1);
        const started = Date.now();
        while (streams.some((s, i) => s.arrivals.length === before[i]) && Date.now() - started < 2_000) await new Promise((r) => setTimeout(r, 5));
        for (const [i, s] of streams.entries()) {
          expect(s.arrivals.length, `stream on worker ${s.worker}`).toBe(before[i]! + 1);
          // The stream on the worker that did not record the hit is the one the bus must reach across threads.
          if (s.worker !== a.worker) delays[s.worker]!.push(s.arrivals[before[i]!]! - sent);
        }
      }
      // A stream's own poll comes every 250 ms: woken by the bus, the other worker's stream is far quicker.
      const across = [...delays['1']!, ...delays['2']!];
      expect(across.length).toBe(6);
      expect(median(across), `delays ${across.join(', ')} ms`).toBeLessThan(100);
    } finally {
      for (const s of streams) s.close();
    }
  });

  it('links two alerts that share a document, with no index on the main thread to find them in', async () => {
    const number = `LINK${engine.length}`;
    const doc = { issuingState: 'DEU', type: 'passport', number };
    expect((await call(server.url, 'POST', '/api/v1/alerts', linker, { kind: 'document', document: { ...doc, status: 'stolen-blank' }, visibility: { mode: 'all' } })).status).toBe(201);
    const person = { kind: 'person', category: 'missing', person: { names: [{ family: 'LINKER', given: 'PAUL' }], documents: [doc] }, visibility: { mode: 'all' } };
    expect((await call(server.url, 'POST', '/api/v1/alerts', linker, person)).status).toBe(201);
    // Worker 1 follows the change feed for links every second.
    let items: { basis: string }[] = [];
    for (const started = Date.now(); items.length === 0 && Date.now() - started < 10_000; ) {
      await new Promise((r) => setTimeout(r, 200));
      const a = await call(server.url, 'GET', '/api/v1/links?color=yellow', analyst);
      expect(a.status).toBe(200);
      items = (a.body as { items: { basis: string }[] }).items;
    }
    expect(items.map((i) => i.basis)).toEqual(['document']);
  });

  it('holds a credential to its rate across the workers, not to the rate on each', async () => {
    const answers: Answer[] = [];
    for (let i = 0; i < 2 * WRITES_PER_MINUTE; i++) answers.push(await call(server.url, 'POST', '/api/v1/alerts', limited, { ...documentAlert(`RATE${engine.length}${i}`), document: { issuingState: 'ITA', type: 'passport', number: `RATE${engine.length}${i}`, status: 'stolen-blank' } }));
    expect(new Set(answers.map((a) => a.worker)).size).toBe(2);
    expect(answers.filter((a) => a.status === 201).length).toBe(WRITES_PER_MINUTE);
    expect(answers.filter((a) => a.status === 429).length).toBe(WRITES_PER_MINUTE);
  });
});
