// What the witness-envelope methods (Ordinals, Atomicals) need of Bitcoin script: the tapscript of
// an input, and a walk over its instructions. The walk allocates nothing: it keeps the current
// instruction in fields, and a push is a pair of offsets into the script. Every push length is
// checked against the end of the script before it is used, so a lying PUSHDATA4 ends the walk.

import { OP_0, OP_1, OP_16, OP_1NEGATE, OP_PUSHDATA1, OP_PUSHDATA2, OP_PUSHDATA4 } from './script.js';

export { OP_0, OP_1, OP_16, OP_1NEGATE, OP_PUSHDATA1, OP_PUSHDATA2, OP_PUSHDATA4 };
export const OP_IF = 0x63;
export const OP_ENDIF = 0x68;

/** First byte of a taproot annex (BIP 341): when the last witness item starts with it, that item is not the script. */
const ANNEX_TAG = 0x50;

/**
 * The script of a taproot script-path spend: the second-to-last witness item, or the third-to-last
 * when the last is an annex. Inputs with fewer items (key-path spends, no witness) have none.
 * Like ord, this does not know the spent output's type, so a P2WSH witness script is read too.
 */
export function tapscriptOf(witness: readonly Uint8Array[]): Uint8Array | undefined {
  const n = witness.length;
  if (n < 2) return undefined;
  if (witness[n - 1]![0] === ANNEX_TAG) return n >= 3 ? witness[n - 3] : undefined;
  return witness[n - 2];
}

/** What `next()` found. */
export const Step = {
  /** The script ended cleanly. */
  End: 0,
  /** An instruction was read into `opcode` (and `start`/`end` for a push). */
  Ok: 1,
  /** A push runs past the end of the script: nothing after it can be read. */
  Malformed: 2,
} as const;
export type Step = (typeof Step)[keyof typeof Step];

/**
 * A forward walk over a script's instructions. After `next()` returns Step.Ok, `opcode` is the
 * opcode and, when `isPush`, `start`/`end` bound the pushed bytes (OP_0 and PUSHDATA of length 0
 * are empty pushes, as rust-bitcoin reads them). The accept and peek methods look one instruction ahead.
 */
export class ScriptWalker {
  readonly script: Uint8Array;
  pos = 0;
  opcode = 0;
  isPush = false;
  start = 0;
  end = 0;

  constructor(script: Uint8Array) {
    this.script = script;
  }

  next(): Step {
    const s = this.script;
    if (this.pos >= s.length) return Step.End;
    const op = s[this.pos++]!;
    this.opcode = op;
    if (op > OP_PUSHDATA4) {
      this.isPush = false;
      this.start = this.end = this.pos;
      return Step.Ok;
    }
    let len: number;
    if (op < OP_PUSHDATA1) {
      len = op;
    } else {
      const width = op === OP_PUSHDATA1 ? 1 : op === OP_PUSHDATA2 ? 2 : 4;
      if (this.pos + width > s.length) return this.malformed();
      len = s[this.pos]!;
      if (width >= 2) len |= s[this.pos + 1]! << 8;
      // Unsigned arithmetic: a 4-byte length may exceed 2^31.
      if (width === 4) len = (len | (s[this.pos + 2]! << 16)) + s[this.pos + 3]! * 0x1000000;
      this.pos += width;
    }
    if (len > s.length - this.pos) return this.malformed();
    this.isPush = true;
    this.start = this.pos;
    this.end = this.pos + len;
    this.pos = this.end;
    return Step.Ok;
  }

  /** True when the current instruction is a push of exactly these bytes. */
  pushEquals(bytes: Uint8Array): boolean {
    if (!this.isPush || this.end - this.start !== bytes.length) return false;
    for (let i = 0; i < bytes.length; i++) if (this.script[this.start + i] !== bytes[i]) return false;
    return true;
  }

  /** True when the current instruction pushes nothing (OP_0, or PUSHDATA of length 0). */
  get isEmptyPush(): boolean {
    return this.isPush && this.end === this.start;
  }

  /** Looks at the next instruction without moving: true when it is an empty push. */
  peekEmptyPush(): boolean {
    const saved = this.pos;
    const found = this.next() === Step.Ok && this.isEmptyPush;
    this.pos = saved;
    return found;
  }

  // After a failed accept only `pos` is restored: the current-instruction fields are then stale,
  // and callers read them only after their next successful `next()`.

  /** Steps over the next instruction when it is the opcode `op` (not a push). */
  acceptOp(op: number): boolean {
    const saved = this.pos;
    if (this.next() === Step.Ok && !this.isPush && this.opcode === op) return true;
    this.pos = saved;
    return false;
  }

  /** Steps over the next instruction when it pushes exactly `bytes`. */
  acceptPush(bytes: Uint8Array): boolean {
    const saved = this.pos;
    if (this.next() === Step.Ok && this.pushEquals(bytes)) return true;
    this.pos = saved;
    return false;
  }

  private malformed(): Step {
    this.pos = this.script.length;
    return Step.Malformed;
  }
}

/** Concatenates byte ranges; one range is returned as a view, without a copy. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lower-case hex of at most `maxBytes` bytes (the caller notes any cut). */
export function hexOf(bytes: Uint8Array, maxBytes = bytes.length): string {
  const n = Math.min(bytes.length, maxBytes);
  let s = '';
  for (let i = 0; i < n; i++) s += HEX[bytes[i]!];
  return s;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Text as the protocol wrote it (invalid UTF-8 becomes U+FFFD), cut to `maxChars`. */
export function textOf(bytes: Uint8Array, maxChars = 1000): string {
  // Decode no more than 4 bytes a character could need, so a huge field costs what is shown.
  const text = utf8.decode(bytes.length > maxChars * 4 ? bytes.subarray(0, maxChars * 4) : bytes);
  return text.length > maxChars ? text.slice(0, maxChars) : text;
}
