/**
 * What the scorecard (docs/quality.md) shows for each data set: crosscheck's figure, the target
 * issue 17 set, and the peers' published figure, saying exactly which data that figure is on.
 * A peer figure on other data is shown as such, never as a comparison; "not published" where the
 * peers publish nothing for the data.
 *
 * Sources of the peer figures:
 * - nomenklatura: the frozen logic-v2 run of its name benchmark, contrib/name_bench/run_data/
 *   logicv2-frozen.csv at opensanctions/nomenklatura 0be02e8 (812 pairs, threshold 0.7; its
 *   cases.csv is an earlier version of names/nomenklatura_name_bench_cases.csv: 762 of its pairs
 *   are in ours with the same group, schema and names). Overall P 0.762 R 0.821 F1 0.79 as
 *   nomenklatura states it; the per-schema and per-quality figures are counted from that file's
 *   outcome column.
 * - yente: its candidate-generation benchmark on the first 100 rows of the fixtures (the
 *   numbers eval/run.ts printed before the scorecard, PEERS.md).
 * - watchman: the minimum score per pair and the score ranges per script in the header comments
 *   of internal/embeddings/testdata/cross_script_pairs.csv (moov-io/watchman d299005), which its
 *   embeddings model is tested against: a score per pair, not a recall at one threshold.
 * - MITRE: F 0.96 on Chinese–Roman name pairs, as issue 17 quotes it: its own pairs, not this data.
 */

export type Format = 'pct' | 'f3' | 'int' | 'micros';

export type Target =
  | { op: '>=' | '<='; value: number }
  /** Timings: no slower than the previous release, with a margin for the noise of a shared machine. */
  | { op: 'not-slower'; tolerance: number };

export interface Line {
  id: string;
  set: string;
  measure: string;
  format: Format;
  /** The ids of the counts shown beside the figure: `count` of `of` ("495 of 496"), or just "of 548". */
  count?: string;
  of?: string;
  target?: Target;
  peer: string;
}

const NOT_PUBLISHED = 'not published';
const NK = 'nomenklatura logic-v2, frozen run on its own 812-pair version of this benchmark (threshold 0.7)';
const YENTE = 'yente, first 100 rows of this file';

