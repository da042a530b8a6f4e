/**
 * The document index at SLTD scale, each figure beside baselines measured in the same run (the
 * machine is shared and absolute times drift: quote the ratios):
 *
 *   node packages/server/bin/run-ts.js bench/documents.ts [--full] [--n=N]
 *
 * 10 million synthetic records (100 million with --full). Output: JSON lines
 * `{bench, n, …figures, baseline, baselineN, …baseline figures, ratio}`; ratio = index / baseline
 * for the figure named first. Medians of several rounds. Baselines:
 *   - a JavaScript Map keyed by documentKey (exact keys only; a Map holds at most 2^24 ≈ 16.7
 *     million entries, so it is measured on at most 10 million records),
 *   - an indexed better-sqlite3 table (in memory), on at most 2 million records to stay within
 *     time: a B-tree lookup costs log n, so its figures at 10 million would be a little lower.
 * Lookups are half hits and half misses, in random order, with German documents queried half
 * of the time as `D` (the MRZ form), which every contender normalises. bytesPerRecord counts
 * everything the index keeps (table and presence filter). documents.snapshot-start times a
 * start from a snapshot file (read, checksum, rebuild) against building from the records.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { DocumentIndex } from '../packages/core/src/documents/document-index.js';
import { documentKey } from '../packages/core/src/documents/document-number.js';
import type { Alert } from '../packages/core/src/index.js';
import { readIndexSnapshot, writeIndexSnapshot } from '../packages/server/src/screening/index-snapshot-file.js';
import { ScreeningIndex } from '../packages/server/src/screening/screening-index.js';
import { gc } from './full-gc.js';

const MAP_MAX = 10_000_000;
/** The server's index keeps an object per alert: a million shows the start's cost per alert. */
const SERVER_MAX = 1_000_000;
const SQLITE_MAX = 2_000_000;
const QUERIES = 1 << 20;
const SQLITE_QUERIES = 200_000;
const CHUNK = 1 << 20;

const STATES = ['DEU', 'FRA', 'ITA', 'ESP', 'GBR', 'USA', 'CAN', 'CHN', 'IND', 'BRA', 'NGA', 'TUR', 'UKR', 'POL', 'NLD', 'SWE'];

/** A bijection on 32 bits: record i gets a number no other record has. */
function mix(i: number): number {
  let x = Math.imul(i ^ (i >>> 16), 0x45d9f3b);
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  return (x ^ (x >>> 16)) >>> 0;
}
const stateOf = (i: number): string => STATES[i % STATES.length]!;
/** Eight characters like a passport number: a letter and seven base-36 characters. */
const numberOf = (i: number): string => String.fromCharCode(65 + (i % 26)) + mix(i).toString(36).toUpperCase().padStart(7, '0');

interface Query {
  issuingState: string;
  number: string;
}

/** Half hits among the first `n` records, half misses (records never added), shuffled. */
function queries(n: number, count: number, seed: number): Query[] {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  const out: Query[] = [];
  for (let k = 0; k < count; k++) {
    const i = rnd() < 0.5 ? Math.floor(rnd() * n) : n + Math.floor(rnd() * n);
    const state = stateOf(i);
    out.push({ issuingState: state === 'DEU' && rnd() < 0.5 ? 'D' : state, number: numberOf(i) });
  }
  return out;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;
const round = (x: number, digits = 3): number => Number(x.toPrecision(digits));

/** Feeds records 0..n-1 to `add` in chunks, generating each chunk outside the timed part. */
function timedBuild(n: number, add: (i: number, state: string, number: string) => void): number {
  let total = 0;
  const states: string[] = new Array(CHUNK);
  const numbers: string[] = new Array(CHUNK);
  for (let start = 0; start < n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK);
    for (let i = start; i < end; i++) {
      states[i - start] = stateOf(i);
      numbers[i - start] = numberOf(i);
    }
    const t0 = process.hrtime.bigint();
    for (let i = start; i < end; i++) add(i, states[i - start]!, numbers[i - start]!);
    total += seconds(t0);
  }
  return total;
}

/**
 * Medians of wall-clock and of CPU-time rates: on a shared machine the process waits for a core
 * between time slices, which CPU time leaves out (a lookup is single-threaded, so the two agree
 * on an idle machine).
 */
