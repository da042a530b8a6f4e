import { sha256 } from '@noble/hashes/sha2.js';
import { ByteCursor } from './cursor.js';
import { ChainReadError } from './errors.js';
import { displayHex, hexToBytesChecked, sha256d } from './hash.js';

// Smallest possible input (prevout 36 + empty script length 1 + sequence 4) and output
// (value 8 + empty script length 1): counts are checked against them before any loop starts.
const MIN_INPUT = 41;
const MIN_OUTPUT = 9;

export interface TxInput {
  /** Txid of the spent output, display hex (all zeros for a coinbase). */
  prevTxid: string;
  prevVout: number;
  scriptSig: Uint8Array;
  sequence: number;
  /** Witness stack of this input (empty when none). Items are views of the input bytes. */
  witness: Uint8Array[];
  /** Byte offset of this input in the data read (the block, or the transaction alone). */
  offset: number;
  /** Byte offset of this input's witness stack, when the transaction has witnesses. */
  witnessOffset?: number;
}

export interface TxOutput {
  /** Amount in satoshis (bigint: a malformed value may exceed 2^53). */
  value: bigint;
  scriptPubKey: Uint8Array;
  offset: number;
}

export interface Transaction {
  version: number;
  segwit: boolean;
  inputs: TxInput[];
  outputs: TxOutput[];
  locktime: number;
  /** Double SHA-256 of the serialisation without witnesses, display hex. */
  txid: string;
  /** Double SHA-256 of the full serialisation (equal to txid without witnesses), display hex. */
  wtxid: string;
  /** Offset of the transaction in the data read, and its full serialised size. */
  offset: number;
  size: number;
}

/** Reads one transaction at the cursor. Errors carry the offset of the failing field. */
export function readTransaction(c: ByteCursor): Transaction {
  const start = c.pos;
  const version = c.i32le('version');
  let segwit = false;
  let afterMarker = c.pos;
  if (c.remaining >= 1 && c.bytes[c.pos] === 0x00) {
    // BIP 144: a zero where the input count would be is the segwit marker, followed by flag 1.
    c.pos++;
    const flagAt = c.pos;
    const flag = c.u8('segwit flag');
    if (flag !== 0x01) {
      throw new ChainReadError('bad-segwit-flag', `segwit flag is ${flag}, expected 1`, { offset: c.base + flagAt });
    }
    segwit = true;
    afterMarker = c.pos;
  }
  const inputs: TxInput[] = [];
  const nIn = c.count(MIN_INPUT, 'input count');
  for (let i = 0; i < nIn; i++) {
    const offset = c.base + c.pos;
    const prev = c.slice(32, 'prevout txid');
    const prevVout = c.u32le('prevout index');
    const scriptSig = c.varBytes('scriptSig');
    const sequence = c.u32le('sequence');
    inputs.push({ prevTxid: displayHex(prev), prevVout, scriptSig, sequence, witness: [], offset });
  }
  const outputs: TxOutput[] = [];
  const nOut = c.count(MIN_OUTPUT, 'output count');
  for (let i = 0; i < nOut; i++) {
    const offset = c.base + c.pos;
    const value = c.u64le('output value');
    const scriptPubKey = c.varBytes('scriptPubKey');
    outputs.push({ value, scriptPubKey, offset });
  }
  const endOutputs = c.pos;
  if (segwit) {
    let any = false;
    for (const input of inputs) {
      input.witnessOffset = c.base + c.pos;
      const items = c.count(1, 'witness item count');
      for (let k = 0; k < items; k++) input.witness.push(c.varBytes('witness item'));
      if (items > 0) any = true;
    }
    if (!any) throw new ChainReadError('empty-witness', 'segwit marker set but no witness data', { offset: c.base + start });
  }
  const locktimeAt = c.pos;
  const locktime = c.u32le('locktime');
  const end = c.pos;
  const full = c.bytes.subarray(start, end);
  const wtxidBytes = sha256d(full);
  let txidBytes = wtxidBytes;
  if (segwit) {
    // The txid leaves out marker, flag and witnesses: hash the three ranges without copying them.
    const inner = sha256.create()
      .update(c.bytes.subarray(start, start + 4))
      .update(c.bytes.subarray(afterMarker, endOutputs))
      .update(c.bytes.subarray(locktimeAt, end))
      .digest();
    txidBytes = sha256(inner);
  }
  return {
    version, segwit, inputs, outputs, locktime,
    txid: displayHex(txidBytes), wtxid: displayHex(wtxidBytes),
    offset: c.base + start, size: end - start,
  };
}

/** A single raw transaction (binary or hex); bytes after it are an error. */
export function parseTransaction(raw: Uint8Array | string): Transaction {
  const bytes = typeof raw === 'string' ? hexToBytesChecked(raw) : raw;
  const c = new ByteCursor(bytes);
  const tx = readTransaction(c);
  if (c.remaining !== 0) {
    throw new ChainReadError('trailing-bytes', `${c.remaining} bytes after the transaction`, { offset: c.pos });
  }
  return tx;
}

/** The internal (not reversed) bytes of a txid, as the merkle tree uses them. */
export function internalHash(displayHexHash: string): Uint8Array {
  return hexToBytesChecked(displayHexHash).reverse();
}
