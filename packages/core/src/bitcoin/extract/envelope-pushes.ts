import { OP_1, OP_16, OP_1NEGATE, OP_ENDIF, OP_IF, ScriptWalker, Step } from './envelope-script.js';

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

export interface ScriptEnvelopes {
  envelopes: RawEnvelope[];
  /** A push ran past the end of the script somewhere after the envelopes found. */
  malformed: boolean;
}

/**
 * Every `OP_FALSE OP_IF <marker> … OP_ENDIF` envelope in a script, read as ord reads them
 * (ord's envelope.rs): OP_FALSE is any empty push; inside, pushes and OP_1NEGATE/OP_1..OP_16
 * are kept, OP_ENDIF ends the envelope, any other opcode abandons it; the walk then goes on after
 * what was consumed. Where ord drops a whole input whose script has a broken push, the envelopes
 * before it are kept here and `malformed` says so. Linear in the script's length.
 */
export function envelopesIn(script: Uint8Array, marker: Uint8Array): ScriptEnvelopes {
  const envelopes: RawEnvelope[] = [];
  // Every envelope has an OP_IF: a script without the byte 0x63 anywhere has none (a native scan).
  if (script.indexOf(OP_IF) < 0) return { envelopes, malformed: false };
  const w = new ScriptWalker(script);
  let stuttered = false;
  for (;;) {
    const step = w.next();
    if (step === Step.End) return { envelopes, malformed: false };
    if (step === Step.Malformed) return { envelopes, malformed: true };
    if (!w.isEmptyPush) continue;
    if (!w.acceptOp(OP_IF) || !w.acceptPush(marker)) {
      stuttered = w.peekEmptyPush();
      continue;
    }
    const pushes = new Pushes(script);
    let pushnum = false;
    for (;;) {
      const s = w.next();
      if (s === Step.Malformed) return { envelopes, malformed: true };
      if (s === Step.End) return { envelopes, malformed: false };
      if (w.isPush) {
        pushes.pairs.push(w.start, w.end);
      } else if (w.opcode === OP_ENDIF) {
        envelopes.push({ offset: envelopes.length, pushes, pushnum, stutter: stuttered });
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
