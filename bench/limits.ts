/**
 * What an attacker gets from a server in its own process on SQLite, at the default limits, each
 * attack for 15 s with 20 requests in flight from one address:
 *   - wrong passwords on one user name: password checks per second (401s), against the attempts
 *     sent (the rest are 429 and cost no check);
 *   - wrong passwords on ever new user names: the same, held by the per-address limit;
 *   - bad API keys (unknown prefixes, a known prefix with a wrong secret, malformed headers):
 *     audit entries written, counted in the database after a clean stop (which writes the
 *     summaries still open), against the requests sent.
 * Prints JSON lines.
 *
 *   node packages/server/bin/run-ts.js bench/limits.ts [--seconds 15]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { startServer } from './server-process.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const cli = join(root, 'packages/server/bin/crosscheck.js');
const i = process.argv.indexOf('--seconds');
const seconds = i > 0 ? Number(process.argv[i + 1]) : 15;
const CONCURRENCY = 20;

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-limits-bench-'));
const db = join(dir, 'bench.db');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args, '--db', db], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
  if (r.status !== 0) throw new Error(`crosscheck ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

run(['db', 'migrate']);
run(['users', 'add', 'fra.victim', '--member', 'FRA', '--role', 'bureau', '--password', 'correct horse battery staple']);
const key = run(['keys', 'create', '--member', 'FRA', '--role', 'frontline']).trim().split('\n').pop()!;

/** Sends requests from CONCURRENCY loops for `seconds`; counts answers by status. */
async function attack(send: (n: number) => Promise<Response>): Promise<{ sent: number; byStatus: Record<number, number>; firstRefusedAfterMs: number | null }> {
  const byStatus: Record<number, number> = {};
  let sent = 0;
  let firstRefusedAfterMs: number | null = null;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const n = sent++;
        const res = await send(n);
        await res.arrayBuffer();
        byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
        if (res.status === 429 && firstRefusedAfterMs === null) firstRefusedAfterMs = Math.round(performance.now() - start);
      }
    }),
  );
  return { sent, byStatus, firstRefusedAfterMs };
}

const auditRows = (): number => {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
  } finally {
    d.close();
  }
};

const { url, server } = await startServer(cli, db);
const exited = new Promise((r) => server.on('exit', r));
try {
  const login = (username: string, password: string) => fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

  const one = await attack((n) => login('fra.victim', `guess ${n}`));
  console.log(JSON.stringify({ bench: 'limits.login-one-name', seconds, attemptsPerSecond: Math.round(one.sent / seconds), passwordChecks: one.byStatus[401] ?? 0, checksPerSecond: Number(((one.byStatus[401] ?? 0) / seconds).toFixed(2)), refused429: one.byStatus[429] ?? 0, firstRefusedAfterMs: one.firstRefusedAfterMs, baseline: 'attempts sent per second' }));

  const many = await attack((n) => login(`sprayed.${n}`, 'guess'));
  console.log(JSON.stringify({ bench: 'limits.login-many-names', seconds, attemptsPerSecond: Math.round(many.sent / seconds), passwordChecks: many.byStatus[401] ?? 0, checksPerSecond: Number(((many.byStatus[401] ?? 0) / seconds).toFixed(2)), refused429: many.byStatus[429] ?? 0, baseline: 'attempts sent per second' }));

  const before = auditRows();
  const prefix = key.slice(0, 16);
  const badKeys = [(n: number) => `Bearer cc_${n.toString(16).padStart(12, '0')}_${'A'.repeat(43)}`, (n: number) => `Bearer ${prefix}${n.toString().padStart(43, 'Z')}`, () => 'Basic Zm9vOmJhcg=='];
  const flood = await attack((n) => fetch(`${url}/api/v1/alerts`, { headers: { authorization: badKeys[n % badKeys.length]!(n) } }));
  server.kill('SIGTERM');
  await exited;
  const written = auditRows() - before;
  console.log(JSON.stringify({ bench: 'limits.bad-key-flood', seconds, requests: flood.sent, requestsPerSecond: Math.round(flood.sent / seconds), byStatus: flood.byStatus, auditEntriesWritten: written, baseline: 'requests sent (one entry each before summaries)' }));
} finally {
  if (server.exitCode === null) server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  rmSync(dir, { recursive: true, force: true });
}
