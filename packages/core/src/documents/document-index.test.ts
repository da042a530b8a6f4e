import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DocumentIndex, type DocumentHit } from './document-index.js';
import { documentKey, foldedDocumentKey } from './document-number.js';

const sorted = (hits: readonly DocumentHit[]): string[] => hits.map((h) => `${h.handle}:${h.match}`).sort();

describe('DocumentIndex', () => {
  it('finds a document by its exact number and by OCR misreadings of it, marked as such', () => {
    const index = new DocumentIndex();
    index.add(7, 'FRA', '12AB34567');
    index.add(8, 'FRA', 'C01X00T47');
    expect(index.lookup('FRA', '12 ab-34567')).toEqual([{ handle: 7, match: 'exact' }]);
    expect(index.lookup('FRA', 'COIXOOT47')).toEqual([{ handle: 8, match: 'ocr-variant' }]);
    expect(index.lookup('FRA', '12A834567')).toEqual([{ handle: 7, match: 'ocr-variant' }]);
    expect(index.lookup('FRA', '12AB34568')).toEqual([]);
    expect(index.lookup('ITA', '12AB34567')).toEqual([]);
  });

  it('finds a German passport read from an MRZ (state D) under an alert entered as DEU', () => {
    const index = new DocumentIndex();
    index.add(1, 'DEU', 'C01X00T47');
    expect(index.lookup('D<<', 'C01X00T47<')).toEqual([{ handle: 1, match: 'exact' }]);
    expect(index.lookup('D', 'C01X00T47')).toEqual([{ handle: 1, match: 'exact' }]);
  });

  it('returns every handle for a document, exact matches first, then by handle whatever the order of adding', () => {
    const index = new DocumentIndex();
    index.add(3, 'ESP', 'XS0001');
    index.add(1, 'ESP', 'X50001');
    index.add(2, 'ESP', 'XS0001');
    expect(index.lookup('ESP', 'XS0001')).toEqual([
      { handle: 2, match: 'exact' },
      { handle: 3, match: 'exact' },
      { handle: 1, match: 'ocr-variant' },
    ]);
  });

  it('keeps one record when the same handle and document are added twice', () => {
    const index = new DocumentIndex();
    index.add(5, 'FRA', 'AA1');
    index.add(5, 'fra', 'aa-1');
    expect(index.size).toBe(1);
    expect(index.lookup('FRA', 'AA1')).toEqual([{ handle: 5, match: 'exact' }]);
  });

  it('forgets a removed record and only that one', () => {
    const index = new DocumentIndex();
    index.add(1, 'FRA', 'AA1');
    index.add(2, 'FRA', 'AA1');
    expect(index.remove(1, 'FRA', 'AA1')).toBe(true);
    expect(index.remove(1, 'FRA', 'AA1')).toBe(false);
    expect(index.remove(2, 'FRA', 'AA2')).toBe(false);
    expect(index.lookup('FRA', 'AA1')).toEqual([{ handle: 2, match: 'exact' }]);
    expect(index.size).toBe(1);
  });

  it('accepts the full uint32 range of handles and refuses anything else', () => {
    const index = new DocumentIndex();
    index.add(0, 'FRA', 'A');
    index.add(0xffffffff, 'FRA', 'A');
    expect(sorted(index.lookup('FRA', 'A'))).toEqual(['0:exact', '4294967295:exact']);
    for (const bad of [-1, 2 ** 32, 1.5, Number.NaN]) expect(() => index.add(bad, 'FRA', 'A')).toThrow(RangeError);
  });

  it('answers lookupMany exactly as lookup, in order', () => {
    const index = new DocumentIndex();
    for (let i = 0; i < 500; i++) index.add(i, i % 2 ? 'FRA' : 'DEU', `N${i * 37}`);
    const queries = Array.from({ length: 100 }, (_, i) => ({ issuingState: i % 3 ? 'FRA' : 'D', number: `N${i * 41}` }));
    expect(index.lookupMany(queries)).toEqual(queries.map((q) => index.lookup(q.issuingState, q.number)));
  });

  it('keeps finding the records that remain, and only those, while removals rebuild its presence filter', () => {
    const index = new DocumentIndex(1000);
    for (let i = 0; i < 1000; i++) index.add(i, 'ITA', `YA${i}`);
    for (let i = 0; i < 1000; i++) if (i % 10 !== 0) index.remove(i, 'ITA', `YA${i}`);
    for (let i = 0; i < 1000; i++) {
      expect(index.lookup('ITA', `YA${i}`)).toEqual(i % 10 === 0 ? [{ handle: i, match: 'exact' }] : []);
    }
    for (let i = 1000; i < 1100; i++) index.add(i, 'ITA', `YA${i}`);
    for (let i = 1000; i < 1100; i++) expect(index.lookup('ITA', `YA${i}`)).toEqual([{ handle: i, match: 'exact' }]);
  });

  it('writes a snapshot of only the handles asked for, which finds those and no others', () => {
    const index = new DocumentIndex();
    for (let i = 0; i < 200; i++) index.add(i, 'NLD', `NX${i}`);
    const restored = DocumentIndex.fromSnapshot(index.toSnapshot((handle) => handle % 3 === 0));
    expect(restored.size).toBe(67);
    for (let i = 0; i < 200; i++) expect(restored.lookup('NLD', `NX${i}`)).toEqual(i % 3 === 0 ? [{ handle: i, match: 'exact' }] : []);
  });

  it('uses at most 24 bytes a record at scale', () => {
    const index = new DocumentIndex();
    for (let i = 0; i < 100_000; i++) index.add(i, 'FRA', `P${i}`);
    expect(index.bytesPerRecord).toBeLessThanOrEqual(24);
    const sized = new DocumentIndex(100_000);
    for (let i = 0; i < 100_000; i++) sized.add(i, 'FRA', `P${i}`);
    // 16 bytes a slot and the presence filter's half byte, at the hint's load of 80%.
    expect(sized.bytesPerRecord).toBe(20.625);
    expect(new DocumentIndex().bytesPerRecord).toBe(0);
  });
});

