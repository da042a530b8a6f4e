/**
 * Person screening quality on the public fixtures (see ../shared/testdata/README.md):
 * index the UN Security Council list, screen the UN positives (clean and deliberately
 * mangled) and 100,000 synthetic negatives, and count recall, top-1 accuracy and false alarms
 * at the default threshold. The expected alert of each positive comes from
 * `screening/derived/un_positives_to_un_dataid.csv`. Misses and false alarms are kept with their
 * scores for the scorecard's worst errors (a miss is screened again with no floor to find the
 * score the expected alert got, if it was a candidate at all).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { DEFAULT_THRESHOLD, parseInput, queryBirthDateSchema, screenQuerySchema, type Alert, type MatchReason } from '@crosscheck/core';
import { quantile, type ScoredPair } from './metrics.js';
import { search } from '../packages/server/src/screening/search.js';
import { parseUnList } from '../packages/server/src/formats/un-sc-list.js';
import { ScreeningIndex } from '../packages/server/src/screening/screening-index.js';

type Row = Record<string, string>;

export interface ScreeningEval {
  unIndividuals: number;
  positives: { file: string; rows: number; recall: number; top1: number; misses: string[]; missed: ScoredPair[] }[];
  negatives: { file: string; rows: number; falsePositives: number; rate: number; falseHits: ScoredPair[] }[];
  queryMicros: { p50: number; p99: number };
  /**
   * The same, steady on a busy machine: the processor time of each query (user and system time of
   * the process, which a wait for the core does not count, unlike the wall clock), over a fixed
   * sample (every positive, the first 2,000 of each negatives file) screened three times, each
   * query's fastest run kept (the compiler warming up, the collector). The figure the scorecard
   * compares between releases: on a shared machine one run's wall-clock p99 moved from 3 to 25 ms.
   */
  steadyQueryMicros: { queries: number; p50: number; p99: number };
}

