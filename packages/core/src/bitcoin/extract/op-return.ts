import type { Transaction } from '../transaction.js';
import type { ExtractedPayload } from './payload.js';
import { OP_RETURN, newOp, readOp, smallNumber } from './script.js';

// OP_RETURN outputs: the data of every push after OP_RETURN, concatenated (Runes and other
// protocols use several pushes; a small-number opcode such as Runes' OP_13 pushes its number, one
// byte). The first other opcode ends the data, with a note. At most MAX_OP_RETURN bytes are kept
// (Bitcoin Core 30 relays OP_RETURN data up to 100,000 bytes); the rest is cut, with a note.
// Left out: an OP_RETURN without data, and the segwit witness commitment of a coinbase (BIP 141:
// OP_RETURN, 0x24, aa21a9ed and a 32-byte hash), a hash in every block since 2017 and not content.

export const MAX_OP_RETURN = 100_000;

function isWitnessCommitment(s: Uint8Array): boolean {
  return s.length >= 38 && s[1] === 0x24 && s[2] === 0xaa && s[3] === 0x21 && s[4] === 0xa9 && s[5] === 0xed;
}

export function extractOpReturn(tx: Transaction): ExtractedPayload[] {
  let found: ExtractedPayload[] | undefined;
  for (let i = 0; i < tx.outputs.length; i++) {
    const out = tx.outputs[i]!;
    if (out.scriptFirstByte !== undefined && out.scriptFirstByte !== OP_RETURN) continue;
    const s = out.scriptPubKey;
    if (s.length < 2 || s[0] !== OP_RETURN) continue;
    if (isWitnessCommitment(s) && tx.inputs.length === 1 && tx.inputs[0]!.prevVout === 0xffffffff) continue;
    const payload = readOpReturn(s);
    if (!payload) continue;
    (found ??= []).push({ method: 'op-return', place: { kind: 'output', index: i }, ...payload });
  }
  return found ?? [];
}

/** The pushed data of one OP_RETURN script, or undefined when it pushes nothing. */
export function readOpReturn(s: Uint8Array): Pick<ExtractedPayload, 'bytes' | 'fields' | 'notes'> | undefined {
  const op = newOp();
  const notes: string[] = [];
  let pushes = 0;
  let total = 0;
  let single: Uint8Array | undefined;
  // First pass: sizes and where the data ends; no copy for the common single push.
  let pos = 1;
  let stop = s.length;
  while (readOp(s, pos, op)) {
    if (op.push) {
      pushes++;
      total += op.end - op.start;
      single = s.subarray(op.start, op.end);
      if (op.truncated) notes.push(`push at offset ${op.at} claims ${op.claimed} bytes, ${op.end - op.start} present`);
    } else if (smallNumber(op.opcode) !== undefined) {
      pushes++;
      total += 1;
      single = undefined;
    } else {
      notes.push(`opcode 0x${op.opcode.toString(16).padStart(2, '0')} at offset ${op.at} ends the data`);
      stop = op.at;
      break;
    }
    pos = op.next;
  }
  if (total === 0) return undefined;
  const kept = Math.min(total, MAX_OP_RETURN);
  if (total > MAX_OP_RETURN) notes.push(`truncated at ${MAX_OP_RETURN} bytes (${total} pushed)`);
  let bytes: Uint8Array;
  if (pushes === 1 && single && kept === total) bytes = single;
  else {
    bytes = new Uint8Array(kept);
    let o = 0;
    pos = 1;
    while (o < kept && pos < stop && readOp(s, pos, op)) {
      if (op.push) {
        const take = Math.min(op.end - op.start, kept - o);
        bytes.set(s.subarray(op.start, op.start + take), o);
        o += take;
      } else {
        const n = smallNumber(op.opcode);
        if (n === undefined) break;
        bytes[o++] = n < 0 ? 0x81 : n;
      }
      pos = op.next;
    }
  }
  return { bytes, fields: { pushes, scriptSize: s.length }, ...(notes.length ? { notes } : {}) };
}
