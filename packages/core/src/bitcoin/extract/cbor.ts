// A small CBOR (RFC 8949) decoder for what witness envelopes carry: Atomicals payloads and ord
// metadata. Ours rather than a library because the data is hostile and the core must stay pure:
// every declared length and count is checked against the bytes left before anything is read or
// allocated, nesting depth and the total number of items are capped, byte strings are views of
// the input (never copies), so a "CBOR bomb" is a named error after work proportional to its size.

export type CborValue =
  | number
  | bigint
  | string
  | boolean
  | null
  | undefined
  | Uint8Array
  | CborValue[]
  | CborMap
  | CborTagged
  | CborSimple;

/** A map, in the order written. Keys may be any value, and may repeat (reported as they are). */
export class CborMap {
  readonly entries: [CborValue, CborValue][];
  constructor(entries: [CborValue, CborValue][]) {
    this.entries = entries;
  }
  /** The first value under a text key. */
  get(key: string): CborValue {
    for (const [k, v] of this.entries) if (k === key) return v;
    return undefined;
  }
}

export class CborTagged {
  readonly tag: number | bigint;
  readonly value: CborValue;
  constructor(tag: number | bigint, value: CborValue) {
    this.tag = tag;
    this.value = value;
  }
}

/** A simple value without a meaning of its own (major type 7, other than false/true/null/undefined). */
export class CborSimple {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}

export type CborErrorCode =
  | 'truncated' // an item runs past the end
  | 'length-too-large' // a declared length or count cannot fit in the bytes left
  | 'too-deep' // nesting beyond the depth limit
  | 'too-many-items' // more items than the item limit
  | 'malformed' // reserved additional info, a bad indefinite-length chunk, a stray break
  | 'trailing-bytes'; // bytes after the one item expected

export class CborError extends Error {
  readonly code: CborErrorCode;
  /** Offset in the input where the problem was found. */
  readonly offset: number;
  constructor(code: CborErrorCode, detail: string, offset: number) {
    super(`${code}: ${detail} (offset ${offset})`);
    this.name = 'CborError';
    this.code = code;
    this.offset = offset;
  }
}

export interface CborLimits {
  /** Deepest nesting of arrays, maps and tags. */
  maxDepth: number;
  /** Items decoded in all (every array element, map key and value, tag content counts one). */
  maxItems: number;
}

export const DEFAULT_CBOR_LIMITS: CborLimits = { maxDepth: 32, maxItems: 100_000 };

const utf8 = new TextDecoder('utf-8', { fatal: false });
const BREAK = Symbol('break');

