/**
 * k-fold cross-validation for any learned component (fitted weights, a threshold, a classifier):
 * the component is fitted on k−1 folds and scores only the held-out fold, so that no figure of
 * the scorecard comes from data the component was fitted on (issue 17: "never on the data it is
 * scored on").
 *
 * Folds are fixed by a stable hash of each row's key (for a pair: schema, query and record), not
 * by position or a random draw: the same pair lands in the same fold on every run and every
 * machine, and adding rows to a data set moves no other row.
 */

/** A learned component: how it is fitted and how a fitted model scores one row. */
export interface LearnedComponent<Row, Model = unknown> {
  name: string;
  /** What is learned, from what; shown in the scorecard. */
  description: string;
  fit(train: readonly Row[]): Model;
  score(model: Model, row: Row): number;
}

/** FNV-1a, 32 bits, over the UTF-16 code units: stable across runs and platforms, no dependency. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function foldOf(key: string, k: number): number {
  return stableHash(key) % k;
}

export interface Fold<Row> {
  fold: number;
  train: Row[];
  test: Row[];
}

/** The k train/test splits: each row is in the test set of exactly one fold and in the training set of the others. */
export function kFolds<Row>(rows: readonly Row[], k: number, keyOf: (row: Row) => string): Fold<Row>[] {
  if (!Number.isInteger(k) || k < 2) throw new Error(`k-fold cross-validation needs k ≥ 2, got ${k}`);
  const of = rows.map((r) => foldOf(keyOf(r), k));
  return Array.from({ length: k }, (_, fold) => ({
    fold,
    train: rows.filter((_, i) => of[i] !== fold),
    test: rows.filter((_, i) => of[i] === fold),
  }));
}

export interface OutOfFold<Row> {
  row: Row;
  fold: number;
  /** The score given by the model fitted without this row's fold. */
  score: number;
}

/** Every row scored once, by the model fitted on the other folds; in the rows' order. */
export function crossValidate<Row, Model>(component: LearnedComponent<Row, Model>, rows: readonly Row[], k: number, keyOf: (row: Row) => string): OutOfFold<Row>[] {
  const indices = rows.map((_, i) => i);
  const out: OutOfFold<Row>[] = new Array(rows.length);
  for (const { fold, train, test } of kFolds(indices, k, (i) => keyOf(rows[i]!))) {
    if (test.length === 0) continue;
    const model = component.fit(train.map((i) => rows[i]!));
    for (const i of test) out[i] = { row: rows[i]!, fold, score: component.score(model, rows[i]!) };
  }
  return out;
}
