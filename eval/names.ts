/**
 * Person-name matching quality on the public fixtures in ../shared/testdata/names (see SOURCE.md):
 *
 * - nomenklatura's labelled name pairs (Person rows): accuracy and confusion counts at
 *   DEFAULT_THRESHOLD, with and without the 15 pairs whose labels the two upstream files disagree on;
 * - all 826 of them (persons, companies, organisations, vessels; each through its schema's matcher,
 *   compare-by-schema.ts): precision, recall and F1, overall and by schema, quality, group and category;
 * - the 32 spellings of Muammar Gaddafi from the GNU sed test suite: recall over all pairs, and of
 *   each spelling against the first and against "Muammar Gaddafi";
 * - watchman's cross-script pairs (per script, as the file's sections name them) and a sample of
 *   Wikidata single-token transliterations: recall per script, and for Wikidata the false matches
 *   when each native token meets another row's Latin token of the same script;
 * - blocking recall: the share of those true pairs whose names share at least one nameKeys key.
 *
 * Name 1 of a pair is the query, name 2 the record. Run: node packages/server/bin/run-ts.js eval/names.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareNames, DEFAULT_THRESHOLD, nameKeys, nameScore, prepareName, queryKeys } from '@crosscheck/core';
import { preparedPerson as prep, preparedPersons, scoreBySchema } from './compare-by-schema.js';
import { confusionOf, ratesBy, ratesOf, type Confusion as Counts, type Rates, type ScoredPair } from './metrics.js';

export interface Confusion extends Counts {
  accuracy: number;
}

/** A labelled pair of nomenklatura's name benchmark, as cross-validation sees it. */
export interface LabelledPair {
  group: string;
  schema: string;
  query: string;
  record: string;
  match: boolean;
  quality: string;
  category: string;
}

/** A false-match measure: pairs of different names and how many the matcher took for the same. */
export interface FalseMatches {
  pairs: number;
  hits: number;
  rate: number;
}

export interface NamesEval {
  threshold: number;
  bench: { rows: number; all: Confusion; undisputed: Confusion; errors: string[]; byCategory: Record<string, { rows: number; correct: number }> };
  /** All pairs of the benchmark, every schema. */
  benchAll: { overall: Rates; bySchema: Record<string, Rates>; byQuality: Record<string, Rates>; byGroup: Record<string, Rates>; byCategory: Record<string, Rates>; pairs: LabelledPair[]; scored: ScoredPair[] };
  gaddafi: { spellings: number; allPairs: Recall; vsFirst: Recall; vsMuammarGaddafi: Recall; scored: ScoredPair[] };
  crossScript: Recall & { misses: string[]; byScript: Record<string, Recall & { lowestScore: number }>; scored: ScoredPair[] };
  wikidataTokens: Recall & {
    byScript: Record<string, Recall>;
    misses: string[];
    /** Each native token against the Latin token of the next row of its script (the last against the first). */
    falseMatches: FalseMatches & { byScript: Record<string, FalseMatches> };
    /** Each native token against every other row's Latin token of its script. */
    falseMatchesAllOthers: FalseMatches & { byScript: Record<string, FalseMatches> };
    scored: ScoredPair[];
  };
  blocking: { pairs: number; sharingAKey: number; recall: number; bySet: Record<string, number>; keysPerName: number; hitsWithoutKey: string[]; misses: string[] };
  micros: { prepareName: number; nameScore: number; compareNames: number };
}

interface Recall {
  pairs: number;
  found: number;
  recall: number;
}

/** RFC 4180 enough for these files: quoted fields with doubled quotes, commas inside quotes. */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

function dataLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

const personScore = (a: string, b: string): number => scoreBySchema('Person', a, b);
const isHit = (a: string, b: string): boolean => personScore(a, b) >= DEFAULT_THRESHOLD;
// As an index uses the keys: the record is indexed under nameKeys, the query looks up queryKeys.
const shareKey = (a: string, b: string): boolean => {
  const keys = new Set(nameKeys(prep(b)));
  return queryKeys(prep(a)).some((k) => keys.has(k));
};

