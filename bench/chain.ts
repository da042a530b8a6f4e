/**
 * Blockchain scanning speed on real blocks, each figure beside baselines measured in the same run
 * (the machine is shared and absolute times drift: quote the ratios):
 *
 *   node packages/server/bin/run-ts.js bench/chain.ts [--mb=N] [--rounds=N]
 *
 * The real mainnet blocks of ../shared/testdata/chain (574200, 702861, 277647 and 1–255) are
 * written as Bitcoin Core's blk*.dat records, repeated until the file holds about --mb megabytes
 * (default 64), in a temporary directory. Every contender reads that file in 8 MiB chunks:
 *   - floor: reading the bytes and nothing else (the I/O floor; the file is in the page cache
 *     after the first round, as a node's recent blocks are),
 *   - scan: extraction without decompression or identification: framing, parsing, every
 *     extraction method on every transaction (no merkle check, no txid unless a payload is
 *     found), on one core,
 *   - scan+merkle: the same with every txid computed and the merkle root checked (node:crypto SHA-256),
 *   - pipeline: what `crosscheck chain scan FILE` does, output aside (merkle check,
 *     extraction, identification, hashes, capped decompression, merging),
 *   - bitcoinjs: bitcoinjs-lib's Block.fromBuffer on each record (a full parse, no hashing), and
 *     bitcoinjs+ids: with every transaction's getId(),
 *   - workers: the scan in N worker threads (N = available cores), one file each, for the speed-up.
 * Output: JSON lines `{bench, figure, mbPerS, …}` with medians of the rounds, then a summary line
 * with the ratios.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import * as bitcoin from 'bitcoinjs-lib';
import { PassThrough } from 'node:stream';
import { BlkReader, extractPayloads, NETWORK_MAGIC } from '../packages/core/src/bitcoin/index.js';
import { SCAN_PARSE } from '../packages/server/src/chain/native-sha256.js';
import { Progress } from '../packages/server/src/chain/progress.js';
import { runScan } from '../packages/server/src/chain/run-scan.js';

const CHUNK = 8 << 20;
const here = resolve(fileURLToPath(new URL('.', import.meta.url)));
const testdata = process.env.CROSSCHECK_TESTDATA ?? resolve(here, '../../shared/testdata');
const chain = join(testdata, 'chain');


function arg(name: string, fallback: number): number {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : fallback;
}

/** Reads the file in chunks and hands each chunk to `use`; returns the bytes read. */
function readChunks(path: string, use: (chunk: Uint8Array) => void): number {
  const fd = openSync(path, 'r');
  let total = 0;
  try {
    for (;;) {
      // A fresh buffer per chunk: the readers keep views of the chunk they were given.
      const buf = new Uint8Array(CHUNK);
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      total += n;
      use(n === CHUNK ? buf : buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return total;
}

interface ScanCount {
  bytes: number;
  blocks: number;
  transactions: number;
  payloads: number;
  errors: number;
}

/**
 * The scanner's inner loop: blk framing, block parsing (the scanner's parse options, the merkle
 * check on or off), every extraction method on every transaction.
 */
export function scanFile(path: string, merkle: boolean): ScanCount {
  const count: ScanCount = { bytes: 0, blocks: 0, transactions: 0, payloads: 0, errors: 0 };
  const reader = new BlkReader({ parse: { ...SCAN_PARSE, verifyMerkle: merkle } });
  const drain = (): void => {
    for (const entry of reader.drain()) {
      if (!entry.ok) {
        count.errors++;
        continue;
      }
      count.blocks++;
      for (const tx of entry.block.transactions) {
        count.transactions++;
        count.payloads += extractPayloads(tx).length;
      }
    }
  };
  count.bytes = readChunks(path, (chunk) => {
    reader.push(chunk);
    drain();
  });
  reader.end();
  drain();
  return count;
}

/** `crosscheck chain scan FILE` without its output: reading, merkle check, extraction, identification, capped decompression. */
async function pipelineFile(path: string): Promise<number> {
  const r = await runScan({ inputs: [path], scanner: {}, emit: () => {}, progress: new Progress(new PassThrough(), false) });
  return r.stats.findings;
}

/** blk*.dat records split by hand for bitcoinjs-lib, which reads blocks, not files. */
function bitcoinjsFile(path: string, ids: boolean): number {
  const file = readFileSync(path);
  let at = 0;
  let txs = 0;
  while (at + 8 <= file.length) {
    const length = file.readUInt32LE(at + 4);
    const block = bitcoin.Block.fromBuffer(file.subarray(at + 8, at + 8 + length));
    for (const tx of block.transactions ?? []) {
      txs++;
      if (ids) tx.getId();
    }
    at += 8 + length;
  }
  return txs;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Wall time and CPU time of this process (on a shared machine the CPU time is the steadier figure). */
async function time<T>(f: () => T): Promise<{ ms: number; cpuMs: number; value: Awaited<T> }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await f();
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, value };
}

function bz2(path: string): Uint8Array {
  return new Uint8Array(execFileSync('bzip2', ['-dc', path], { maxBuffer: 64 << 20 }));
}

/** Real blocks as raw block bytes. */
function realBlocks(): Uint8Array[] {
  const blocks: Uint8Array[] = [];
  blocks.push(readFileSync(join(chain, 'btcd/block-0000000000000000001602407ac49862a7bca9d00f7f402db20b7be2f5de59d2.blk')));
  blocks.push(readFileSync(join(chain, 'rust-bitcoin/mainnet_block_000000000000000000000c835b2adcaedc20fdf6ee440009c249452c726dafae.raw')));
  for (const name of ['btcd/277647.dat.bz2', 'btcd/blocks1-256.bz2']) {
    const file = bz2(join(chain, name));
    for (let at = 0; at + 8 <= file.length; ) {
      const length = new DataView(file.buffer, file.byteOffset + at + 4, 4).getUint32(0, true);
      blocks.push(file.subarray(at + 8, at + 8 + length));
      at += 8 + length;
    }
  }
  return blocks;
}

function writeBlkFile(path: string, blocks: Uint8Array[], targetBytes: number): number {
  const records: Uint8Array[] = [];
  let size = 0;
  while (size < targetBytes) {
    for (const b of blocks) {
      const head = new Uint8Array(8);
      head.set(NETWORK_MAGIC.mainnet, 0);
      new DataView(head.buffer).setUint32(4, b.length, true);
      records.push(head, b);
      size += 8 + b.length;
    }
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const r of records) {
    out.set(r, at);
    at += r.length;
  }
  writeFileSync(path, out);
  return size;
}

async function main(): Promise<void> {
  if (!existsSync(join(chain, 'MANIFEST.json'))) {
    console.error(`bench chain: skipped, ${chain} is absent`);
    return;
  }
  const rounds = arg('rounds', 5);
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-chain-'));
  try {
    const blocks = realBlocks();
    const file = join(dir, 'blk00000.dat');
    const size = writeBlkFile(file, blocks, arg('mb', 64) * 1e6);
    const mb = size / 1e6;
    const figures: Record<string, number> = {};
    const cpuFigures: Record<string, number> = {};
    const contenders: [string, () => unknown][] = [
      ['floor', () => readChunks(file, () => {})],
      ['scan', () => scanFile(file, false)],
      ['scan+merkle', () => scanFile(file, true)],
      ['pipeline', () => pipelineFile(file)],
      ['bitcoinjs', () => bitcoinjsFile(file, false)],
      ['bitcoinjs+ids', () => bitcoinjsFile(file, true)],
    ];
    let scanCount: unknown;
    for (const [name, f] of contenders) {
      await f(); // warm-up: JIT and page cache
      const ms: number[] = [];
      const cpuMs: number[] = [];
      for (let r = 0; r < rounds; r++) {
        const t = await time(f);
        ms.push(t.ms);
        cpuMs.push(t.cpuMs);
        if (name === 'scan') scanCount = t.value;
      }
      figures[name] = mb / (median(ms) / 1000);
      cpuFigures[name] = mb / (median(cpuMs) / 1000);
      console.log(
        JSON.stringify({
          bench: 'chain',
          figure: name,
          mb: Number(mb.toFixed(1)),
          rounds,
          medianMs: Number(median(ms).toFixed(1)),
          mbPerS: Number(figures[name]!.toFixed(1)),
          mbPerCpuS: Number(cpuFigures[name]!.toFixed(1)),
        }),
      );
    }
    console.log(JSON.stringify({ bench: 'chain', figure: 'scan-count', blocksDistinct: blocks.length, ...(scanCount as object) }));

    // Every core: one worker per core, each scanning its own copy of the file.
    const n = availableParallelism();
    const files = [file];
    for (let i = 1; i < n; i++) {
      const copy = join(dir, `blk0000${i}.dat`);
      writeFileSync(copy, readFileSync(file));
      files.push(copy);
    }
    // Workers are started and warmed up first (loading TypeScript takes seconds); the clock runs
    // from "go" to the last worker's answer.
    const workers = await Promise.all(
      files.map(
        (f) =>
          new Promise<Worker>((ready, fail) => {
            const w = new Worker(new URL('./chain-worker-entry.mjs', import.meta.url), { workerData: { file: f } });
            w.once('error', fail);
            w.once('message', () => ready(w));
          }),
      ),
    );
    const runWorkers = async (count: number): Promise<number> => {
      const t0 = performance.now();
      await Promise.all(
        workers.slice(0, count).map(
          (w) =>
            new Promise((done) => {
              w.once('message', done);
              w.postMessage('go');
            }),
        ),
      );
      return (count * mb) / ((performance.now() - t0) / 1000);
    };
    await runWorkers(1); // warm-up
    const one: number[] = [];
    const all: number[] = [];
    for (let r = 0; r < Math.min(rounds, 3); r++) {
      one.push(await runWorkers(1));
      all.push(await runWorkers(n));
    }
    const speedUp = median(all) / median(one);
    for (const w of workers) await w.terminate();
    console.log(JSON.stringify({ bench: 'chain', figure: 'workers', workers: n, oneWorkerMbPerS: Number(median(one).toFixed(1)), allWorkersMbPerS: Number(median(all).toFixed(1)), speedUp: Number(speedUp.toFixed(2)) }));
    console.log(
      JSON.stringify({
        bench: 'chain',
        figure: 'summary',
        scanMbPerSPerCore: Number(figures.scan!.toFixed(1)),
        scanMbPerCpuS: Number(cpuFigures.scan!.toFixed(1)),
        floorOverScanCpu: Number((cpuFigures.floor! / cpuFigures.scan!).toFixed(2)),
        floorOverScan: Number((figures.floor! / figures.scan!).toFixed(2)),
        scanOverBitcoinjs: Number((figures.scan! / figures.bitcoinjs!).toFixed(2)),
        scanMerkleOverBitcoinjsIds: Number((figures['scan+merkle']! / figures['bitcoinjs+ids']!).toFixed(2)),
        pipelineMbPerS: Number(figures.pipeline!.toFixed(1)),
        workersSpeedUp: Number(speedUp.toFixed(2)),
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMainThread) {
  await main();
} else {
  const { file } = workerData as { file: string };
  scanFile(file, false); // warm-up
  parentPort!.postMessage('ready');
  parentPort!.on('message', () => parentPort!.postMessage(scanFile(file, false)));
}