function rate(rounds: number, count: number, run: () => number): { perSec: number; perCpuSec: number; found: number } {
  let found = 0;
  const rates: number[] = [];
  const cpuRates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    found = run();
    rates.push(count / seconds(t0));
    const cpu = process.cpuUsage(cpu0);
    cpuRates.push(count / ((cpu.user + cpu.system) / 1e6));
  }
  return { perSec: median(rates), perCpuSec: median(cpuRates), found };
}

/**
 * The server's start from its index snapshot file (read, checksum, rebuild; index-snapshot-file.ts)
 * against indexing the same document alerts one by one, in process and without a database: the
 * alerts a full load reads from the store are made here instead, outside the clock.
 */
async function serverSnapshotStart(n: number): Promise<{ n: number; startMs: number; writeMs: number; fileBytes: number; baselineMs: number }> {
  const at = '2026-01-01T00:00:00.000Z';
  const alerts: Alert[] = [];
  for (let i = 0; i < n; i++) {
    alerts.push({ id: `alert-${i}`, owner: stateOf(i), status: 'active', version: 1, kind: 'document', document: { issuingState: stateOf(i), type: 'passport', number: numberOf(i), status: 'stolen-blank' }, visibility: { mode: 'all' }, createdAt: at, updatedAt: at } as unknown as Alert);
  }
  gc();
  let t0 = process.hrtime.bigint();
  const built = new ScreeningIndex();
  for (const alert of alerts) built.upsert(alert);
  const baselineMs = seconds(t0) * 1000;
  alerts.length = 0;
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-'));
  const file = join(dir, 'index.snapshot');
  try {
    // Position 0: no change to look up, so no database is needed.
    t0 = process.hrtime.bigint();
    const written = await writeIndexSnapshot(null as unknown as Parameters<typeof writeIndexSnapshot>[0], file, built, 0);
    const writeMs = seconds(t0) * 1000;
    gc();
    t0 = process.hrtime.bigint();
    const read = await readIndexSnapshot(file);
    if (!read.ok) throw new Error(`the bench's own snapshot was refused: ${read.detail}`);
    const restored = new ScreeningIndex();
    restored.restoreDocumentAlerts(read.snapshot.documents, read.snapshot.alerts);
    const startMs = seconds(t0) * 1000;
    if (restored.size !== built.size) throw new Error('the snapshot start lost alerts');
    return { n, startMs: round(startMs), writeMs: round(writeMs), fileBytes: written.bytes, baselineMs: round(baselineMs) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface DocumentBenchLine {
  bench: string;
  n: number;
  baseline: string;
  ratio: number;
  [figure: string]: string | number;
}

/** Runs the benchmark on n records, prints one JSON line per figure and baseline, returns them. */
export async function runDocumentBench(n: number, options: { rounds?: number } = {}): Promise<DocumentBenchLine[]> {
  const lines: DocumentBenchLine[] = [];
  const emit = (line: DocumentBenchLine) => {
    lines.push(line);
    console.log(JSON.stringify(line));
  };
  const buildRounds = options.rounds ?? (n > 20_000_000 ? 1 : 3);
  const lookupRounds = options.rounds ?? 5;
  // A Map of millions of entries takes many seconds to build: one round at that size.
  const mapBuildRounds = options.rounds ?? (n >= 5_000_000 ? 1 : 3);
  const mapN = Math.min(n, MAP_MAX);
  const sqliteN = Math.min(n, SQLITE_MAX);

  // The index: built with the record count as its capacity hint, as a loader that knows it would.
  let index = new DocumentIndex(0);
  const builds: number[] = [];
  for (let r = 0; r < buildRounds; r++) {
    index = new DocumentIndex(0);
    gc();
    const fresh = new DocumentIndex(n);
    builds.push(timedBuild(n, (i, s, num) => fresh.add(i, s, num)));
    index = fresh;
  }
  const build = median(builds);
  const unhinted = new DocumentIndex();
  const buildUnhinted = n > 20_000_000 ? null : timedBuild(n, (i, s, num) => unhinted.add(i, s, num));
  const unhintedBytes = unhinted.bytesPerRecord;
  unhinted.remove(0, stateOf(0), numberOf(0));

  const qs = queries(n, QUERIES, 42);
  // Warm up the JIT on a slice first, so that round one is not an outlier.
  for (const q of qs.slice(0, 100_000)) index.lookup(q.issuingState, q.number);
  const single = rate(lookupRounds, qs.length, () => {
    let found = 0;
    for (const q of qs) found += index.lookup(q.issuingState, q.number).length;
    return found;
  });
  const batches: Query[][] = [];
  for (let k = 0; k < qs.length; k += 256) batches.push(qs.slice(k, k + 256));
  const many = rate(lookupRounds, qs.length, () => {
    let found = 0;
    for (const batch of batches) for (const hits of index.lookupMany(batch)) found += hits.length;
    return found;
  });

  const snapshots: number[] = [];
  const restores: number[] = [];
  let snapshotBytes = 0;
  for (let r = 0; r < buildRounds; r++) {
    let t0 = process.hrtime.bigint();
    let snapshot: Uint8Array | null = index.toSnapshot();
    snapshots.push(seconds(t0));
    snapshotBytes = snapshot.byteLength;
    t0 = process.hrtime.bigint();
    const restored = DocumentIndex.fromSnapshot(snapshot);
    restores.push(seconds(t0));
    if (restored.size !== index.size) throw new Error('snapshot round trip lost records');
    snapshot = null;
    gc();
  }

  // A start from a snapshot file, as a server does: read the file, check it, rebuild the table.
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-'));
  const file = join(dir, 'documents.snapshot');
  writeFileSync(file, index.toSnapshot());
  const starts: number[] = [];
  for (let r = 0; r < buildRounds; r++) {
    gc();
    const t0 = process.hrtime.bigint();
    const restored = DocumentIndex.fromSnapshot(readFileSync(file));
    starts.push(seconds(t0));
    if (restored.size !== index.size) throw new Error('snapshot file round trip lost records');
  }
  const fileBytes = statSync(file).size;
  rmSync(dir, { recursive: true, force: true });

  const serverStart = await serverSnapshotStart(Math.min(n, SERVER_MAX));

  // Baseline 1: a Map keyed by the exact key (with the same normalisation, documentKey).
  const indexBytes = index.bytesPerRecord;
  const indexSize = index.size;
  index = new DocumentIndex(0);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let map = new Map<string, number>();
  const mapBuilds: number[] = [];
  for (let r = 0; r < mapBuildRounds; r++) {
    map = new Map();
    gc();
    const fresh = map;
    mapBuilds.push(timedBuild(mapN, (i, s, num) => fresh.set(documentKey(s, num), i)));
  }
  gc();
  const mapBytes = (process.memoryUsage().heapUsed - heapBefore) / map.size;
  const mapQs = mapN === n ? qs : queries(mapN, QUERIES, 42);
  const mapRate = rate(lookupRounds, mapQs.length, () => {
    let found = 0;
    for (const q of mapQs) if (map.get(documentKey(q.issuingState, q.number)) !== undefined) found++;
    return found;
  });
  // The Map's own cost, with the keys normalised before the clock starts: a lower bound no real
  // caller gets, since a document read at a border has to be normalised.
  const mapKeys = mapQs.map((q) => documentKey(q.issuingState, q.number));
  const mapRawRate = rate(lookupRounds, mapKeys.length, () => {
    let found = 0;
    for (const key of mapKeys) if (map.get(key) !== undefined) found++;
    return found;
  });
  map = new Map();
  gc();

  // Baseline 2: SQLite, a table with an index on the key.
  const db = new Database(':memory:');
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec('create table docs (key text not null, handle integer not null)');
  const insert = db.prepare('insert into docs (key, handle) values (?, ?)');
  db.exec('begin');
  const sqliteInsert = timedBuild(sqliteN, (i, s, num) => insert.run(documentKey(s, num), i));
  db.exec('commit');
  const t1 = process.hrtime.bigint();
  db.exec('create index docs_key on docs (key)');
  const sqliteBuild = sqliteInsert + seconds(t1);
  const pages = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
  const select = db.prepare('select handle from docs where key = ?').pluck();
  const sqliteQs = queries(sqliteN, SQLITE_QUERIES, 42);
  const sqliteRate = rate(lookupRounds, sqliteQs.length, () => {
    let found = 0;
    for (const q of sqliteQs) found += select.all(documentKey(q.issuingState, q.number)).length;
    return found;
  });
  db.close();

  const MAP = 'Map<string, number> keyed by documentKey (exact matches only)';
  const SQLITE = 'better-sqlite3 in-memory table, index on the key (exact matches only)';
  const nsPer = (secondsTaken: number, count: number) => round((secondsTaken / count) * 1e9);
  const buildNs = nsPer(build, n);
  emit({ bench: 'documents.build', n, rounds: buildRounds, seconds: round(build), nsPerRecord: buildNs, unhintedNsPerRecord: buildUnhinted === null ? 'skipped' : nsPer(buildUnhinted, n), baseline: MAP, baselineN: mapN, baselineRounds: mapBuildRounds, baselineNsPerRecord: nsPer(median(mapBuilds), mapN), ratio: round(buildNs / nsPer(median(mapBuilds), mapN)) });
  emit({ bench: 'documents.build', n, nsPerRecord: buildNs, baseline: SQLITE, baselineN: sqliteN, baselineNsPerRecord: nsPer(sqliteBuild, sqliteN), ratio: round(buildNs / nsPer(sqliteBuild, sqliteN)) });
  emit({ bench: 'documents.bytesPerRecord', n: indexSize, bytesPerRecord: round(indexBytes), unhintedBytesPerRecord: buildUnhinted === null ? 'skipped' : round(unhintedBytes), baseline: `${MAP}, V8 heap growth`, baselineN: mapN, baselineBytesPerRecord: round(mapBytes), ratio: round(indexBytes / mapBytes) });
  emit({ bench: 'documents.bytesPerRecord', n: indexSize, bytesPerRecord: round(indexBytes), baseline: `${SQLITE}, database pages`, baselineN: sqliteN, baselineBytesPerRecord: round(pages / sqliteN), ratio: round(indexBytes / (pages / sqliteN)) });
  for (const [bench, r] of [['documents.lookup', single], ['documents.lookupMany256', many]] as const) {
    const hitRate = round(r.found / qs.length);
    emit({ bench, n, lookupsPerSec: Math.round(r.perSec), lookupsPerCpuSec: Math.round(r.perCpuSec), nsPerLookup: round(1e9 / r.perSec), hitsPerLookup: hitRate, baseline: MAP, baselineN: mapN, baselineLookupsPerSec: Math.round(mapRate.perSec), baselineLookupsPerCpuSec: Math.round(mapRate.perCpuSec), baselineLookupsPerSecKeysPrenormalised: Math.round(mapRawRate.perSec), ratio: round(r.perSec / mapRate.perSec) });
    emit({ bench, n, lookupsPerSec: Math.round(r.perSec), baseline: SQLITE, baselineN: sqliteN, baselineLookupsPerSec: Math.round(sqliteRate.perSec), ratio: round(r.perSec / sqliteRate.perSec) });
  }
  emit({ bench: 'documents.snapshot-start', n, startMs: round(median(starts) * 1000), fileBytes, baseline: 'build from records', baselineMs: round(build * 1000), ratio: round(median(starts) / build) });
  emit({ bench: 'documents.server-snapshot-start', n: serverStart.n, startMs: serverStart.startMs, writeMs: serverStart.writeMs, fileBytes: serverStart.fileBytes, baseline: 'ScreeningIndex.upsert of every alert (the store read a full load also pays is left out)', baselineMs: serverStart.baselineMs, ratio: round(serverStart.startMs / serverStart.baselineMs) });
  emit({ bench: 'documents.snapshot', n, toSnapshotSeconds: round(median(snapshots)), fromSnapshotSeconds: round(median(restores)), snapshotBytes, baseline: 'building the index from the records', baselineSeconds: round(build), ratio: round(median(restores) / build) });
  return lines;
}

// run-ts.js (and node itself) put the running script in process.argv[1].
function invokedDirectly(): boolean {
  return process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
}

if (invokedDirectly()) {
  const nArg = process.argv.find((a) => a.startsWith('--n='));
  const n = nArg ? Number(nArg.slice(4)) : process.argv.includes('--full') ? 100_000_000 : 10_000_000;
  await runDocumentBench(n);
}
