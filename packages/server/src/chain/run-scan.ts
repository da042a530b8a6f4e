import type { BitcoinRpc } from './bitcoin-rpc.js';
import { readInputs, type ScanItem } from './file-sources.js';
import type { Progress } from './progress.js';
import { readRpcRange, saveState } from './rpc-source.js';
import { ChainScanner, type EmitFindings, type ScannerOptions, type ScanStats } from './scanner.js';

/**
 * One scan from start to end: items from files or a node's height range, through the scanner,
 * findings out through `emit`, progress and unreadable blocks on the progress stream. A range
 * scan writes its findings and then its state every `checkpointBlocks` blocks, so that a stop
 * (Ctrl-C, a node that goes away) loses nothing already reported and resumes after it.
 */

export interface RpcRange {
  client: BitcoinRpc;
  from: number;
  to: number;
  /** The range the state file records (the first run's), kept across resumptions. */
  rangeFrom: number;
  statePath?: string;
}

export interface RunScanOptions {
  inputs?: string[];
  rpc?: RpcRange;
  scanner: ScannerOptions;
  emit: EmitFindings;
  progress: Progress;
  /** Asked between items: true ends the scan cleanly (findings written, state saved). */
  stop?: () => boolean;
  checkpointBlocks?: number;
}

export interface RunScanResult {
  stats: ScanStats;
  skipped: number;
  /** Range scans: the last height whose findings are written (from - 1 when none). */
  lastDone?: number;
  stopped: boolean;
  /** Range scans: what ended the range early (a node that stopped answering), after the checkpoint. */
  failure?: unknown;
}

export async function runScan(o: RunScanOptions): Promise<RunScanResult> {
  const scanner = new ChainScanner(o.scanner, o.emit);
  const stop = o.stop ?? (() => false);
  let skipped = 0;
  const handle = async (item: ScanItem): Promise<void> => {
    switch (item.kind) {
      case 'block':
        await scanner.addBlock(item.block, item.height);
        break;
      case 'tx':
        await scanner.addTransaction(item.tx, { height: item.height, blockHash: item.blockHash });
        break;
      case 'error':
        scanner.countError();
        o.progress.say(`unreadable: ${item.source}: ${item.message}`);
        break;
      case 'skipped':
        skipped++;
        o.progress.say(`skipped: ${item.source}: ${item.reason}`);
        break;
    }
    o.progress.update(scanner.stats, scanner.waiting);
  };

  if (o.rpc) {
    const { client, from, to, statePath } = o.rpc;
    const every = o.checkpointBlocks ?? 100;
    let lastDone = from - 1;
    let sinceCheckpoint = 0;
    const checkpoint = async (): Promise<void> => {
      await scanner.flush();
      if (statePath) await saveState(statePath, { rpc: client.shownUrl, from: o.rpc!.rangeFrom, to, lastDone });
      sinceCheckpoint = 0;
    };
    let failure: unknown;
    try {
      for await (const item of readRpcRange(client, from, to, stop)) {
        await handle(item);
        lastDone = item.height;
        if (++sinceCheckpoint >= every) await checkpoint();
      }
    } catch (error) {
      failure = error;
    }
    // Also when the node failed: what was scanned is written and the state says so.
    await checkpoint();
    return { stats: scanner.stats, skipped, lastDone, stopped: stop(), ...(failure === undefined ? {} : { failure }) };
  }

  for await (const item of readInputs(o.inputs ?? [])) {
    await handle(item);
    if (stop()) break;
  }
  await scanner.flush();
  return { stats: scanner.stats, skipped, stopped: stop() };
}
