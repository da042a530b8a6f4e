import { readFile, rename, writeFile } from 'node:fs/promises';
import { parseBlock } from '@crosscheck/core/bitcoin';
import type { BitcoinRpc } from './bitcoin-rpc.js';
import { describeError, type ScanItem } from './file-sources.js';
import { SCAN_PARSE } from './native-sha256.js';

/**
 * Blocks of a height range from a node, in height order, each with its height. A block that does
 * not parse is an error item and the range goes on; a node that stops answering ends the range
 * with its RpcError, and the state file says where to resume.
 */
export async function* readRpcRange(rpc: BitcoinRpc, from: number, to: number, stop: () => boolean = () => false): AsyncGenerator<ScanItem & { height: number }> {
  for (let height = from; height <= to && !stop(); height++) {
    const hash = await rpc.getBlockHash(height);
    const hex = await rpc.getBlockHex(hash);
    const source = `${rpc.shownUrl} height ${height}`;
    try {
      const block = parseBlock(hex, SCAN_PARSE);
      if (block.header.hash !== hash) {
        yield { kind: 'error', source, message: `the node gave block ${block.header.hash} for hash ${hash}`, height };
        continue;
      }
      yield { kind: 'block', block, height, source };
    } catch (error) {
      yield { kind: 'error', source, message: describeError(error), height };
    }
  }
}

/**
 * Where a range scan is: the last height whose findings were all written. Saved after each batch
 * of written findings (never before), by writing a new file and renaming it over the old one, so
 * a stop at any moment leaves a state to resume from.
 */
export interface ScanState {
  rpc: string;
  from: number;
  to: number;
  lastDone: number;
  updatedAt: string;
}

export async function loadState(path: string): Promise<ScanState> {
  let value: Partial<ScanState>;
  try {
    value = JSON.parse(await readFile(path, 'utf8')) as Partial<ScanState>;
  } catch (error) {
    throw new Error(`cannot resume from ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  const int = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= -1;
  if (typeof value.rpc !== 'string' || !int(value.from) || !int(value.to) || !int(value.lastDone)) {
    throw new Error(`cannot resume from ${path}: not a chain scan state file`);
  }
  return value as ScanState;
}

export async function saveState(path: string, state: Omit<ScanState, 'updatedAt'>): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify({ ...state, updatedAt: new Date().toISOString() }, null, 2)}\n`);
  await rename(temporary, path);
}
