import { ByteCursor } from './cursor.js';
import { ChainReadError } from './errors.js';
import { displayHex, hexToBytesChecked, pureSha256, sha256d, type Sha256 } from './hash.js';
import { merkleRoot } from './merkle.js';
import { readTransaction, type Transaction } from './transaction.js';

export const HEADER_SIZE = 80;
// Smallest transaction: version 4, one input 41, one output 9, locktime 4, two counts 2.
const MIN_TX = 60;

export interface BlockHeader {
  version: number;
  /** Previous block hash, display hex. */
  prevHash: string;
  /** Merkle root as written in the header, display hex. */
  merkleRoot: string;
  time: number;
  bits: number;
  nonce: number;
  /** Double SHA-256 of the 80-byte header, display hex. */
  hash: string;
}

export interface Block {
  header: BlockHeader;
  transactions: Transaction[];
  /** Serialised size in bytes. */
  size: number;
}

export function readHeader(c: ByteCursor, hash: Sha256 = pureSha256): BlockHeader {
  const start = c.pos;
  const raw = c.slice(HEADER_SIZE, 'block header');
  const h = new ByteCursor(raw, 0, c.base + start);
  const version = h.i32le();
  const prevHash = displayHex(h.slice(32));
  const merkle = displayHex(h.slice(32));
  return { version, prevHash, merkleRoot: merkle, time: h.u32le(), bits: h.u32le(), nonce: h.u32le(), hash: displayHex(sha256d(raw, hash)) };
}

/**
 * A whole block: header, every transaction, nothing after it, and the merkle root recomputed from
 * the txids equal to the header's. `base` is the block's offset in its file, added to every offset.
 */
export interface ParseBlockOptions {
  /** Offset of the block in its file, added to every offset. */
  base?: number;
  /**
   * Recompute the merkle root from the txids (default true). Hashing every transaction costs more
   * than reading it; a scanner of blocks a node has already validated may leave it out.
   */
  verifyMerkle?: boolean;
  /** The SHA-256 to hash with (the core's pure one by default). */
  sha256?: Sha256;
}

export function parseBlock(raw: Uint8Array | string, options: number | ParseBlockOptions = {}): Block {
  const { base = 0, verifyMerkle = true, sha256 = pureSha256 } = typeof options === 'number' ? { base: options } : options;
  const bytes = typeof raw === 'string' ? hexToBytesChecked(raw) : raw;
  const c = new ByteCursor(bytes, 0, base);
  const header = readHeader(c, sha256);
  const place = { blockHash: header.hash };
  const transactions: Transaction[] = [];
  try {
    const n = c.count(MIN_TX, 'transaction count');
    for (let i = 0; i < n; i++) {
      try {
        transactions.push(readTransaction(c, sha256));
      } catch (e) {
        throw e instanceof ChainReadError ? e.at({ txIndex: i }) : e;
      }
    }
    if (c.remaining !== 0) {
      throw new ChainReadError('trailing-bytes', `${c.remaining} bytes after the last transaction`, { offset: base + c.pos });
    }
  } catch (e) {
    throw e instanceof ChainReadError ? e.at(place) : e;
  }
  if (!verifyMerkle) return { header, transactions, size: bytes.length };
  const computed = displayHex(merkleRoot(transactions.map((t) => t.txidHash), sha256));
  if (computed !== header.merkleRoot) {
    throw new ChainReadError('merkle-mismatch', `merkle root of the transactions is ${computed}, header says ${header.merkleRoot}`, { ...place, offset: base + 36 });
  }
  return { header, transactions, size: bytes.length };
}
