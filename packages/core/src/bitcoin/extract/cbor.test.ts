import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CborError, CborMap, CborSimple, CborTagged, decodeCbor, decodeCborFirst, describeCbor, type CborValue } from './cbor.js';

const hex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'));
const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CborError);
    return (e as CborError).code;
  }
  throw new Error('expected a CborError');
};

/** A plain view of a decoded value, for comparisons. */
function plain(v: CborValue): unknown {
  if (v instanceof Uint8Array) return { bytes: Buffer.from(v).toString('hex') };
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof CborMap) return v.entries.map(([k, x]) => [plain(k), plain(x)]);
  if (v instanceof CborTagged) return { tag: v.tag, value: plain(v.value) };
  if (v instanceof CborSimple) return { simple: v.value };
  return v;
}

describe('decodeCbor', () => {
  it('decodes the examples of RFC 8949 appendix A', () => {
    const cases: [string, unknown][] = [
      ['00', 0], ['17', 23], ['1818', 24], ['1903e8', 1000], ['1a000f4240', 1000000],
      ['1b000000e8d4a51000', 1000000000000], ['1bffffffffffffffff', 18446744073709551615n],
      ['20', -1], ['3863', -100], ['3bffffffffffffffff', -18446744073709551616n],
      ['f90000', 0], ['f93c00', 1], ['f97bff', 65504], ['fa47c35000', 100000], ['fb3ff199999999999a', 1.1],
      ['f4', false], ['f5', true], ['f6', null], ['f7', undefined], ['f0', { simple: 16 }], ['f8ff', { simple: 255 }],
      ['c074323031332d30332d32315432303a30343a30305a', { tag: 0, value: '2013-03-21T20:04:00Z' }],
      ['40', { bytes: '' }], ['4401020304', { bytes: '01020304' }], ['60', ''], ['6449455446', 'IETF'], ['62c3bc', 'ü'],
      ['83010203', [1, 2, 3]], ['8301820203820405', [1, [2, 3], [4, 5]]],
      ['a201020304', [[1, 2], [3, 4]]], ['a26161016162820203', [['a', 1], ['b', [2, 3]]]],
      ['5f42010243030405ff', { bytes: '0102030405' }], ['7f657374726561646d696e67ff', 'streaming'],
      ['9fff', []], ['9f018202039f0405ffff', [1, [2, 3], [4, 5]]], ['bf61610161629f0203ffff', [['a', 1], ['b', [2, 3]]]],
    ];
    for (const [h, expected] of cases) expect(plain(decodeCbor(hex(h))), h).toEqual(expected);
  });

  it('gives byte strings as views of the input, never copies', () => {
    const input = hex('a1636b65794401020304');
    const v = decodeCbor(input) as CborMap;
    const bytes = v.get('key') as Uint8Array;
    expect(bytes.buffer).toBe(input.buffer);
  });

  it('refuses declared lengths and counts larger than the bytes left, before allocating', () => {
    expect(code(() => decodeCbor(hex('5bffffffffffffffff')))).toBe('length-too-large');
    expect(code(() => decodeCbor(hex('5a7fffffff00')))).toBe('length-too-large');
    expect(code(() => decodeCbor(hex('9affffffff00')))).toBe('length-too-large');
    expect(code(() => decodeCbor(hex('ba0000000301020304')))).toBe('length-too-large');
    expect(code(() => decodeCbor(hex('9b00000001000000000000')))).toBe('length-too-large');
  });

  it('caps nesting and the number of items', () => {
    expect(code(() => decodeCbor(new Uint8Array(100_000).fill(0x81)))).toBe('too-deep');
    expect(code(() => decodeCbor(new Uint8Array(1000).fill(0xd8).map((b, i) => (i % 2 ? 1 : b))))).toBe('too-deep');
    expect(code(() => decodeCbor(Uint8Array.from([0x9f, ...new Uint8Array(200_000), 0xff])))).toBe('too-many-items');
    expect(code(() => decodeCbor(Uint8Array.from([0x9f, 0x00, 0x00, 0xff]), { maxDepth: 4, maxItems: 2 }))).toBe('too-many-items');
    expect(plain(decodeCbor(Uint8Array.from([0x82, 0x81, 0x00, 0x00]), { maxDepth: 2, maxItems: 10 }))).toEqual([[0], 0]);
    expect(code(() => decodeCbor(Uint8Array.from([0x81, 0x81, 0x81, 0x00]), { maxDepth: 2, maxItems: 10 }))).toBe('too-deep');
  });

  it('names truncated, malformed and trailing input', () => {
    expect(code(() => decodeCbor(new Uint8Array(0)))).toBe('truncated');
    expect(code(() => decodeCbor(hex('830102')))).toBe('length-too-large');
    expect(code(() => decodeCbor(hex('78')))).toBe('truncated');
    expect(code(() => decodeCbor(hex('19ff')))).toBe('truncated');
    expect(code(() => decodeCbor(hex('1c')))).toBe('malformed');
    expect(code(() => decodeCbor(hex('ff')))).toBe('malformed');
    expect(code(() => decodeCbor(hex('5f6161ff')))).toBe('malformed'); // a text chunk in a byte string
    expect(code(() => decodeCbor(hex('1f')))).toBe('malformed');
    expect(code(() => decodeCbor(hex('8201ff')))).toBe('malformed');
    expect(code(() => decodeCbor(hex('bf01ff')))).toBe('malformed');
    expect(code(() => decodeCbor(hex('0000')))).toBe('trailing-bytes');
    expect(decodeCborFirst(hex('0102'))).toEqual({ value: 1, end: 1 });
  });

  it('summarises a value as short JSON-like text, byte strings by length and first bytes', () => {
    const v = decodeCbor(hex('a3616101616282f5f6616358200102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20'));
    expect(describeCbor(v)).toBe('{"a":1,"b":[true,null],"c":<32 bytes 0102030405060708090a0b0c0d0e0f10…>}');
    expect(describeCbor(v, 10)).toBe('{"a":1,"b…');
    expect(describeCbor(decodeCbor(hex('c11a514b67b0')))).toBe('1(1363896240)');
  });
});