export const SUMMARY: readonly Line[] = [
  { id: 'names.bench.person.accuracy', set: 'nomenklatura name benchmark, Person pairs', measure: 'accuracy', format: 'pct', of: 'names.bench.person.pairs', target: { op: '>=', value: 0.96 }, peer: `${NK}, its 541 Person pairs: 75.4%` },
  { id: 'names.bench.person.undisputed.accuracy', set: 'nomenklatura Person pairs, without the labels its two files disagree on', measure: 'accuracy', format: 'pct', of: 'names.bench.person.undisputed.pairs', peer: NOT_PUBLISHED },
  { id: 'names.bench.all.f1', set: 'nomenklatura name benchmark, all pairs (persons, companies, organisations, vessels)', measure: 'F1', format: 'f3', of: 'names.bench.all.pairs', target: { op: '>=', value: 0.92 }, peer: `${NK}: 0.79` },
  { id: 'names.bench.all.precision', set: 'nomenklatura name benchmark, all pairs', measure: 'precision', format: 'f3', peer: `${NK}: 0.762` },
  { id: 'names.bench.all.recall', set: 'nomenklatura name benchmark, all pairs', measure: 'recall', format: 'f3', peer: `${NK}: 0.821` },
  { id: 'names.wikidata.script.russian.recall', set: 'Wikidata transliteration tokens, Russian', measure: 'recall', format: 'pct', count: 'names.wikidata.script.russian.found', of: 'names.wikidata.script.russian.pairs', target: { op: '>=', value: 0.95 }, peer: NOT_PUBLISHED },
  { id: 'names.wikidata.script.arabic.recall', set: 'Wikidata transliteration tokens, Arabic', measure: 'recall', format: 'pct', count: 'names.wikidata.script.arabic.found', of: 'names.wikidata.script.arabic.pairs', target: { op: '>=', value: 0.95 }, peer: NOT_PUBLISHED },
  { id: 'names.wikidata.script.hebrew.recall', set: 'Wikidata transliteration tokens, Hebrew', measure: 'recall', format: 'pct', count: 'names.wikidata.script.hebrew.found', of: 'names.wikidata.script.hebrew.pairs', target: { op: '>=', value: 0.95 }, peer: NOT_PUBLISHED },
  { id: 'names.wikidata.script.chinese.recall', set: 'Wikidata transliteration tokens, Chinese', measure: 'recall', format: 'pct', count: 'names.wikidata.script.chinese.found', of: 'names.wikidata.script.chinese.pairs', target: { op: '>=', value: 0.8 }, peer: 'not published for this data (MITRE: F 0.96 on its own Chinese–Roman name pairs)' },
  { id: 'names.wikidata.script.katakana.recall', set: 'Wikidata transliteration tokens, Katakana', measure: 'recall', format: 'pct', count: 'names.wikidata.script.katakana.found', of: 'names.wikidata.script.katakana.pairs', target: { op: '>=', value: 0.8 }, peer: NOT_PUBLISHED },
  { id: 'names.wikidata.script.korean.recall', set: 'Wikidata transliteration tokens, Korean', measure: 'recall', format: 'pct', count: 'names.wikidata.script.korean.found', of: 'names.wikidata.script.korean.pairs', target: { op: '>=', value: 0.8 }, peer: NOT_PUBLISHED },
  { id: 'names.wikidata.falseMatches.rate', set: 'Wikidata tokens: each native token against the next row’s Latin token of its script', measure: 'false matches', format: 'pct', count: 'names.wikidata.falseMatches.hits', of: 'names.wikidata.falseMatches.pairs', target: { op: '<=', value: 0.02 }, peer: NOT_PUBLISHED },
  { id: 'names.crossScript.found', set: 'watchman cross-script pairs', measure: 'found', format: 'int', of: 'names.crossScript.pairs', target: { op: '>=', value: 22 }, peer: 'watchman’s embeddings model, these 22 pairs: each pair above its own minimum score (0.35–0.95), no single threshold (per script below)' },
  { id: 'names.gaddafi.allPairs.recall', set: 'Gaddafi spellings (GNU sed test suite), all pairs', measure: 'recall', format: 'pct', count: 'names.gaddafi.allPairs.found', of: 'names.gaddafi.allPairs.pairs', target: { op: '>=', value: 0.998 }, peer: NOT_PUBLISHED },
  { id: 'screening.positives_un_untreated.recall', set: 'UN list screening, untreated positives', measure: 'recall', format: 'pct', of: 'screening.positives_un_untreated.rows', target: { op: '>=', value: 1 }, peer: `${YENTE}: logic-v1 100/100, logic-v2 100/100` },
  { id: 'screening.positives_un_treated.recall', set: 'UN list screening, treated (mangled) positives', measure: 'recall', format: 'pct', of: 'screening.positives_un_treated.rows', target: { op: '>=', value: 1 }, peer: NOT_PUBLISHED },
  { id: 'screening.negatives.rate', set: 'UN list screening, yente negatives (global and US)', measure: 'false-positive queries', format: 'pct', count: 'screening.negatives.falsePositives', of: 'screening.negatives.rows', target: { op: '<=', value: 0.0005 }, peer: `yente, first 100 rows of negatives_us: logic-v1 20/100, logic-v2 10/100; negatives_global ${NOT_PUBLISHED}` },
  { id: 'speed.screening.steady.p50.micros', set: 'UN list screening, processor time per query (fastest of 3 runs of each sampled query)', measure: 'p50', format: 'micros', target: { op: 'not-slower', tolerance: 0.1 }, peer: 'yente: 43–65 ms per query in its own latency reports (its data, over HTTP and Elasticsearch)' },
  { id: 'speed.screening.steady.p99.micros', set: 'UN list screening, processor time per query (fastest of 3 runs of each sampled query)', measure: 'p99', format: 'micros', target: { op: 'not-slower', tolerance: 0.1 }, peer: NOT_PUBLISHED },
  { id: 'mrz.agreement', set: 'MRZ cases and check-digit vectors (public test suites)', measure: 'agreement', format: 'pct', count: 'mrz.agree', of: 'mrz.cases', target: { op: '>=', value: 1 }, peer: NOT_PUBLISHED },
  { id: 'vehicles.realVins.rate', set: 'VIN test vectors, real VINs', measure: 'accepted', format: 'pct', count: 'vehicles.realVins.accepted', of: 'vehicles.realVins.total', target: { op: '>=', value: 1 }, peer: NOT_PUBLISHED },
  { id: 'vehicles.mutations.rate', set: 'VIN test vectors, mutations', measure: 'detected', format: 'pct', count: 'vehicles.mutations.detected', of: 'vehicles.mutations.total', target: { op: '>=', value: 1 }, peer: NOT_PUBLISHED },
];

/**
 * logic-v2's figures on its own 812 pairs, by schema and by quality, counted from the frozen run's
 * outcome column (see the top of this file). Same definitions as ours: P = TP/(TP+FP), R = TP/(TP+FN).
 */
