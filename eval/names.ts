/**
 * Person-name matching quality on the public fixtures in ../shared/testdata/names (see SOURCE.md):
 *
 * - nomenklatura's labelled name pairs (Person rows): accuracy and confusion counts at
 *   DEFAULT_THRESHOLD, with and without the 15 pairs whose labels the two upstream files disagree on;
 * - the 32 spellings of Muammar Gaddafi from the GNU sed test suite: recall over all pairs, and of
 *   each spelling against the first and against "Muammar Gaddafi";
 * - watchman's cross-script pairs and a sample of Wikidata single-token transliterations: recall;
 * - blocking recall: the share of those true pairs whose names share at least one nameKeys key.
 *
 * Name 1 of a pair is the query, name 2 the record. Run: node packages/server/bin/run-ts.js eval/names.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareNames, DEFAULT_THRESHOLD, nameKeys, nameScore, prepareName, queryKeys, type PreparedName } from '@crosscheck/core';

export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  accuracy: number;
}

export interface NamesEval {
  threshold: number;
  bench: { rows: number; all: Confusion; undisputed: Confusion; errors: string[]; byCategory: Record<string, { rows: number; correct: number }> };
  gaddafi: { spellings: number; allPairs: Recall; vsFirst: Recall; vsMuammarGaddafi: Recall };
  crossScript: Recall & { misses: string[] };
  wikidataTokens: Recall & { byScript: Record<string, Recall>; misses: string[] };
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

const cache = new Map<string, PreparedName>();
function prep(name: string): PreparedName {
  let p = cache.get(name);
  if (!p) cache.set(name, (p = prepareName(name)));
  return p;
}

const isHit = (a: string, b: string): boolean => compareNames(prep(a), prep(b)).score >= DEFAULT_THRESHOLD;
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
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (const r of rows) {
    if (r.hit && r.match) c.tp++;
    else if (r.hit) c.fp++;
    else if (r.match) c.fn++;
    else c.tn++;
  }
  return { ...c, accuracy: (c.tp + c.tn) / Math.max(1, rows.length) };
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
  const rows = lines
    .map(parseCsvLine)
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

  // Gaddafi.
  const spellings = dataLines(join(dir, 'gaddafi_32_spellings_gnu_sed.txt')).map((l) => l.trim());
  const allPairs: [string, string][] = [];
  for (let i = 0; i < spellings.length; i++) for (let j = i + 1; j < spellings.length; j++) allPairs.push([spellings[i]!, spellings[j]!]);
  const first = spellings[0]!;

  // Cross-script pairs (watchman): query in another script, expected Latin name.
  const cross = dataLines(join(dir, 'watchman_cross_script_pairs.csv'))
    .map(parseCsvLine)
    .filter((r) => r.length >= 2 && r[0] !== 'Query')
    .map((r) => [r[0]!, r[1]!] as [string, string]);

  // Wikidata single tokens: native script vs Latin.
  const wikiRows = dataLines(join(dir, 'wikidata_transliteration_token_pairs_sample.tsv'))
    .slice(1)
    .map((l) => l.split('\t'))
    .filter((r) => r[4] === 'match');
  const byScript: Record<string, Recall> = {};
  for (const script of new Set(wikiRows.map((r) => r[0]!))) byScript[script] = recallOf(wikiRows.filter((r) => r[0] === script).map((r) => [r[2]!, r[1]!]));
  const wikiAll = recallOf(wikiRows.map((r) => [r[2]!, r[1]!]));

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
  const postings = new Map<string, number>();
  for (const p of cache.values()) for (const k of nameKeys(p)) postings.set(k, (postings.get(k) ?? 0) + 1);
  const keysPerName = [...cache.values()].reduce((n, p) => n + nameKeys(p).length, 0) / Math.max(1, cache.size);

  // Speed on this machine: preparing a name (once per record, at index build), scoring a prepared
  // pair without reasons (every candidate), and with reasons (the hits).
  const names = rows.flatMap((r) => [r.a, r.b]);
  const rounds = 20;
  let t0 = performance.now();
  for (let k = 0; k < 5; k++) for (const n of names) prepareName(n);
  const prepareMicros = ((performance.now() - t0) * 1000) / (5 * names.length);
  const prepared = rows.map((r) => [prep(r.a), prep(r.b)] as const);
  t0 = performance.now();
  for (let k = 0; k < rounds; k++) for (const [a, b] of prepared) nameScore(a, b);
  const scoreMicros = ((performance.now() - t0) * 1000) / (rounds * prepared.length);
  t0 = performance.now();
  for (let k = 0; k < rounds; k++) for (const [a, b] of prepared) compareNames(a, b);
  const micros = ((performance.now() - t0) * 1000) / (rounds * prepared.length);

  return {
    threshold: DEFAULT_THRESHOLD,
    bench: { rows: rows.length, all: confusion(rows), undisputed: confusion(rows.filter((r) => !r.disputed)), errors, byCategory },
    gaddafi: {
      spellings: spellings.length,
      allPairs: recallOf(allPairs),
      vsFirst: recallOf(spellings.slice(1).map((s) => [s, first])),
      vsMuammarGaddafi: recallOf(spellings.map((s) => [s, 'Muammar Gaddafi'])),
    },
    crossScript: { ...recallOf(cross), misses: cross.filter(([a, b]) => !isHit(a, b)).map(([a, b]) => `${a} | ${b} (${compareNames(prep(a), prep(b)).score.toFixed(3)})`) },
    wikidataTokens: { ...wikiAll, byScript, misses: wikiRows.filter((r) => !isHit(r[2]!, r[1]!)).slice(0, 30).map((r) => `${r[0]}: ${r[2]} | ${r[1]} → ${prep(r[2]!).tokens.join(' ')} (${compareNames(prep(r[2]!), prep(r[1]!)).score.toFixed(3)})`) },
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
    const c = (x: Confusion): string => `${pct(x.accuracy)}  (TP ${x.tp}, FP ${x.fp}, TN ${x.tn}, FN ${x.fn})`;
    console.log(`threshold ${result.threshold}`);
    console.log(`nomenklatura Person pairs (${bench.rows})       ${c(bench.all)}`);
    console.log(`  without the ${bench.rows - (bench.undisputed.tp + bench.undisputed.fp + bench.undisputed.tn + bench.undisputed.fn)} disputed labels     ${c(bench.undisputed)}`);
    console.log(`Gaddafi spellings (${gaddafi.spellings}): all ${gaddafi.allPairs.pairs} pairs ${pct(gaddafi.allPairs.recall)}, vs first ${pct(gaddafi.vsFirst.recall)}, vs "Muammar Gaddafi" ${pct(gaddafi.vsMuammarGaddafi.recall)}`);
    console.log(`watchman cross-script pairs: ${crossScript.found}/${crossScript.pairs} (${pct(crossScript.recall)})`);
    console.log(`Wikidata tokens: ${wikidataTokens.found}/${wikidataTokens.pairs} (${pct(wikidataTokens.recall)}) ${Object.entries(wikidataTokens.byScript).map(([s, r]) => `${s} ${pct(r.recall)}`).join(', ')}`);
    console.log(`blocking recall: ${blocking.sharingAKey}/${blocking.pairs} true pairs share a key (${pct(blocking.recall)}): ${Object.entries(blocking.bySet).map(([s, r]) => `${s} ${pct(r)}`).join(', ')}; ${blocking.keysPerName.toFixed(1)} keys per name; ${blocking.hitsWithoutKey.length} pairs the scorer accepts share no key`);
    console.log(`speed: prepareName ${result.micros.prepareName.toFixed(1)} µs per name; nameScore ${result.micros.nameScore.toFixed(2)} µs and compareNames (with reasons) ${result.micros.compareNames.toFixed(2)} µs per prepared pair`);
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
