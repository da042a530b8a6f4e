import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldOcrConfusions, normaliseDocumentNumber, normaliseIssuingState } from './document-number.js';
import { hashDocument, hashNormalised } from './key-hash.js';

const hashes = (state: string, number: string): number[] => {
  const out = new Uint32Array(3);
  hashDocument(state, number, out);
  return [...out];
};
const reference = (state: string, number: string): number[] => {
  const out = new Uint32Array(3);
  hashNormalised(normaliseIssuingState(state), normaliseDocumentNumber(number), out);
  return [...out];
};

const stateArb = fc.oneof(fc.constantFrom('D', 'DEU', 'D<<', 'fra', 'GBD', '', 'X', 'AB'), fc.string({ unit: 'binary', maxLength: 5 }));
const numberArb = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'AB0O1IL8SZ2G6Q5 -./<ab'.split('')), maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

describe('document key hashes', () => {
  it('computed from raw input equal the hashes of the normalised keys, for any input', () => {
    fc.assert(
      fc.property(stateArb, numberArb, (state, number) => {
        expect(hashes(state, number)).toEqual(reference(state, number));
      }),
      { numRuns: 2000 },
    );
  });

  it('are equal for P and F and differ for E when only confusable characters differ', () => {
    const [p1, f1, e1] = hashes('FRA', 'C01X00T47');
    const [p2, f2, e2] = hashes('FRA', 'COIXOOT47');
    expect([p1, f1]).toEqual([p2, f2]);
    expect(e1).not.toBe(e2);
  });

  it('never give the tag hash F the value 0 that marks an empty slot', () => {
    fc.assert(
      fc.property(stateArb, numberArb, (state, number) => {
        expect(hashes(state, number)[1]).not.toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('do not collide on 64 bits among 200,000 different folded keys', () => {
    const seen = new Set<string>();
    const folded = new Set<string>();
    let positionCollisions = 0;
    const positions = new Set<number>();
    for (let i = 0; i < 200_000; i++) {
      const number = (i * 7919).toString(36).toUpperCase().padStart(8, 'A');
      const key = foldOcrConfusions(number);
      if (folded.has(key)) continue;
      folded.add(key);
      const [p, f] = hashes('FRA', number);
      seen.add(`${p}:${f}`);
      if (positions.has(p!)) positionCollisions++;
      positions.add(p!);
    }
    expect(seen.size).toBe(folded.size);
    // 32 bits alone: about n²/2^33 ≈ 4 expected collisions; many more would mean poor mixing.
    expect(positionCollisions).toBeLessThan(30);
  });
});
