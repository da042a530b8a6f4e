import { CborError, CborMap, decodeCborFirst, describeCbor, type CborValue } from './cbor.js';
import { contains, MAX_ENVELOPE_PAYLOADS, scanEnvelopes, Overflow } from './envelope-pushes.js';
import { tapscriptOf, textOf } from './envelope-script.js';
import type { ExtractedPayload, Extractor } from './payload.js';

// Atomicals: `OP_FALSE OP_IF "atom" <operation> <payload pushes…> OP_ENDIF` in a taproot script,
// the payload pushes joined into one CBOR map. Files sit at the top of that map, as raw bytes
// under a file name ({"image.png": h'89504e47…'}) or as {"$ct": type, "$d" or "$b": bytes}.
// Each file is its own payload; an envelope without files (a dmt mint: arguments only) gives
// its CBOR as the payload, so what was written is never lost.

const MARKER = Uint8Array.of(0x61, 0x74, 0x6f, 0x6d); // "atom"

/** Operations the Atomicals indexer (atomicals-electrumx) knows; another is reported, with a note. */
const OPERATIONS = new Set(['nft', 'ft', 'dft', 'dmt', 'sl', 'x', 'y', 'z', 'mod', 'evt', 'dat']);

const MAX_SUMMARY = 1000;

/** Finds every "atom" envelope in every input's tapscript. Never throws; linear in the size of the witnesses. */
export const extractAtomicals: Extractor = (tx) => {
  const found: ExtractedPayload[] = [];
  // Made only when a transaction passes the limit: most have no envelope at all.
  let overflow: Overflow | undefined;
  for (let input = 0; input < tx.inputs.length; input++) {
    // Most inputs carry no envelope: their serialised witness, one view, lacks the marker, and
    // their witness items are never made.
    const raw = tx.inputs[input]!.witnessBytes;
    if (raw !== undefined && !contains(raw, MARKER)) continue;
    const script = tapscriptOf(tx.inputs[input]!.witness);
    if (!script) continue;
    const firstOfInput = found.length;
    const malformed = scanEnvelopes(script, MARKER, (envelope) => {
      const p = envelope.pushes;
      const place = { kind: 'input' as const, index: input, item: envelope.offset };
      if (found.length >= MAX_ENVELOPE_PAYLOADS) {
        (overflow ??= new Overflow()).add(place, p.concat(1));
        return;
      }
      const notes: string[] = [];
      const operation = p.count > 0 ? textOf(p.bytes(0), 16) : '';
      if (!OPERATIONS.has(operation)) notes.push(operation ? `operation ${JSON.stringify(operation)} is not one the Atomicals indexer knows` : 'no operation push');
      if (envelope.pushnum) notes.push('OP_1..OP_16 used as a push: the Atomicals indexer reads only data pushes');
      const fields: Record<string, string | number | boolean> = { operation };
      for (const payload of payloadsOf(p.concat(1), place, fields, notes)) found.push(payload);
    });
    if (malformed) {
      for (let i = firstOfInput; i < found.length; i++) found[i]!.notes!.push('the script has a broken push after this envelope');
    }
  }
  const joined = overflow?.payload('atomicals', 'CBOR payloads are');
  if (joined) found.push(joined);
  return found;
};

function payloadsOf(cbor: Uint8Array, place: ExtractedPayload['place'], fields: Record<string, string | number | boolean>, notes: string[]): ExtractedPayload[] {
  const whole = (more: string[]): ExtractedPayload[] => [
    { method: 'atomicals', place, bytes: cbor, declaredType: 'application/cbor', fields, notes: [...notes, ...more] },
  ];
  if (cbor.length === 0) return whole(['no payload after the operation']);
  let value: CborValue;
  try {
    const first = decodeCborFirst(cbor);
    value = first.value;
    if (first.end !== cbor.length) notes.push(`${cbor.length - first.end} bytes after the CBOR item`);
  } catch (e) {
    if (!(e instanceof CborError)) throw e;
    return whole([`payload not decoded as CBOR: ${e.message}`]);
  }
  fields.cbor = describeCbor(value, MAX_SUMMARY);
  if (!(value instanceof CborMap)) return whole(['the CBOR payload is not a map']);
  const files: ExtractedPayload[] = [];
  for (const [key, entry] of value.entries) {
    if (typeof key !== 'string') continue;
    const file = fileOf(entry);
    if (!file) continue;
    const payload: ExtractedPayload = {
      method: 'atomicals', place, bytes: file.bytes,
      fields: { ...fields, fileName: key.slice(0, 255) },
      notes: [...notes],
    };
    if (file.type !== undefined) payload.declaredType = file.type;
    files.push(payload);
  }
  return files.length ? files : whole([]);
}

function fileOf(entry: CborValue): { bytes: Uint8Array; type?: string } | undefined {
  if (entry instanceof Uint8Array) return { bytes: entry };
  if (!(entry instanceof CborMap)) return undefined;
  const data = entry.get('$d') ?? entry.get('$b');
  if (!(data instanceof Uint8Array)) return undefined;
  const type = entry.get('$ct');
  return typeof type === 'string' ? { bytes: data, type: type.slice(0, 255) } : { bytes: data };
}
