import type { Transaction } from '../transaction.js';
import { CborError, decodeCbor, describeCbor } from './cbor.js';
import { contains, MAX_ENVELOPE_PAYLOADS, scanEnvelopes, Overflow, type Pushes, type RawEnvelope } from './envelope-pushes.js';
import { hexOf, tapscriptOf, textOf } from './envelope-script.js';
import type { ExtractedPayload, Extractor } from './payload.js';

// Ordinals inscriptions, read as the reference indexer `ord` reads them (its envelope.rs, tag.rs
// and the curses of its inscription updater), so an investigator sees what ord shows, plus the
// reasons ord would call an inscription "cursed". Curses that need the chain's state
// (reinscription, unbound) cannot be told from one transaction and are not reported.

const EMPTY = new Uint8Array(0);
const PROTOCOL_ID = Uint8Array.of(0x6f, 0x72, 0x64); // "ord"

const TAG = {
  contentType: 1,
  pointer: 2,
  parent: 3,
  metadata: 5,
  metaprotocol: 7,
  contentEncoding: 9,
  delegate: 11,
  rune: 13,
  properties: 17,
} as const;
/** Tags ord reads: each value ord takes out of the fields before looking for unknown even tags. */
const KNOWN_TAGS = new Set<number>(Object.values(TAG));
/** Tags whose values are all taken (metadata and properties are concatenated, parents are a list); the others give up their first value only. */
const TAKES_ALL = new Set<number>([TAG.metadata, TAG.properties, TAG.parent]);

/** Field text shown to an investigator is cut here; the body is never cut. */
const MAX_TEXT = 1000;
/** CBOR fields are shown in hex up to this many bytes (and decoded, summarised). */
const MAX_HEX_BYTES = 2048;
/** Parents listed in the parent field (each id is 66 characters or more). */
const MAX_PARENTS = 16;

/** Finds every inscription envelope in every input's tapscript. Never throws; linear in the size of the witnesses. */
export const extractOrdinals: Extractor = (tx) => {
  const found: ExtractedPayload[] = [];
  let inscriptionIndex = 0;
  // Made only when a transaction passes the limit: most have no envelope at all.
  let overflow: Overflow | undefined;
  for (let input = 0; input < tx.inputs.length; input++) {
    // Most inputs carry no envelope: their serialised witness, one view, lacks the marker, and
    // their witness items are never made.
    const raw = tx.inputs[input]!.witnessBytes;
    if (raw !== undefined && !contains(raw, PROTOCOL_ID)) continue;
    const script = tapscriptOf(tx.inputs[input]!.witness);
    if (!script) continue;
    const firstOfInput = found.length;
    const malformed = scanEnvelopes(script, PROTOCOL_ID, (envelope) => {
      if (found.length >= MAX_ENVELOPE_PAYLOADS) {
        (overflow ??= new Overflow()).add({ kind: 'input', index: input, item: envelope.offset }, bodyOf(envelope.pushes) ?? EMPTY);
        return;
      }
      found.push(inscription(tx, input, envelope, inscriptionIndex++));
    });
    if (malformed) {
      for (let i = firstOfInput; i < found.length; i++) found[i]!.notes!.push('the script has a broken push after this envelope: ord ignores every envelope of this input');
    }
  }
  const joined = overflow?.payload('ordinals', 'bodies are');
  if (joined) found.push(joined);
  return found;
};

/** The body: the pushes after the first empty push in a tag position (even index), joined. */
function bodyOf(p: Pushes): Uint8Array | undefined {
  for (let i = 0; i < p.count; i += 2) if (p.length(i) === 0) return p.concat(i + 1);
  return undefined;
}

