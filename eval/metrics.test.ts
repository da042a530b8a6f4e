import { describe, expect, it } from 'vitest';
import { confusionOf, quantile, ratesBy, ratesOf, worstErrors, type ScoredPair } from './metrics.js';

describe('confusion counts and F1', () => {
  it('counts each verdict against its label', () => {
    const rows = [
      { match: true, hit: true },
      { match: true, hit: true },
      { match: true, hit: false },
      { match: false, hit: true },
      { match: false, hit: false },
    ];
    expect(confusionOf(rows)).toEqual({ tp: 2, fn: 1, fp: 1, tn: 1 });
    const r = ratesOf(confusionOf(rows));
    expect(r.pairs).toBe(5);
    expect(r.precision).toBeCloseTo(2 / 3);
    expect(r.recall).toBeCloseTo(2 / 3);
    expect(r.f1).toBeCloseTo(2 / 3);
    expect(r.accuracy).toBeCloseTo(3 / 5);
  });

  it('gives F1 as the harmonic mean of precision and recall', () => {
    // nomenklatura's frozen logic-v2 run: TP 345, FP 108, FN 75 give P 0.762, R 0.821, F1 0.79.
    const r = ratesOf({ tp: 345, fp: 108, fn: 75, tn: 284 });
    expect(r.precision).toBeCloseTo(0.762, 3);
    expect(r.recall).toBeCloseTo(0.821, 3);
    expect(r.f1).toBeCloseTo(0.79, 2);
  });

  it('leaves precision undefined when nothing was predicted, and recall when there was nothing to find', () => {
    expect(ratesOf({ tp: 0, fp: 0, fn: 3, tn: 2 })).toMatchObject({ precision: null, recall: 0, f1: null });
    expect(ratesOf({ tp: 0, fp: 1, fn: 0, tn: 2 })).toMatchObject({ precision: 0, recall: null, f1: null });
    expect(ratesOf({ tp: 0, fp: 0, fn: 0, tn: 0 })).toMatchObject({ pairs: 0, accuracy: null });
  });

  it('groups rows in first-seen order', () => {
    const by = ratesBy(
      [
        { schema: 'Person', match: true, hit: true },
        { schema: 'Company', match: true, hit: false },
        { schema: 'Person', match: false, hit: false },
      ],
      (r) => r.schema,
    );
    expect(Object.keys(by)).toEqual(['Person', 'Company']);
    expect(by.Person).toMatchObject({ pairs: 2, tp: 1, tn: 1 });
    expect(by.Company).toMatchObject({ pairs: 1, fn: 1 });
  });
});

describe('the worst errors', () => {
  const pair = (query: string, match: boolean, score: number): ScoredPair => ({ query, record: 'R', match, score });

  it('ranks misses and false hits by how far they are on the wrong side of the threshold', () => {
    const pairs = [
      pair('right hit', true, 0.95),
      pair('right miss', false, 0.2),
      pair('near miss', true, 0.65),
      pair('far miss', true, 0.1),
      pair('false hit', false, 0.9),
      pair('at the threshold', false, 0.7),
    ];
    const worst = worstErrors(pairs, 0.7);
    expect(worst.map((e) => e.query)).toEqual(['far miss', 'false hit', 'near miss', 'at the threshold']);
    expect(worst[0]!.margin).toBeCloseTo(0.6);
    expect(worst[1]!.margin).toBeCloseTo(0.2);
    expect(worst[3]!.margin).toBe(0);
  });

  it('keeps at most n, equal margins in the data’s order', () => {
    const pairs = ['a', 'b', 'c', 'd'].map((q) => pair(q, true, 0));
    expect(worstErrors(pairs, 0.7, 3).map((e) => e.query)).toEqual(['a', 'b', 'c']);
  });

  it('lists nothing when every pair is right', () => {
    expect(worstErrors([pair('x', true, 0.8), pair('y', false, 0.3)], 0.7)).toEqual([]);
  });
});

describe('quantiles of timings', () => {
  it('takes the nearest rank below', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(sorted, 0.5)).toBe(51);
    expect(quantile(sorted, 0.99)).toBe(100);
    expect(quantile([], 0.5)).toBe(0);
  });
});
