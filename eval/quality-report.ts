/**
 * docs/quality.json: every figure `npm run eval` measures, flat and machine-readable, so that the
 * next run can compare itself with the last release's (the committed file) figure by figure.
 * Pure: building the report from the evaluations' results and comparing two reports; the files
 * are read and written by run.ts.
 */
import type { MrzEval } from './mrz.js';
import type { NamesEval } from './names.js';
import type { ScreeningEval } from './screening.js';
import type { VehicleEval } from './vehicles.js';
import { worstErrors, type Rates, type ScoredPair } from './metrics.js';

/** One line of a worst-errors list; score and margin are null for rule-based checks (MRZ, VIN). */
export interface ErrorLine {
  query: string;
  record: string;
  match: boolean;
  score: number | null;
  margin: number | null;
  note?: string;
}

export interface ErrorList {
  /** Where the figures of the set live in `figures` (its id prefix). */
  set: string;
  title: string;
  /** How many errors the set has in all (the list shows at most ten). */
  total: number;
  errors: ErrorLine[];
}

export interface LearnedReport {
  name: string;
  description: string;
  /** The data it was fitted and scored on, and the folds. */
  data: string;
  k: number;
}

export interface QualityReport {
  format: 1;
  measured: {
    /** The commit the figures were measured on (the parent of the commit that holds this file), `+dirty` with local changes. */
    commit: string;
    version: string;
    /** YYYY-MM-DD. */
    date: string;
    threshold: number;
  };
  /** Every figure, by a stable id (`names.bench.all.f1`). Null where undefined (a precision with nothing predicted). */
  figures: Record<string, number | null>;
  worstErrors: ErrorList[];
  learned: LearnedReport[];
}

export interface Results {
  names: NamesEval | null;
  screening: ScreeningEval | null;
  mrz: MrzEval | null;
  vehicles: VehicleEval | null;
  learned: { report: LearnedReport; rates: Rates }[];
}

/** A group name as one segment of a figure id (ids are dotted paths). */
export const segment = (name: string): string => name.replace(/\./g, '·');

function putRates(figures: Record<string, number | null>, prefix: string, r: Rates): void {
  for (const key of ['pairs', 'tp', 'fp', 'tn', 'fn', 'precision', 'recall', 'f1', 'accuracy'] as const) figures[`${prefix}.${key}`] = r[key];
}

const WORST = 10;

function errorList(set: string, title: string, pairs: readonly ScoredPair[], threshold: number): ErrorList {
  const all = worstErrors(pairs, threshold, Number.MAX_SAFE_INTEGER);
  return { set, title, total: all.length, errors: all.slice(0, WORST) };
}

/** Errors of rule-based checks, which have no score: the first ten, in the data's order. */
function unscoredList(set: string, title: string, items: readonly { query: string; record: string; match: boolean }[]): ErrorList {
  return { set, title, total: items.length, errors: items.slice(0, WORST).map((e) => ({ ...e, score: null, margin: null })) };
}

