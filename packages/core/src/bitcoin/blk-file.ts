import { parseBlock, type Block, type ParseBlockOptions } from './block.js';
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
const MAGICS = Object.entries(NETWORK_MAGIC) as [Network, readonly number[]][];

/** Bitcoin Core's largest serialised block (MAX_BLOCK_SERIALIZED_SIZE). */
export const MAX_BLOCK_SIZE = 4_000_000;

export type BlkEntry =
  | { ok: true; network: Network; offset: number; index: number; block: Block }
  | { ok: false; offset: number; index: number; error: ChainReadError };

export interface BlkOptions {
  /** Contents of blocks/xor.dat; absent or all zero means the file is not obfuscated. */
  xorKey?: Uint8Array;
  maxBlockSize?: number;
  /** How each block is parsed: merkle check (default on) and the SHA-256 to use. */
  parse?: Omit<ParseBlockOptions, 'base'>;
}

/**
 * Bitcoin Core's blk*.dat framing over one file's bytes: [magic][u32le length][block], repeated,
 * then zero padding. Lazy: blocks are parsed as the caller iterates. See BlkReader.
 */
export function* readBlkFile(file: Uint8Array, options: BlkOptions = {}): Generator<BlkEntry> {
  const reader = new BlkReader(options);
  reader.push(file);
  reader.end();
  yield* reader.drain();
}

/**
 * Incremental blk*.dat reader: push chunks of the file in order, drain entries, end() after the
 * last chunk and drain again. It holds at most one unfinished record (≤ maxBlockSize + 8 bytes)
 * plus the chunk being read; a block is a view of the chunk (a de-obfuscated copy when the file is
 * obfuscated). A malformed record is an error entry naming its file offset (and the block hash and
 * transaction when the header was readable), and reading goes on at the next network magic. Zero padding at the end is not an
 * entry; bytes that are neither a record nor final padding are one `bad-magic` entry.
 */
export class BlkReader {
  private readonly key: Uint8Array | undefined;
  private readonly max: number;
  private readonly parse: Omit<ParseBlockOptions, 'base'>;
  private pending: Uint8Array = new Uint8Array(0);
  /** File offset of pending[0]. */
  private pendingAt = 0;
  private index = 0;
  private ended = false;
  /** Skipping to the next magic: from where, whether the skipped bytes are all zero, and
   *  whether an error for them was already given (after a bad length). */
  private skip: { start: number; allZero: boolean; silent: boolean } | undefined;

  constructor(options: BlkOptions = {}) {
    this.key = options.xorKey && options.xorKey.some((b) => b !== 0) ? options.xorKey : undefined;
    this.max = options.maxBlockSize ?? MAX_BLOCK_SIZE;
    this.parse = options.parse ?? {};
  }

  /** Bytes held back, waiting for the rest of a record. */
  get buffered(): number {
    return this.pending.length;
  }

  /** The reader and the blocks it gives keep views of the chunk: never refill a chunk's memory for the next read. */
  push(chunk: Uint8Array): void {
    if (this.ended) throw new Error('BlkReader: push after end');
    if (this.pending.length === 0) {
      this.pending = chunk; // a view: no copy while records are whole within chunks
    } else {
      const joined = new Uint8Array(this.pending.length + chunk.length);
      joined.set(this.pending, 0);
      joined.set(chunk, this.pending.length);
      this.pending = joined;
    }
  }

  end(): void {
    this.ended = true;
  }

  *drain(): Generator<BlkEntry> {
    for (;;) {
      const n = this.pending.length;
      if (this.skip) {
        let found = -1;
        const scanTo = this.ended ? n : Math.max(0, n - 3); // a magic may straddle two chunks
        for (let i = 0; i < scanTo; i++) {
          if (i + 4 <= n && this.magicAt(i)) { found = i; break; }
          if (this.at(i) !== 0) this.skip.allZero = false;
        }
        if (found < 0) {
          this.consume(scanTo);
          if (!this.ended) return;
          const error = this.closeSkip(this.pendingAt, true);
          this.skip = undefined;
          if (error) yield error;
          return;
        }
        this.consume(found);
        const error = this.closeSkip(this.pendingAt, false);
        this.skip = undefined;
        if (error) yield error;
        continue;
      }
      if (n === 0) return;
      if (n < 8 && !this.ended) return;
      const network = n >= 4 ? this.magicAt(0) : undefined;
      if (!network) {
        this.skip = { start: this.pendingAt, allZero: true, silent: false };
        continue;
      }
      const offset = this.pendingAt;
      const length = n >= 8 ? (this.at(4) | (this.at(5) << 8) | (this.at(6) << 16) | (this.at(7) << 24)) >>> 0 : -1;
      if (length > this.max || length < 0 || n - 8 < length) {
        if (length >= 0 && length <= this.max && !this.ended) return; // wait for the rest of the record
        const detail = length < 0 ? 'record header cut off'
          : length > this.max ? `length ${length} exceeds the limit ${this.max}` : `length ${length} exceeds the ${n - 8} bytes left`;
        const index = this.index++;
        this.consume(1);
        this.skip = { start: this.pendingAt, allZero: true, silent: true };
        yield { ok: false, offset, index, error: new ChainReadError('bad-block-length', detail, { offset, blockIndex: index }) };
        continue;
      }
      const bytes = this.record(8, length);
      const index = this.index++;
      this.consume(8 + length);
      let entry: BlkEntry;
      try {
        entry = { ok: true, network, offset, index, block: parseBlock(bytes, { ...this.parse, base: offset + 8 }) };
      } catch (e) {
        if (!(e instanceof ChainReadError)) throw e;
        entry = { ok: false, offset, index, error: e.at({ blockIndex: index }) };
      }
      yield entry;
    }
  }

  private closeSkip(endOffset: number, atEnd: boolean): BlkEntry | undefined {
    const s = this.skip!;
    if (s.silent || (atEnd && s.allZero) || endOffset === s.start) return undefined;
    const index = this.index++;
    const detail = `no network magic; ${endOffset - s.start} bytes skipped`;
    return { ok: false, offset: s.start, index, error: new ChainReadError('bad-magic', detail, { offset: s.start, blockIndex: index }) };
  }

  private consume(k: number): void {
    this.pending = this.pending.subarray(k);
    this.pendingAt += k;
  }

  /**
   * The record's block bytes: a view of the chunk when the file is not obfuscated (the chunk is
   * kept only while its blocks are), otherwise a de-obfuscated copy.
   */
  private record(from: number, length: number): Uint8Array {
    const view = this.pending.subarray(from, from + length);
    const key = this.key;
    if (!key) return view;
    const bytes = new Uint8Array(view);
    let k = (this.pendingAt + from) % key.length;
    for (let i = 0; i < length; i++) {
      bytes[i] = bytes[i]! ^ key[k]!;
      if (++k === key.length) k = 0;
    }
    return bytes;
  }

  /** Byte i of pending, de-obfuscated by its file offset. */
  private at(i: number): number {
    const b = this.pending[i]!;
    return this.key ? b ^ this.key[(this.pendingAt + i) % this.key.length]! : b;
  }

  private magicAt(i: number): Network | undefined {
    const a = this.at(i), b = this.at(i + 1), c = this.at(i + 2), d = this.at(i + 3);
    for (const [name, m] of MAGICS) if (a === m[0] && b === m[1] && c === m[2] && d === m[3]) return name;
    return undefined;
  }
}
