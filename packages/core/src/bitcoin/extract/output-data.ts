import type { Transaction } from '../transaction.js';
import { analyse } from './analyse.js';
import { FILE_FIRST_PAIRS, findFile } from './carve.js';
import { crc32 } from './crc32.js';
import type { ExtractedPayload, PayloadPlace } from './payload.js';
import { isValidPublicKey } from './pubkey.js';
import { hashStart, isP2pk, looksMultisig, outputKeys } from './outputs.js';
import { multisigStamp, olgaStamp } from './stamps.js';
import { endWithoutPadding, isMostlyText, textStats } from './text.js';

// Data in the keys and hashes of outputs (Sward et al.: P2FK, P2FKH, P2FMS; Matzutt et al. FC 2018
// found most files and text there). When is it reported?
//
// - Keys (P2PK and bare multisig): when at least one key is not a point of secp256k1 (wrong size,
//   wrong prefix, or off the curve). No wallet writes such a key, so its bytes are data, always
//   reported. All keys' bytes in output order are first read as a "Satoshi uploader" record
//   (uint32le length, uint32le CRC32, data: the tool behind the WikiLeaks and whitepaper uploads)
//   and reported as satoshi-uploader when the CRC verifies. Otherwise the fake keys alone (the
//   valid ones are the uploader's own, kept so the output can be spent) are analysed: a file is
//   carved after a header of up to 16 bytes, text is kept, padding is cut (analyse.ts).
// - Hashes (P2PKH, P2SH, P2WSH): every ordinary payment has random-looking hashes, so they are
//   reported only when they verify as an uploader record, hold a recognised file (checked
//   field by field, carve.ts) starting in one output and continuing in the next, or are text:
//   two or more consecutive outputs each at least 90 % printable, or one output entirely
//   printable and 75 % letters, digits and spaces (20 random bytes pass that about once in a
//   billion outputs).
// - Stamps (Counterparty "stamp:" in multisig, SRC-20, OLGA P2WSH) are reported by their own
//   methods and their outputs are not reported again; other Counterparty multisig messages are
//   protocol data, not reported.

const MAX_DATA = 4_000_000;

interface Piece { output: number; start: number; end: number }

function concat(tx: Transaction, pieces: readonly Piece[]): Uint8Array {
  let total = 0;
  for (const p of pieces) total += p.end - p.start;
  const out = new Uint8Array(Math.min(total, MAX_DATA));
  let o = 0;
  for (const p of pieces) {
    const take = Math.min(p.end - p.start, out.length - o);
    if (take <= 0) break;
    out.set(tx.outputs[p.output]!.scriptPubKey.subarray(p.start, p.start + take), o);
    o += take;
  }
  return out;
}

/** The output holding byte `offset` of the concatenation of pieces. */
function outputAt(pieces: readonly Piece[], offset: number): number {
  let at = 0;
  for (const p of pieces) {
    at += p.end - p.start;
    if (offset < at) return p.output;
  }
  return pieces[pieces.length - 1]!.output;
}

function placeOf(pieces: readonly Piece[], from = 0, to?: number): PayloadPlace {
  const first = outputAt(pieces, from);
  const last = outputAt(pieces, Math.max(from, (to ?? Infinity) - 1));
  return { kind: 'outputs', first, last };
}

/** A verified "Satoshi uploader" record at the start of data: the bytes it declares, or undefined. */
export function readUploaderRecord(data: Uint8Array): { bytes: Uint8Array; crc: number } | undefined {
  if (data.length < 9) return undefined;
  const len = (data[0]! | (data[1]! << 8) | (data[2]! << 16)) + data[3]! * 0x1000000;
  if (len === 0 || len > data.length - 8) return undefined;
  const crc = (data[4]! | (data[5]! << 8) | (data[6]! << 16)) + data[7]! * 0x1000000;
  const bytes = data.subarray(8, 8 + len);
  return crc32(bytes) === crc ? { bytes, crc } : undefined;
}

function uploaderPayload(stream: Uint8Array, pieces: readonly Piece[], at = 0): ExtractedPayload | undefined {
  const data = stream.subarray(at);
  const record = readUploaderRecord(data);
  if (!record) return undefined;
  return {
    method: 'satoshi-uploader',
    place: placeOf(pieces, at + 8, at + 8 + record.bytes.length),
    bytes: record.bytes,
    fields: { declaredLength: record.bytes.length, crc32: record.crc.toString(16).padStart(8, '0'), rawSize: data.length },
    notes: ['uploader CRC32 verified', `${data.length - 8 - record.bytes.length} bytes after the record`],
  };
}

const MAX_CURVE_CHECKS = 256;

function wellFormedKey(k: Uint8Array): boolean {
  return (k.length === 33 && (k[0] === 0x02 || k[0] === 0x03)) || (k.length === 65 && (k[0] === 0x04 || k[0] === 0x06 || k[0] === 0x07));
}

