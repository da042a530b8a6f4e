import { ByteCursor } from './cursor.js';
import { ChainReadError } from './errors.js';
import { displayHex, hexToBytesChecked, pureSha256, sha256d, type Sha256 } from './hash.js';

// Smallest possible input (prevout 36 + empty script length 1 + sequence 4) and output
// (value 8 + empty script length 1): counts are checked against them before any loop starts.
const MIN_INPUT = 41;
const MIN_OUTPUT = 9;

export interface TxInput {
  /** Txid of the spent output, display hex (all zeros for a coinbase). Computed when first read. */
  readonly prevTxid: string;
  /** The same txid as written in the transaction (internal byte order): a view, no copy. */
  readonly prevHash: Uint8Array;
  readonly prevVout: number;
  readonly scriptSig: Uint8Array;
  readonly sequence: number;
  /** Witness stack of this input (empty when none). Items are views of the input bytes. */
  readonly witness: Uint8Array[];
  /** Byte offset of this input in the data read (the block, or the transaction alone). */
  readonly offset: number;
  /** Byte offset of this input's witness stack, when the transaction has witnesses. */
  witnessOffset?: number;
  /** The input's serialised witness stack (count and items), a view; absent without witnesses. */
  readonly witnessBytes?: Uint8Array;
  /** The scriptSig's length, known without making its view (the reader's inputs have it). */
  readonly scriptSigSize?: number;
}

export interface TxOutput {
  /** Amount in satoshis (bigint: a malformed value may exceed 2^53). */
  readonly value: bigint;
  readonly scriptPubKey: Uint8Array;
  readonly offset: number;
  /** The script's first byte (-1 when empty), known without making its view (the reader's outputs have it). */
  readonly scriptFirstByte?: number;
}

export interface Transaction {
  readonly version: number;
  readonly segwit: boolean;
  readonly inputs: TxInput[];
  readonly outputs: TxOutput[];
  readonly locktime: number;
  /** Double SHA-256 of the serialisation without witnesses, display hex. */
  readonly txid: string;
  /** Double SHA-256 of the full serialisation (equal to txid without witnesses), display hex. */
  readonly wtxid: string;
  /** The txid in internal byte order, as the merkle tree uses it. */
  readonly txidHash: Uint8Array;
  /** Offset of the transaction in the data read, and its full serialised size. */
  readonly offset: number;
  readonly size: number;
}

// Reading a block must not allocate per field: a view (subarray) or a bigint for every script,
// amount and witness item costs more in garbage collection than the reading itself. Inputs and
// outputs keep offsets into the bytes read and build those values when first asked for; hashes
// likewise (a scanner names the txid of the few transactions that carry data, and hashing every
// byte twice costs more than the scan).
class Input implements TxInput {
  witnessOffset?: number;
  /** Where this input's witness stack ends, when the transaction has witnesses. */
  witnessEnd?: number;
  private prevHex?: string;
  private witnessItems?: Uint8Array[];
  private scriptView?: Uint8Array;
  constructor(
    private readonly bytes: Uint8Array,
    /** Offset of bytes[0] in the data read. */
    private readonly base: number,
    private readonly at: number,
    private readonly scriptLength: number,
    private readonly scriptAt: number,
  ) {}
  get offset(): number {
    return this.base + this.at;
  }
  get prevHash(): Uint8Array {
    return this.bytes.subarray(this.at, this.at + 32);
  }
  get prevTxid(): string {
    return (this.prevHex ??= displayHex(this.prevHash));
  }
  get prevVout(): number {
    return readU32(this.bytes, this.at + 32);
  }
  // Several methods look at the same script: one view, made when first asked for.
  get scriptSig(): Uint8Array {
    return (this.scriptView ??= this.bytes.subarray(this.scriptAt, this.scriptAt + this.scriptLength));
  }
  get sequence(): number {
    return readU32(this.bytes, this.scriptAt + this.scriptLength);
  }
  get scriptSigSize(): number {
    return this.scriptLength;
  }
  get witnessBytes(): Uint8Array | undefined {
    if (this.witnessOffset === undefined || this.witnessEnd === undefined) return undefined;
    return this.bytes.subarray(this.witnessOffset - this.base, this.witnessEnd - this.base);
  }
  get witness(): Uint8Array[] {
    if (this.witnessItems) return this.witnessItems;
    if (this.witnessOffset === undefined) return (this.witnessItems = NO_WITNESS);
    // Already checked when the transaction was read: this walk cannot fail, and needs no cursor.
    const b = this.bytes;
    let at = this.witnessOffset - this.base;
    let n: number;
    [n, at] = compactSizeAt(b, at);
    if (n === 0) return (this.witnessItems = NO_WITNESS);
    const items: Uint8Array[] = [];
    for (let k = 0; k < n; k++) {
      let length: number;
      [length, at] = compactSizeAt(b, at);
      items.push(b.subarray(at, at + length));
      at += length;
    }
    return (this.witnessItems = items);
  }
  toJSON(): object {
    const { prevTxid, prevVout, scriptSig, sequence, witness, offset } = this;
    return { prevTxid, prevVout, scriptSig, sequence, witness, offset };
  }
}

