// Bitcoin script push reading for the extractors: bounded, allocation-free per op, and never
// throwing. A push whose length runs past the end of the script is reported (truncated) with the
// bytes that are there, because data carriers do write such scripts and the bytes still matter.

export const OP_0 = 0x00;
export const OP_PUSHDATA1 = 0x4c;
export const OP_PUSHDATA2 = 0x4d;
export const OP_PUSHDATA4 = 0x4e;
export const OP_1NEGATE = 0x4f;
export const OP_1 = 0x51;
export const OP_16 = 0x60;
export const OP_RETURN = 0x6a;
export const OP_DROP = 0x75;
export const OP_2DROP = 0x6d;
export const OP_CHECKSIG = 0xac;
export const OP_CHECKMULTISIG = 0xae;

/** One opcode read from a script. For pushes, data is script[start, end). */
export interface ScriptOp {
  opcode: number;
  /** Offset of the opcode in the script. */
  at: number;
  /** True for OP_0, direct pushes and OP_PUSHDATA1/2/4 (not for OP_1NEGATE / OP_1..OP_16). */
  push: boolean;
  start: number;
  end: number;
  /** Bytes the push claimed; larger than end - start when the script ends first. */
  claimed: number;
  truncated: boolean;
  /** Offset of the next opcode (the script length when this one was the last). */
  next: number;
}

/** A reusable op record, so scanning a script allocates nothing. */
export function newOp(): ScriptOp {
  return { opcode: 0, at: 0, push: false, start: 0, end: 0, claimed: 0, truncated: false, next: 0 };
}

/**
 * Reads the opcode at pos into op and returns true, or false at the end of the script. A
 * PUSHDATA whose length field itself is cut short is a truncated push of claimed 0.
 */
export function readOp(script: Uint8Array, pos: number, op: ScriptOp): boolean {
  const n = script.length;
  if (pos >= n) return false;
  const opcode = script[pos]!;
  op.opcode = opcode;
  op.at = pos;
  op.truncated = false;
  let len = 0;
  let dataAt = pos + 1;
  if (opcode <= OP_PUSHDATA4) {
    op.push = true;
    if (opcode < OP_PUSHDATA1) len = opcode;
    else {
      const width = opcode === OP_PUSHDATA1 ? 1 : opcode === OP_PUSHDATA2 ? 2 : 4;
      if (pos + 1 + width > n) {
        op.start = op.end = op.next = n;
        op.claimed = 0;
        op.truncated = true;
        return true;
      }
      len = script[pos + 1]!;
      if (width >= 2) len |= script[pos + 2]! << 8;
      if (width === 4) len = (len | (script[pos + 3]! << 16)) + script[pos + 4]! * 0x1000000;
      dataAt = pos + 1 + width;
    }
  } else {
    op.push = false;
    op.start = op.end = dataAt;
    op.claimed = 0;
    op.next = dataAt;
    return true;
  }
  op.start = dataAt;
  op.claimed = len;
  if (len > n - dataAt) {
    op.end = n;
    op.truncated = true;
  } else op.end = dataAt + len;
  op.next = op.end;
  return true;
}

/** The number OP_1NEGATE / OP_1..OP_16 push, or undefined for any other opcode. */
export function smallNumber(opcode: number): number | undefined {
  if (opcode === OP_1NEGATE) return -1;
  if (opcode >= OP_1 && opcode <= OP_16) return opcode - 0x50;
  return undefined;
}

export interface ParsedScript {
  ops: ScriptOp[];
  /** True when ops stopped at maxOps before the end of the script. */
  cut: boolean;
}

/** Every opcode of a script, at most maxOps of them (the caller's bound on work and memory). */
export function parseScript(script: Uint8Array, maxOps = 10_000): ParsedScript {
  const ops: ScriptOp[] = [];
  let pos = 0;
  while (pos < script.length) {
    if (ops.length >= maxOps) return { ops, cut: true };
    const op = newOp();
    readOp(script, pos, op);
    ops.push(op);
    pos = op.next;
  }
  return { ops, cut: false };
}

/** True when every opcode is a push or a small number and no push is truncated (BIP 16's push-only). */
export function isPushOnly(script: Uint8Array): boolean {
  const op = newOp();
  let pos = 0;
  while (readOp(script, pos, op)) {
    if (op.truncated) return false;
    if (!op.push && smallNumber(op.opcode) === undefined) return false;
    pos = op.next;
  }
  return true;
}