/** Fake keys of P2PK and bare multisig outputs. */
function keyPayloads(tx: Transaction, skip: ReadonlySet<number>): ExtractedPayload[] {
  const all: Piece[] = [];
  const fake: Piece[] = [];
  // A curve check costs a BigInt Jacobi symbol; past this many, a key with a valid size and
  // prefix is taken as real (its bytes then stay out of the fake-key data).
  let curveChecks = 0;
  for (let i = 0; i < tx.outputs.length; i++) {
    if (skip.has(i)) continue;
    const s = tx.outputs[i]!.scriptPubKey;
    const keys = outputKeys(s);
    if (!keys) continue;
    for (let k = 0; k < keys.length; k += 2) {
      const piece = { output: i, start: keys[k]!, end: keys[k + 1]! };
      all.push(piece);
      const key = s.subarray(piece.start, piece.end);
      if (!wellFormedKey(key) || (curveChecks++ < MAX_CURVE_CHECKS && !isValidPublicKey(key))) fake.push(piece);
    }
  }
  if (fake.length === 0) return [];
  const stream = concat(tx, all);
  // The record starts at the first key, or at the first fake one (after a real key paid first).
  let firstFake = 0;
  for (const p of all) { if (p === fake[0]) break; firstFake += p.end - p.start; }
  const uploaded = uploaderPayload(stream, all) ?? (firstFake > 0 && firstFake < stream.length ? uploaderPayload(stream, all, firstFake) : undefined);
  if (uploaded) return [uploaded];
  const data = fake.length === all.length ? stream : concat(tx, fake);
  const result = analyse(data);
  const offset = typeof result.fields.carveOffset === 'number' ? result.fields.carveOffset : typeof result.fields.textOffset === 'number' ? result.fields.textOffset : 0;
  return [{
    method: 'output-data',
    place: placeOf(fake, offset, offset + Math.max(1, result.bytes.length)),
    bytes: result.bytes,
    fields: { ...result.fields, fakeKeys: fake.length, keys: all.length },
    notes: [`${fake.length} of ${all.length} keys are not secp256k1 points`, ...result.notes],
  }];
}

// ASCII letters, digits and space: the quick screen for text (a hash passes it for about 2 % of
// outputs; only those are checked character by character).
const ALNUM = new Uint8Array(256);
for (let b = 0; b < 256; b++) ALNUM[b] = b === 0x20 || (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a) ? 1 : 0;

function textyOutput(s: Uint8Array, start: number): boolean {
  const stop = hashEnd(s, start);
  let alnum = 0;
  for (let i = start; i < stop; i++) alnum += ALNUM[s[i]!]!;
  const end = endWithoutPadding(s, start, stop);
  const n = end - start;
  if (n <= 0 || alnum < 0.5 * n) return false;
  const st = textStats(s, start, end);
  return st.printable >= 0.9 * n && st.alnum >= 0.5 * n;
}

function hashEnd(s: Uint8Array, start: number): number {
  return start + (s.length === 34 ? 32 : 20);
}

function hashPiece(tx: Transaction, k: number): Piece {
  const s = tx.outputs[k]!.scriptPubKey;
  const start = hashStart(s);
  return { output: k, start, end: hashEnd(s, start) };
}

function hashPieces(tx: Transaction, first: number, last: number): Piece[] {
  const pieces: Piece[] = [];
  for (let k = first; k <= last; k++) pieces.push(hashPiece(tx, k));
  return pieces;
}

/** Hashes of P2PKH, P2SH and P2WSH outputs, in runs of consecutive such outputs. */
function hashPayloads(tx: Transaction, skip: ReadonlySet<number> | undefined): ExtractedPayload[] {
  let found: ExtractedPayload[] | undefined;
  const outs = tx.outputs;
  let i = 0;
  while (i < outs.length) {
    if (skip?.has(i) || hashStart(outs[i]!.scriptPubKey) < 0) { i++; continue; }
    let j = i;
    while (j + 1 < outs.length && !skip?.has(j + 1) && hashStart(outs[j + 1]!.scriptPubKey) >= 0) j++;
    const run = hashRun(tx, i, j);
    if (run.length > 0) (found ??= []).push(...run);
    i = j + 1;
  }
  return found ?? [];
}

const NONE: ExtractedPayload[] = [];