export const NOMENKLATURA_BY: Readonly<Record<'schema' | 'quality', Readonly<Record<string, { pairs: number; precision: number; recall: number; f1: number; accuracy: number }>>>> = {
  schema: {
    Person: { pairs: 541, precision: 0.7, recall: 0.789, f1: 0.742, accuracy: 0.754 },
    Company: { pairs: 220, precision: 0.831, recall: 0.883, f1: 0.856, accuracy: 0.805 },
    Organization: { pairs: 27, precision: 1, recall: 0.905, f1: 0.95, accuracy: 0.926 },
    LegalEntity: { pairs: 12, precision: 1, recall: 0.6, f1: 0.75, accuracy: 0.833 },
    Vessel: { pairs: 12, precision: 1, recall: 0.571, f1: 0.727, accuracy: 0.75 },
  },
  quality: {
    STRONG: { pairs: 34, precision: 0.957, recall: 1, f1: 0.978, accuracy: 0.971 },
    MEDIUM: { pairs: 746, precision: 0.769, recall: 0.829, f1: 0.798, accuracy: 0.786 },
    WEAK: { pairs: 32, precision: 0.368, recall: 0.412, f1: 0.389, accuracy: 0.312 },
  },
};

/** Issue 17's recall targets for the Wikidata tokens, by script. */
export const WIKIDATA_TARGETS: Readonly<Record<string, number>> = { russian: 0.95, arabic: 0.95, hebrew: 0.95, chinese: 0.8, katakana: 0.8, korean: 0.8 };

/**
 * watchman's published scores per script for its cross-script pairs: the lowest and highest
 * minimum score its test demands of a pair, and the range its header says the model reached.
 */
export const WATCHMAN_BY_SCRIPT: Readonly<Record<string, { minimums: string; reached: string }>> = {
  Arabic: { minimums: '0.80–0.90', reached: '0.82–0.97' },
  Cyrillic: { minimums: '0.85–0.95', reached: '0.90–0.998' },
  Chinese: { minimums: '0.55–0.80', reached: '0.64–0.84' },
  Korean: { minimums: '0.35–0.70', reached: '“variable”' },
  Japanese: { minimums: '0.70–0.85', reached: '0.78–0.93' },
  Greek: { minimums: '0.60–0.80', reached: '0.68–0.83' },
  Hebrew: { minimums: '0.85–0.90', reached: '0.91–0.96' },
  Thai: { minimums: '0.80', reached: '0.87' },
};

/** Whether a figure meets its target; null when there is nothing to judge (no figure, no previous timing). */
export function meets(target: Target, value: number | null, previous: number | null): boolean | null {
  if (value === null) return null;
  if (target.op === 'not-slower') return previous === null ? null : value <= previous * (1 + target.tolerance);
  return target.op === '>=' ? value >= target.value - 1e-9 : value <= target.value + 1e-9;
}

export function targetText(target: Target | undefined, format: Format): string {
  if (!target) return '—';
  if (target.op === 'not-slower') return `no slower than the previous release (±${Math.round(target.tolerance * 100)}%)`;
  return `${target.op === '>=' ? '≥' : '≤'} ${formatValue(target.value, format)}`;
}

export function formatValue(value: number | null | undefined, format: Format): string {
  if (value === null || value === undefined) return '—';
  switch (format) {
    case 'pct':
      // Near 0 and 1 more digits, so that 495 of 496 (99.798%) does not read as 99.8%.
      return `${(value * 100).toFixed(value === 0 || value === 1 ? 0 : value < 0.01 || value > 0.99 ? 3 : 1).replace(/\.0+$/, '')}%`;
    case 'f3':
      return value.toFixed(3);
    case 'int':
      return Math.round(value).toLocaleString('en-US');
    case 'micros':
      return `${Math.round(value)} µs`;
  }
}

/** A change as a reader wants it: percentage points for rates, plain for counts and F1, percent for timings. */
export function formatChange(change: number | null, previous: number | null, format: Format): string {
  if (change === null) return '—';
  if (Math.abs(change) < 1e-9) return '=';
  const sign = change > 0 ? '+' : '−';
  const size = Math.abs(change);
  switch (format) {
    case 'pct':
      return `${sign}${(size * 100).toFixed(size * 100 < 0.1 ? 3 : 1).replace(/\.0+$/, '')} pts`;
    case 'f3':
      return `${sign}${size.toFixed(3)}`;
    case 'int':
      return `${sign}${Math.round(size)}`;
    case 'micros':
      return `${sign}${Math.round(size)} µs${previous ? ` (${sign}${Math.round((size / previous) * 100)}%)` : ''}`;
  }
}