class Decoder {
  pos = 0;
  items = 0;
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array, readonly limits: CborLimits) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private fail(code: CborErrorCode, detail: string, at = this.pos): never {
    throw new CborError(code, detail, at);
  }

  private need(n: number, what: string): void {
    if (n > this.bytes.length - this.pos) this.fail('truncated', `${what} needs ${n} bytes, ${this.bytes.length - this.pos} left`);
  }

  /** The argument after the initial byte; -1 for indefinite length (info 31). */
  private argument(info: number, at: number): number | bigint {
    if (info < 24) return info;
    if (info === 24) { this.need(1, 'argument'); return this.bytes[this.pos++]!; }
    if (info === 25) { this.need(2, 'argument'); const v = this.view.getUint16(this.pos); this.pos += 2; return v; }
    if (info === 26) { this.need(4, 'argument'); const v = this.view.getUint32(this.pos); this.pos += 4; return v; }
    if (info === 27) {
      this.need(8, 'argument');
      const v = this.view.getBigUint64(this.pos);
      this.pos += 8;
      return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
    }
    if (info === 31) return -1;
    return this.fail('malformed', `reserved additional information ${info}`, at);
  }

  /** A length or count, refused when `minEach` bytes per unit cannot fit in what is left. */
  private length(arg: number | bigint, minEach: number, what: string, at: number): number {
    const left = this.bytes.length - this.pos;
    if (typeof arg === 'bigint' || arg * minEach > left) this.fail('length-too-large', `${what} of ${arg} cannot fit in ${left} bytes`, at);
    return arg as number;
  }

  private count(): void {
    if (++this.items > this.limits.maxItems) this.fail('too-many-items', `more than ${this.limits.maxItems} items`);
  }

  item(depth: number): CborValue | typeof BREAK {
    const at = this.pos;
    this.need(1, 'item');
    const initial = this.bytes[this.pos++]!;
    const major = initial >> 5;
    const info = initial & 0x1f;
    if (major === 7) return this.simple(info, at);
    this.count();
    const arg = this.argument(info, at);
    if (arg === -1 && (major === 0 || major === 1 || major === 6)) this.fail('malformed', `indefinite length on major type ${major}`, at);
    switch (major) {
      case 0:
        return arg;
      case 1:
        return typeof arg === 'bigint' || arg >= Number.MAX_SAFE_INTEGER ? -1n - BigInt(arg) : -1 - arg;
      case 2:
      case 3: {
        const raw = arg === -1 ? this.chunks(major, depth, at) : this.take(this.length(arg, 1, 'string length', at));
        return major === 2 ? raw : utf8.decode(raw);
      }
      case 4:
        return this.array(arg, depth, at);
      case 5:
        return this.map(arg, depth, at);
      default: {
        if (depth + 1 > this.limits.maxDepth) this.fail('too-deep', `nesting deeper than ${this.limits.maxDepth}`, at);
        const inner = this.item(depth + 1);
        if (inner === BREAK) this.fail('malformed', 'break as tag content', at);
        return new CborTagged(arg, inner);
      }
    }
  }

  private simple(info: number, at: number): CborValue | typeof BREAK {
    if (info === 31) return BREAK;
    this.count();
    if (info === 20) return false;
    if (info === 21) return true;
    if (info === 22) return null;
    if (info === 23) return undefined;
    if (info < 24) return new CborSimple(info);
    if (info === 24) { this.need(1, 'simple value'); return new CborSimple(this.bytes[this.pos++]!); }
    if (info === 25) { this.need(2, 'half float'); const v = halfFloat(this.view.getUint16(this.pos)); this.pos += 2; return v; }
    if (info === 26) { this.need(4, 'float'); const v = this.view.getFloat32(this.pos); this.pos += 4; return v; }
    if (info === 27) { this.need(8, 'double'); const v = this.view.getFloat64(this.pos); this.pos += 8; return v; }
    return this.fail('malformed', `reserved simple additional information ${info}`, at);
  }

  private take(n: number): Uint8Array {
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** An indefinite-length string: definite chunks of the same major type up to a break, joined once. */
  private chunks(major: number, depth: number, at: number): Uint8Array {
    if (depth + 1 > this.limits.maxDepth) this.fail('too-deep', `nesting deeper than ${this.limits.maxDepth}`, at);
    const parts: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunkAt = this.pos;
      this.need(1, 'string chunk');
      const initial = this.bytes[this.pos++]!;
      if (initial === 0xff) break;
      if (initial >> 5 !== major) this.fail('malformed', 'indefinite string chunk of another type', chunkAt);
      this.count();
      const arg = this.argument(initial & 0x1f, chunkAt);
      if (arg === -1) this.fail('malformed', 'nested indefinite string chunk', chunkAt);
      const part = this.take(this.length(arg, 1, 'chunk length', chunkAt));
      parts.push(part);
      total += part.length;
    }
    const out = new Uint8Array(total);
    let o = 0;
    for (const p of parts) { out.set(p, o); o += p.length; }
    return out;
  }

  private array(arg: number | bigint, depth: number, at: number): CborValue[] {
    if (depth + 1 > this.limits.maxDepth) this.fail('too-deep', `nesting deeper than ${this.limits.maxDepth}`, at);
    const out: CborValue[] = [];
    if (arg === -1) {
      for (;;) {
        const v = this.item(depth + 1);
        if (v === BREAK) return out;
        out.push(v);
      }
    }
    const n = this.length(arg, 1, 'array count', at);
    for (let i = 0; i < n; i++) {
      const v = this.item(depth + 1);
      if (v === BREAK) this.fail('malformed', 'break inside a definite array', this.pos - 1);
      out.push(v);
    }
    return out;
  }

  private map(arg: number | bigint, depth: number, at: number): CborMap {
    if (depth + 1 > this.limits.maxDepth) this.fail('too-deep', `nesting deeper than ${this.limits.maxDepth}`, at);
    const entries: [CborValue, CborValue][] = [];
    const n = arg === -1 ? Infinity : this.length(arg, 2, 'map count', at);
    for (let i = 0; i < n; i++) {
      const k = this.item(depth + 1);
      if (k === BREAK) {
        if (arg === -1) break;
        this.fail('malformed', 'break inside a definite map', this.pos - 1);
      }
      const v = this.item(depth + 1);
      if (v === BREAK) this.fail('malformed', 'map key without a value', this.pos - 1);
      entries.push([k, v]);
    }
    return new CborMap(entries);
  }
}

