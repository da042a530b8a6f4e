import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { corpusDir, readCorpus } from './corpus.ts';
import { CURRENT, type FromWorker, type WorkerJob } from './protocol.ts';
import { READERS, shape } from './readers.ts';

/**
 * `npm run fuzz [-- --reader NAME[,NAME] --count N --seed S --jobs J --slow-ms MS --stall-ms MS]`:
 * mutated and generated inputs through each reader of outside data, one worker thread per reader
 * (J at once). Prints inputs per second, crashes and hangs per reader; keeps new behaviour, every
 * crash and every hang in fuzz/corpus/<reader>/. Exit code 1 when anything crashed or hung.
 */
const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const count = Number(option('count', '1000000'));
const seed = Number(option('seed', '1'));
const jobs = Math.max(1, Number(option('jobs', String(Math.min(2, availableParallelism())))));
const slowMs = Number(option('slow-ms', '1000'));
const stallMs = Number(option('stall-ms', '10000'));
const names = option('reader', READERS.map((r) => r.name).join(',')).split(',');
for (const name of names) if (!READERS.some((r) => r.name === name)) throw new Error(`no reader "${name}"; readers: ${READERS.map((r) => r.name).join(', ')}`);
if (!Number.isSafeInteger(count) || count < 1) throw new Error('--count: a positive integer');

/** New-behaviour inputs kept per reader and run, and their size: the corpus stays small. */
const KEEP_PER_RUN = 25;
const KEEP_MAX_BYTES = 2048;
const CORPUS_MAX_FILES = 60;

interface Tally {
  reader: string;
  inputs: number;
  seconds: number;
  crashes: number;
  hangs: number;
  kept: number;
  crashKinds: Map<string, number>;
}

