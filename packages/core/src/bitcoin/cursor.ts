import { ChainReadError } from './errors.js';

/**
 * A bounded reader over bytes. Every read is checked against the end first, and a length read
 * from the data is checked against what is left before anything is sliced, so a lying length
 * (a push claiming 4 GB) is a named error and never an allocation. Slices are views (subarray),
 * not copies: memory stays that of the input.
 */
export class ByteCursor {
  readonly bytes: Uint8Array;
  /** Offset of bytes[0] in the larger stream (file offset), added to error offsets. */
  readonly base: number;
  pos: number;
  private readonly view: DataView;

  constructor(bytes: Uint8Array, pos = 0, base = 0) {
    // A Node Buffer's subarray builds another Buffer, several times slower than a plain view, and
    // a block is sliced tens of thousands of times: read through a plain Uint8Array of the same memory.
    this.bytes = Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = pos;
    this.base = base;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  private need(n: number, what: string): void {
    if (n > this.remaining) {
      throw new ChainReadError('truncated', `${what} needs ${n} bytes, ${this.remaining} left`, { offset: this.base + this.pos });
    }
  }

  u8(what = 'byte'): number {
    this.need(1, what);
    return this.bytes[this.pos++]!;
  }

  u16le(what = 'u16'): number {
    this.need(2, what);
    const v = this.view.getUint16(this.pos, true);
    this.pos += 2;
    return v;
  }

  u32le(what = 'u32'): number {
    this.need(4, what);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  i32le(what = 'i32'): number {
    this.need(4, what);
    const v = this.view.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }

  u64le(what = 'u64'): bigint {
    this.need(8, what);
    const v = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    return v;
  }

  /** A view of the next n bytes. */
  slice(n: number, what = 'bytes'): Uint8Array {
    this.need(n, what);
    const s = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return s;
  }

  /** Bitcoin CompactSize, canonical encodings only (as Bitcoin Core requires). */
  varint(what = 'count'): number {
    const start = this.pos;
    const first = this.u8(what);
    let v: number;
    if (first < 0xfd) return first;
    if (first === 0xfd) { v = this.u16le(what); if (v < 0xfd) this.nonCanonical(what, start); return v; }
    if (first === 0xfe) { v = this.u32le(what); if (v <= 0xffff) this.nonCanonical(what, start); return v; }
    const big = this.u64le(what);
    if (big <= 0xffffffffn) this.nonCanonical(what, start);
    // No real count or length reaches 2^53; past that a number would lose precision.
    if (big > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new ChainReadError('length-too-large', `${what} of ${big} is beyond any data`, { offset: this.base + start });
    }
    return Number(big);
  }

  /**
   * A CompactSize that counts things of at least `minSize` bytes each: refused before the loop
   * when the rest of the data cannot hold that many (a count of 4 billion never starts a loop).
   */
  count(minSize: number, what: string): number {
    const start = this.pos;
    const n = this.varint(what);
    if (n * minSize > this.remaining) {
      throw new ChainReadError('length-too-large', `${what} of ${n} needs at least ${n * minSize} bytes, ${this.remaining} left`, { offset: this.base + start });
    }
    return n;
  }

  /** Moves past n bytes without looking at them. */
  skip(n: number, what = 'bytes'): void {
    this.need(n, what);
    this.pos += n;
  }

  /** A CompactSize length followed by that many bytes, skipped: returns the length. */
  skipVarBytes(what: string): number {
    const start = this.pos;
    const first = this.pos < this.bytes.length ? this.bytes[this.pos]! : 0xff;
    const n = first < 0xfd ? (this.pos++, first) : this.varint(`${what} length`);
    if (n > this.remaining) {
      throw new ChainReadError('length-too-large', `${what} claims ${n} bytes, ${this.remaining} left`, { offset: this.base + start });
    }
    this.pos += n;
    return n;
  }

  /** A CompactSize length followed by that many bytes. */
  varBytes(what: string): Uint8Array {
    const n = this.skipVarBytes(what);
    return this.bytes.subarray(this.pos - n, this.pos);
  }

  private nonCanonical(what: string, start: number): never {
    throw new ChainReadError('non-canonical-varint', `${what} is not minimally encoded`, { offset: this.base + start });
  }
}
