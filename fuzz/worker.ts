import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { mutate } from './mutate.ts';
import { inputSeed, Rng } from './prng.ts';
import { readerNamed } from './readers.ts';
import { CURRENT, type FromWorker, type WorkerJob } from './protocol.ts';

/**
 * Runs one reader over `count` inputs from `start` and reports to the parent. Before each input
 * it copies the input into shared memory and bumps a counter, so the parent can tell a stalled
 * worker (a real hang: no code of ours runs to notice it) and name the input that stalled it.
 */
const job = workerData as WorkerJob;
const reader = readerNamed(job.reader);
if (!reader) throw new Error(`no reader ${job.reader}`);
const post = (m: FromWorker) => parentPort!.postMessage(m);
const header = new Int32Array(job.shared, 0, CURRENT.headerInts);
const bytes = new Uint8Array(job.shared, CURRENT.headerInts * 4);

// Inputs that showed new behaviour join the pool and are mutated further.
const pool: Buffer[] = [...reader.seeds(), ...job.corpus.map((b) => Buffer.from(b, 'base64'))];
const generated = reader.generate(job.seed, 2000);
const seen = new Set<string>(job.signatures);
const SLOW_MS = job.slowMs;

let done = 0;
let lastReport = performance.now();
for (let i = job.start; i < job.start + job.count; i++) {
  const rng = new Rng(inputSeed(job.seed, reader.name, i));
  // A fifth straight from the structure-aware generator, the rest mutations (of generated ones too).
  const input = rng.chance(0.2) ? rng.pick(generated) : mutate(rng, rng.chance(0.8) ? pool : generated, reader.tokens);
  const shown = Math.min(input.length, bytes.length);
  bytes.set(input.subarray(0, shown));
  Atomics.store(header, CURRENT.length, shown);
  Atomics.store(header, CURRENT.index, i);
  Atomics.add(header, CURRENT.ticks, 1);
  const started = performance.now();
  let signature: string;
  try {
    signature = await reader.read(input);
  } catch (e) {
    const error = e as Error;
    const at = (error?.stack ?? '').split('\n').find((l) => l.includes(' at ')) ?? '';
    post({ type: 'crash', index: i, input: input.toString('base64'), message: `${error?.name}: ${error?.message}`.slice(0, 500), where: at.trim() });
    signature = `crash:${error?.name}`;
  }
  const took = performance.now() - started;
  if (took > SLOW_MS) post({ type: 'hang', index: i, input: input.toString('base64'), ms: Math.round(took) });
  if (!seen.has(signature)) {
    seen.add(signature);
    if (input.length <= 8192) pool.push(input);
    post({ type: 'new', index: i, signature, input: input.toString('base64') });
  }
  done++;
  if (performance.now() - lastReport > 2000) {
    post({ type: 'progress', done });
    lastReport = performance.now();
  }
}
post({ type: 'progress', done });
post({ type: 'finished' });