export function buildReport(results: Results, measured: QualityReport['measured']): QualityReport {
  const f: Record<string, number | null> = {};
  const lists: ErrorList[] = [];
  const t = measured.threshold;
  const { names, screening, mrz, vehicles } = results;

  if (names) {
    const b = names.bench;
    f['names.bench.person.pairs'] = b.rows;
    f['names.bench.person.accuracy'] = b.all.accuracy;
    for (const key of ['tp', 'fp', 'tn', 'fn'] as const) f[`names.bench.person.${key}`] = b.all[key];
    f['names.bench.person.undisputed.pairs'] = b.undisputed.tp + b.undisputed.fp + b.undisputed.tn + b.undisputed.fn;
    f['names.bench.person.undisputed.accuracy'] = b.undisputed.accuracy;
    const all = names.benchAll;
    putRates(f, 'names.bench.all', all.overall);
    for (const [by, groups] of [['schema', all.bySchema], ['quality', all.byQuality], ['group', all.byGroup], ['category', all.byCategory]] as const) {
      for (const [g, r] of Object.entries(groups)) putRates(f, `names.bench.${by}.${segment(g)}`, r);
    }

    const w = names.wikidataTokens;
    f['names.wikidata.pairs'] = w.pairs;
    f['names.wikidata.found'] = w.found;
    f['names.wikidata.recall'] = w.recall;
    for (const [s, r] of Object.entries(w.byScript)) {
      f[`names.wikidata.script.${segment(s)}.pairs`] = r.pairs;
      f[`names.wikidata.script.${segment(s)}.found`] = r.found;
      f[`names.wikidata.script.${segment(s)}.recall`] = r.recall;
    }
    for (const [key, fm] of [['falseMatches', w.falseMatches], ['falseMatchesAllOthers', w.falseMatchesAllOthers]] as const) {
      f[`names.wikidata.${key}.pairs`] = fm.pairs;
      f[`names.wikidata.${key}.hits`] = fm.hits;
      f[`names.wikidata.${key}.rate`] = fm.rate;
      for (const [s, r] of Object.entries(fm.byScript)) {
        f[`names.wikidata.script.${segment(s)}.${key}.pairs`] = r.pairs;
        f[`names.wikidata.script.${segment(s)}.${key}.hits`] = r.hits;
        f[`names.wikidata.script.${segment(s)}.${key}.rate`] = r.rate;
      }
    }

    const c = names.crossScript;
    f['names.crossScript.pairs'] = c.pairs;
    f['names.crossScript.found'] = c.found;
    f['names.crossScript.recall'] = c.recall;
    for (const [s, r] of Object.entries(c.byScript)) {
      f[`names.crossScript.script.${segment(s)}.pairs`] = r.pairs;
      f[`names.crossScript.script.${segment(s)}.found`] = r.found;
      f[`names.crossScript.script.${segment(s)}.recall`] = r.recall;
      f[`names.crossScript.script.${segment(s)}.lowestScore`] = r.lowestScore;
    }

    const g = names.gaddafi;
    f['names.gaddafi.spellings'] = g.spellings;
    for (const key of ['allPairs', 'vsFirst', 'vsMuammarGaddafi'] as const) {
      f[`names.gaddafi.${key}.pairs`] = g[key].pairs;
      f[`names.gaddafi.${key}.found`] = g[key].found;
      f[`names.gaddafi.${key}.recall`] = g[key].recall;
    }

    const k = names.blocking;
    f['names.blocking.pairs'] = k.pairs;
    f['names.blocking.recall'] = k.recall;
    f['names.blocking.keysPerName'] = k.keysPerName;
    f['names.blocking.hitsWithoutKey'] = k.hitsWithoutKey.length;
    for (const [s, r] of Object.entries(k.bySet)) f[`names.blocking.set.${segment(s)}.recall`] = r;

    f['speed.names.prepareName.micros'] = names.micros.prepareName;
    f['speed.names.nameScore.micros'] = names.micros.nameScore;
    f['speed.names.compareNames.micros'] = names.micros.compareNames;

    lists.push(errorList('names.bench.all', `nomenklatura name benchmark, all ${all.overall.pairs} pairs`, all.scored, t));
    lists.push(errorList('names.wikidata', 'Wikidata transliteration tokens (misses, and false matches against another row’s Latin token)', w.scored, t));
    lists.push(errorList('names.crossScript', 'watchman cross-script pairs', c.scored, t));
    lists.push(errorList('names.gaddafi', `Gaddafi spellings, all ${g.allPairs.pairs} pairs`, g.scored, t));
  }

  if (screening) {
    f['screening.unIndividuals'] = screening.unIndividuals;
    for (const p of screening.positives) {
      f[`screening.${p.file}.rows`] = p.rows;
      f[`screening.${p.file}.recall`] = p.recall;
      f[`screening.${p.file}.top1`] = p.top1;
    }
    let rows = 0;
    let fp = 0;
    for (const n of screening.negatives) {
      f[`screening.${n.file}.rows`] = n.rows;
      f[`screening.${n.file}.falsePositives`] = n.falsePositives;
      f[`screening.${n.file}.rate`] = n.rate;
      rows += n.rows;
      fp += n.falsePositives;
    }
    f['screening.negatives.rows'] = rows;
    f['screening.negatives.falsePositives'] = fp;
    f['screening.negatives.rate'] = rows === 0 ? null : fp / rows;
    f['speed.screening.p50.micros'] = screening.queryMicros.p50;
    f['speed.screening.p99.micros'] = screening.queryMicros.p99;
    f['speed.screening.steady.queries'] = screening.steadyQueryMicros.queries;
    f['speed.screening.steady.p50.micros'] = screening.steadyQueryMicros.p50;
    f['speed.screening.steady.p99.micros'] = screening.steadyQueryMicros.p99;
    lists.push(errorList('screening.positives', 'UN positives missed (treated and untreated)', screening.positives.flatMap((p) => p.missed), t));
    lists.push(errorList('screening.negatives', `yente negatives with a hit (${rows.toLocaleString('en')} queries)`, screening.negatives.flatMap((n) => n.falseHits), t));
  }

  if (mrz) {
    f['mrz.cases'] = mrz.cases;
    f['mrz.agree'] = mrz.agree;
    f['mrz.agreement'] = mrz.agree / Math.max(1, mrz.cases);
    lists.push(unscoredList('mrz', 'MRZ cases and check-digit vectors where crosscheck disagrees', mrz.disagreements.map((d) => ({ query: d.id, record: d.why, match: true }))));
  }

  if (vehicles) {
    const r = vehicles.realVins;
    f['vehicles.realVins.total'] = r.total;
    f['vehicles.realVins.accepted'] = r.accepted;
    f['vehicles.realVins.rate'] = r.accepted / Math.max(1, r.total);
    for (const [name, c] of Object.entries(vehicles.checkDigit)) {
      f[`vehicles.checkDigit.${name}.compared`] = c.compared;
      f[`vehicles.checkDigit.${name}.agreement`] = c.agree / Math.max(1, c.compared);
    }
    const m = vehicles.mutations;
    f['vehicles.mutations.total'] = m.total;
    f['vehicles.mutations.detected'] = m.detected;
    f['vehicles.mutations.rate'] = m.detected / Math.max(1, m.total);
    for (const [kind, b] of Object.entries(m.byKind)) f[`vehicles.mutations.${kind}.rate`] = b.detected / Math.max(1, b.total);
    lists.push(
      unscoredList('vehicles', 'VINs: real VINs refused, mutations not detected, check-digit disagreements', [
        ...r.rejected.map((x) => ({ query: x, record: 'real VIN refused', match: true })),
        ...m.missed.map((x) => ({ query: x, record: 'mutation not detected', match: false })),
        ...Object.entries(vehicles.checkDigit).flatMap(([name, c]) => c.disagreements.map((x) => ({ query: x, record: `check digit, ${name}`, match: true }))),
      ]),
    );
  }

  for (const { report, rates } of results.learned) putRates(f, `learned.${segment(report.name)}`, rates);

  // Rounded so that the file's diff shows changes, not floating-point noise.
  for (const [key, value] of Object.entries(f)) if (value !== null) f[key] = Number(value.toPrecision(6));
  return { format: 1, measured, figures: f, worstErrors: lists, learned: results.learned.map((l) => l.report) };
}

export interface Change {
  id: string;
  previous: number | null;
  current: number | null;
  /** current − previous; null when either is missing. */
  change: number | null;
}

/** Figure by figure, the change since the previous report (ids in the current report's order, then those only the previous had). */
export function deltaAgainst(current: QualityReport, previous: QualityReport | null): Map<string, Change> {
  const out = new Map<string, Change>();
  const before = previous?.figures ?? {};
  for (const [id, value] of Object.entries(current.figures)) {
    const was = id in before ? before[id]! : null;
    out.set(id, { id, previous: was, current: value, change: value === null || was === null ? null : value - was });
  }
  for (const [id, was] of Object.entries(before)) if (!out.has(id)) out.set(id, { id, previous: was, current: null, change: null });
  return out;
}

/** A previous report read from JSON text, or null when it is not one (a file of another format). */
export function parseReport(text: string): QualityReport | null {
  try {
    const value = JSON.parse(text) as Partial<QualityReport>;
    return value.format === 1 && typeof value.figures === 'object' && value.figures !== null ? (value as QualityReport) : null;
  } catch {
    return null;
  }
}
