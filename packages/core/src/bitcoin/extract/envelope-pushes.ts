import { OP_1, OP_16, OP_1NEGATE, OP_ENDIF, OP_IF, ScriptWalker, Step } from './envelope-script.js';
import type { ExtractedPayload, ExtractionMethod, PayloadPlace } from './payload.js';

const EMPTY = new Uint8Array(0);

/**
 * The pushes of one envelope, as flat pairs of numbers rather than one object each: a witness
 * of 4 MB in 1-byte pushes is two million pushes, which as views would cost hundreds of MB.
 * A pair (start, end) is a range of the script; a negative start -(v + 1) is the one-byte value v
 * of an OP_1NEGATE..OP_16 used as a push.
 */
export class Pushes {
  readonly script: Uint8Array;
  readonly pairs: number[] = [];
  constructor(script: Uint8Array) {
    this.script = script;
  }
  get count(): number {
    return this.pairs.length >> 1;
  }
  length(i: number): number {
    const start = this.pairs[2 * i]!;
    return start < 0 ? 1 : this.pairs[2 * i + 1]! - start;
  }
  /** The i-th push as bytes (a view for script ranges). */
  bytes(i: number): Uint8Array {
    const start = this.pairs[2 * i]!;
    return start < 0 ? Uint8Array.of(-start - 1) : this.script.subarray(start, this.pairs[2 * i + 1]!);
  }
  /** First byte of the i-th push (-1 when empty). */
  firstByte(i: number): number {
    const start = this.pairs[2 * i]!;
    if (start < 0) return -start - 1;
    return start < this.pairs[2 * i + 1]! ? this.script[start]! : -1;
  }
  /** Pushes from..to-1 joined; one push is returned as a view, several are copied once. */
  concat(from: number, to = this.count): Uint8Array {
    if (to <= from) return EMPTY;
    if (to - from === 1 && this.pairs[2 * from]! >= 0) return this.bytes(from);
    let total = 0;
    for (let i = from; i < to; i++) total += this.length(i);
    const out = new Uint8Array(total);
    let at = 0;
    for (let i = from; i < to; i++) {
      const start = this.pairs[2 * i]!;
      if (start < 0) out[at++] = -start - 1;
      else {
        const end = this.pairs[2 * i + 1]!;
        out.set(this.script.subarray(start, end), at);
        at += end - start;
      }
    }
    return out;
  }
}

export interface RawEnvelope {
  /** Envelope number within the input (0 for the first). */
  offset: number;
  /** The pushes after the protocol marker, up to OP_ENDIF. */
  pushes: Pushes;
  /** An OP_1NEGATE or OP_1..OP_16 stood for a push. */
  pushnum: boolean;
  /** A failed envelope start (OP_0 OP_0, OP_0 OP_IF OP_0…) came just before this one. */
  stutter: boolean;
}

/**
 * Calls `visit` for every `OP_FALSE OP_IF <marker> … OP_ENDIF` envelope in a script, read as ord
 * reads them (ord's envelope.rs): OP_FALSE is any empty push; inside, pushes and
 * OP_1NEGATE/OP_1..OP_16 are kept, OP_ENDIF ends the envelope, any other opcode abandons it; the
 * walk then goes on after what was consumed. Returns true when a push runs past the end of the
 * script: ord then drops the whole input, while the envelopes before it have been visited here.
 *
 * Linear in the script's length. One Pushes is reused for every envelope (a 4 MB script holds
 * 570,000 of them), so `visit` must take what it needs (views, copies) before returning.
 */
export function scanEnvelopes(script: Uint8Array, marker: Uint8Array, visit: (envelope: RawEnvelope) => void): boolean {
  if (!contains(script, marker)) return false;
  const w = new ScriptWalker(script);
  const pushes = new Pushes(script);
  let stuttered = false;
  let offset = 0;
  for (;;) {
    const step = w.next();
    if (step === Step.End) return false;
    if (step === Step.Malformed) return true;
    if (!w.isEmptyPush) continue;
    if (!w.acceptOp(OP_IF) || !w.acceptPush(marker)) {
      stuttered = w.peekEmptyPush();
      continue;
    }
    pushes.pairs.length = 0;
    let pushnum = false;
    for (;;) {
      const s = w.next();
      if (s === Step.Malformed) return true;
      if (s === Step.End) return false;
      if (w.isPush) {
        pushes.pairs.push(w.start, w.end);
      } else if (w.opcode === OP_ENDIF) {
        visit({ offset: offset++, pushes, pushnum, stutter: stuttered });
        break;
      } else if (w.opcode === OP_1NEGATE || (w.opcode >= OP_1 && w.opcode <= OP_16)) {
        pushnum = true;
        const value = w.opcode === OP_1NEGATE ? 0x81 : w.opcode - OP_1 + 1;
        pushes.pairs.push(-value - 1, 0);
      } else {
        stuttered = false;
        break;
      }
    }
  }
}

/**
 * Whether the marker's bytes occur anywhere in the script: every envelope pushes them, so a script
 * without them (nearly every signature, key and witness script) is passed over by native scans.
 * Also asked of an input's whole serialised witness before its items are made.
 */
export function contains(script: Uint8Array, marker: Uint8Array): boolean {
  const first = marker[0]!;
  const last = script.length - marker.length;
  for (let i = script.indexOf(first); i >= 0 && i <= last; i = script.indexOf(first, i + 1)) {
    let k = 1;
    while (k < marker.length && script[i + k] === marker[k]) k++;
    if (k === marker.length) return true;
  }
  return false;
}

/**
 * Payloads one method yields per transaction before the rest are joined into one: a 4 MB witness
 * holds 570,000 empty envelopes, and a finding each would cost gigabytes. What follows the limit
 * is still carried (joined, so sniffing and text search see it), only not one payload each.
 */
export const MAX_ENVELOPE_PAYLOADS = 10_000;

/** The envelopes past MAX_ENVELOPE_PAYLOADS: their bytes appended into one growing buffer. */
export class Overflow {
  count = 0;
  place: PayloadPlace | undefined;
  private buffer = new Uint8Array(0);
  private length = 0;

  add(place: PayloadPlace, bytes: Uint8Array): void {
    this.count++;
    this.place ??= place;
    if (this.length + bytes.length > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.length + bytes.length, this.buffer.length * 2, 1024));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** The joined payload, when any envelope overflowed. */
  payload(method: ExtractionMethod, what: string): ExtractedPayload | undefined {
    if (!this.place) return undefined;
    return {
      method,
      place: this.place,
      bytes: this.buffer.slice(0, this.length),
      notes: [`${this.count} more envelopes after the first ${MAX_ENVELOPE_PAYLOADS} of this transaction: their ${what} joined in this payload, their fields not read`],
    };
  }
}