// Model-based: the index must answer like a list of (handle, exact key, folded key) records.
const numberArb = fc.string({ unit: fc.constantFrom(...'0O1IB8S5Z2A-'.split('')), minLength: 1, maxLength: 4 });
const stateArb = fc.constantFrom('DEU', 'D', 'FRA');
const docArb = fc.record({ handle: fc.integer({ min: 0, max: 6 }), state: stateArb, number: numberArb });
type Doc = { handle: number; state: string; number: string };
type Op = { kind: 'add' | 'remove' | 'lookup'; doc: Doc } | { kind: 'remove-added'; pick: number };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: docArb.map((doc) => ({ kind: 'add' as const, doc })) },
  { weight: 1, arbitrary: docArb.map((doc) => ({ kind: 'remove' as const, doc })) },
  { weight: 3, arbitrary: fc.nat().map((pick) => ({ kind: 'remove-added' as const, pick })) },
  { weight: 3, arbitrary: docArb.map((doc) => ({ kind: 'lookup' as const, doc })) },
);

function modelLookup(model: Map<string, Doc>, state: string, number: string): string[] {
  const exact = documentKey(state, number);
  const folded = foldedDocumentKey(state, number);
  const out: string[] = [];
  for (const d of model.values()) {
    if (documentKey(d.state, d.number) === exact) out.push(`${d.handle}:exact`);
    else if (foldedDocumentKey(d.state, d.number) === folded) out.push(`${d.handle}:ocr-variant`);
  }
  return out.sort();
}

const modelOps = fc.array(opArb, { maxLength: 250 });

/** Runs the operations on an index and on the model; checks every lookup; returns both. */
function runAgainstModel(ops: Op[]): { index: DocumentIndex; model: Map<string, Doc> } {
  const index = new DocumentIndex();
  const model = new Map<string, Doc>();
  const added: Doc[] = [];
  const id = (d: Doc) => `${d.handle}|${documentKey(d.state, d.number)}`;
  for (const op of ops) {
    const doc = op.kind === 'remove-added' ? added[op.pick % Math.max(1, added.length)] : op.doc;
    if (!doc) continue;
    if (op.kind === 'add') {
      index.add(doc.handle, doc.state, doc.number);
      model.set(id(doc), doc);
      added.push(doc);
    } else if (op.kind === 'remove' || op.kind === 'remove-added') {
      expect(index.remove(doc.handle, doc.state, doc.number)).toBe(model.delete(id(doc)));
    } else {
      expect(sorted(index.lookup(doc.state, doc.number))).toEqual(modelLookup(model, doc.state, doc.number));
    }
    expect(index.size).toBe(model.size);
  }
  return { index, model };
}

describe('DocumentIndex against a model', () => {
  it('never misses a record that was added and not removed, through growth, shrinking and removals', () => {
    fc.assert(
      fc.property(modelOps, (ops) => {
        const { index, model } = runAgainstModel(ops);
        for (const d of model.values()) {
          expect(index.lookup(d.state, d.number)).toContainEqual({ handle: d.handle, match: 'exact' });
        }
      }),
      { numRuns: 300 },
    );
  });
});
