/**
 * The arithmetic of the scorecard, kept pure so that it is tested on its own (metrics.test.ts):
 * confusion counts, precision / recall / F1, and the ranking of the worst errors.
 */

export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** Precision, recall and F1 are null where they are undefined (nothing predicted, nothing to find). */
export interface Rates extends Confusion {
  pairs: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  accuracy: number | null;
}

/** One judged pair: the label (`match`) and the matcher's verdict (`hit`). */
export interface Judged {
  match: boolean;
  hit: boolean;
}

export function confusionOf(rows: readonly Judged[]): Confusion {
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (const r of rows) {
    if (r.hit && r.match) c.tp++;
    else if (r.hit) c.fp++;
    else if (r.match) c.fn++;
    else c.tn++;
  }
  return c;
}

export function ratesOf(c: Confusion): Rates {
  const pairs = c.tp + c.fp + c.tn + c.fn;
  const precision = c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? null : c.tp / (c.tp + c.fn);
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, pairs, precision, recall, f1, accuracy: pairs === 0 ? null : (c.tp + c.tn) / pairs };
}

/** Rates of each group of rows, groups in first-seen order. */
export function ratesBy<R extends Judged>(rows: readonly R[], groupOf: (row: R) => string): Record<string, Rates> {
  const groups = new Map<string, R[]>();
  for (const r of rows) {
    const g = groupOf(r);
    let list = groups.get(g);
    if (!list) groups.set(g, (list = []));
    list.push(r);
  }
  return Object.fromEntries([...groups].map(([g, list]) => [g, ratesOf(confusionOf(list))]));
}

/** A scored pair of a data set, as the worst-errors list shows it. */
export interface ScoredPair {
  query: string;
  record: string;
  /** The label: the two are the same person (or company). */
  match: boolean;
  score: number;
  /** Anything that helps read the line: the schema, the script, the file. */
  note?: string;
}

export interface WorstError extends ScoredPair {
  /** How far on the wrong side of the threshold: threshold − score for a miss, score − threshold for a false hit. */
  margin: number;
}

/**
 * The errors furthest on the wrong side of the threshold: missed positives with the lowest
 * scores and false hits with the highest, mixed, largest margin first. Ties keep the data's order.
 */
export function worstErrors(pairs: readonly ScoredPair[], threshold: number, n = 10): WorstError[] {
  const errors: WorstError[] = [];
  for (const p of pairs) {
    const hit = p.score >= threshold;
    if (hit === p.match) continue;
    errors.push({ ...p, margin: p.match ? threshold - p.score : p.score - threshold });
  }
  // Array.prototype.sort is stable: equal margins stay in the data's order.
  return errors.sort((a, b) => b.margin - a.margin).slice(0, n);
}

/** p-th quantile (0..1) of sorted values, nearest rank below; 0 for none. */
export function quantile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}
