import { OP_1, OP_16, OP_CHECKMULTISIG, OP_PUSHDATA1 } from './script.js';

// Output templates that can hold data in place of a key or hash, recognised by their bytes alone
// (no parse, no allocation) so that the common outputs are passed over at the cost of a few
// comparisons.

/** Where a P2PKH, P2SH or P2WSH output keeps its hash (start offset in the script), or -1. */
export function hashStart(s: Uint8Array): number {
  const n = s.length;
  if (n === 25 && s[0] === 0x76 && s[1] === 0xa9 && s[2] === 0x14 && s[23] === 0x88 && s[24] === 0xac) return 3;
  if (n === 23 && s[0] === 0xa9 && s[1] === 0x14 && s[22] === 0x87) return 2;
  if (n === 34 && s[0] === 0x00 && s[1] === 0x20) return 2;
  return -1;
}

export function isP2wsh(s: Uint8Array): boolean {
  return s.length === 34 && s[0] === 0x00 && s[1] === 0x20;
}

/** True when the script is P2PK (33- or 65-byte push, then OP_CHECKSIG): the key is at 1..n-1. */
export function isP2pk(s: Uint8Array): boolean {
  return (s.length === 35 && s[0] === 0x21 && s[34] === 0xac) || (s.length === 67 && s[0] === 0x41 && s[66] === 0xac);
}

/** Quick test for "OP_m … OP_n OP_CHECKMULTISIG" before the keys are walked. */
export function looksMultisig(s: Uint8Array): boolean {
  const n = s.length;
  return n >= 4 && s[n - 1] === OP_CHECKMULTISIG && s[0]! >= OP_1 && s[0]! <= OP_16 && s[n - 2]! >= OP_1 && s[n - 2]! <= OP_16;
}

/**
 * The keys of a bare multisig output as [start, end) pairs in the script, or undefined when the
 * pushes between OP_m and OP_n do not exactly fill it. Any push length is accepted: data
 * carriers wrote "keys" of every size, and mined them as nonstandard transactions.
 */
export function multisigKeys(s: Uint8Array): number[] | undefined {
  if (!looksMultisig(s)) return undefined;
  const keys: number[] = [];
  const stop = s.length - 2;
  let pos = 1;
  while (pos < stop) {
    const op = s[pos]!;
    let len: number;
    let at: number;
    if (op >= 1 && op < OP_PUSHDATA1) { len = op; at = pos + 1; }
    else if (op === OP_PUSHDATA1 && pos + 1 < stop) { len = s[pos + 1]!; at = pos + 2; }
    else return undefined;
    if (at + len > stop || keys.length >= 40) return undefined;
    keys.push(at, at + len);
    pos = at + len;
  }
  return keys.length > 0 ? keys : undefined;
}

/** Keys of a P2PK or bare multisig output as [start, end) pairs, or undefined for other outputs. */
export function outputKeys(s: Uint8Array): number[] | undefined {
  if (isP2pk(s)) return [1, s.length - 1];
  return multisigKeys(s);
}
