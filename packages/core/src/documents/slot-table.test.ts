import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SlotTable } from './slot-table.js';

type Rec = readonly [p: number, f: number, e: number, handle: number];
type Op =
  | { kind: 'insert' | 'delete'; rec: Rec }
  | { kind: 'matches'; p: number; f: number }
  /** Deletes, or looks up, the record inserted `pick`-th (modulo), so that deletes mostly hit. */
  | { kind: 'delete-inserted' | 'matches-inserted'; pick: number };

// Few distinct hashes, so that records share homes and tags, sit in neighbouring homes, form
// clusters and run past the end of the table (P near 2^32 has its home in the last slot): the
// hard cases for probing, Robin Hood order and backward-shift deletion.
const pArb = fc.oneof(
  fc.integer({ min: 0, max: 15 }).map((k) => k * 0x10000000),
  fc.constantFrom(1, 0xfffffff0, 0xffffffff),
  fc.integer({ min: 0, max: 0xffffffff }),
);
const fArb = fc.integer({ min: 1, max: 3 });
const recArb: fc.Arbitrary<Rec> = fc.tuple(pArb, fArb, fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 40 }));
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: recArb.map((rec) => ({ kind: 'insert' as const, rec })) },
  { weight: 3, arbitrary: recArb.map((rec) => ({ kind: 'delete' as const, rec })) },
  { weight: 1, arbitrary: fc.tuple(pArb, fArb).map(([p, f]) => ({ kind: 'matches' as const, p, f })) },
  { weight: 3, arbitrary: fc.nat().map((pick) => ({ kind: 'delete-inserted' as const, pick })) },
  { weight: 2, arbitrary: fc.nat().map((pick) => ({ kind: 'matches-inserted' as const, pick })) },
);

const keyOf = (r: Rec): string => r.join(',');

function foundRecords(table: SlotTable, p: number, f: number): string[] {
  const n = table.matches(p, f);
  const out: string[] = [];
  for (let k = 0; k < n; k++) out.push(keyOf([p, f, table.exactHashAt(table.found[k]!), table.handleAt(table.found[k]!)]));
  return out.sort();
}

describe('SlotTable', () => {
  it('behaves like a set of records under inserts, deletes and growth, even when hashes collide', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 300 }), fc.constantFrom(0, 4, 50), (ops, hint) => {
        const table = new SlotTable(hint);
        const model = new Map<string, Rec>();
        const inserted: Rec[] = [];
        for (const raw of ops) {
          let op = raw;
          if (op.kind === 'delete-inserted' || op.kind === 'matches-inserted') {
            const rec = inserted[op.pick % Math.max(1, inserted.length)];
            if (!rec) continue;
            op = op.kind === 'delete-inserted' ? { kind: 'delete', rec } : { kind: 'matches', p: rec[0], f: rec[1] };
          }
          if (op.kind === 'insert') {
            inserted.push(op.rec);
            expect(table.insert(...op.rec)).toBe(!model.has(keyOf(op.rec)));
            model.set(keyOf(op.rec), op.rec);
          } else if (op.kind === 'delete') {
            expect(table.delete(...op.rec)).toBe(model.delete(keyOf(op.rec)));
          } else if (op.kind === 'matches') {
            const expected = [...model.values()].filter(([p, f]) => p === op.p && f === op.f).map(keyOf).sort();
            expect(foundRecords(table, op.p, op.f)).toEqual(expected);
          }
          expect(table.size).toBe(model.size);
        }
        // Every record left is found, and nothing else is there.
        const all: string[] = [];
        table.forEach((...rec) => all.push(keyOf(rec)));
        expect(all.sort()).toEqual([...model.keys()].sort());
        for (const rec of model.values()) expect(foundRecords(table, rec[0], rec[1])).toContain(keyOf(rec));
      }),
      { numRuns: 300 },
    );
  });

  it('finds every record among thousands with random hashes after growth and many deletes', () => {
    const table = new SlotTable();
    const recs: Rec[] = [];
    let seed = 7;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let i = 0; i < 20_000; i++) recs.push([rnd(), rnd() || 1, rnd(), i]);
    for (const r of recs) table.insert(...r);
    for (let i = 0; i < recs.length; i += 3) table.delete(...recs[i]!);
    for (let i = 0; i < recs.length; i++) {
      const found = foundRecords(table, recs[i]![0], recs[i]![1]);
      expect(found.includes(keyOf(recs[i]!))).toBe(i % 3 !== 0);
    }
  });

  it('keeps between 16 and 24 bytes a record beyond its minimum size, growing and shrinking', () => {
    const table = new SlotTable();
    const recs: Rec[] = [];
    for (let i = 0; i < 50_000; i++) recs.push([Math.imul(i, 0x9e3779b1) >>> 0, 1 + (i % 7), i, i]);
    const perRecord = () => table.byteLength / table.size;
    let worst = 0;
    let best = Infinity;
    for (const r of recs) {
      table.insert(...r);
      if (table.size > 100) {
        worst = Math.max(worst, perRecord());
        best = Math.min(best, perRecord());
      }
    }
    for (const r of recs.slice(0, 45_000)) {
      table.delete(...r);
      if (table.size > 100) worst = Math.max(worst, perRecord());
    }
    expect(worst).toBeLessThanOrEqual(24);
    expect(best).toBeGreaterThanOrEqual(16);
  });

  it('refuses a negative or non-numeric capacity hint', () => {
    expect(() => new SlotTable(-1)).toThrow(RangeError);
    expect(() => new SlotTable(Number.NaN)).toThrow(RangeError);
  });
});