function save(reader: string, ext: string, prefix: string, input: Buffer): string {
  const dir = corpusDir(reader);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${prefix}${createHash('sha256').update(input).digest('hex').slice(0, 16)}.${ext}`);
  if (!existsSync(file)) writeFileSync(file, input);
  return file;
}

function fuzzOne(name: string): Promise<Tally> {
  const reader = READERS.find((r) => r.name === name)!;
  const corpus = readCorpus(name);
  const tally: Tally = { reader: name, inputs: 0, seconds: 0, crashes: 0, hangs: 0, kept: 0, crashKinds: new Map() };
  running.set(name, tally);
  const signatures: string[] = [];
  let corpusFiles = corpus.length;
  const began = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const startAt = (start: number) => {
      const shared = new SharedArrayBuffer(CURRENT.headerInts * 4 + CURRENT.bytes);
      const header = new Int32Array(shared, 0, CURRENT.headerInts);
      const job: WorkerJob = { reader: name, seed, start, count: count - start, corpus: [...corpus.map((c) => c.input.toString('base64'))], signatures: [...signatures], slowMs, shared };
      const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: job, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
      let lastTicks = -1;
      let lastChange = Date.now();
      // The watchdog: a worker whose tick counter has not moved for stallMs is stuck in one input.
      const watchdog = setInterval(() => {
        const ticks = Atomics.load(header, CURRENT.ticks);
        // Not armed until the first input: loading the reader and its seeds is not a hang.
        if (ticks === 0) return;
        if (ticks !== lastTicks) {
          lastTicks = ticks;
          lastChange = Date.now();
          return;
        }
        if (Date.now() - lastChange < stallMs) return;
        clearInterval(watchdog);
        const index = Atomics.load(header, CURRENT.index);
        const input = Buffer.from(new Uint8Array(shared, CURRENT.headerInts * 4, Atomics.load(header, CURRENT.length)));
        tally.hangs++;
        const file = save(name, reader.ext, 'hang-', input);
        console.log(`${name}: input ${index} stalled the reader for ${stallMs} ms: ${file}`);
        tally.inputs = index + 1;
        void worker.terminate().then(() => (index + 1 < count ? startAt(index + 1) : finish()));
      }, 500);
      const finish = () => {
        tally.seconds = Number(process.hrtime.bigint() - began) / 1e9;
        running.delete(name);
        resolve(tally);
      };
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'progress') {
          tally.inputs = start + m.done;
          tally.seconds = Number(process.hrtime.bigint() - began) / 1e9;
        }
        else if (m.type === 'new') {
          signatures.push(m.signature);
          const input = Buffer.from(m.input, 'base64');
          if (tally.kept < KEEP_PER_RUN && corpusFiles < CORPUS_MAX_FILES && input.length <= KEEP_MAX_BYTES && !m.signature.startsWith('crash:')) {
            save(name, reader.ext, '', input);
            tally.kept++;
            corpusFiles++;
          }
        } else if (m.type === 'crash') {
          tally.crashes++;
          const kind = `${shape(m.message)} ${m.where}`;
          const seenTimes = tally.crashKinds.get(kind) ?? 0;
          tally.crashKinds.set(kind, seenTimes + 1);
          // Every kind of crash is kept (a few of each), with its message to start from.
          if (seenTimes < 3) {
            const file = save(name, reader.ext, 'crash-', Buffer.from(m.input, 'base64'));
            console.log(`${name}: input ${m.index} crashed the reader: ${m.message} ${m.where}\n  kept in ${file}`);
          }
        } else if (m.type === 'hang') {
          tally.hangs++;
          // Over the slow threshold but finished: kept as slow-, apart from the stalls (hang-).
          const file = save(name, reader.ext, 'slow-', Buffer.from(m.input, 'base64'));
          console.log(`${name}: input ${m.index} took ${m.ms} ms: ${file}`);
        } else if (m.type === 'finished') {
          clearInterval(watchdog);
          void worker.terminate();
          finish();
        }
      });
      worker.on('error', (e) => {
        clearInterval(watchdog);
        reject(new Error(`${name}: the worker failed at about input ${Atomics.load(header, CURRENT.index)}: ${e.message}`));
      });
    };
    startAt(0);
  });
}

const started = Date.now();
const running = new Map<string, Tally>();
// Stopped early (Ctrl-C, a time limit), the run still reports what it got through.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`\nstopped by ${signal}; partial figures:`);
    printTable([...tallies, ...running.values()]);
    process.exit(130);
  });
}
console.log(`fuzzing ${names.join(', ')}: ${count} inputs each, seed ${seed}, ${jobs} at a time, slow over ${slowMs} ms, stalled after ${stallMs} ms`);
const queue = [...names];
const tallies: Tally[] = [];
await Promise.all(
  Array.from({ length: Math.min(jobs, queue.length) }, async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const t = await fuzzOne(name);
      tallies.push(t);
      console.log(`${t.reader}: ${t.inputs} inputs in ${t.seconds.toFixed(1)} s (${Math.round(t.inputs / t.seconds)}/s), ${t.crashes} crashes, ${t.hangs} hangs, ${t.kept} new corpus inputs`);
    }
  }),
);
printTable(tallies);

function printTable(rows: Tally[]): void {
  console.log('\nreader       inputs     seconds  inputs/s  crashes  hangs');
  for (const t of [...rows].sort((a, b) => names.indexOf(a.reader) - names.indexOf(b.reader))) {
    console.log(`${t.reader.padEnd(12)} ${String(t.inputs).padStart(9)} ${t.seconds.toFixed(1).padStart(9)} ${String(Math.round(t.inputs / (t.seconds || 1))).padStart(9)} ${String(t.crashes).padStart(8)} ${String(t.hangs).padStart(6)}${t.inputs < count ? '  (stopped early)' : ''}`);
    for (const [kind, n] of t.crashKinds) console.log(`    ${n} x ${kind}`);
  }
  console.log(`wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
process.exitCode = tallies.some((t) => t.crashes > 0 || t.hangs > 0) ? 1 : 0;