class Output implements TxOutput {
  private scriptView?: Uint8Array;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly base: number,
    private readonly at: number,
    private readonly scriptAt: number,
    private readonly scriptLength: number,
  ) {}
  get offset(): number {
    return this.base + this.at;
  }
  get value(): bigint {
    return new DataView(this.bytes.buffer, this.bytes.byteOffset + this.at, 8).getBigUint64(0, true);
  }
  get scriptPubKey(): Uint8Array {
    return (this.scriptView ??= this.bytes.subarray(this.scriptAt, this.scriptAt + this.scriptLength));
  }
  get scriptFirstByte(): number {
    return this.scriptLength > 0 ? this.bytes[this.scriptAt]! : -1;
  }
  toJSON(): object {
    return { value: this.value, scriptPubKey: this.scriptPubKey, offset: this.offset };
  }
}

/** Shared by every input without witness items; never written to. */
const NO_WITNESS: Uint8Array[] = Object.freeze([]) as unknown as Uint8Array[];

/** A CompactSize already validated by the reader, and the offset after it. */
function compactSizeAt(b: Uint8Array, at: number): [number, number] {
  const first = b[at]!;
  if (first < 0xfd) return [first, at + 1];
  if (first === 0xfd) return [b[at + 1]! | (b[at + 2]! << 8), at + 3];
  if (first === 0xfe) return [readU32(b, at + 1), at + 5];
  return [readU32(b, at + 1) + readU32(b, at + 5) * 2 ** 32, at + 9];
}

function readU32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

class ReadTransaction implements Transaction {
  private txidCache?: Uint8Array;
  private wtxidCache?: Uint8Array;
  constructor(
    readonly version: number,
    readonly segwit: boolean,
    readonly inputs: TxInput[],
    readonly outputs: TxOutput[],
    readonly locktime: number,
    readonly offset: number,
    readonly size: number,
    /** The serialised transaction (a view), and where the parts the txid leaves out begin and end. */
    private readonly raw: Uint8Array,
    private readonly afterMarker: number,
    private readonly endOutputs: number,
    private readonly hash: Sha256,
  ) {}

  get wtxidHash(): Uint8Array {
    return (this.wtxidCache ??= sha256d(this.raw, this.hash));
  }

  get txidHash(): Uint8Array {
    if (this.txidCache) return this.txidCache;
    if (!this.segwit) return (this.txidCache = this.wtxidHash);
    // The txid leaves out marker, flag and witnesses: hash the three ranges without copying them.
    const r = this.raw;
    const inner = this.hash([r.subarray(0, 4), r.subarray(this.afterMarker, this.endOutputs), r.subarray(r.length - 4)]);
    return (this.txidCache = this.hash([inner]));
  }

  get txid(): string {
    return displayHex(this.txidHash);
  }

  get wtxid(): string {
    return displayHex(this.wtxidHash);
  }

  /** Plain data for JSON and test output (getters are not own properties). */
  toJSON(): object {
    const { version, segwit, inputs, outputs, locktime, txid, wtxid, offset, size } = this;
    return { version, segwit, inputs, outputs, locktime, txid, wtxid, offset, size };
  }
}

/** Reads one transaction at the cursor. Errors carry the offset of the failing field. */
export function readTransaction(c: ByteCursor, hash: Sha256 = pureSha256): Transaction {
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
  const inputs: Input[] = [];
  const nIn = c.count(MIN_INPUT, 'input count');
  for (let i = 0; i < nIn; i++) {
    const at = c.pos;
    c.skip(36, 'prevout');
    const length = c.skipVarBytes('scriptSig');
    const scriptAt = c.pos - length;
    c.skip(4, 'sequence');
    inputs.push(new Input(c.bytes, c.base, at, length, scriptAt));
  }
  const outputs: TxOutput[] = [];
  const nOut = c.count(MIN_OUTPUT, 'output count');
  for (let i = 0; i < nOut; i++) {
    const at = c.pos;
    c.skip(8, 'output value');
    const length = c.skipVarBytes('scriptPubKey');
    outputs.push(new Output(c.bytes, c.base, at, c.pos - length, length));
  }
  const endOutputs = c.pos;
  if (segwit) {
    let any = false;
    for (const input of inputs) {
      input.witnessOffset = c.base + c.pos;
      const items = c.count(1, 'witness item count');
      for (let k = 0; k < items; k++) c.skipVarBytes('witness item');
      input.witnessEnd = c.base + c.pos;
      if (items > 0) any = true;
    }
    if (!any) throw new ChainReadError('empty-witness', 'segwit marker set but no witness data', { offset: c.base + start });
  }
  const locktime = c.u32le('locktime');
  const end = c.pos;
  return new ReadTransaction(version, segwit, inputs, outputs, locktime, c.base + start, end - start, c.bytes.subarray(start, end), afterMarker - start, endOutputs - start, hash);
}

/** A single raw transaction (binary or hex); bytes after it are an error. */
export function parseTransaction(raw: Uint8Array | string, hash: Sha256 = pureSha256): Transaction {
  const bytes = typeof raw === 'string' ? hexToBytesChecked(raw) : raw;
  const c = new ByteCursor(bytes);
  const tx = readTransaction(c, hash);
  if (c.remaining !== 0) {
    throw new ChainReadError('trailing-bytes', `${c.remaining} bytes after the transaction`, { offset: c.pos });
  }
  return tx;
}

/** The internal (not reversed) bytes of a txid, as the merkle tree uses them. */
export function internalHash(displayHexHash: string): Uint8Array {
  return hexToBytesChecked(displayHexHash).reverse();
}
