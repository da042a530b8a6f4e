import type { ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/store/database.js';
import { runCli } from './cli.js';
import { ENGINES, freshStore, type TestStore } from './engines.js';
import { startServer, stopServer } from './serve-process.js';

const BATCH = 40;
const travellers = (round: number) => Array.from({ length: BATCH }, (_, i) => ({ id: `${round}-${i}`, documents: [{ number: `KILL${round}X${i}`, issuingState: 'FRA' }] }));

/**
 * `kill -9` of a running `crosscheck serve` while it screens batches of travellers and while a
 * webhook delivery is on its way to a receiver that has not answered yet. After a restart on
 * the same database: every batch that was answered is stored, whole; no batch is stored in part;
 * the audit chain verifies; the delivery is sent again with the same delivery id (at least once,
 * and a receiver de-duplicates by `x-crosscheck-delivery`) and is then marked delivered.
 */
describe.each(ENGINES)('a server killed mid-work on %s', (engine) => {
  let store: TestStore;
  let server: { child: ChildProcess; url: string } | undefined;
  let bureau: string;
  const received: { delivery: string; event: string }[] = [];
  let holdFirst = true;
  const receiver = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      received.push({ delivery: String(req.headers['x-crosscheck-delivery']), event: String(req.headers['x-crosscheck-event']) });
      // The first attempt is never answered: the server dies while it waits.
      if (holdFirst) {
        holdFirst = false;
        return;
      }
      res.writeHead(204).end();
    });
  });
  const env = { CROSSCHECK_WEBHOOK_ALLOW_PRIVATE: 'true' };

  beforeAll(async () => {
    store = await freshStore(engine);
    expect((await runCli(['db', 'migrate', '--db', store.target])).code).toBe(0);
    bureau = (await runCli(['keys', 'create', '--member', 'FRA', '--role', 'bureau', '--db', store.target])).stdout.trim().split('\n').pop()!;
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    server = await startServer(store.target, env);
  }, 120_000);

  afterAll(async () => {
    await stopServer(server);
    receiver.closeAllConnections();
    await new Promise((r) => receiver.close(r));
    await store.drop();
  });

  const api = (path: string, body?: unknown) =>
    fetch(`${server!.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${bureau}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('keeps every answered batch whole, none in part, the chain intact, and delivers the webhook again under the same id', async () => {
    const port = (receiver.address() as AddressInfo).port;
    const hook = (await (await api('/api/v1/webhooks', { url: `http://127.0.0.1:${port}/hook` })).json()) as { id: string };
    expect((await api(`/api/v1/webhooks/${hook.id}/test`, {})).status).toBeLessThan(300);
    const started = Date.now();
    while (received.length === 0 && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 50));
    expect(received, 'the receiver got no delivery').toHaveLength(1);

    // Four clients screen batches without pause; the server is killed once a few were answered.
    let answered = 0;
    let round = 0;
    let stop = false;
    const clients = Array.from({ length: 4 }, async () => {
      while (!stop) {
        const mine = round++;
        try {
          const res = await api('/api/v1/screen/batch', travellers(mine));
          if (res.status === 200) answered++;
        } catch {
          return; // the connection died with the server
        }
      }
    });
    while (answered < 6 && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 10));
    server!.child.kill('SIGKILL');
    await new Promise((r) => server!.child.once('exit', r));
    stop = true;
    await Promise.all(clients);

    const db: Database = await openDatabase(store.target);
    try {
      const screenings = Number((await db.db.selectFrom('screenings').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const batches = Number((await db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', 'screening.run-batch').where('outcome', '=', 'ok').executeTakeFirstOrThrow()).n);
      expect(screenings % BATCH, `${screenings} screenings: a batch stored in part`).toBe(0);
      expect(screenings / BATCH).toBe(batches);
      expect(batches).toBeGreaterThanOrEqual(answered);
    } finally {
      await db.close();
    }
    const verified = await runCli(['audit', 'verify', '--db', store.target]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);

    // Restarted, the server sends the unanswered delivery again once its claim has lapsed.
    server = await startServer(store.target, env);
    while (received.length < 2 && Date.now() - started < 100_000) await new Promise((r) => setTimeout(r, 200));
    expect(received).toHaveLength(2);
    expect(received[1]).toEqual(received[0]);
    let deliveries: { items: { id: string; status: string }[] } = { items: [] };
    while (Date.now() - started < 100_000) {
      deliveries = (await (await api(`/api/v1/webhooks/deliveries?webhookId=${hook.id}`)).json()) as typeof deliveries;
      if (deliveries.items[0]?.status === 'delivered') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(deliveries.items.map((d) => [d.id, d.status])).toEqual([[received[0]!.delivery, 'delivered']]);
    await new Promise((r) => setTimeout(r, 1000));
    expect(received, 'delivered again after it was acknowledged').toHaveLength(2);
  }, 150_000);
});