function recallOf(pairs: [string, string][]): Recall {
  const found = pairs.filter(([a, b]) => isHit(a, b)).length;
  return { pairs: pairs.length, found, recall: found / Math.max(1, pairs.length) };
}

function confusion(rows: { hit: boolean; match: boolean }[]): Confusion {
  const c = confusionOf(rows);
  return { ...c, accuracy: (c.tp + c.tn) / Math.max(1, rows.length) };
}

function falseMatchesOf(pairs: [string, string][]): FalseMatches {
  const hits = pairs.filter(([a, b]) => isHit(a, b)).length;
  return { pairs: pairs.length, hits, rate: hits / Math.max(1, pairs.length) };
}

const scoredPairs = (pairs: [string, string][], match: boolean, note?: string): ScoredPair[] => pairs.map(([query, record]) => ({ query, record, match, score: personScore(query, record), ...(note ? { note } : {}) }));

/** The section a watchman pair sits under ("# Korean (Hangul) to Latin (…)" → Korean). */
function watchmanSections(path: string): { query: string; record: string; script: string }[] {
  let script = 'other';
  const out: { query: string; record: string; script: string }[] = [];
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const heading = /^#\s*(.+?)\s+to Latin\b/.exec(line);
    if (heading) script = heading[1]!.replace(/\s*\(.*?\)/g, '').trim();
    if (line.trim() === '' || line.startsWith('#')) continue;
    const r = parseCsvLine(line);
    if (r.length >= 2 && r[0] !== 'Query') out.push({ query: r[0]!, record: r[1]!, script });
  }
  return out;
}

