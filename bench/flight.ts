/**
 * A 500-passenger flight screened over HTTP (`POST /api/v1/screen/flight`, a server in its own
 * process on SQLite holding 20,000 person alerts and 20,000 stolen documents; 5 passengers of
 * each flight hit). Baselines measured in the same run: the same 500 travellers sent as a JSON
 * batch (`POST /api/v1/screen/batch`, i.e. the screening without the PAXLST reader), and one
 * traveller (`POST /api/v1/screen`). Prints a JSON line; the target is under 100 ms.
 *
 *   node packages/server/bin/run-ts.js bench/flight.ts [--rounds 30] [--passengers 500]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePaxlst, toScreenQueries } from '../packages/core/src/index.js';
import { paxlstWithPassengers } from '../packages/core/src/paxlst/test-fixtures.js';
import { startServer } from './server-process.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const cli = join(root, 'packages/server/bin/crosscheck.js');
const arg = (name: string, fallback: number) => (process.argv.indexOf(name) > 0 ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const rounds = arg('--rounds', 30);
const passengers = arg('--passengers', 500);
const ALERTS = 20_000;

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-flight-bench-'));
const db = join(dir, 'bench.db');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args, '--db', db], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' }, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`crosscheck ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim().split('\n').pop()!;
};

// Invented people: syllables make names that look alike, as real lists do, so candidates are many.
const SYL = ['an', 'bel', 'cor', 'dan', 'el', 'fa', 'gor', 'han', 'ir', 'jo', 'ka', 'lu', 'mar', 'nov', 'or', 'pet', 'ra', 'sol', 'tan', 'vik'];
const word = (i: number, parts: number) => Array.from({ length: parts }, (_, k) => SYL[(i * (7 + k * 13) + k * 3) % SYL.length]).join('').toUpperCase();
const lines: string[] = [];
for (let i = 0; i < ALERTS; i++) {
  lines.push(JSON.stringify({ kind: 'person', category: 'missing', person: { names: [{ family: word(i, 3), given: word(i + 17, 2) }], birthDate: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 9}` }, visibility: { mode: 'all' } }));
  lines.push(JSON.stringify({ kind: 'document', document: { issuingState: 'SGP', type: 'passport', number: `Q${String(i).padStart(7, '0')}B`, status: 'lost' }, visibility: { mode: 'all' } }));
}
// Five passengers of every flight carry a passport reported stolen (fixture numbers K0000000A…).
for (let i = 0; i < 5; i++) lines.push(JSON.stringify({ kind: 'document', document: { issuingState: 'SGP', type: 'passport', number: `K${String(i * 97).padStart(7, '0')}A`, status: 'stolen-issued' }, visibility: { mode: 'all' } }));
writeFileSync(join(dir, 'alerts.jsonl'), `${lines.join('\n')}\n`);
run(['db', 'migrate']);
run(['alerts', 'import', join(dir, 'alerts.jsonl'), '--member', 'SGP', '--batch', '2000']);
const key = run(['keys', 'create', '--member', 'GBR', '--role', 'frontline']);

const message = paxlstWithPassengers(passengers);
const batch = JSON.stringify(toScreenQueries(parsePaxlst(message)));
const one = JSON.stringify({ person: { names: ['GIVEN7 MIDDLE FAMILY7'], birthDate: '1947-08-08' }, documents: [{ number: 'K0000007A', issuingState: 'SGP' }] });
const pctl = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const round2 = (x: number) => Math.round(x * 100) / 100;

const { url, server } = await startServer(cli, db);
try {
  const time = async (path: string, type: string, body: string): Promise<{ ms: number; json: unknown }> => {
    const t = performance.now();
    const r = await fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': type }, body });
    const json = (await r.json()) as unknown;
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(json).slice(0, 300)}`);
    return { ms: performance.now() - t, json };
  };
  // Warm up the index and the code paths, then alternate so that noise falls on all three alike.
  for (let i = 0; i < 3; i++) await time('/api/v1/screen/flight', 'application/edifact', message);
  const flight: number[] = [];
  const asBatch: number[] = [];
  const single: number[] = [];
  let withHits = 0;
  for (let i = 0; i < rounds; i++) {
    const f = await time('/api/v1/screen/flight', 'application/edifact', message);
    flight.push(f.ms);
    withHits = (f.json as { summary: { travellersWithHits: number } }).summary.travellersWithHits;
    asBatch.push((await time('/api/v1/screen/batch', 'application/json', batch)).ms);
    single.push((await time('/api/v1/screen', 'application/json', one)).ms);
  }
  console.log(
    JSON.stringify({
      bench: 'flight',
      alerts: ALERTS * 2 + 5,
      passengers,
      rounds,
      travellersWithHits: withHits,
      flightMs: { p50: round2(pctl(flight, 0.5)), p99: round2(pctl(flight, 0.99)), max: round2(Math.max(...flight)) },
      baselineSameTravellersAsJsonBatchMs: { p50: round2(pctl(asBatch, 0.5)), p99: round2(pctl(asBatch, 0.99)) },
      baselineOneTravellerMs: { p50: round2(pctl(single, 0.5)), p99: round2(pctl(single, 0.99)) },
      ratioFlightToBatchP50: round2(pctl(flight, 0.5) / pctl(asBatch, 0.5)),
      targetMs: 100,
    }),
  );
} finally {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
