import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DocumentIndex } from './document-index.js';
import { SnapshotError } from './index-snapshot.js';

const numberArb = fc.string({ unit: fc.constantFrom(...'0O1IB8SZ2AX'.split('')), minLength: 1, maxLength: 5 });
const docArb = fc.tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom('DEU', 'D', 'FRA', 'ITA'), numberArb);

function build(docs: [number, string, string][], removeEvery: number): DocumentIndex {
  const index = new DocumentIndex();
  docs.forEach(([h, s, n]) => index.add(h, s, n));
  docs.forEach(([h, s, n], i) => i % removeEvery === 0 && index.remove(h, s, n));
  return index;
}

function sample(): { index: DocumentIndex; snapshot: Uint8Array } {
  const index = new DocumentIndex();
  for (let i = 0; i < 40; i++) index.add(i, 'FRA', `N${i}`);
  return { index, snapshot: index.toSnapshot() };
}

const problemOf = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    if (error instanceof SnapshotError) return error.problem;
    throw error;
  }
  return 'no error';
};

describe('DocumentIndex snapshots', () => {
  it('restore an index that answers every lookup as the original did', () => {
    fc.assert(
      fc.property(fc.array(docArb, { maxLength: 120 }), fc.integer({ min: 2, max: 5 }), fc.array(fc.tuple(fc.constantFrom('DEU', 'D', 'FRA', 'ITA'), numberArb), { maxLength: 20 }), (docs, removeEvery, queries) => {
        const index = build(docs, removeEvery);
        const restored = DocumentIndex.fromSnapshot(index.toSnapshot());
        expect(restored.size).toBe(index.size);
        for (const [, s, n] of docs) expect(restored.lookup(s, n)).toEqual(index.lookup(s, n));
        for (const [s, n] of queries) expect(restored.lookup(s, n)).toEqual(index.lookup(s, n));
        // And the restored index keeps working: removals and additions.
        for (const [h, s, n] of docs) restored.remove(h, s, n);
        expect(restored.size).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips an empty index', () => {
    const restored = DocumentIndex.fromSnapshot(new DocumentIndex().toSnapshot());
    expect(restored.size).toBe(0);
    expect(restored.lookup('FRA', 'X')).toEqual([]);
  });

  it('reads a snapshot from a buffer at any byte offset', () => {
    const { index, snapshot } = sample();
    const shifted = new Uint8Array(snapshot.length + 1);
    shifted.set(snapshot, 1);
    const restored = DocumentIndex.fromSnapshot(shifted.subarray(1));
    expect(restored.lookup('FRA', 'N7')).toEqual(index.lookup('FRA', 'N7'));
  });

  it('refuses a snapshot with any byte changed', () => {
    const { snapshot } = sample();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: snapshot.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const damaged = snapshot.slice();
        damaged[at]! ^= xor;
        expect(problemOf(() => DocumentIndex.fromSnapshot(damaged))).not.toBe('no error');
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a snapshot cut short at any length, or with bytes added', () => {
    const { snapshot } = sample();
    for (let n = 0; n < snapshot.length; n++) {
      expect(problemOf(() => DocumentIndex.fromSnapshot(snapshot.subarray(0, n)))).toMatch(/truncated|checksum|malformed|not-a-snapshot/);
    }
    const longer = new Uint8Array(snapshot.length + 4);
    longer.set(snapshot);
    expect(problemOf(() => DocumentIndex.fromSnapshot(longer))).toBe('malformed');
  });

  it('names what is wrong: not a snapshot, another version, empty input', () => {
    const { snapshot } = sample();
    expect(problemOf(() => DocumentIndex.fromSnapshot(new TextEncoder().encode('hello, this is not an index at all')))).toBe('not-a-snapshot');
    const future = snapshot.slice();
    future[4] = 99;
    expect(problemOf(() => DocumentIndex.fromSnapshot(future))).toBe('unsupported-version');
    expect(problemOf(() => DocumentIndex.fromSnapshot(new Uint8Array(0)))).toBe('truncated');
    expect(() => DocumentIndex.fromSnapshot(future)).toThrow(/format version 99/);
  });
});