export async function evalNames(testdataDir: string): Promise<NamesEval | null> {
  const dir = join(testdataDir, 'names');
  const benchFile = join(dir, 'nomenklatura_name_bench_cases.csv');
  if (!existsSync(benchFile)) return null;

  // Labelled pairs.
  const [header, ...lines] = dataLines(benchFile);
  const cols = parseCsvLine(header!);
  const col = (name: string): number => cols.indexOf(name);
  const disputed = new Set<string>();
  const disagreementsFile = join(dir, 'nomenklatura_label_disagreements.json');
  if (existsSync(disagreementsFile)) {
    for (const d of JSON.parse(readFileSync(disagreementsFile, 'utf8')) as { name1: string; name2: string }[]) {
      disputed.add(`${d.name1}\u0000${d.name2}`);
      disputed.add(`${d.name2}\u0000${d.name1}`);
    }
  }
  const table = lines.map(parseCsvLine);
  const rows = table
    .filter((r) => r[col('schema')] === 'Person')
    .map((r) => {
      const a = r[col('name1')] ?? '';
      const b = r[col('name2')] ?? '';
      const match = r[col('is_match')] === 'true';
      const hit = isHit(a, b);
      return { a, b, match, hit, disputed: disputed.has(`${a}\u0000${b}`), category: r[col('category')] || r[col('case_group')] || '' };
    });
  const byCategory: Record<string, { rows: number; correct: number }> = {};
  for (const r of rows) {
    const c = (byCategory[r.category] ??= { rows: 0, correct: 0 });
    c.rows++;
    if (r.hit === r.match) c.correct++;
  }
  const errors = rows
    .filter((r) => r.hit !== r.match)
    .map((r) => `${r.match ? 'missed' : 'false hit'} ${compareNames(prep(r.a), prep(r.b)).score.toFixed(3)}: ${r.a} | ${r.b}${r.disputed ? ' (disputed label)' : ''}`);

  // All pairs, every schema through its own matcher. A blank quality is MEDIUM (the benchmark's README).
  const pairs: LabelledPair[] = table.map((r) => ({
    group: r[col('case_group')] ?? '',
    schema: r[col('schema')] || 'Person',
    query: r[col('name1')] ?? '',
    record: r[col('name2')] ?? '',
    match: r[col('is_match')] === 'true',
    quality: r[col('quality')] || 'MEDIUM',
    category: r[col('category')] ?? '',
  }));
  const judged = pairs.map((p) => {
    const score = scoreBySchema(p.schema, p.query, p.record);
    return { ...p, score, hit: score >= DEFAULT_THRESHOLD };
  });
  const benchAll: NamesEval['benchAll'] = {
    overall: ratesOf(confusionOf(judged)),
    bySchema: ratesBy(judged, (p) => p.schema),
    byQuality: ratesBy(judged, (p) => p.quality),
    byGroup: ratesBy(judged, (p) => p.group),
    byCategory: ratesBy(judged, (p) => p.category || '(none)'),
    pairs,
    scored: judged.map((p) => ({ query: p.query, record: p.record, match: p.match, score: p.score, note: `${p.schema}, ${p.quality}${p.category ? `, ${p.category}` : ''}${disputed.has(`${p.query}\u0000${p.record}`) ? ', disputed label' : ''}` })),
  };

  // Gaddafi.
  const spellings = dataLines(join(dir, 'gaddafi_32_spellings_gnu_sed.txt')).map((l) => l.trim());
  const allPairs: [string, string][] = [];
  for (let i = 0; i < spellings.length; i++) for (let j = i + 1; j < spellings.length; j++) allPairs.push([spellings[i]!, spellings[j]!]);
  const first = spellings[0]!;

  // Cross-script pairs (watchman): query in another script, expected Latin name.
  const crossRows = watchmanSections(join(dir, 'watchman_cross_script_pairs.csv'));
  const cross = crossRows.map((r) => [r.query, r.record] as [string, string]);
  const crossByScript: NamesEval['crossScript']['byScript'] = {};
  for (const script of new Set(crossRows.map((r) => r.script))) {
    const of = crossRows.filter((r) => r.script === script).map((r) => [r.query, r.record] as [string, string]);
    crossByScript[script] = { ...recallOf(of), lowestScore: Math.min(...of.map(([a, b]) => personScore(a, b))) };
  }

  // Wikidata single tokens: native script vs Latin.
  const wikiRows = dataLines(join(dir, 'wikidata_transliteration_token_pairs_sample.tsv'))
    .slice(1)
    .map((l) => l.split('\t'))
    .filter((r) => r[4] === 'match');
  const byScript: Record<string, Recall> = {};
  for (const script of new Set(wikiRows.map((r) => r[0]!))) byScript[script] = recallOf(wikiRows.filter((r) => r[0] === script).map((r) => [r[2]!, r[1]!]));
  const wikiAll = recallOf(wikiRows.map((r) => [r[2]!, r[1]!]));
  // Different names: each native token against the Latin token of the next row of its script (a
  // fixed pairing, so the figure does not move between runs), and against every other row's. Two
  // rows that carry the same Latin token are the same name, not a negative: skipped.
  const sameLatin = (a: string, b: string): boolean => a.normalize('NFKC').toLowerCase() === b.normalize('NFKC').toLowerCase();
  const nextRow: Record<string, [string, string][]> = {};
  const allOthers: Record<string, [string, string][]> = {};
  for (const script of Object.keys(byScript)) {
    const of = wikiRows.filter((r) => r[0] === script);
    nextRow[script] = of.map((r, i) => [r[2]!, of[(i + 1) % of.length]![1]!, r[1]!] as const).filter(([, other, own]) => !sameLatin(other, own)).map(([native, other]) => [native, other]);
    allOthers[script] = of.flatMap((r) => of.filter((o) => !sameLatin(o[1]!, r[1]!)).map((o) => [r[2]!, o[1]!] as [string, string]));
  }
  const falseMatchFigures = (by: Record<string, [string, string][]>): FalseMatches & { byScript: Record<string, FalseMatches> } => ({
    ...falseMatchesOf(Object.values(by).flat()),
    byScript: Object.fromEntries(Object.entries(by).map(([script, of]) => [script, falseMatchesOf(of)])),
  });

  // Blocking recall over every true pair above, and per set.
  const sets: Record<string, [string, string][]> = {
    bench: rows.filter((r) => r.match).map((r) => [r.a, r.b]),
    gaddafi: allPairs,
    crossScript: cross,
    wikidataTokens: wikiRows.map((r) => [r[2]!, r[1]!]),
  };
  const positives = Object.values(sets).flat();
  const blockMisses = positives.filter(([a, b]) => !shareKey(a, b));
  // The figure that matters for screening: true pairs the scorer would accept but the keys never bring together.
  const lostHits = blockMisses.filter(([a, b]) => isHit(a, b));
  const blockingBySet: Record<string, number> = {};
  for (const [name, pairs] of Object.entries(sets)) blockingBySet[name] = pairs.filter(([a, b]) => shareKey(a, b)).length / Math.max(1, pairs.length);
  // How selective the keys are: the mean number of names sharing each key, over all names seen here.
  const seen = [...preparedPersons()];
  const keysPerName = seen.reduce((n, p) => n + nameKeys(p).length, 0) / Math.max(1, seen.length);

  // Speed on this machine: preparing a name (once per record, at index build), scoring a prepared
  // pair without reasons (every candidate), and with reasons (the hits). Processor time (user and
  // system, µs), which time spent waiting for a core on a shared machine does not inflate.
  const cpu = (): number => {
    const u = process.cpuUsage();
    return u.user + u.system;
  };
  const names = rows.flatMap((r) => [r.a, r.b]);
  const rounds = 20;
  let t0 = cpu();
  for (let k = 0; k < 5; k++) for (const n of names) prepareName(n);
  const prepareMicros = (cpu() - t0) / (5 * names.length);
  const prepared = rows.map((r) => [prep(r.a), prep(r.b)] as const);
  t0 = cpu();
  for (let k = 0; k < rounds; k++) for (const [a, b] of prepared) nameScore(a, b);
  const scoreMicros = (cpu() - t0) / (rounds * prepared.length);
  t0 = cpu();
  for (let k = 0; k < rounds; k++) for (const [a, b] of prepared) compareNames(a, b);
  const micros = (cpu() - t0) / (rounds * prepared.length);

  return {
    threshold: DEFAULT_THRESHOLD,
    bench: { rows: rows.length, all: confusion(rows), undisputed: confusion(rows.filter((r) => !r.disputed)), errors, byCategory },
    gaddafi: {
      spellings: spellings.length,
      allPairs: recallOf(allPairs),
      vsFirst: recallOf(spellings.slice(1).map((s) => [s, first])),
      vsMuammarGaddafi: recallOf(spellings.map((s) => [s, 'Muammar Gaddafi'])),
      scored: scoredPairs(allPairs, true),
    },
    benchAll,
    crossScript: {
      ...recallOf(cross),
      misses: cross.filter(([a, b]) => !isHit(a, b)).map(([a, b]) => `${a} | ${b} (${compareNames(prep(a), prep(b)).score.toFixed(3)})`),
      byScript: crossByScript,
      scored: crossRows.map((r) => ({ query: r.query, record: r.record, match: true, score: personScore(r.query, r.record), note: r.script })),
    },
    wikidataTokens: {
      ...wikiAll,
      byScript,
      misses: wikiRows.filter((r) => !isHit(r[2]!, r[1]!)).slice(0, 30).map((r) => `${r[0]}: ${r[2]} | ${r[1]} → ${prep(r[2]!).tokens.join(' ')} (${compareNames(prep(r[2]!), prep(r[1]!)).score.toFixed(3)})`),
      falseMatches: falseMatchFigures(nextRow),
      falseMatchesAllOthers: falseMatchFigures(allOthers),
      scored: [
        ...wikiRows.map((r) => ({ query: r[2]!, record: r[1]!, match: true, score: personScore(r[2]!, r[1]!), note: r[0]! })),
        ...Object.entries(nextRow).flatMap(([script, of]) => scoredPairs(of, false, `${script}, another row's Latin token`)),
      ],
    },
    blocking: {
      pairs: positives.length,
      sharingAKey: positives.length - blockMisses.length,
      recall: (positives.length - blockMisses.length) / positives.length,
      bySet: blockingBySet,
      keysPerName,
      hitsWithoutKey: lostHits.map(([a, b]) => `${a} | ${b}`),
      misses: blockMisses.slice(0, 30).map(([a, b]) => `${a} | ${b}`),
    },
    micros: { prepareName: prepareMicros, nameScore: scoreMicros, compareNames: micros },
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

// Printed only when run as the script itself (run-ts.js puts the script in argv[1]), not when imported.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const testdata = process.env.CROSSCHECK_TESTDATA ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../shared/testdata');
  const result = await evalNames(testdata);
  if (!result) {
    console.log(`no name fixtures under ${testdata}/names`);
  } else {
    const { bench, gaddafi, crossScript, wikidataTokens, blocking } = result;
    const rates = (r: Rates): string => `P ${r.precision?.toFixed(3) ?? '—'} R ${r.recall?.toFixed(3) ?? '—'} F1 ${r.f1?.toFixed(3) ?? '—'} (TP ${r.tp}, FP ${r.fp}, TN ${r.tn}, FN ${r.fn})`;
    const c = (x: Confusion): string => `${pct(x.accuracy)}  (TP ${x.tp}, FP ${x.fp}, TN ${x.tn}, FN ${x.fn})`;
    console.log(`threshold ${result.threshold}`);
    console.log(`nomenklatura Person pairs (${bench.rows})       ${c(bench.all)}`);
    console.log(`  without the ${bench.rows - (bench.undisputed.tp + bench.undisputed.fp + bench.undisputed.tn + bench.undisputed.fn)} disputed labels     ${c(bench.undisputed)}`);
    console.log(`Gaddafi spellings (${gaddafi.spellings}): all ${gaddafi.allPairs.pairs} pairs ${pct(gaddafi.allPairs.recall)}, vs first ${pct(gaddafi.vsFirst.recall)}, vs "Muammar Gaddafi" ${pct(gaddafi.vsMuammarGaddafi.recall)}`);
    console.log(`watchman cross-script pairs: ${crossScript.found}/${crossScript.pairs} (${pct(crossScript.recall)}): ${Object.entries(crossScript.byScript).map(([s, r]) => `${s} ${r.found}/${r.pairs}`).join(', ')}`);
    console.log(`nomenklatura all pairs (${result.benchAll.overall.pairs}): ${rates(result.benchAll.overall)}`);
    for (const [schema, r] of Object.entries(result.benchAll.bySchema)) console.log(`  ${schema.padEnd(13)} ${rates(r)}`);
    console.log(`Wikidata tokens: ${wikidataTokens.found}/${wikidataTokens.pairs} (${pct(wikidataTokens.recall)}) ${Object.entries(wikidataTokens.byScript).map(([s, r]) => `${s} ${pct(r.recall)}`).join(', ')}`);
    console.log(`Wikidata false matches, next row's Latin token: ${wikidataTokens.falseMatches.hits}/${wikidataTokens.falseMatches.pairs} (${pct(wikidataTokens.falseMatches.rate)}) ${Object.entries(wikidataTokens.falseMatches.byScript).map(([s, r]) => `${s} ${pct(r.rate)}`).join(', ')}; every other row's: ${pct(wikidataTokens.falseMatchesAllOthers.rate)}`);
    console.log(`blocking recall: ${blocking.sharingAKey}/${blocking.pairs} true pairs share a key (${pct(blocking.recall)}): ${Object.entries(blocking.bySet).map(([s, r]) => `${s} ${pct(r)}`).join(', ')}; ${blocking.keysPerName.toFixed(1)} keys per name; ${blocking.hitsWithoutKey.length} pairs the scorer accepts share no key`);
    console.log(`speed (processor time): prepareName ${result.micros.prepareName.toFixed(1)} µs per name; nameScore ${result.micros.nameScore.toFixed(2)} µs and compareNames (with reasons) ${result.micros.compareNames.toFixed(2)} µs per prepared pair`);
    if (process.argv.includes('--errors')) {
      console.log('\nerrors:');
      for (const e of bench.errors) console.log(`  ${e}`);
      console.log('\ncross-script misses:');
      for (const e of crossScript.misses) console.log(`  ${e}`);
      console.log('\nWikidata token misses (first 60):');
      for (const e of result.wikidataTokens.misses.slice(0, 60)) console.log(`  ${e}`);
      console.log('\nhits without a shared key:');
      for (const e of result.blocking.hitsWithoutKey) console.log(`  ${e}`);
      console.log('\nblocking misses:');
      for (const e of blocking.misses) console.log(`  ${e}`);
    }
  }
}