/** A small encoder of the values fast-check makes, to check that decoding gives them back. */
function encode(v: unknown, out: number[] = []): number[] {
  const head = (major: number, n: number) => {
    if (n < 24) out.push((major << 5) | n);
    else if (n < 0x100) out.push((major << 5) | 24, n);
    else if (n < 0x10000) out.push((major << 5) | 25, n >> 8, n & 0xff);
    else out.push((major << 5) | 26, n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
  };
  if (typeof v === 'number') (v >= 0 ? head(0, v) : head(1, -1 - v));
  else if (typeof v === 'boolean') out.push(v ? 0xf5 : 0xf4);
  else if (v === null) out.push(0xf6);
  else if (typeof v === 'string') { const b = Buffer.from(v); head(3, b.length); out.push(...b); }
  else if (v instanceof Uint8Array) { head(2, v.length); out.push(...v); }
  else if (Array.isArray(v)) { head(4, v.length); for (const x of v) encode(x, out); }
  else { const entries = Object.entries(v as object); head(5, entries.length); for (const [k, x] of entries) { encode(k, out); encode(x, out); } }
  return out;
}
function fromPlain(v: unknown): unknown {
  if (v instanceof Uint8Array) return { bytes: Buffer.from(v).toString('hex') };
  if (Array.isArray(v)) return v.map(fromPlain);
  if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => [k, fromPlain(x)]);
  return v;
}

describe('decodeCbor on generated input', () => {
  const values = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.integer({ min: -(2 ** 32) + 1, max: 2 ** 32 - 1 }), fc.boolean(), fc.constant(null), fc.string(), fc.uint8Array({ maxLength: 40 }),
      fc.array(tie('value'), { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 5 }),
    ),
  })).value;

  it('gives back what was encoded', () => {
    fc.assert(fc.property(values, (v) => {
      expect(plain(decodeCbor(Uint8Array.from(encode(v))))).toEqual(fromPlain(v));
    }), { numRuns: 500 });
  });

  it('either decodes garbage or names why not, and never throws anything else', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      try {
        const v = decodeCbor(bytes);
        expect(describeCbor(v, 500).length).toBeLessThanOrEqual(500);
      } catch (e) {
        expect(e).toBeInstanceOf(CborError);
      }
    }), { numRuns: 5000 });
  });
});
