import { ChainReadError } from './errors.js';
import { hexToBytesChecked } from './hash.js';
import { MAX_BLOCK_SIZE } from './blk-file.js';
import { parseTransaction, type Transaction } from './transaction.js';

/**
 * Transactions as JSON, the way node operators and block explorers hand them out:
 * - Bitcoin Core's `getrawtransaction <txid> true` (and `decoderawtransaction`): carries the raw
 *   `hex`, which is parsed; its txid must be the one the JSON states.
 * - Esplora's `/api/tx/<txid>` (mempool.space, blockstream.info): no raw bytes, so the
 *   transaction is serialised again from version, vin, vout and locktime (with the segwit marker
 *   when any input has a witness) and the result must give back the stated txid and size.
 * The re-check matters: a finding names a txid, and a JSON file edited by hand (or an explorer's
 * bug) must not put a payload under a transaction that does not contain it.
 */

/** What the readers refuse, by kind; `path` names the field (e.g. `vin[3].witness[1]`). */
export type TxJsonErrorCode =
  | 'too-large' // the text or a field is longer than any transaction can be
  | 'not-json' // the text does not parse as JSON
  | 'not-a-transaction' // JSON, but neither of the two shapes
  | 'bad-field' // a field is missing or of the wrong type or range
  | 'txid-mismatch' // the bytes hash to another txid than the JSON states
  | 'wtxid-mismatch' // Core's `hash` (the wtxid) differs from the bytes'
  | 'size-mismatch'; // the serialised size differs from the JSON's `size`

export class TxJsonError extends Error {
  readonly code: TxJsonErrorCode;
  readonly path: string | undefined;

  constructor(code: TxJsonErrorCode, detail: string, path?: string) {
    super(`${code}: ${detail}${path !== undefined ? ` (at ${path})` : ''}`);
    this.name = 'TxJsonError';
    this.code = code;
    this.path = path;
  }
}

export type TxJsonFormat = 'bitcoind' | 'esplora';

export interface JsonTransaction {
  format: TxJsonFormat;
  tx: Transaction;
  /** The raw serialisation (parsed from `hex`, or rebuilt); tx's slices are views of it. */
  bytes: Uint8Array;
  /** Block height when the JSON says (Esplora's status.block_height). */
  height: number | null;
  /** Block hash when the JSON says (Core's blockhash, Esplora's status.block_hash). */
  blockHash: string | null;
}

/** Longest JSON text read as one document: a transaction of the largest block size as JSON with its decoded fields. */
export const MAX_TX_JSON_TEXT = 64 * 1024 * 1024;
/** Largest serialised transaction accepted (a transaction cannot be larger than a block). */
export const MAX_TX_SIZE = MAX_BLOCK_SIZE;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const HASH = /^[0-9a-f]{64}$/;

/** One transaction from a parsed JSON value of either shape. */
export function readJsonTransaction(value: unknown): JsonTransaction {
  if (!isObj(value)) throw new TxJsonError('not-a-transaction', `expected an object, got ${kindOf(value)}`);
  if (typeof value.hex === 'string') return readBitcoind(value);
  if (Array.isArray(value.vin) && Array.isArray(value.vout)) return readEsplora(value);
  throw new TxJsonError('not-a-transaction', 'an object with neither "hex" (getrawtransaction … true) nor "vin" and "vout" (Esplora /api/tx)');
}

export type JsonTransactionEntry =
  | { ok: true; index: number; value: JsonTransaction }
  | { ok: false; index: number; error: TxJsonError | ChainReadError };

/**
 * Every transaction of a JSON text: one object, an array of them, or JSON lines (one object per
 * line). Each entry is a transaction or the error of that entry, so one bad entry does not hide
 * the others; a text that is not JSON at all, or too long, throws.
 */