function inscription(tx: Transaction, input: number, envelope: RawEnvelope, index: number): ExtractedPayload {
  const p = envelope.pushes;
  const notes: string[] = [];
  const curses: string[] = [];
  const fields: Record<string, string | number | boolean> = { inscriptionId: `${tx.txid}i${index}` };

  let fieldEnd = 0;
  while (fieldEnd < p.count && !(fieldEnd % 2 === 0 && p.length(fieldEnd) === 0)) fieldEnd++;
  const body = bodyOf(p);

  // Group values by tag: one-byte tags by number, longer keys by their hex.
  const byTag = new Map<number, number[]>();
  const longKeys = new Map<string, number>();
  for (let k = 0; k + 1 < fieldEnd; k += 2) {
    if (p.length(k) === 1) {
      const tag = p.firstByte(k);
      const list = byTag.get(tag);
      if (list) list.push(k + 1);
      else byTag.set(tag, [k + 1]);
    } else {
      const key = hexOf(p.bytes(k));
      longKeys.set(key, (longKeys.get(key) ?? 0) + 1);
    }
  }

  // Curses, in the order ord tests them (ord names only the first; all are listed here).
  const evenUnknown: string[] = [];
  const oddUnknown: string[] = [];
  const duplicated: string[] = [];
  for (const [tag, values] of byTag) {
    if (values.length > 1) duplicated.push(`tag ${tag}`);
    if (!KNOWN_TAGS.has(tag)) (tag % 2 === 0 ? evenUnknown : oddUnknown).push(`tag ${tag}`);
    // ord takes one value of a known tag; a second pointer (tag 2) is left over, and even.
    else if (tag % 2 === 0 && !TAKES_ALL.has(tag) && values.length > 1) evenUnknown.push(`tag ${tag} (repeated)`);
  }
  for (const [key, count] of longKeys) {
    const label = `0x${key.slice(0, 64)}${key.length > 64 ? '…' : ''}${printable(key)}`;
    if (count > 1) duplicated.push(label);
    (parseInt(key.slice(0, 2), 16) % 2 === 0 ? evenUnknown : oddUnknown).push(label);
  }
  if (evenUnknown.length) curses.push(`unrecognised even field (${list(evenUnknown)})`);
  if (duplicated.length) curses.push(`duplicate field (${list(duplicated)})`);
  if (fieldEnd % 2 === 1) curses.push('incomplete field (a tag without a value)');
  if (input !== 0) curses.push(`not in the first input (input ${input})`);
  if (envelope.offset !== 0) curses.push(`not the first envelope of its input (envelope ${envelope.offset})`);
  if (byTag.has(TAG.pointer)) curses.push('pointer field');
  if (envelope.pushnum) curses.push('OP_1NEGATE or OP_1..OP_16 used as a push (pushnum)');
  if (envelope.stutter) curses.push('stutter (a false envelope start just before this one)');
  if (oddUnknown.length) notes.push(`unknown odd field ${list(oddUnknown)}: ignored by ord, not a curse`);

  const first = (tag: number): Uint8Array | undefined => {
    const values = byTag.get(tag);
    return values ? p.bytes(values[0]!) : undefined;
  };
  const all = (tag: number): number[] => byTag.get(tag) ?? [];

  const payload: ExtractedPayload = {
    method: 'ordinals',
    place: { kind: 'input', index: input, item: envelope.offset },
    bytes: body ?? EMPTY,
    fields,
    notes,
  };
  if (!body) notes.push('no body: the envelope carries fields only');

  const contentType = first(TAG.contentType);
  if (contentType) payload.declaredType = text(contentType, notes, 'content type');
  const encoding = first(TAG.contentEncoding);
  if (encoding) payload.contentEncoding = text(encoding, notes, 'content encoding');
  const metaprotocol = first(TAG.metaprotocol);
  if (metaprotocol) fields.metaprotocol = text(metaprotocol, notes, 'metaprotocol');

  const pointer = first(TAG.pointer);
  if (pointer) {
    const value = pointerValue(pointer);
    if (value === undefined) notes.push(`pointer 0x${hexOf(pointer, 64)} ignored: larger than 64 bits`);
    else fields.pointer = value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  }

  const parents = all(TAG.parent);
  if (parents.length) {
    fields.parent = parents.slice(0, MAX_PARENTS).map((i) => inscriptionIdOf(p.bytes(i)) ?? `invalid 0x${hexOf(p.bytes(i), 64)}`).join(',');
    if (parents.length > MAX_PARENTS) notes.push(`${parents.length} parents, the first ${MAX_PARENTS} shown`);
  }
  const delegate = first(TAG.delegate);
  if (delegate) fields.delegate = inscriptionIdOf(delegate) ?? `invalid 0x${hexOf(delegate, 64)}`;

  const rune = first(TAG.rune);
  if (rune) fields.rune = runeName(rune) ?? `invalid 0x${hexOf(rune, 64)}`;

  cborField('metadata', joined(p, all(TAG.metadata)), fields, notes);
  cborField('properties', joined(p, all(TAG.properties)), fields, notes);

  if (curses.length) {
    fields.cursed = true;
    for (const c of curses) notes.push(`cursed: ${c}`);
  }
  return payload;
}

