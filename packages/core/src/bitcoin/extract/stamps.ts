import type { Transaction } from '../transaction.js';
import { arc4 } from './arc4.js';
import { base64RunLength, decodeBase64 } from './base64.js';
import { findFile } from './carve.js';
import type { ExtractedPayload } from './payload.js';
import { isP2wsh, multisigKeys } from './outputs.js';
import { isMostlyText } from './text.js';

// Bitcoin Stamps. Classic stamps are Counterparty issuances whose description is "stamp:" and a
// base64 file, written in 1-of-n bare multisig outputs: each output's data keys (all but the last
// key) without their first (sign) and last (nonce) byte, ARC4-decrypted with the first input's
// txid as key (the txid as displayed, not byte-reversed), give one length byte, "CNTRPRTY" and a
// piece of the message. SRC-20 tokens use the same keys but one ARC4 stream over all outputs: a
// 2-byte big-endian length, then "stamp:" and JSON. OLGA stamps put the file in the 32-byte
// programs of P2WSH outputs after a 2-byte big-endian length, zero-padded.

const CNTRPRTY = [0x43, 0x4e, 0x54, 0x52, 0x50, 0x52, 0x54, 0x59];
const STAMP = [0x73, 0x74, 0x61, 0x6d, 0x70, 0x3a]; // "stamp:", compared case-insensitively
const MAX_STAMP_MESSAGE = 4_000_000;

export interface StampResult {
  payloads: ExtractedPayload[];
  /** The multisig outputs are a Counterparty message (a stamp or not): not arbitrary data. */
  counterparty: boolean;
  /** Output indexes whose bytes the stamp consumed. */
  consumed: Set<number>;
}

function startsWithStamp(d: Uint8Array, at: number): boolean {
  if (at + STAMP.length > d.length) return false;
  for (let i = 0; i < STAMP.length; i++) if ((d[at + i]! | 0x20) !== STAMP[i]) return false;
  return true;
}

function indexOfStamp(d: Uint8Array): number {
  for (let i = 0; i + STAMP.length <= d.length; i++) if (startsWithStamp(d, i)) return i;
  return -1;
}

