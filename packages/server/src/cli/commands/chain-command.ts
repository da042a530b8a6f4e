import { InvalidArgumentError, type Command } from 'commander';
import type { ScannedFinding } from '@crosscheck/core/api';
import { BitcoinRpc } from '../../chain/bitcoin-rpc.js';
import { ClamAv } from '../../chain/clamav.js';
import { decompress } from '../../chain/decompress.js';
import { HashLists } from '../../chain/hash-lists.js';
import { DEFAULT_DECODE_CAP } from '../../chain/identify.js';
import { Progress, summaryLines } from '../../chain/progress.js';
import { loadState } from '../../chain/rpc-source.js';
import { runScan, type RpcRange } from '../../chain/run-scan.js';
import type { ScannerOptions } from '../../chain/scanner.js';
import { YaraRules } from '../../chain/yara-rules.js';
import { MAX_FINDINGS_PER_CALL, recordFindings, type RecordSummary } from '../../app/chain/record-findings.js';
import { MAX_CONTENT_BYTES } from '../../app/chain/finding-view.js';
import type { Deps } from '../../app/deps.js';
import { cliCtx, withDeps } from '../context.js';
import { DB_HELP, memberCode, oneOf } from '../options.js';

interface ScanOptions {
  rpc?: string;
  rpcCookie?: string;
  rpcTimeout?: number;
  from?: number;
  to?: number;
  state?: string;
  resume?: boolean;
  format: 'jsonl';
  hashes: string[];
  yara: string[];
  clamav: string[];
  decompress: boolean;
  decodeCap: number;
  progress: boolean;
  db?: string;
  member?: string;
}

const height = (value: string): number => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('a block height (0 or more)');
  return n;
};

const positive = (what: string) => (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(what);
  return n;
};

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `crosscheck chain scan`: finds data written into Bitcoin, one JSON line per finding. */
export function chainCommand(program: Command): void {
  const chain = program.command('chain').description('Bitcoin content scanner: data written into the blockchain');
  chain
    .command('scan')
    .description('scan blk*.dat files, raw blocks or transactions (binary or hex), transaction JSON (getrawtransaction … true, Esplora), folders of them, or a node\'s blocks over JSON-RPC; one JSON line per finding on standard output, progress and a summary on standard error')
    .argument('[inputs...]', 'files or folders to scan (a Bitcoin Core blocks folder: its blk*.dat files, with its xor.dat)')
    .option('--rpc <url>', 'Bitcoin Core JSON-RPC URL, e.g. http://user:password@127.0.0.1:8332')
    .option('--rpc-cookie <file>', 'Bitcoin Core cookie file (datadir/.cookie) for the credentials when the URL has none')
    .option('--rpc-timeout <seconds>', 'time allowed for one RPC answer (default 60)', positive('a number of seconds above 0'))
    .option('--from <height>', 'first block height of the range (with --rpc)', height)
    .option('--to <height>', 'last block height of the range, included (with --rpc)', height)
    .option('--state <file>', 'with --rpc: file recording the last height whose findings are written, updated as the scan goes')
    .option('--resume', 'with --rpc and --state: go on after the last height the state file records')
    .option('--format <format>', 'output format: jsonl (one finding per line)', oneOf(['jsonl'] as const), 'jsonl')
    .option('--hashes <file>', 'hash list to match payloads against: SHA-256 or MD5 hex per line, or ClamAV .hdb/.hsb (repeatable)', collect, [])
    .option('--yara <path>', 'YARA rule file, or folder of .yar/.yara files (repeatable)', collect, [])
    .option('--clamav <signatures>', 'scan payloads with ClamAV\'s clamscan using these local signature files or folders only (repeatable)', collect, [])
    .option('--no-decompress', 'do not decompress gzip, brotli, zlib or bzip2 payloads')
    .option('--decode-cap <MB>', `largest decompressed size kept before a payload is reported as capped (default ${DEFAULT_DECODE_CAP / 1024 / 1024})`, positive('a number of megabytes above 0'), DEFAULT_DECODE_CAP / 1024 / 1024)
    .option('--no-progress', 'no progress lines on standard error (the summary is still written)')
    .option('--db <path>', `also record the findings in this database, as findings of --member (${DB_HELP})`)
    .option('--member <code>', 'with --db: the member whose findings these are (recorded as its bureau, through the CLI)', memberCode)
    .action(async (inputs: string[], o: ScanOptions) => {
      if (o.db === undefined && o.member !== undefined) throw new Error('--member goes with --db');
      if (o.db !== undefined && o.member === undefined) throw new Error('--db needs --member <code>, the member whose findings these are');
      if (o.db === undefined) return scan(inputs, o);
      // Only an existing database: a mistyped --db must not create an empty one.
      return withDeps({ db: o.db }, (deps) => scan(inputs, o, deps));
    });
}

