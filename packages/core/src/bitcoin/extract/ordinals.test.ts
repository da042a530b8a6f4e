import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Transaction } from '../transaction.js';
import { extractAtomicals } from './atomicals.js';
import { extractOrdinals, inscriptionIdOf, pointerValue, runeName } from './ordinals.js';
import type { ExtractedPayload } from './payload.js';

const enc = new TextEncoder();
const OP_0 = 0x00, OP_IF = 0x63, OP_ENDIF = 0x68, OP_CHECKSIG = 0xac, OP_1 = 0x51;
const TXID = 'ab'.repeat(32);

/** A script from opcodes (numbers) and pushes (bytes or text, minimally encoded). */
function script(...parts: (number | string | Uint8Array)[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === 'number') { out.push(part); continue; }
    const b = typeof part === 'string' ? enc.encode(part) : part;
    if (b.length === 0) out.push(OP_0);
    else if (b.length < 0x4c) out.push(b.length);
    else if (b.length <= 0xff) out.push(0x4c, b.length);
    else if (b.length <= 0xffff) out.push(0x4d, b.length & 0xff, b.length >> 8);
    else out.push(0x4e, b.length & 0xff, (b.length >> 8) & 0xff, (b.length >> 16) & 0xff, b.length >>> 24);
    for (const x of b) out.push(x);
  }
  return Uint8Array.from(out);
}

const KEY = new Uint8Array(32).fill(7);
const CONTROL = new Uint8Array(33).fill(0xc0);
const SIG = new Uint8Array(64).fill(1);
const tag = (n: number) => Uint8Array.of(n);
/** The script of a typical reveal: key, OP_CHECKSIG, then the envelope. */
const reveal = (...envelope: (number | string | Uint8Array)[]) => script(KEY, OP_CHECKSIG, ...envelope);
const envelope = (...pushes: (number | string | Uint8Array)[]) => [OP_0, OP_IF, 'ord', ...pushes, OP_ENDIF];

function tx(...witnesses: Uint8Array[][]): Transaction {
  return {
    version: 2, segwit: true, locktime: 0, txid: TXID, wtxid: TXID, offset: 0, size: 0, outputs: [],
    inputs: witnesses.map((witness) => ({ prevTxid: '00'.repeat(32), prevVout: 0, scriptSig: new Uint8Array(0), sequence: 0, witness, offset: 0 })),
  };
}
const spend = (s: Uint8Array) => [SIG, s, CONTROL];
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const curses = (p: ExtractedPayload) => (p.notes ?? []).filter((n) => n.startsWith('cursed: ')).map((n) => n.slice(8));

