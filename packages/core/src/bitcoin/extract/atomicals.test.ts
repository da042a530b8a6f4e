import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Transaction } from '../transaction.js';
import { extractAtomicals } from './atomicals.js';
import { extractOrdinals } from './ordinals.js';

const enc = new TextEncoder();
const OP_0 = 0x00, OP_IF = 0x63, OP_ENDIF = 0x68, OP_CHECKSIG = 0xac;

function script(...parts: (number | string | Uint8Array)[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === 'number') { out.push(part); continue; }
    const b = typeof part === 'string' ? enc.encode(part) : part;
    if (b.length === 0) out.push(OP_0);
    else if (b.length < 0x4c) out.push(b.length);
    else if (b.length <= 0xff) out.push(0x4c, b.length);
    else out.push(0x4d, b.length & 0xff, b.length >> 8);
    for (const x of b) out.push(x);
  }
  return Uint8Array.from(out);
}

/** CBOR of text-keyed maps, text, bytes and small unsigned integers. */
function cbor(v: unknown): number[] {
  const head = (major: number, n: number) => (n < 24 ? [(major << 5) | n] : n < 256 ? [(major << 5) | 24, n] : [(major << 5) | 25, n >> 8, n & 0xff]);
  if (typeof v === 'number') return head(0, v);
  if (typeof v === 'string') { const b = [...enc.encode(v)]; return [...head(3, b.length), ...b]; }
  if (v instanceof Uint8Array) return [...head(2, v.length), ...v];
  const entries = Object.entries(v as object);
  return [...head(5, entries.length), ...entries.flatMap(([k, x]) => [...cbor(k), ...cbor(x)])];
}

const TXID = 'cd'.repeat(32);
function tx(...scripts: Uint8Array[]): Transaction {
  return {
    version: 2, segwit: true, locktime: 0, txid: TXID, wtxid: TXID, offset: 0, size: 0, outputs: [],
    inputs: scripts.map((s) => ({ prevTxid: '00'.repeat(32), prevVout: 0, scriptSig: new Uint8Array(0), sequence: 0, witness: [new Uint8Array(64), s, new Uint8Array(33)], offset: 0 })),
  };
}
/** An atom envelope after a key and OP_CHECKSIG, its CBOR split in 520-byte pushes as wallets do. */
function atom(op: string, payload: number[] | Uint8Array): Uint8Array {
  const bytes = Uint8Array.from(payload);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += 520) chunks.push(bytes.subarray(i, i + 520));
  return script(new Uint8Array(32).fill(9), OP_CHECKSIG, OP_0, OP_IF, 'atom', op, ...chunks, OP_ENDIF);
}

describe('extractAtomicals', () => {
  const png = Uint8Array.from({ length: 1500 }, (_, i) => (i * 13) & 0xff);

  it('gives each file of an nft its own payload: raw bytes under a name, and {$ct, $d}', () => {
    const svg = enc.encode('<svg/>');
    const found = extractAtomicals(tx(atom('nft', cbor({ args: { nonce: 7 }, 'image.png': png, 'logo.svg': { $ct: 'image/svg+xml', $d: svg } }))));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ method: 'atomicals', place: { kind: 'input', index: 0, item: 0 }, fields: { operation: 'nft', fileName: 'image.png' } });
    expect(Buffer.from(found[0]!.bytes).equals(png)).toBe(true);
    expect(found[0]!.declaredType).toBeUndefined();
    expect(found[1]).toMatchObject({ declaredType: 'image/svg+xml', fields: { operation: 'nft', fileName: 'logo.svg' } });
    expect(found[1]!.bytes).toEqual(svg);
    expect(found[0]!.fields?.cbor).toContain('"args":{"nonce":7}');
  });

  it('takes $b as the bytes of a typed file too', () => {
    const [p] = extractAtomicals(tx(atom('dft', cbor({ 'image.png': { $ct: 'image/png', $b: png } }))));
    expect(p).toMatchObject({ declaredType: 'image/png', fields: { operation: 'dft', fileName: 'image.png' } });
    expect(Buffer.from(p!.bytes).equals(png)).toBe(true);
  });

  it('gives an envelope without files (a dmt mint) as its CBOR', () => {
    const payload = cbor({ args: { mint_ticker: 'atom', nonce: 5 } });
    const [p, ...rest] = extractAtomicals(tx(atom('dmt', payload)));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ declaredType: 'application/cbor', fields: { operation: 'dmt', cbor: '{"args":{"mint_ticker":"atom","nonce":5}}' }, notes: [] });
    expect(Array.from(p!.bytes)).toEqual(payload);
  });

  it('keeps a payload that is not CBOR, or a CBOR bomb, as bytes with the reason', () => {
    const bomb = [0x9b, 0, 0, 0, 1, 0, 0, 0, 0, 0x00]; // an array claiming 2^32 items
    const [p] = extractAtomicals(tx(atom('nft', bomb)));
    expect(Array.from(p!.bytes)).toEqual(bomb);
    expect(p!.notes).toEqual([expect.stringMatching(/^payload not decoded as CBOR: length-too-large/)]);
    const deep = new Uint8Array(5000).fill(0x81);
    const [q] = extractAtomicals(tx(atom('nft', deep)));
    expect(q!.notes).toEqual([expect.stringMatching(/too-deep/)]);
    const [r] = extractAtomicals(tx(atom('nft', cbor('just text'))));
    expect(r!.notes).toEqual(['the CBOR payload is not a map']);
  });

  it('notes an operation the indexer does not know, and an envelope without payload', () => {
    const [p] = extractAtomicals(tx(atom('zzz', [])));
    expect(p!.bytes.length).toBe(0);
    expect(p!.notes).toEqual(['operation "zzz" is not one the Atomicals indexer knows', 'no payload after the operation']);
  });

  it('finds envelopes in several inputs, and none in an ord envelope', () => {
    const found = extractAtomicals(tx(atom('dmt', cbor({ a: 1 })), atom('dmt', cbor({ a: 2 }))));
    expect(found.map((p) => p.place)).toEqual([{ kind: 'input', index: 0, item: 0 }, { kind: 'input', index: 1, item: 0 }]);
    expect(extractOrdinals(tx(atom('nft', cbor({ a: 1 }))))).toEqual([]);
  });

  it('finds whatever files are written, whatever their names and sizes', () => {
    fc.assert(fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), fc.uint8Array({ maxLength: 2000 }), { minKeys: 1, maxKeys: 5 }), (files) => {
      const found = extractAtomicals(tx(atom('nft', cbor(files))));
      expect(found.map((p) => [p.fields?.fileName, Buffer.from(p.bytes).toString('hex')])).toEqual(
        Object.entries(files).map(([name, bytes]) => [name, Buffer.from(bytes).toString('hex')]),
      );
    }), { numRuns: 200 });
  });
});
