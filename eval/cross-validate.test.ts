import { describe, expect, it } from 'vitest';
import { crossValidate, foldOf, kFolds, stableHash, type LearnedComponent } from './cross-validate.js';

interface Row {
  key: string;
  x: number;
  match: boolean;
}

const rows: Row[] = Array.from({ length: 200 }, (_, i) => ({ key: `pair ${i}`, x: i / 200, match: i % 3 === 0 }));

describe('k-fold cross-validation', () => {
  it('puts each row in the test set of exactly one fold and the training set of every other', () => {
    const folds = kFolds(rows, 5, (r) => r.key);
    expect(folds).toHaveLength(5);
    for (const { train, test } of folds) {
      const inTest = new Set(test);
      expect(train.some((r) => inTest.has(r))).toBe(false);
      expect(train.length + test.length).toBe(rows.length);
    }
    const tested = folds.flatMap((f) => f.test).map((r) => r.key).sort();
    expect(tested).toEqual(rows.map((r) => r.key).sort());
  });

  it('fixes each row’s fold by its key, whatever the order or the other rows', () => {
    expect(stableHash('Anna Beispiel|Anna Beispiel')).toBe(stableHash('Anna Beispiel|Anna Beispiel'));
    const before = new Map(kFolds(rows, 5, (r) => r.key).flatMap((f) => f.test.map((r) => [r.key, f.fold] as const)));
    const more = [...rows].reverse().concat([{ key: 'a new pair', x: 0, match: true }]);
    for (const f of kFolds(more, 5, (r) => r.key)) for (const r of f.test) if (before.has(r.key)) expect(before.get(r.key)).toBe(f.fold);
    expect(foldOf('pair 7', 5)).toBe(before.get('pair 7'));
  });

  it('spreads rows over the folds', () => {
    for (const { test } of kFolds(rows, 5, (r) => r.key)) expect(test.length).toBeGreaterThan(20);
  });

  it('refuses fewer than two folds', () => {
    expect(() => kFolds(rows, 1, (r) => r.key)).toThrow(/k ≥ 2/);
  });

  it('scores every row once, with a model fitted without it', () => {
    const fittedOn: Set<string>[] = [];
    // A learned threshold: the mean x of the training matches (a stand-in for any fitted component).
    const component: LearnedComponent<Row, { seen: Set<string>; cut: number }> = {
      name: 'mean cut',
      description: 'test component',
      fit(train) {
        const seen = new Set(train.map((r) => r.key));
        fittedOn.push(seen);
        const matches = train.filter((r) => r.match);
        return { seen, cut: matches.reduce((s, r) => s + r.x, 0) / matches.length };
      },
      score(model, row) {
        expect(model.seen.has(row.key)).toBe(false);
        return row.x >= model.cut ? 1 : 0;
      },
    };
    const scored = crossValidate(component, rows, 4, (r) => r.key);
    expect(fittedOn).toHaveLength(4);
    expect(scored.map((s) => s.row)).toEqual(rows);
    expect(scored.every((s) => s.score === 0 || s.score === 1)).toBe(true);
    expect(new Set(scored.map((s) => s.fold))).toEqual(new Set([0, 1, 2, 3]));
  });
});