export function readJsonTransactions(text: string, maxChars = MAX_TX_JSON_TEXT): JsonTransactionEntry[] {
  if (text.length > maxChars) throw new TxJsonError('too-large', `${text.length} characters, more than the limit of ${maxChars}`);
  let values: unknown[];
  try {
    const whole: unknown = JSON.parse(text);
    values = Array.isArray(whole) ? whole : [whole];
  } catch (error) {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    if (lines.length < 2) throw new TxJsonError('not-json', (error as Error).message);
    values = [];
    for (const [i, line] of lines.entries()) {
      try {
        values.push(JSON.parse(line));
      } catch (e) {
        // A first line that is not JSON either: the text is not JSON lines, say why it is not JSON.
        throw new TxJsonError('not-json', i === 0 ? (error as Error).message : `line ${i + 1}: ${(e as Error).message}`);
      }
    }
  }
  return values.map((v, index) => {
    try {
      return { ok: true, index, value: readJsonTransaction(v) };
    } catch (error) {
      if (error instanceof TxJsonError || error instanceof ChainReadError) return { ok: false, index, error };
      throw error;
    }
  });
}

function readBitcoind(o: Obj): JsonTransaction {
  const hex = o.hex as string;
  if (hex.length > 2 * MAX_TX_SIZE) throw new TxJsonError('too-large', `hex of ${hex.length / 2} bytes, more than a block`, 'hex');
  const bytes = hexToBytesChecked(hex);
  const tx = parseTransaction(bytes);
  const stated = hashField(o, 'txid');
  if (stated !== undefined && stated !== tx.txid) throw new TxJsonError('txid-mismatch', `hex hashes to ${tx.txid}, JSON says ${stated}`, 'txid');
  const wtxid = hashField(o, 'hash');
  if (wtxid !== undefined && wtxid !== tx.wtxid) throw new TxJsonError('wtxid-mismatch', `hex hashes to ${tx.wtxid}, JSON says ${wtxid}`, 'hash');
  checkSize(o, tx.size);
  const height = o.height === undefined ? null : intField(o, 'height', 0, 0x7fffffff, 'height');
  return { format: 'bitcoind', tx, bytes, height, blockHash: hashField(o, 'blockhash') ?? null };
}

function readEsplora(o: Obj): JsonTransaction {
  const w = new Writer();
  const version = intField(o, 'version', -0x80000000, 0xffffffff, 'version');
  const vin = o.vin as unknown[];
  const vout = o.vout as unknown[];
  // Counts are bounded by the smallest input (41 bytes) and output (9 bytes) a transaction can hold.
  if (vin.length > MAX_TX_SIZE / 41) throw new TxJsonError('too-large', `${vin.length} inputs`, 'vin');
  if (vout.length > MAX_TX_SIZE / 9) throw new TxJsonError('too-large', `${vout.length} outputs`, 'vout');
  const witnesses: Uint8Array[][] = [];
  w.u32(version >>> 0);
  const segwit = vin.some((v) => isObj(v) && Array.isArray(v.witness) && v.witness.length > 0);
  if (segwit) w.bytes(Uint8Array.of(0x00, 0x01));
  w.varint(vin.length);
  for (const [i, v] of vin.entries()) {
    const path = `vin[${i}]`;
    if (!isObj(v)) throw new TxJsonError('bad-field', `expected an object, got ${kindOf(v)}`, path);
    const prev = hashField(v, 'txid', path);
    if (prev === undefined) throw new TxJsonError('bad-field', 'missing "txid"', `${path}.txid`);
    w.bytes(hexToBytesChecked(prev).reverse());
    w.u32(intField(v, 'vout', 0, 0xffffffff, `${path}.vout`));
    w.varBytes(hexField(v, 'scriptsig', `${path}.scriptsig`));
    w.u32(intField(v, 'sequence', 0, 0xffffffff, `${path}.sequence`));
    const items = v.witness === undefined || v.witness === null ? [] : v.witness;
    if (!Array.isArray(items)) throw new TxJsonError('bad-field', `expected an array of hex, got ${kindOf(items)}`, `${path}.witness`);
    witnesses.push(items.map((item, k) => hexValue(item, `${path}.witness[${k}]`)));
    w.check();
  }
  w.varint(vout.length);
  for (const [i, v] of vout.entries()) {
    const path = `vout[${i}]`;
    if (!isObj(v)) throw new TxJsonError('bad-field', `expected an object, got ${kindOf(v)}`, path);
    w.u64(intField(v, 'value', 0, Number.MAX_SAFE_INTEGER, `${path}.value`));
    w.varBytes(hexField(v, 'scriptpubkey', `${path}.scriptpubkey`));
    w.check();
  }
  if (segwit) {
    for (const items of witnesses) {
      w.varint(items.length);
      for (const item of items) w.varBytes(item);
      w.check();
    }
  }
  w.u32(intField(o, 'locktime', 0, 0xffffffff, 'locktime'));
  const bytes = w.done();
  const tx = parseTransaction(bytes);
  const stated = hashField(o, 'txid');
  if (stated !== undefined && stated !== tx.txid) {
    throw new TxJsonError('txid-mismatch', `the fields serialise to ${tx.txid}, JSON says ${stated}`, 'txid');
  }
  checkSize(o, tx.size);
  const status = isObj(o.status) ? o.status : undefined;
  const height = status && status.block_height !== undefined && status.block_height !== null
    ? intField(status, 'block_height', 0, 0x7fffffff, 'status.block_height') : null;
  const blockHash = status ? hashField(status, 'block_hash', 'status') ?? null : null;
  return { format: 'esplora', tx, bytes, height, blockHash };
}

