import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startCli } from '../../test/cli.js';
import { ENGINES, freshStore, type TestStore } from '../../test/engines.js';
import { stopServer } from '../../test/serve-process.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

const lastUser = 'login ipo.auditor';

describe.each(ENGINES)('npm start (serve --demo) on %s', (engine) => {
  let store: TestStore;
  let dir: string;
  beforeEach(async () => {
    store = await freshStore(engine);
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-start-'));
  });
  afterEach(async () => {
    await store.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the demo credentials last, keeps them in a file only the operator can read, and logs no line per request', async () => {
    // SQLite: the file's default place, beside the database; PostgreSQL: the setting.
    const file = engine === 'sqlite' ? join(store.target, '..', 'demo-credentials.txt') : join(dir, 'credentials.txt');
    // Two workers, as `npm start` runs on this machine's two cores: the credentials must still come last.
    const env = { LOG_LEVEL: 'info', CROSSCHECK_WORKERS: '2', ...(engine === 'postgres' ? { CROSSCHECK_DEMO_CREDENTIALS_FILE: file } : {}) };
    const child = startCli(['serve', '--demo', '--port', '0', '--db', store.target], env);
    const server = { child };
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const started = Date.now();
      while (!out.includes(lastUser) && Date.now() - started < 150_000 && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 500));
      const lines = out.trimEnd().split('\n');
      const credentials = lines.filter((l) => /^ {2}(key|login) /.test(l));
      expect(credentials.length, out).toBeGreaterThanOrEqual(10);
      // The credentials are the last lines, right after their heading, which names the file.
      expect(lines.slice(-credentials.length)).toEqual(credentials);
      expect(lines[lines.length - credentials.length - 1]).toContain(`also in ${file}, readable by you only`);
      expect(out).toMatch(/crosscheck listening on http:\/\/localhost:\d+/);

      expect(statSync(file).mode & 0o777).toBe(0o600);
      const kept = readFileSync(file, 'utf8').trimEnd().split('\n');
      expect(kept.slice(1)).toEqual(credentials);

      // A normal request adds no line at info level (nor any other line at all).
      const url = /listening on (http:\/\/localhost:\d+)/.exec(out)![1]!;
      const before = out;
      expect((await fetch(`${url}/health`)).status).toBe(200);
      expect((await fetch(`${url}/api/v1/alerts`)).status).toBe(401);
      const key = credentials.find((l) => l.includes('key   FRA bureau'))!.trim().split(/\s+/).pop()!;
      expect((await fetch(`${url}/api/v1/alerts`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      expect(out).toBe(before);

      // Stopping is one of the things the log says at info level.
      await stopServer(server);
      expect(out.slice(before.length)).toMatch(/"level":30.*"msg":"stopping/);
    } finally {
      await stopServer(server);
    }
  });
});
