/**
 * Group commit: audited work from many callers at once shares transactions and commits. Each
 * figure is the throughput of 16 concurrent callers beside the baseline of one caller at a time
 * (every job then commits alone, as every request did before group commit), same database, same
 * run; with the jobs per batch seen. On SQLite, and on PostgreSQL too when DATABASE_URL is set.
 * Output: JSON lines `{bench, engine, n, opsPerSec, baseline, baselineOpsPerSec, ratio, jobsPerBatch}`.
 *
 *   screen = the screening use case (search, screening + hits + audit entry written)
 *   read   = reading one alert (read outside the transaction, audit entry written)
 *
 *   node packages/server/bin/run-ts.js bench/group-commit.ts [--seconds 3] [--concurrency 16]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Ctx } from '../packages/server/src/app/deps.js';
import { createAlert } from '../packages/server/src/app/create-alert.js';
import { getAlert } from '../packages/server/src/app/get-alert.js';
import { screen } from '../packages/server/src/app/screen.js';
import { defaultConfig } from '../packages/server/src/config.js';
import { openDeps } from '../packages/server/src/main.js';
import { onWriteBatches } from '../packages/server/src/store/store-deps.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 3);
const concurrency = arg('concurrency', 16);

let request = 0;
const as = (member: string, role: Ctx['actor']['role']): Ctx => ({ actor: { member, role, credential: `cli:bench-${member}` }, requestId: `bench-${++request}` });

/** Runs `op` from `callers` loops for `seconds`; answers operations per second and jobs per batch. */
async function throughput(deps: Parameters<typeof onWriteBatches>[0], callers: number, op: () => Promise<unknown>) {
  const batches: number[] = [];
  const stop = onWriteBatches(deps, (jobs) => batches.push(jobs));
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (performance.now() < until) {
        await op();
        done++;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  stop();
  return { n: done, opsPerSec: done / elapsed, jobsPerBatch: batches.length ? done / batches.length : 0 };
}

async function benchEngine(engine: 'sqlite' | 'postgres') {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-group-commit-'));
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  let target = join(dir, 'bench.db');
  if (engine === 'postgres') {
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set('schema', schema);
    target = url.toString();
  }
  const { deps, database } = await openDeps(defaultConfig({ db: target }));
  try {
    const alert = await createAlert(deps, as('FRA', 'bureau'), { kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: 'GC123456', status: 'stolen-issued' }, visibility: { mode: 'all' } });
    const body = { person: { names: ['Jean Dupont'], birthDate: '1970' }, documents: [{ number: 'GC123456', issuingState: 'FRA' }] };
    const cases: [string, () => Promise<unknown>][] = [
      ['screen', () => screen(deps, as('DEU', 'frontline'), body)],
      ['read', () => getAlert(deps, as('DEU', 'bureau'), alert.id)],
    ];
    for (const [name, op] of cases) {
      await throughput(deps, concurrency, op); // warm-up
      const alone = await throughput(deps, 1, op);
      const many = await throughput(deps, concurrency, op);
      console.log(
        JSON.stringify({
          bench: `group-commit.${name}`,
          engine,
          n: many.n,
          opsPerSec: Math.round(many.opsPerSec),
          jobsPerBatch: Number(many.jobsPerBatch.toFixed(1)),
          baseline: 'one caller at a time (a commit per job)',
          baselineOpsPerSec: Math.round(alone.opsPerSec),
          ratio: Number((many.opsPerSec / alone.opsPerSec).toFixed(2)),
          concurrency,
        }),
      );
    }
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
    if (engine === 'postgres') {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
  }
}

await benchEngine('sqlite');
if (process.env.DATABASE_URL) await benchEngine('postgres');