function checkSize(o: Obj, size: number): void {
  if (o.size === undefined) return;
  const stated = intField(o, 'size', 0, Number.MAX_SAFE_INTEGER, 'size');
  if (stated !== size) throw new TxJsonError('size-mismatch', `the transaction is ${size} bytes, JSON says ${stated}`, 'size');
}

function hashField(o: Obj, name: string, at?: string): string | undefined {
  const v = o[name];
  const path = at === undefined ? name : `${at}.${name}`;
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || !HASH.test(v)) throw new TxJsonError('bad-field', 'expected 64 lower-case hex digits', path);
  return v;
}

function intField(o: Obj, name: string, min: number, max: number, path: string): number {
  const v = o[name];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new TxJsonError('bad-field', `expected an integer from ${min} to ${max}, got ${v === undefined ? 'nothing' : JSON.stringify(v).slice(0, 40)}`, path);
  }
  return v;
}

function hexField(o: Obj, name: string, path: string): Uint8Array {
  return hexValue(o[name], path);
}

function hexValue(v: unknown, path: string): Uint8Array {
  if (typeof v !== 'string') throw new TxJsonError('bad-field', `expected hex text, got ${kindOf(v)}`, path);
  if (v.length > 2 * MAX_TX_SIZE) throw new TxJsonError('too-large', `${v.length / 2} bytes, more than a block`, path);
  try {
    return hexToBytesChecked(v);
  } catch (e) {
    throw new TxJsonError('bad-field', (e as Error).message, path);
  }
}

function kindOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
}

/** Serialisation buffer that refuses to grow past the largest transaction. */
class Writer {
  private chunks: Uint8Array[] = [];
  private length = 0;

  bytes(b: Uint8Array): void {
    this.chunks.push(b);
    this.length += b.length;
  }

  u32(v: number): void {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v >>> 0, true);
    this.bytes(b);
  }

  u64(v: number): void {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt(v), true);
    this.bytes(b);
  }

  varint(n: number): void {
    if (n < 0xfd) this.bytes(Uint8Array.of(n));
    else if (n <= 0xffff) this.bytes(Uint8Array.of(0xfd, n & 0xff, n >>> 8));
    else {
      const b = new Uint8Array(5);
      b[0] = 0xfe;
      new DataView(b.buffer).setUint32(1, n, true);
      this.bytes(b);
    }
  }

  varBytes(b: Uint8Array): void {
    this.varint(b.length);
    this.bytes(b);
  }

  check(): void {
    if (this.length > MAX_TX_SIZE) throw new TxJsonError('too-large', `the transaction grows past ${MAX_TX_SIZE} bytes`);
  }

  done(): Uint8Array {
    this.check();
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}