function joined(p: Pushes, indexes: number[]): Uint8Array | undefined {
  if (!indexes.length) return undefined;
  if (indexes.length === 1) return p.bytes(indexes[0]!);
  const parts = indexes.map((i) => p.bytes(i));
  const out = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of parts) { out.set(b, at); at += b.length; }
  return out;
}

function list(items: string[]): string {
  return items.length > 8 ? `${items.slice(0, 8).join(', ')} and ${items.length - 8} more` : items.join(', ');
}

/** ` ("qey")` when a long key is short printable ASCII, so "qey" reads as a word. */
function printable(hex: string): string {
  if (hex.length > 64) return '';
  let s = '';
  for (let i = 0; i < hex.length; i += 2) {
    const c = parseInt(hex.slice(i, i + 2), 16);
    if (c < 0x20 || c > 0x7e) return '';
    s += String.fromCharCode(c);
  }
  return ` (${JSON.stringify(s)})`;
}

function text(bytes: Uint8Array, notes: string[], what: string): string {
  const t = textOf(bytes, MAX_TEXT);
  if (bytes.length > MAX_TEXT) notes.push(`${what} cut to ${MAX_TEXT} characters (${bytes.length} bytes)`);
  return t;
}

/** ord's pointer: a little-endian integer; bytes past the 8th must be zero, else ord ignores it. An empty push is 0. */
export function pointerValue(bytes: Uint8Array): bigint | undefined {
  for (let i = 8; i < bytes.length; i++) if (bytes[i] !== 0) return undefined;
  let v = 0n;
  for (let i = Math.min(bytes.length, 8) - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]!);
  return v;
}

/**
 * An inscription id serialised as ord does for parents and delegates: the 32-byte txid (internal
 * order) then the index little-endian in at most 4 bytes, without trailing zeros. Shown as ord
 * shows ids, `<txid>i<index>`; anything else is undefined.
 */
export function inscriptionIdOf(bytes: Uint8Array): string | undefined {
  if (bytes.length < 32 || bytes.length > 36) return undefined;
  if (bytes.length > 32 && bytes[bytes.length - 1] === 0) return undefined;
  let txid = '';
  for (let i = 31; i >= 0; i--) txid += bytes[i]!.toString(16).padStart(2, '0');
  let index = 0;
  for (let i = bytes.length - 1; i >= 32; i--) index = index * 256 + bytes[i]!;
  return `${txid}i${index}`;
}

/** A rune (tag 13: a little-endian u128) as its name in letters, the way ord and the Runes protocol write it. */
export function runeName(bytes: Uint8Array): string | undefined {
  if (bytes.length > 16) return undefined;
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]!);
  // u128::MAX has no n + 1; its name is fixed.
  if (n === (1n << 128n) - 1n) return 'BCGDENLQRQWDSLRUGSNLBTMFIJAV';
  n += 1n;
  let name = '';
  while (n > 0n) {
    name = String.fromCharCode(65 + Number((n - 1n) % 26n)) + name;
    n = (n - 1n) / 26n;
  }
  return name;
}

/** A CBOR field (metadata, properties): hex (cut), and a decoded summary or why it is not CBOR. */
function cborField(name: string, bytes: Uint8Array | undefined, fields: Record<string, string | number | boolean>, notes: string[]): void {
  if (!bytes) return;
  fields[name] = hexOf(bytes, MAX_HEX_BYTES);
  if (bytes.length > MAX_HEX_BYTES) notes.push(`${name} shown in hex up to ${MAX_HEX_BYTES} of its ${bytes.length} bytes`);
  try {
    fields[`${name}Decoded`] = describeCbor(decodeCbor(bytes));
  } catch (e) {
    if (!(e instanceof CborError)) throw e;
    notes.push(`${name} is not valid CBOR: ${e.message}`);
  }
}