async function scan(inputs: string[], o: ScanOptions, deps?: Deps): Promise<void> {
  const rpc = await rpcRange(inputs, o);
  const scanner: ScannerOptions = await matchers(o);
  const recorded: RecordSummary = { recorded: 0, merged: 0, locationsAdded: 0, ids: [] };
  if (deps) scanner.keepContent = MAX_CONTENT_BYTES;
  const progress = new Progress(process.stderr, o.progress);
  let stopping = false;
  const onSignal = (): void => {
    // First Ctrl-C: finish the block in hand, write findings and state. A second one kills.
    if (stopping) process.exit(130);
    stopping = true;
    progress.say('stopping after the current block…');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const emit = async (findings: ScannedFinding[], contents: (Uint8Array | undefined)[]): Promise<void> => {
    if (findings.length === 0) return;
    const text = findings.map((f) => `${JSON.stringify(f)}\n`).join('');
    if (!process.stdout.write(text)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    if (!deps) return;
    // Recorded in batches the use case accepts, each its own transaction and audit entry.
    const ctx = cliCtx(o.member!, 'bureau');
    for (let at = 0; at < findings.length; at += MAX_FINDINGS_PER_CALL) {
      const items = findings.slice(at, at + MAX_FINDINGS_PER_CALL).map((finding, k) => {
        const content = contents[at + k];
        return { finding, content: content ? Buffer.from(content.buffer, content.byteOffset, content.byteLength) : undefined };
      });
      const done = await recordFindings(deps, ctx, items);
      recorded.recorded += done.recorded;
      recorded.merged += done.merged;
      recorded.locationsAdded += done.locationsAdded;
    }
  };
  let failure: unknown;
  let result;
  try {
    result = await runScan({ ...(rpc ? { rpc } : { inputs }), scanner, emit, progress, stop: () => stopping });
    failure = result.failure;
  } catch (error) {
    failure = error;
  } finally {
    await scanner.batchMatcher?.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  progress.clear();
  if (result) {
    for (const line of summaryLines(result.stats, progress.elapsedSeconds())) process.stderr.write(`${line}\n`);
    if (result.skipped > 0) process.stderr.write(`skipped: ${result.skipped} files of no chain format\n`);
    if (rpc && result.lastDone !== undefined) process.stderr.write(`last height done: ${result.lastDone}\n`);
    if (deps) process.stderr.write(`recorded for ${o.member}: ${recorded.recorded} new findings, ${recorded.merged} merged into findings already recorded (${recorded.locationsAdded} new locations)\n`);
    if (result.stopped) {
      process.stderr.write(rpc?.statePath ? `stopped; resume with --resume --state ${rpc.statePath}\n` : 'stopped\n');
      process.exitCode = 130;
    } else if (failure === undefined && result.stats.errors > 0 && result.stats.blocks + result.stats.transactions === 0) {
      process.stderr.write('error: nothing could be read\n');
      process.exitCode = 1;
    }
  }
  if (failure) {
    if (rpc?.statePath) process.stderr.write(`the state file ${rpc.statePath} records the last height done; resume with --resume\n`);
    throw failure;
  }
}

async function rpcRange(inputs: string[], o: ScanOptions): Promise<RpcRange | undefined> {
  if (o.rpc === undefined) {
    if (inputs.length === 0) throw new Error('nothing to scan: give files or folders, or --rpc URL --from H --to H');
    for (const flag of ['from', 'to', 'state', 'resume', 'rpcCookie', 'rpcTimeout'] as const) {
      if (o[flag] !== undefined) throw new Error(`--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} goes with --rpc`);
    }
    return undefined;
  }
  if (inputs.length > 0) throw new Error('give either files and folders or --rpc, not both');
  const client = await BitcoinRpc.open({ url: o.rpc, ...(o.rpcCookie ? { cookieFile: o.rpcCookie } : {}), ...(o.rpcTimeout ? { timeoutMs: o.rpcTimeout * 1000 } : {}) });
  if (o.resume) {
    if (!o.state) throw new Error('--resume needs --state <file>, the state file of the scan to go on with');
    const state = await loadState(o.state);
    if (state.rpc !== client.shownUrl) throw new Error(`${o.state} is the state of a scan of ${state.rpc}, not of ${client.shownUrl}`);
    const to = o.to ?? state.to;
    return { client, from: state.lastDone + 1, to, rangeFrom: state.from, statePath: o.state };
  }
  if (o.from === undefined || o.to === undefined) throw new Error('--rpc needs --from <height> and --to <height>');
  if (o.from > o.to) throw new Error(`--from ${o.from} is after --to ${o.to}`);
  return { client, from: o.from, to: o.to, rangeFrom: o.from, ...(o.state ? { statePath: o.state } : {}) };
}

async function matchers(o: ScanOptions): Promise<ScannerOptions> {
  const options: ScannerOptions = { matchers: [], decodeCap: Math.round(o.decodeCap * 1024 * 1024) };
  if (o.decompress) options.decompress = decompress;
  if (o.hashes.length > 0) {
    const lists = new HashLists();
    for (const file of o.hashes) lists.load(file);
    options.matchers!.push(lists);
  }
  if (o.yara.length > 0) {
    const rules = new YaraRules();
    for (const path of o.yara) await rules.load(path);
    options.matchers!.push(rules);
  }
  if (o.clamav.length > 0) options.batchMatcher = await ClamAv.open(o.clamav);
  return options;
}
