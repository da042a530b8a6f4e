/**
 * HTTP screening under load: `POST /api/v1/screen` at a fixed 1,000 requests per second
 * (autocannon, 20 connections, 10 s) against a server in its own process on SQLite, beside
 * `GET /health` at the same rate as the baseline. Every screening is stored and audited, as in
 * production. The UN list is imported first when ../shared/testdata has it. Prints JSON lines.
 *
 *   node packages/server/bin/run-ts.js bench/http.ts [--rate 1000] [--seconds 10]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server-process.js';
import autocannon from 'autocannon';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const cli = join(root, 'packages/server/bin/crosscheck.js');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rate = arg('rate', 1000);
const seconds = arg('seconds', 10);

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-http-bench-'));
const db = join(dir, 'bench.db');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args, '--db', db], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
  if (r.status !== 0) throw new Error(`crosscheck ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

run(['db', 'migrate']);
const unList = join(root, '../shared/testdata/screening/UN_consolidated.xml');
if (existsSync(unList)) run(['import', 'un-sc', unList]);
const key = run(['keys', 'create', '--member', 'FRA', '--role', 'frontline']).trim().split('\n').pop()!;

const { url, server } = await startServer(cli, db);

async function load(title: string, path: string, opts: Partial<autocannon.Options>) {
  const result = await autocannon({ url: `${url}${path}`, connections: 20, duration: seconds, overallRate: rate, ...opts, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...(opts.headers ?? {}) } });
  return { title, p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, non2xx: result.non2xx, errors: result.errors };
}

try {
  const body = JSON.stringify({ person: { names: ['Muammar Gaddafi'], birthDate: '1942', nationality: 'LY' }, documents: [{ number: '12AB34567', issuingState: 'FRA' }] });
  await load('warm-up', '/api/v1/screen', { method: 'POST', body, duration: 2 });
  const health = await load('health', '/health', { method: 'GET' });
  const screen = await load('screen', '/api/v1/screen', { method: 'POST', body });
  console.log(
    JSON.stringify({
      bench: 'http.screen',
      n: Math.round(screen.rps * seconds),
      targetRate: rate,
      rps: Math.round(screen.rps),
      p50Ms: screen.p50,
      p99Ms: screen.p99,
      non2xx: screen.non2xx,
      errors: screen.errors,
      baseline: `GET /health at ${rate}/s`,
      baselineP50Ms: health.p50,
      baselineP99Ms: health.p99,
      ratio: Number((screen.p99 / Math.max(health.p99, 0.001)).toFixed(1)),
    }),
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  rmSync(dir, { recursive: true, force: true });
}
