/**
 * Memory of `serve --workers N`: the server's resident set (RSS, /proc) with 1, 2 and 3 workers,
 * on an empty database, with the UN list, and with the UN list plus a synthetic population of
 * person alerts. Every worker holds its own screening index, so what one more worker costs is
 * its fixed part (a fastify app, a connection, its heap) plus one index; the fixed part is
 * measured on the empty database in the same run.
 *   node packages/server/bin/run-ts.js bench/workers-memory.ts [--synthetic 50000]
 * Linux only (reads /proc). Prints JSON lines, sizes in MB. The index's own size, a V8 heap figure
 * after full collections, is measured in this process, apart from the servers' RSS.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../packages/server/src/config.js';
import { openDeps } from '../packages/server/src/main.js';
import { gc } from './full-gc.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const cli = join(root, 'packages/server/bin/crosscheck.js');
const i = process.argv.indexOf('--synthetic');
const synthetic = i > 0 ? Number(process.argv[i + 1]) : 50_000;
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-workers-memory-'));

const run = (db: string, args: string[]): string => {
  const r = spawnSync(process.execPath, [cli, ...args, '--db', db], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' }, maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`crosscheck ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

/** Starts the server, lets it settle, and reads its RSS. */
async function rssOf(db: string, workers: number): Promise<number> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--db', db, '--workers', String(workers)], { env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((res, rej) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('listening on')) res();
    });
    child.on('exit', (c) => rej(new Error(`server exited ${c}`)));
  });
  await new Promise((r) => setTimeout(r, 3_000));
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]);
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await gone;
  return kb / 1024;
}

/** The V8 heap one screening index of the database takes (after full collections): what each worker holds. */
async function indexHeap(db: string): Promise<number> {
  const { deps, database } = await openDeps(defaultConfig({ db }), { prepare: false });
  gc();
  const before = process.memoryUsage().heapUsed;
  await deps.screeningIndex();
  gc();
  const after = process.memoryUsage().heapUsed;
  await database.close();
  return (after - before) / 2 ** 20;
}

/** Missing persons: a category published without review, so that every one is in the index at once. */
function population(n: number): string {
  let s = 42;
  const r = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const syl = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'be', 'do', 'fa', 'gu', 'hi', 'ja', 'ko', 'ly'];
  const word = (k: number) => Array.from({ length: k }, () => syl[Math.floor(r() * syl.length)]).join('');
  const lines: string[] = [];
  for (let n2 = 0; n2 < n; n2++) {
    const name = `${word(2).toUpperCase()} ${word(3 + Math.floor(r() * 2)).toUpperCase()}`;
    const birthDate = `${1940 + Math.floor(r() * 65)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    lines.push(JSON.stringify({ kind: 'person', category: 'missing', person: { names: [{ full: name }], birthDate }, visibility: { mode: 'all' } }));
  }
  return `${lines.join('\n')}\n`;
}

try {
  const empty = join(dir, 'empty.db');
  run(empty, ['db', 'migrate']);
  const populations: { name: string; db: string }[] = [{ name: 'empty', db: empty }];
  const unList = join(root, '../shared/testdata/screening/UN_consolidated.xml');
  if (existsSync(unList)) {
    const un = join(dir, 'un.db');
    run(un, ['db', 'migrate']);
    run(un, ['import', 'un-sc', unList]);
    populations.push({ name: 'UN list', db: un });
    if (synthetic > 0) {
      const big = join(dir, 'big.db');
      run(big, ['db', 'migrate']);
      run(big, ['import', 'un-sc', unList]);
      const file = join(dir, 'people.jsonl');
      writeFileSync(file, population(synthetic));
      run(big, ['alerts', 'import', file, '--member', 'FRA', '--batch', '2000']);
      populations.push({ name: `UN list + ${synthetic} synthetic persons`, db: big });
    }
  }
  const rows: { name: string; rss: number[]; heap: number }[] = [];
  for (const p of populations) {
    const rss = [await rssOf(p.db, 1), await rssOf(p.db, 2), await rssOf(p.db, 3)];
    rows.push({ name: p.name, rss, heap: await indexHeap(p.db) });
  }
  const round = (x: number) => Math.round(x * 10) / 10;
  const fixed = rows[0]!.rss[2]! - rows[0]!.rss[1]!;
  for (const r of rows) {
    const oneMore = r.rss[2]! - r.rss[1]!;
    const index = r.rss[0]! - rows[0]!.rss[0]!;
    console.log(
      JSON.stringify({
        bench: 'workers-memory',
        population: r.name,
        rssMB: { workers1: round(r.rss[0]!), workers2: round(r.rss[1]!), workers3: round(r.rss[2]!) },
        oneMoreWorkerMB: round(oneMore),
        // Baselines from the same run: what a worker costs on an empty database, and what the
        // index of this population costs one thread.
        oneMoreWorkerOnEmptyMB: round(fixed),
        // RSS moves by ±15 MB with garbage collection's timing; the heap figure is after full collections.
        indexInOneThreadMB: round(index),
        indexHeapMB: round(r.heap),
        oneMoreWorkerIndexPartMB: round(oneMore - fixed),
        indexPartOverIndex: index > 1 ? round((oneMore - fixed) / index) : null,
      }),
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
