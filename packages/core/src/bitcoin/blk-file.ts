import { parseBlock, type Block } from './block.js';
import { ChainReadError } from './errors.js';

/** Network magic bytes, as they appear in blk*.dat files and P2P messages. */
export const NETWORK_MAGIC = {
  mainnet: [0xf9, 0xbe, 0xb4, 0xd9],
  testnet3: [0x0b, 0x11, 0x09, 0x07],
  testnet4: [0x1c, 0x16, 0x3f, 0x28],
  signet: [0x0a, 0x03, 0xcf, 0x40],
  regtest: [0xfa, 0xbf, 0xb5, 0xda],
} as const;
export type Network = keyof typeof NETWORK_MAGIC;

/** Bitcoin Core's largest serialised block (MAX_BLOCK_SERIALIZED_SIZE). */
export const MAX_BLOCK_SIZE = 4_000_000;

export type BlkEntry =
  | { ok: true; network: Network; offset: number; index: number; block: Block }
  | { ok: false; offset: number; index: number; error: ChainReadError };

export interface BlkOptions {
  /** Contents of blocks/xor.dat; absent or all zero means the file is not obfuscated. */
  xorKey?: Uint8Array;
  maxBlockSize?: number;
}

/**
 * Bitcoin Core's blk*.dat framing over one file's bytes: [magic][u32le length][block], repeated,
 * then zero padding. Blocks are yielded one at a time, each de-obfuscated into its own copy (memory
 * is one block beyond the input); a malformed record is yielded as an error naming its file offset
 * (and the block hash when its header was readable), and reading goes on at the next magic.
 */
export function* readBlkFile(file: Uint8Array, options: BlkOptions = {}): Generator<BlkEntry> {
  const key = options.xorKey && options.xorKey.some((b) => b !== 0) ? options.xorKey : undefined;
  const max = options.maxBlockSize ?? MAX_BLOCK_SIZE;
  const at = (i: number): number => (key ? file[i]! ^ key[i % key.length]! : file[i]!);
  let pos = 0;
  let index = 0;
  while (pos < file.length) {
    if (at(pos) === 0 && restIsZero(file, pos, at)) return; // padding at the end of the file
    const network = pos + 4 <= file.length ? magicAt(pos, at) : undefined;
    if (!network) {
      const next = findMagic(file, pos + 1, at);
      yield { ok: false, offset: pos, index, error: new ChainReadError('bad-magic', `no network magic; ${(next ?? file.length) - pos} bytes skipped`, { offset: pos, blockIndex: index }) };
      index++;
      if (next === undefined) return;
      pos = next;
      continue;
    }
    const left = file.length - pos - 8;
    const length = left >= 0 ? (at(pos + 4) | (at(pos + 5) << 8) | (at(pos + 6) << 16) | (at(pos + 7) << 24)) >>> 0 : -1;
    if (length < 0 || length > max || length > left) {
      const detail = length < 0 ? 'record header cut off' : `length ${length} exceeds ${length > max ? `the limit ${max}` : `the ${left} bytes left`}`;
      yield { ok: false, offset: pos, index, error: new ChainReadError('bad-block-length', detail, { offset: pos, blockIndex: index }) };
      index++;
      const next = findMagic(file, pos + 1, at);
      if (next === undefined) return;
      pos = next;
      continue;
    }
    const start = pos + 8;
    const bytes = new Uint8Array(length);
    for (let i = 0; i < length; i++) bytes[i] = at(start + i);
    try {
      yield { ok: true, network, offset: pos, index, block: parseBlock(bytes, start) };
    } catch (e) {
      if (!(e instanceof ChainReadError)) throw e;
      yield { ok: false, offset: pos, index, error: e.at({ blockIndex: index }) };
    }
    index++;
    pos = start + length;
  }
}

function magicAt(pos: number, at: (i: number) => number): Network | undefined {
  for (const [name, m] of Object.entries(NETWORK_MAGIC) as [Network, readonly number[]][]) {
    if (at(pos) === m[0] && at(pos + 1) === m[1] && at(pos + 2) === m[2] && at(pos + 3) === m[3]) return name;
  }
  return undefined;
}

function findMagic(file: Uint8Array, from: number, at: (i: number) => number): number | undefined {
  for (let p = from; p + 4 <= file.length; p++) if (magicAt(p, at)) return p;
  return undefined;
}

function restIsZero(file: Uint8Array, from: number, at: (i: number) => number): boolean {
  for (let i = from; i < file.length; i++) if (at(i) !== 0) return false;
  return true;
}