describe('extractOrdinals', () => {
  it('reads a plain inscription: content type, body joined across pushes, id, no curse', () => {
    const [p, ...rest] = extractOrdinals(tx(spend(reveal(...envelope(tag(1), 'text/plain;charset=utf-8', '', 'Hello, ', 'world!')))));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ method: 'ordinals', place: { kind: 'input', index: 0, item: 0 }, declaredType: 'text/plain;charset=utf-8', fields: { inscriptionId: `${TXID}i0` } });
    expect(text(p!.bytes)).toBe('Hello, world!');
    expect(p!.notes).toEqual([]);
    expect(p!.fields?.cursed).toBeUndefined();
  });

  it('reads large bodies split over PUSHDATA2 and PUSHDATA1 pushes, byte for byte', () => {
    const big = Uint8Array.from({ length: 70_000 }, (_, i) => i * 7);
    const [p] = extractOrdinals(tx(spend(reveal(...envelope(tag(1), 'application/octet-stream', '', big.subarray(0, 520), big.subarray(520, 600), big.subarray(600))))));
    expect(Buffer.from(p!.bytes).equals(big)).toBe(true);
  });

  it('reads the tapscript before an annex, and nothing in key-path spends', () => {
    const s = reveal(...envelope(tag(1), 'text/plain', '', 'x'));
    expect(extractOrdinals(tx([SIG, s, CONTROL, Uint8Array.of(0x50, 1)]))).toHaveLength(1);
    expect(extractOrdinals(tx([s]))).toEqual([]);
    expect(extractOrdinals(tx([s, Uint8Array.of(0x50)]))).toEqual([]);
    expect(extractOrdinals(tx([]))).toEqual([]);
  });

  it('numbers envelopes across inputs and within an input, and names the later ones cursed', () => {
    const two = reveal(...envelope(tag(1), 'text/plain', '', 'a'), ...envelope(tag(1), 'text/plain', '', 'b'));
    const found = extractOrdinals(tx(spend(two), spend(reveal(...envelope('', 'c')))));
    expect(found.map((p) => [p.place, text(p.bytes), p.fields?.inscriptionId])).toEqual([
      [{ kind: 'input', index: 0, item: 0 }, 'a', `${TXID}i0`],
      [{ kind: 'input', index: 0, item: 1 }, 'b', `${TXID}i1`],
      [{ kind: 'input', index: 1, item: 0 }, 'c', `${TXID}i2`],
    ]);
    expect(found.map(curses)).toEqual([[], ['not the first envelope of its input (envelope 1)'], ['not in the first input (input 1)']]);
    expect(found[1]!.fields?.cursed).toBe(true);
  });

  it('names each curse ord knows from the envelope alone', () => {
    const cursesOf = (...pushes: (number | string | Uint8Array)[]) => curses(extractOrdinals(tx(spend(reveal(...envelope(...pushes)))))[0]!);
    expect(cursesOf(tag(66), 'x', '', 'body')).toEqual(['unrecognised even field (tag 66)']);
    expect(cursesOf(Uint8Array.of(4, 0), 'x', '', 'body')).toEqual(['unrecognised even field (0x0400)']);
    expect(cursesOf(tag(1), 'text/plain', tag(1), 'text/html', '', 'body')).toEqual(['duplicate field (tag 1)']);
    expect(cursesOf(tag(2), '', tag(2), Uint8Array.of(1), '', 'b')).toEqual(['unrecognised even field (tag 2 (repeated))', 'duplicate field (tag 2)', 'pointer field']);
    expect(cursesOf(tag(1), 'text/plain', tag(7))).toEqual(['incomplete field (a tag without a value)']);
    expect(cursesOf(tag(2), Uint8Array.of(1), '', 'b')).toEqual(['pointer field']);
    expect(cursesOf(OP_1, 'text/plain', '', 'b')).toEqual(['OP_1NEGATE or OP_1..OP_16 used as a push (pushnum)']);
    // An odd unknown tag is ignored by ord, and said so.
    const [odd] = extractOrdinals(tx(spend(reveal(...envelope(tag(15), 'a note', '', 'b')))));
    expect(curses(odd!)).toEqual([]);
    expect(odd!.notes).toEqual(['unknown odd field tag 15: ignored by ord, not a curse']);
  });

  it('reads pushnum bodies as the bytes ord gives them', () => {
    const [p] = extractOrdinals(tx(spend(reveal(...envelope('', OP_1, 0x60, 0x4f)))));
    expect(Array.from(p!.bytes)).toEqual([1, 16, 0x81]);
  });

  it('marks a stutter: a false envelope start right before the envelope', () => {
    const s = script(OP_0, ...envelope(tag(1), 'text/plain', '', 'x'));
    expect(curses(extractOrdinals(tx(spend(s)))[0]!)).toEqual(['stutter (a false envelope start just before this one)']);
    const s2 = script(OP_0, OP_IF, OP_0, OP_IF, 'ord', '', 'x', OP_ENDIF);
    expect(curses(extractOrdinals(tx(spend(s2)))[0]!)).toEqual(['stutter (a false envelope start just before this one)']);
  });

  it('abandons an envelope broken by another opcode or by the end of the script, as ord does', () => {
    expect(extractOrdinals(tx(spend(script(...envelope('', 'x', OP_CHECKSIG)))))).toEqual([]);
    expect(extractOrdinals(tx(spend(script(OP_0, OP_IF, 'ord', '', 'x'))))).toEqual([]);
    expect(extractOrdinals(tx(spend(script(OP_0, OP_IF, 'orb', '', 'x', OP_ENDIF))))).toEqual([]);
  });

  it('keeps an envelope before a broken push, and notes that ord would drop the input', () => {
    const broken = Uint8Array.from([...script(...envelope('', 'x')), 0x4d, 0xff, 0xff, 1]);
    const [p] = extractOrdinals(tx(spend(broken)));
    expect(text(p!.bytes)).toBe('x');
    expect(p!.notes).toContain('the script has a broken push after this envelope: ord ignores every envelope of this input');
  });

  it('notes an envelope without a body', () => {
    const [p] = extractOrdinals(tx(spend(script(...envelope(tag(1), 'text/plain')))));
    expect(p!.bytes).toEqual(new Uint8Array(0));
    expect(p!.notes).toContain('no body: the envelope carries fields only');
  });

  it('reads pointer, parents, delegate, metaprotocol, content encoding, rune and chunked CBOR metadata', () => {
    const parentId = Uint8Array.from([...Array.from({ length: 32 }, (_, i) => i), 5]);
    // {"a": 1} split over two metadata pushes.
    const [p] = extractOrdinals(tx(spend(reveal(...envelope(
      tag(2), Uint8Array.of(0xe8, 0x03), tag(3), parentId, tag(3), new Uint8Array(32), tag(11), new Uint8Array(32).fill(0xff),
      tag(7), 'brc-20', tag(9), 'br', tag(13), Uint8Array.of(0), tag(5), Uint8Array.of(0xa1, 0x61), tag(5), Uint8Array.of(0x61, 0x01), '', 'b',
    )))));
    const parentTxid = Array.from({ length: 32 }, (_, i) => (31 - i).toString(16).padStart(2, '0')).join('');
    expect(p!.fields).toMatchObject({
      pointer: 1000, parent: `${parentTxid}i5,${'00'.repeat(32)}i0`, delegate: `${'ff'.repeat(32)}i0`,
      metaprotocol: 'brc-20', rune: 'A', metadata: 'a1616101', metadataDecoded: '{"a":1}',
    });
    expect(p!.contentEncoding).toBe('br');
  });

  it('lists at most 16 parents, and says how many there are', () => {
    const parents = Array.from({ length: 20 }, (_, i) => [tag(3), new Uint8Array(32).fill(i)]).flat();
    const [p] = extractOrdinals(tx(spend(reveal(...envelope(...parents, '', 'b')))));
    expect(String(p!.fields?.parent).split(',')).toHaveLength(16);
    // ord counts repeated parent tags as a duplicate field too (its check runs before it takes the parents).
    expect(p!.notes).toEqual(['20 parents, the first 16 shown', 'cursed: duplicate field (tag 3)']);
  });

  it('says when metadata is not CBOR', () => {
    const [p] = extractOrdinals(tx(spend(reveal(...envelope(tag(5), Uint8Array.of(0x9a, 0xff, 0xff, 0xff, 0xff), '', 'b')))));
    expect(p!.fields?.metadata).toBe('9affffffff');
    expect(p!.notes).toEqual([expect.stringMatching(/^metadata is not valid CBOR: length-too-large/)]);
  });

  it('decodes field values as ord does', () => {
    expect(pointerValue(new Uint8Array(0))).toBe(0n);
    expect(pointerValue(Uint8Array.of(1, 2))).toBe(0x201n);
    expect(pointerValue(Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 0, 0, 0))).toBe(1n);
    expect(pointerValue(Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 0, 1))).toBeUndefined();
    expect(inscriptionIdOf(new Uint8Array(31))).toBeUndefined();
    expect(inscriptionIdOf(Uint8Array.from([...new Uint8Array(32), 1, 0]))).toBeUndefined(); // trailing zero: not minimal
    expect(inscriptionIdOf(Uint8Array.from([...new Uint8Array(32), 0, 1]))).toBe(`${'00'.repeat(32)}i256`);
    expect(runeName(Uint8Array.of(25))).toBe('Z');
    expect(runeName(Uint8Array.of(26))).toBe('AA');
    expect(runeName(new Uint8Array(16).fill(0xff))).toBe('BCGDENLQRQWDSLRUGSNLBTMFIJAV');
    expect(runeName(new Uint8Array(17))).toBeUndefined();
  });

  it('gives at most 10,000 inscriptions a transaction, the bodies of the rest joined into one more payload', () => {
    const many = script(...Array.from({ length: 10_003 }, (_, i) => envelope('', String.fromCharCode(65 + (i % 26)))).flat());
    const found = extractOrdinals(tx(spend(many)));
    expect(found).toHaveLength(10_001);
    expect(found[9_999]!.fields?.inscriptionId).toBe(`${TXID}i9999`);
    const rest = found[10_000]!;
    expect(rest.place).toEqual({ kind: 'input', index: 0, item: 10_000 });
    expect(text(rest.bytes)).toBe('QRS');
    expect(rest.notes).toEqual(['3 more envelopes after the first 10000 of this transaction: their bodies are joined in this payload, their fields not read']);
  });

  it('costs nothing on inputs without a tapscript and on scripts without OP_IF', () => {
    const plain = tx(...Array.from({ length: 2000 }, () => [SIG]), ...Array.from({ length: 2000 }, () => [SIG, new Uint8Array(33).fill(2)]));
    expect(extractOrdinals(plain)).toEqual([]);
    expect(extractAtomicals(plain)).toEqual([]);
  });
});