function hashRun(tx: Transaction, first: number, last: number): ExtractedPayload[] {
  const outs = tx.outputs;
  if (last > first) {
    // An uploader record or a file starting in an output and going on in the next ones. The
    // screen reads the first bytes in place; only a hit concatenates.
    const s0 = outs[first]!.scriptPubKey;
    const h = hashStart(s0);
    const len = (s0[h]! | (s0[h + 1]! << 8) | (s0[h + 2]! << 16)) + s0[h + 3]! * 0x1000000;
    if (len > 0 && len + 8 <= (last - first + 1) * 32) {
      const pieces = hashPieces(tx, first, last);
      const up = uploaderPayload(concat(tx, pieces), pieces);
      if (up) return [up];
    }
    // The run's hashes are joined once, on the first output that may start a file; each later
    // candidate is a view into that one copy (a copy per candidate is quadratic in the outputs).
    let run: { pieces: Piece[]; stream: Uint8Array; offsets: number[] } | undefined;
    for (let k = first; k < last; k++) {
      const s = outs[k]!.scriptPubKey;
      const start = hashStart(s);
      if (!mayStartFile(s, start)) continue;
      if (!run) {
        const all = hashPieces(tx, first, last);
        const offsets: number[] = [];
        let at = 0;
        for (const p of all) { offsets.push(at); at += p.end - p.start; }
        run = { pieces: all, stream: concat(tx, all), offsets };
      }
      const from = run.offsets[k - first]!;
      if (from >= run.stream.length) break;
      const data = run.stream.subarray(from);
      if (!findFile(data, 8)) continue;
      const pieces = run.pieces.slice(k - first);
      const result = analyse(data, 8);
      if (result.kind !== 'file') continue;
      const off = result.fields.carveOffset as number;
      return [{ method: 'output-data', place: placeOf(pieces, off, off + result.bytes.length), bytes: result.bytes, fields: result.fields, notes: ['file in output hashes', ...result.notes] }];
    }
  }
  // Text: consecutive outputs that are each nearly all printable.
  let found: ExtractedPayload[] | undefined;
  let k = first;
  while (k <= last) {
    const s = outs[k]!.scriptPubKey;
    if (!textyOutput(s, hashStart(s))) { k++; continue; }
    let m = k;
    while (m + 1 <= last && textyOutput(outs[m + 1]!.scriptPubKey, hashStart(outs[m + 1]!.scriptPubKey))) m++;
    if (m === k) {
      const p = hashPiece(tx, k);
      const end = endWithoutPadding(s, p.start, p.end);
      const st = textStats(s, p.start, end);
      const n = end - p.start;
      if (n >= 16 && st.printable === n && st.alnum >= 0.75 * n) {
        (found ??= []).push({ method: 'output-data', place: { kind: 'outputs', first: k, last: k }, bytes: s.slice(p.start, end), fields: { rawSize: p.end - p.start }, notes: ['text in an output hash'] });
      }
    } else {
      const data = concat(tx, hashPieces(tx, k, m));
      const end = endWithoutPadding(data);
      if (end >= 16 && isMostlyText(data, 0, end)) {
        (found ??= []).push({ method: 'output-data', place: { kind: 'outputs', first: k, last: m }, bytes: data.subarray(0, end), fields: { rawSize: data.length }, notes: [`text in ${m - k + 1} consecutive output hashes`] });
      }
    }
    k = m + 1;
  }
  return found ?? NONE;
}

/** A file signature may start in the first 9 bytes of this hash (checked in place, no copy). */
function mayStartFile(s: Uint8Array, start: number): boolean {
  for (let at = start; at <= start + 8; at++) {
    if (FILE_FIRST_PAIRS[(s[at]! << 8) | s[at + 1]!] === 0) continue;
    // JPEG and PE need bytes beyond one hash to be checked: a concatenation decides.
    if ((s[at] === 0xff && s[at + 1] === 0xd8) || (s[at] === 0x4d && s[at + 1] === 0x5a && at === start)) return true;
    if (findFile(s.subarray(at, hashEnd(s, start)), 0)) return true;
  }
  return false;
}

/** Every output method: stamps first, then fake keys and hashes of the outputs stamps left. */
export function extractOutputPayloads(tx: Transaction): ExtractedPayload[] {
  let keyOutputs = 0;
  let hashOutputs = 0;
  let p2wsh = 0;
  for (const out of tx.outputs) {
    const s = out.scriptPubKey;
    if (hashStart(s) >= 0) {
      hashOutputs++;
      if (s.length === 34) p2wsh++;
    } else if (isP2pk(s) || looksMultisig(s)) keyOutputs++;
  }
  if (keyOutputs === 0 && hashOutputs === 0) return [];
  if (keyOutputs === 0 && p2wsh === 0) return hashPayloads(tx, undefined);
  const found: ExtractedPayload[] = [];
  const skip = new Set<number>();
  let counterparty = false;
  if (keyOutputs > 0) {
    const stamp = multisigStamp(tx);
    found.push(...stamp.payloads);
    counterparty = stamp.counterparty;
    for (const i of stamp.consumed) skip.add(i);
  }
  if (p2wsh > 0) {
    const olga = olgaStamp(tx);
    found.push(...olga.payloads);
    if (olga.payloads.length > 0) for (const i of olga.consumed) skip.add(i);
  }
  if (keyOutputs > 0 && !counterparty) found.push(...keyPayloads(tx, skip));
  if (hashOutputs > 0) found.push(...hashPayloads(tx, skip));
  return found;
}