function hexKey(displayHex: string): Uint8Array {
  const out = new Uint8Array(displayHex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(displayHex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** The SRC-20 JSON text, when body is JSON whose "p" is "src-20". */
function src20(body: Uint8Array): boolean {
  if (body[0] !== 0x7b) return false;
  try {
    const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body)) as unknown;
    return typeof value === 'object' && value !== null && typeof (value as { p?: unknown }).p === 'string' && (value as { p: string }).p.toLowerCase() === 'src-20';
  } catch {
    return false;
  }
}

/**
 * What follows "stamp:": SRC-20 JSON, or an optional data URI and base64. Undefined when it is
 * neither (the description is then not a stamp).
 */
function stampBody(text: Uint8Array): { method: 'src-20' | 'stamp'; bytes: Uint8Array; declaredType?: string; notes: string[] } | undefined {
  if (src20(text)) return { method: 'src-20', bytes: text, notes: [] };
  let at = 0;
  let declaredType: string | undefined;
  const head = new TextDecoder('latin1').decode(text.subarray(0, 200));
  const uri = /^data:([^;,]{1,100})(;[^,]{0,60})?;base64,/i.exec(head);
  if (uri) { declaredType = uri[1]; at = uri[0].length; }
  const run = base64RunLength(text, at);
  if (run < 4) return undefined;
  const bytes = decodeBase64(text.subarray(at, at + run));
  if (!bytes || bytes.length === 0) return undefined;
  const notes = [`base64 decoded (${run} characters)`];
  if (at + run < text.length) notes.push(`${text.length - at - run} bytes after the base64 text left out`);
  return { method: 'stamp', bytes, ...(declaredType ? { declaredType } : {}), notes };
}

/** Classic stamps and SRC-20 in ARC4-encrypted bare multisig outputs. */
export function multisigStamp(tx: Transaction): StampResult {
  const none: StampResult = { payloads: [], counterparty: false, consumed: new Set() };
  if (tx.inputs.length === 0) return none;
  const outs: { index: number; chunk: Uint8Array }[] = [];
  let firstChecked = false;
  let key: Uint8Array | undefined;
  for (let i = 0; i < tx.outputs.length; i++) {
    const s = tx.outputs[i]!.scriptPubKey;
    const keys = multisigKeys(s);
    if (!keys || keys.length < 4) continue;
    // Data keys are all but the last; each gives its bytes between sign and nonce.
    let size = 0;
    for (let k = 0; k + 2 < keys.length; k += 2) size += Math.max(0, keys[k + 1]! - keys[k]! - 2);
    const chunk = new Uint8Array(size);
    let o = 0;
    for (let k = 0; k + 2 < keys.length; k += 2) {
      if (keys[k + 1]! - keys[k]! < 2) continue;
      chunk.set(s.subarray(keys[k]! + 1, keys[k + 1]! - 1), o);
      o += keys[k + 1]! - keys[k]! - 2;
    }
    if (!firstChecked) {
      // The first data output decides: both formats start recognisably there.
      firstChecked = true;
      key = hexKey(tx.inputs[0]!.prevTxid);
      const plain = arc4(key, chunk);
      const isCp = plain.length >= 9 && CNTRPRTY.every((b, j) => plain[1 + j] === b);
      const isSrc = plain.length >= 8 && startsWithStamp(plain, 2);
      if (!isCp && !isSrc) return none;
    }
    outs.push({ index: i, chunk });
  }
  if (!key || outs.length === 0) return none;
  const place = { kind: 'outputs' as const, first: outs[0]!.index, last: outs[outs.length - 1]!.index };
  const consumed = new Set(outs.map((o) => o.index));
  const first = arc4(key, outs[0]!.chunk);
  if (CNTRPRTY.every((b, j) => first[1 + j] === b)) {
    // Counterparty: every output is its own ARC4 stream, framed by a length byte and the prefix.
    const parts: Uint8Array[] = [];
    let total = 0;
    const notes: string[] = [];
    for (const out of outs) {
      const plain = arc4(key, out.chunk);
      const len = plain[0]!;
      if (len < 8 || 1 + len > plain.length || !CNTRPRTY.every((b, j) => plain[1 + j] === b)) {
        notes.push(`output ${out.index} does not carry the Counterparty prefix; message ends before it`);
        break;
      }
      parts.push(plain.subarray(9, 1 + len));
      total += len - 8;
      if (total > MAX_STAMP_MESSAGE) break;
    }
    const message = new Uint8Array(total);
    let o = 0;
    for (const p of parts) { message.set(p, o); o += p.length; }
    const at = indexOfStamp(message);
    if (at < 0) return { payloads: [], counterparty: true, consumed };
    const body = stampBody(message.subarray(at + STAMP.length));
    if (!body) return { payloads: [], counterparty: true, consumed };
    return {
      counterparty: true, consumed,
      payloads: [{
        method: body.method, place, bytes: body.bytes,
        ...(body.declaredType ? { declaredType: body.declaredType } : {}),
        fields: { protocol: 'counterparty', messageType: message[0]!, messageSize: message.length },
        notes: ['ARC4-decrypted Counterparty issuance, description "stamp:"', ...body.notes, ...notes],
      }],
    };
  }
  // SRC-20: one ARC4 stream over every data key, then a 2-byte big-endian length.
  let total = 0;
  for (const out of outs) total += out.chunk.length;
  const all = new Uint8Array(total);
  let o = 0;
  for (const out of outs) { all.set(out.chunk, o); o += out.chunk.length; }
  const plain = arc4(key, all);
  const len = (plain[0]! << 8) | plain[1]!;
  if (len < STAMP.length || 2 + len > plain.length) return { payloads: [], counterparty: true, consumed };
  const body = stampBody(plain.subarray(2 + STAMP.length, 2 + len));
  if (!body) return { payloads: [], counterparty: true, consumed };
  return {
    counterparty: true, consumed,
    payloads: [{
      method: body.method, place, bytes: body.bytes,
      ...(body.declaredType ? { declaredType: body.declaredType } : {}),
      fields: { protocol: 'stamps-multisig', declaredLength: len },
      notes: ['ARC4-decrypted multisig data, "stamp:" prefix', ...body.notes],
    }],
  };
}

/**
 * OLGA stamps in P2WSH outputs. Random P2WSH programs (every ordinary P2WSH payment) pass the
 * length test about once in 2,000 transactions, so the bytes after the data must be zero padding
 * and, when that padding is shorter than two bytes, the data must be recognisable (a file, JSON,
 * "stamp:" or text).
 */
export function olgaStamp(tx: Transaction): StampResult {
  const none: StampResult = { payloads: [], counterparty: false, consumed: new Set() };
  let count = 0;
  let firstIndex = -1;
  let lastIndex = -1;
  for (let i = 0; i < tx.outputs.length; i++) {
    if (isP2wsh(tx.outputs[i]!.scriptPubKey)) {
      if (firstIndex < 0) firstIndex = i;
      lastIndex = i;
      count++;
    }
  }
  if (count === 0) return none;
  const head = tx.outputs[firstIndex]!.scriptPubKey;
  const len = (head[2]! << 8) | head[3]!;
  const total = 32 * count;
  if (len === 0 || 2 + len > total || total - (2 + len) >= 32) return none;
  const data = new Uint8Array(total);
  let o = 0;
  const consumed = new Set<number>();
  for (let i = firstIndex; i <= lastIndex; i++) {
    const s = tx.outputs[i]!.scriptPubKey;
    if (!isP2wsh(s)) continue;
    data.set(s.subarray(2), o);
    o += 32;
    consumed.add(i);
  }
  for (let i = 2 + len; i < total; i++) if (data[i] !== 0) return none;
  const content = data.subarray(2, 2 + len);
  const pad = total - 2 - len;
  // JSON, SVG and HTML stamps are text; a lone '{' or '<' first would pass for 1 in 128 programs.
  const recognised = findFile(content, 0) !== undefined || startsWithStamp(content, 0) || isMostlyText(content);
  if (pad < 2 && !recognised) return none;
  const place = { kind: 'outputs' as const, first: firstIndex, last: lastIndex };
  const fields = { protocol: 'olga', declaredLength: len, p2wshOutputs: count };
  if (startsWithStamp(content, 0)) {
    const body = stampBody(content.subarray(STAMP.length));
    if (body?.method === 'src-20') return { counterparty: false, consumed, payloads: [{ method: 'src-20', place, bytes: body.bytes, fields, notes: ['OLGA P2WSH data, "stamp:" prefix'] }] };
    if (body) return { counterparty: false, consumed, payloads: [{ method: 'stamp-olga', place, bytes: body.bytes, ...(body.declaredType ? { declaredType: body.declaredType } : {}), fields, notes: ['OLGA P2WSH data, "stamp:" prefix', ...body.notes] }] };
  }
  return { counterparty: false, consumed, payloads: [{ method: 'stamp-olga', place, bytes: content, fields, notes: [`OLGA P2WSH data, ${pad} zero padding bytes after it`] }] };
}