export const readCsv = (path: string): Row[] => parseCsv(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as Row[];

/** Builds the query a border system would send for a fixture row. */
export function queryOf(row: Row): unknown {
  const name = row.full_name?.trim() || [row.first_name, row.middle_name, row.last_name].filter((x) => x).join(' ');
  const dob = row.date_of_birth?.trim();
  const nat = row.nationality?.trim();
  return {
    person: {
      names: [name || '?'],
      // A border system would drop a date it cannot read (the fixtures hold a few like 1965-00-00).
      ...(dob && queryBirthDateSchema.safeParse(dob).success ? { birthDate: dob } : {}),
      ...(row.gender === 'male' ? { sex: 'M' } : row.gender === 'female' ? { sex: 'F' } : {}),
      ...(nat && /^[A-Za-z]{2,3}$/.test(nat) ? { nationality: nat } : {}),
    },
  };
}

export async function evalScreening(testdataDir: string): Promise<ScreeningEval | null> {
  const dir = join(testdataDir, 'screening');
  const fixtures = join(dir, 'yente', 'candidate_generation_benchmark', 'fixtures');
  if (!existsSync(join(dir, 'UN_consolidated.xml')) || !existsSync(fixtures)) return null;

  const index = new ScreeningIndex();
  const { alerts } = parseUnList(readFileSync(join(dir, 'UN_consolidated.xml'), 'utf8'));
  const now = new Date().toISOString();
  for (const input of alerts) {
    const alert = { ...input, id: input.sourceRef!, owner: 'UNO', status: 'active', version: 1, createdAt: now, updatedAt: now } as Alert;
    index.upsert(alert);
  }
  const listed = new Set(alerts.map((a) => a.sourceRef!));
  // The alert's first name, and the words of the record the hit's reasons matched (often an alias's).
  const recordName = (hit: { alertId: string; reasons: readonly MatchReason[] }): string => {
    const words = hit.reasons.flatMap((r) => (r.code.startsWith('name.') && 'record' in r && typeof r.record === 'string' ? [r.record] : []));
    const name = nameOf.get(hit.alertId) ?? hit.alertId;
    return words.length > 0 ? `${name} (matched: ${words.join(' ')})` : name;
  };
  const nameOf = new Map(alerts.map((a) => [a.sourceRef!, (a.kind === 'person' ? a.person.names[0]?.full : undefined) ?? a.sourceRef!]));

  const expected = new Map<string, string>();
  for (const r of readCsv(join(dir, 'derived', 'un_positives_to_un_dataid.csv'))) expected.set(`${r.fixture}:${r.row_index}`, `un-sc:${r.un_dataid}`);

  // Screened as a FRA bureau officer would be, through the server's own search.
  const scope = { reader: { member: 'FRA', role: 'bureau' as const }, today: now.slice(0, 10) };
  const timings: number[] = [];
  const run = (row: Row, minScore?: number) => {
    const query = parseInput(screenQuerySchema, { ...(queryOf(row) as object), ...(minScore === undefined ? {} : { minScore }) });
    const t0 = performance.now();
    const hits = search(index, query, scope);
    // A miss screened again without a floor is not a query a border system sends: not timed.
    if (minScore === undefined) timings.push((performance.now() - t0) * 1000);
    return hits;
  };

  const positives: ScreeningEval['positives'] = [];
  for (const file of ['positives_un_untreated', 'positives_un_treated']) {
    const rows = readCsv(join(fixtures, `${file}.csv`));
    let total = 0;
    let found = 0;
    let top1 = 0;
    const misses: string[] = [];
    const missed: ScoredPair[] = [];
    rows.forEach((row, i) => {
      const want = expected.get(`${file}:${i}`);
      // Persons who have left the list since the fixtures were made cannot be found: dropped.
      if (!want || !listed.has(want)) return;
      total++;
      const hits = run(row);
      if (hits.some((h) => h.alertId === want)) found++;
      else {
        if (misses.length < 15) misses.push(`${row.full_name} → ${want}`);
        const hit = run(row, 0).find((h) => h.alertId === want);
        missed.push({ query: String(row.full_name), record: hit ? recordName(hit) : (nameOf.get(want) ?? want), match: true, score: hit?.score ?? 0, note: `${file}, ${want}${hit ? '' : ', not a candidate'}` });
      }
      if (hits[0]?.alertId === want) top1++;
    });
    positives.push({ file, rows: total, recall: found / total, top1: top1 / total, misses, missed });
  }

  const negatives: ScreeningEval['negatives'] = [];
  for (const file of ['negatives_global', 'negatives_us']) {
    const rows = readCsv(join(fixtures, `${file}.csv`));
    const falseHits: ScoredPair[] = [];
    for (const row of rows) {
      const top = run(row).find((h) => h.score >= DEFAULT_THRESHOLD);
      if (!top) continue;
      const name = row.full_name?.trim() || [row.first_name, row.middle_name, row.last_name].filter((x) => x).join(' ');
      falseHits.push({ query: name, record: recordName(top), match: false, score: top.score, note: `${file}, ${top.alertId}` });
    }
    negatives.push({ file, rows: rows.length, falsePositives: falseHits.length, rate: falseHits.length / rows.length, falseHits });
  }
  timings.sort((a, b) => a - b);

  const sample = [
    ...['positives_un_untreated', 'positives_un_treated'].flatMap((file) => readCsv(join(fixtures, `${file}.csv`))),
    ...['negatives_global', 'negatives_us'].flatMap((file) => readCsv(join(fixtures, `${file}.csv`)).slice(0, 2000)),
  ].map((row) => parseInput(screenQuerySchema, queryOf(row)));
  const fastest = sample.map(() => Infinity);
  for (let round = 0; round < 3; round++) {
    sample.forEach((query, i) => {
      const before = process.cpuUsage();
      search(index, query, scope);
      const used = process.cpuUsage(before);
      fastest[i] = Math.min(fastest[i]!, used.user + used.system);
    });
  }
  fastest.sort((a, b) => a - b);

  return {
    unIndividuals: alerts.length,
    positives,
    negatives,
    queryMicros: { p50: quantile(timings, 0.5), p99: quantile(timings, 0.99) },
    steadyQueryMicros: { queries: sample.length, p50: quantile(fastest, 0.5), p99: quantile(fastest, 0.99) },
  };
}
