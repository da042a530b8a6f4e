import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { freshStore, type TestStore } from './engines.js';
import { startServer, stopServer } from './serve-process.js';

/**
 * PostgreSQL restarting under load, without restarting the shared server: every connection of
 * the crosscheck process under test (found by its own application_name, on this database only)
 * is terminated again and again while requests run. Each request must be answered, either as
 * usual or with a 503 problem (never a 500, never a hang), and the same process must serve again
 * once the connections are left alone.
 */
describe.skipIf(!process.env.DATABASE_URL)('PostgreSQL connections cut under load', () => {
  let store: TestStore;
  let server: { child: ChildProcess; url: string };
  let frontline: string;
  const application = `crosscheck-fault-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    store = await freshStore('postgres');
    expect((await runCli(['db', 'migrate', '--db', store.target])).code).toBe(0);
    frontline = (await runCli(['keys', 'create', '--member', 'DEU', '--role', 'frontline', '--db', store.target])).stdout.trim().split('\n').pop()!;
    const target = new URL(store.target);
    target.searchParams.set('application_name', application);
    server = await startServer(target.toString());
  }, 120_000);

  afterAll(async () => {
    await stopServer(server);
    await store.drop();
  });

  it('answers 503 problems while its connections are cut and serves again without a restart', async () => {
    const killer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await killer.connect();
    const terminate = () => killer.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = $1 and pid <> pg_backend_pid()", [application]);
    const screen = async (): Promise<{ status: number; type: string | null; code?: string; retryAfter: string | null }> => {
      const res = await fetch(`${server.url}/api/v1/screen`, {
        method: 'POST',
        headers: { authorization: `Bearer ${frontline}`, 'content-type': 'application/json' },
        body: JSON.stringify({ documents: [{ number: 'PGFAULT01', issuingState: 'FRA' }] }),
        signal: AbortSignal.timeout(15_000),
      });
      const body = (await res.json()) as { code?: string };
      return { status: res.status, type: res.headers.get('content-type'), code: body.code, retryAfter: res.headers.get('retry-after') };
    };
    let cutting = true;
    let cuts: Promise<void> = Promise.resolve();
    try {
      expect((await screen()).status).toBe(200);
      const answers: Awaited<ReturnType<typeof screen>>[] = [];
      // Eight clients screen without pause while the connections are cut every 20 ms for 3 s.
      cuts = (async () => {
        while (cutting) {
          await terminate();
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      const started = Date.now();
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (Date.now() - started < 3000) answers.push(await screen());
        }),
      );
      cutting = false;
      await cuts;
      const statuses = new Set(answers.map((a) => a.status));
      expect([...statuses].filter((s) => s !== 200 && s !== 503), 'statuses other than 200 and 503').toEqual([]);
      const unavailable = answers.filter((a) => a.status === 503);
      expect(unavailable.length, `no 503 among ${answers.length} answers`).toBeGreaterThan(0);
      for (const a of unavailable) expect([a.type, a.code, a.retryAfter]).toEqual(['application/problem+json; charset=utf-8', 'storage.unavailable', '2']);
      // The same process, left alone, serves again at once: the pool dropped its dead connections.
      expect(server.child.exitCode).toBe(null);
      const after = await Promise.all(Array.from({ length: 12 }, () => screen()));
      expect(after.map((a) => a.status)).toEqual(Array(12).fill(200));
    } finally {
      cutting = false;
      await cuts.catch(() => undefined);
      await killer.end();
    }
  }, 60_000);
});
