import type { Transaction } from '../transaction.js';
import { isCoinbase } from './coinbase.js';
import type { ExtractedPayload } from './payload.js';
import { OP_2DROP, OP_DROP, newOp, readOp, smallNumber, type ScriptOp } from './script.js';
import { multisigKeys } from './outputs.js';

// Data pushed in a P2SH input's scriptSig (Sward et al.: "P2SH data drop" puts data in the redeem
// script followed by OP_DROP; "data stash" pushes it before the redeem script, which drops it).
// The rule, without the spent output at hand: the scriptSig is push-only (BIP 16 requires it),
// its last push is read as the redeem script, and a push is explained when it is a signature
// (DER + sighash byte), a public key (33/65 bytes with a SEC prefix) or at most 32 bytes (numbers,
// hash preimages, hashes of hash locks). Ordinary spends are skipped whole: P2PKH and P2PK
// (signature, key), P2SH-wrapped segwit (one push of a witness program) and P2SH multisig
// (OP_0, signatures, a multisig redeem script). What is left over is data: pushes before the
// redeem script that are not explained, and, in the redeem script, pushes that are not explained
// or that are dropped (OP_DROP / OP_2DROP after them). It is reported when it is at least 33
// bytes, concatenated in order; a redeem script that is not a well-formed script is data itself.

const MIN_DATA = 33;

function isSignature(s: Uint8Array, start: number, end: number): boolean {
  const n = end - start;
  return n >= 9 && n <= 73 && s[start] === 0x30 && s[start + 1] === n - 3;
}

function isKey(s: Uint8Array, start: number, end: number): boolean {
  const n = end - start;
  const p = s[start];
  return (n === 33 && (p === 0x02 || p === 0x03)) || (n === 65 && (p === 0x04 || p === 0x06 || p === 0x07));
}

function explained(s: Uint8Array, start: number, end: number): boolean {
  return end - start <= 32 || isSignature(s, start, end) || isKey(s, start, end);
}

function ordinaryRedeemScript(r: Uint8Array): boolean {
  if ((r.length === 22 && r[0] === 0x00 && r[1] === 0x14) || (r.length === 34 && r[0] === 0x00 && r[1] === 0x20)) return true;
  const keys = multisigKeys(r);
  if (!keys) return false;
  for (let k = 0; k < keys.length; k += 2) if (!isKey(r, keys[k]!, keys[k + 1]!)) return false;
  return true;
}

interface Range { start: number; end: number }

/** Data ranges of one scriptSig (offsets in it), or undefined when the input is ordinary. */
export function p2shData(script: Uint8Array): { ranges: Range[]; redeemSize: number; pushes: number } | undefined {
  const op = newOp();
  let pushes = 0;
  let lastStart = -1;
  let lastEnd = -1;
  let unexplainedBefore = false;
  let pos = 0;
  // Pass 1 (no allocation): push-only, where the last push is, whether anything needs a look.
  while (readOp(script, pos, op)) {
    if (op.truncated || (!op.push && smallNumber(op.opcode) === undefined)) return undefined;
    pushes++;
    if (lastStart >= 0 && !explained(script, lastStart, lastEnd)) unexplainedBefore = true;
    lastStart = op.push ? op.start : op.at;
    lastEnd = op.push ? op.end : op.at;
    pos = op.next;
  }
  if (pushes === 0 || lastEnd - lastStart < 1) return undefined;
  const redeem = script.subarray(lastStart, lastEnd);
  if (!unexplainedBefore && (explained(script, lastStart, lastEnd) || ordinaryRedeemScript(redeem))) return undefined;
  const ranges: Range[] = [];
  pos = 0;
  while (readOp(script, pos, op) && op.next <= lastStart && op.at < lastStart) {
    if (op.push && !explained(script, op.start, op.end)) ranges.push({ start: op.start, end: op.end });
    pos = op.next;
  }
  // The redeem script's own pushes (a signature, key or standard script last is no redeem script
  // carrying data: only what came before it counts).
  const inner: ScriptOp[] = [];
  if (explained(script, lastStart, lastEnd) || ordinaryRedeemScript(redeem)) return finish(ranges, redeem.length, pushes);
  let rpos = 0;
  let wellFormed = true;
  while (inner.length < 10_000) {
    const o = newOp();
    if (!readOp(redeem, rpos, o)) break;
    if (o.truncated) { wellFormed = false; break; }
    inner.push(o);
    rpos = o.next;
  }
  if (!wellFormed) ranges.push({ start: lastStart, end: lastEnd });
  else {
    // Walk backwards so each push knows the first non-push opcode after it.
    const dropped: boolean[] = new Array<boolean>(inner.length).fill(false);
    let nextNonPush = -1;
    for (let k = inner.length - 1; k >= 0; k--) {
      dropped[k] = nextNonPush === OP_DROP || nextNonPush === OP_2DROP;
      if (!inner[k]!.push) nextNonPush = inner[k]!.opcode;
    }
    for (let k = 0; k < inner.length; k++) {
      const o = inner[k]!;
      if (!o.push || o.end === o.start) continue;
      const keyOrSig = isKey(redeem, o.start, o.end) || isSignature(redeem, o.start, o.end);
      if (!explained(redeem, o.start, o.end) || (dropped[k] && !keyOrSig)) ranges.push({ start: lastStart + o.start, end: lastStart + o.end });
    }
  }
  return finish(ranges, redeem.length, pushes);
}

function finish(ranges: Range[], redeemSize: number, pushes: number): { ranges: Range[]; redeemSize: number; pushes: number } | undefined {
  let total = 0;
  for (const r of ranges) total += r.end - r.start;
  if (total < MIN_DATA) return undefined;
  return { ranges, redeemSize, pushes };
}

export function extractP2shInputs(tx: Transaction): ExtractedPayload[] {
  if (isCoinbase(tx)) return [];
  let found: ExtractedPayload[] | undefined;
  for (let i = 0; i < tx.inputs.length; i++) {
    const input = tx.inputs[i]!;
    // Nothing under 34 bytes can hold 33 bytes of data besides its push opcodes (a segwit
    // input's scriptSig is empty: its length is read without making a view).
    if ((input.scriptSigSize ?? input.scriptSig.length) < MIN_DATA + 1) continue;
    const script = input.scriptSig;
    const data = p2shData(script);
    if (!data) continue;
    let total = 0;
    for (const r of data.ranges) total += r.end - r.start;
    const bytes = new Uint8Array(total);
    let o = 0;
    for (const r of data.ranges) { bytes.set(script.subarray(r.start, r.end), o); o += r.end - r.start; }
    (found ??= []).push({
      method: 'p2sh-input', place: { kind: 'input', index: i }, bytes,
      fields: { pushes: data.pushes, dataPushes: data.ranges.length, redeemScriptSize: data.redeemSize, scriptSigSize: script.length },
    });
  }
  return found ?? [];
}