describe('envelope extractors on generated envelopes', () => {
  const chunks = fc.array(fc.uint8Array({ maxLength: 700 }), { maxLength: 6 });
  it('find every body, whatever its pushes, between other script', () => {
    fc.assert(fc.property(fc.array(chunks, { minLength: 1, maxLength: 4 }), fc.string({ maxLength: 40 }), (bodies, type) => {
      const s = reveal(...bodies.flatMap((b) => [...envelope(tag(1), type, '', ...b), OP_CHECKSIG]));
      const found = extractOrdinals(tx(spend(s)));
      expect(found.map((p) => Buffer.from(p.bytes).toString('hex'))).toEqual(bodies.map((b) => Buffer.concat(b).toString('hex')));
      expect(found.every((p) => p.declaredType === type)).toBe(true);
    }), { numRuns: 300 });
  });
});

describe('envelope extractors on garbage', () => {
  const pieces = fc.oneof(
    fc.constantFrom(OP_0, OP_IF, OP_ENDIF, OP_1, 0x4f, 0x60, 0x4c, 0x4d, 0x4e, OP_CHECKSIG),
    fc.constantFrom('ord', 'atom', 'nft', '', tag(1), tag(2), tag(5), tag(66), Uint8Array.of(0xa1, 0x61)),
    fc.uint8Array({ maxLength: 80 }),
  );
  const scripts = fc.oneof(
    fc.uint8Array({ maxLength: 600 }),
    fc.array(pieces, { maxLength: 60 }).map((parts) => script(...parts)),
  );
  const witnesses = fc.array(fc.array(scripts, { maxLength: 4 }), { maxLength: 4 });

  it('never throw, and find no more than the witnesses hold', () => {
    fc.assert(fc.property(witnesses, (ws) => {
      const t = tx(...ws);
      const size = ws.flat().reduce((n, w) => n + w.length, 0);
      for (const extract of [extractOrdinals, extractAtomicals]) {
        const found = extract(t);
        // Bodies and files are disjoint parts of the scripts: together never more than the witnesses.
        expect(found.reduce((n, p) => n + p.bytes.length, 0)).toBeLessThanOrEqual(size);
        expect(found.length).toBeLessThanOrEqual(size);
        for (const p of found) {
          for (const v of Object.values(p.fields ?? {})) if (typeof v === 'string') expect(v.length).toBeLessThanOrEqual(4096 + 64);
        }
      }
    }), { numRuns: 2000 });
  });
});
