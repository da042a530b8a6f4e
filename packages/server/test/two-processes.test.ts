import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { freshStore, type TestStore } from './engines.js';
import { startServer } from './serve-process.js';

/** Two server processes on one PostgreSQL database: both screening indexes follow the one change feed. */
describe.skipIf(!process.env.DATABASE_URL)('two server processes on one PostgreSQL', () => {
  let store: TestStore;
  let a: { child: ChildProcess; url: string };
  let b: { child: ChildProcess; url: string };
  let bureau: string;
  let frontline: string;

  beforeAll(async () => {
    store = await freshStore('postgres');
    expect((await runCli(['db', 'migrate', '--db', store.target])).code).toBe(0);
    bureau = (await runCli(['keys', 'create', '--member', 'FRA', '--role', 'bureau', '--db', store.target])).stdout.trim().split('\n').pop()!;
    frontline = (await runCli(['keys', 'create', '--member', 'DEU', '--role', 'frontline', '--db', store.target])).stdout.trim().split('\n').pop()!;
    [a, b] = await Promise.all([startServer(store.target), startServer(store.target)]);
  }, 120_000);

  afterAll(async () => {
    for (const s of [a, b]) s?.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await store.drop();
  });

  it('finds through one process, within a second, an alert published through the other', async () => {
    const published = await fetch(`${a.url}/api/v1/alerts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bureau}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: 'TWO0PROC1', status: 'stolen-blank' }, visibility: { mode: 'all' } }),
    });
    expect(published.status).toBe(201);
    const { id } = (await published.json()) as { id: string };
    const started = Date.now();
    let found = false;
    while (!found && Date.now() - started < 1000) {
      const res = await fetch(`${b.url}/api/v1/screen`, {
        method: 'POST',
        headers: { authorization: `Bearer ${frontline}`, 'content-type': 'application/json' },
        body: JSON.stringify({ documents: [{ number: 'TWO0PROC1', issuingState: 'FRA' }] }),
      });
      const body = (await res.json()) as { hits: { alertId: string }[] };
      found = body.hits.some((h) => h.alertId === id);
      if (!found) await new Promise((r) => setTimeout(r, 50));
    }
    expect(found, `not found through the second process within ${Date.now() - started} ms`).toBe(true);
  }, 60_000);
});