function halfFloat(h: number): number {
  const exp = (h >> 10) & 0x1f;
  const mant = h & 0x3ff;
  const sign = h & 0x8000 ? -1 : 1;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 31) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** Decodes the first CBOR item of `bytes`; `end` is the offset just after it. */
export function decodeCborFirst(bytes: Uint8Array, limits: CborLimits = DEFAULT_CBOR_LIMITS): { value: CborValue; end: number } {
  const d = new Decoder(bytes, limits);
  const value = d.item(0);
  if (value === BREAK) throw new CborError('malformed', 'break outside an indefinite-length item', 0);
  return { value, end: d.pos };
}

/** Decodes exactly one CBOR item; bytes after it are a `trailing-bytes` error. */
export function decodeCbor(bytes: Uint8Array, limits: CborLimits = DEFAULT_CBOR_LIMITS): CborValue {
  const { value, end } = decodeCborFirst(bytes, limits);
  if (end !== bytes.length) throw new CborError('trailing-bytes', `${bytes.length - end} bytes after the item`, end);
  return value;
}

/**
 * A JSON-like text of a decoded value for an investigator to read, at most `maxChars` long (cut
 * with "…"). Byte strings show their length and first bytes in hex, never in full.
 */
export function describeCbor(value: CborValue, maxChars = 2000): string {
  const out: string[] = [];
  let length = 0;
  let full = false;
  const put = (s: string): boolean => {
    if (full) return false;
    if (length + s.length > maxChars) {
      out.push(s.slice(0, Math.max(0, maxChars - length)));
      length = maxChars;
      full = true;
      return false;
    }
    out.push(s);
    length += s.length;
    return true;
  };
  const walk = (v: CborValue): void => {
    if (full) return;
    if (v === undefined) put('undefined');
    else if (v === null || typeof v === 'boolean' || typeof v === 'number') put(typeof v === 'number' && !Number.isFinite(v) ? String(v) : JSON.stringify(v));
    else if (typeof v === 'bigint') put(v.toString());
    else if (typeof v === 'string') put(JSON.stringify(v.length > maxChars ? v.slice(0, maxChars) : v));
    else if (v instanceof Uint8Array) {
      let hex = '';
      for (let i = 0; i < Math.min(v.length, 16); i++) hex += v[i]!.toString(16).padStart(2, '0');
      put(`<${v.length} bytes${v.length ? ` ${hex}${v.length > 16 ? '…' : ''}` : ''}>`);
    } else if (Array.isArray(v)) {
      put('[');
      for (let i = 0; i < v.length && !full; i++) {
        if (i) put(',');
        walk(v[i]);
      }
      put(']');
    } else if (v instanceof CborMap) {
      put('{');
      for (let i = 0; i < v.entries.length && !full; i++) {
        if (i) put(',');
        walk(v.entries[i]![0]);
        put(':');
        walk(v.entries[i]![1]);
      }
      put('}');
    } else if (v instanceof CborTagged) {
      put(`${v.tag}(`);
      walk(v.value);
      put(')');
    } else put(`simple(${v.value})`);
  };
  walk(value);
  const text = out.join('');
  return full ? `${text.slice(0, Math.max(0, maxChars - 1))}…` : text;
}
