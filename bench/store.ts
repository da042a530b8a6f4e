/**
 * `npm run bench`: the alert store's costs, each beside a baseline measured in the same run on
 * the same database, because the machine is shared and absolute times drift. Quote the ratios.
 * Output: JSON lines `{bench, n, medianUs, p95Us, baseline, baselineMedianUs, ratio}`.
 *
 *   publish  = createAlert (validation, visibility check, alert + version + change + audit, one transaction)
 *     vs raw = one INSERT of the same JSON into a scratch table, in its own transaction
 *   read     = GET /api/v1/alerts/{id} through the HTTP stack (key check, audit entry)
 *     vs     = GET /health through the same stack (one `select 1`)
 *   list     = GET /api/v1/alerts?limit=50 for a member that may see half of the alerts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createAlert } from '../packages/server/src/app/create-alert.js';
import { createKey } from '../packages/server/src/app/manage-keys.js';
import { buildApp } from '../packages/server/src/http/build-app.js';
import { defaultConfig } from '../packages/server/src/config.js';
import { openDeps } from '../packages/server/src/main.js';

const N = Number(process.env.BENCH_N ?? 2000);

function stats(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, p95: s[Math.floor(s.length * 0.95)]! };
}

async function time(n: number, op: (i: number) => Promise<unknown>): Promise<{ median: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await op(i);
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

/** One JSON line per figure: medians and p95 in microseconds, beside the baseline of the same run. */
const report = (bench: string, n: number, x: { median: number; p95: number }, baselineName: string, base: { median: number }) =>
  console.log(
    JSON.stringify({
      bench,
      n,
      medianUs: Math.round(x.median * 1000),
      p95Us: Math.round(x.p95 * 1000),
      baseline: baselineName,
      baselineMedianUs: Math.round(base.median * 1000),
      ratio: Number((x.median / base.median).toFixed(2)),
    }),
  );

async function benchEngine(label: string, target: string): Promise<void> {
  const { deps, database } = await openDeps(defaultConfig({ db: target }));
  try {
    await sql`create table bench_raw (id integer primary key, body text not null)`.execute(deps.db);
    const admin = { actor: { member: 'IPO', role: 'admin' as const, credential: 'system:bench' as const }, requestId: 'bench' };
    const fra = { actor: { member: 'FRA', role: 'bureau' as const, credential: 'system:bench' as const }, requestId: 'bench' };
    const body = (i: number) => ({ kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: `B${i}`, status: 'lost' }, visibility: i % 2 === 0 ? { mode: 'all' } : { mode: 'only', members: ['ITA'] } });

    const raw = await time(N, (i) => deps.db.transaction().execute((tx) => sql`insert into bench_raw (id, body) values (${i}, ${JSON.stringify(body(i))})`.execute(tx)));
    const ids: string[] = [];
    const publish = await time(N, async (i) => ids.push((await createAlert(deps, fra, body(i))).id));

    const settings = defaultConfig();
    const app = await buildApp(deps, { ...settings.http, connections: settings.connections, bodyLimit: 65536, logLevel: 'silent', secureCookies: false });
    const key = (await createKey(deps, admin, { member: 'DEU', role: 'bureau' })).key;
    const headers = { authorization: `Bearer ${key}` };
    const health = await time(N, () => app.inject({ method: 'GET', url: '/health' }));
    const read = await time(N, (i) => app.inject({ method: 'GET', url: `/api/v1/alerts/${ids[(i * 2) % ids.length]}`, headers }));
    const list = await time(Math.min(N, 500), () => app.inject({ method: 'GET', url: '/api/v1/alerts?limit=50', headers }));
    await app.close();

    report(`store.publish.${label}`, N, publish, 'raw insert of the same JSON', raw);
    report(`store.read.${label}`, N, read, 'GET /health', health);
    report(`store.list50.${label}`, Math.min(N, 500), list, 'GET /health', health);
  } finally {
    await database.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-'));
try {
  await benchEngine('sqlite', join(dir, 'bench.db'));
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    const schema = `bench_${process.pid}`;
    url.searchParams.set('schema', schema);
    await benchEngine('postgres', url.toString());
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`drop schema ${schema} cascade`);
    await client.end();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
