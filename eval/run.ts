/**
 * `npm run eval`: matching quality measured on public data in ../shared/testdata (never copied
 * into this repository). Where the data is absent, each part says so and is skipped.
 * Set CROSSCHECK_TESTDATA to use another folder.
 *
 * With every part's data present, it also writes the scorecard: docs/quality.json (every figure)
 * and docs/quality.md (the figures beside the targets, the peers' published figures and the
 * previous release's). The previous release's figures are docs/quality.json as committed at HEAD
 * (`--previous=<file or git ref>` to compare with another); the console prints the change.
 * `--markdown-only` rewrites docs/quality.md from docs/quality.json without measuring anything.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_THRESHOLD } from '@crosscheck/core';
import { evalLearned } from './learned.js';
import { evalMrz } from './mrz.js';
import { evalNames } from './names.js';
import { renderQualityMarkdown, summaryLines, type PreviousInfo } from './quality-markdown.js';
import { buildReport, parseReport } from './quality-report.js';
import { evalScreening } from './screening.js';
import { evalVehicles } from './vehicles.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const testdata = process.env.CROSSCHECK_TESTDATA ?? resolve(root, '../shared/testdata');
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

const git = (...args: string[]): string | null => {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return null;
  }
};

/** The previous release's figures: a file or a git ref named by --previous, else docs/quality.json as committed at HEAD. */
function readPrevious(): PreviousInfo | null {
  const asked = process.argv.find((a) => a.startsWith('--previous='))?.slice('--previous='.length);
  if (asked && existsSync(asked)) {
    const report = parseReport(readFileSync(asked, 'utf8'));
    return report && { report, source: `${asked} (named with --previous)` };
  }
  const ref = asked || 'HEAD';
  const text = git('show', `${ref}:docs/quality.json`);
  const report = text === null ? null : parseReport(text);
  return report && { report, source: `docs/quality.json as committed at ${asked ? ref : 'HEAD'}` };
}

const jsonFile = join(root, 'docs', 'quality.json');
const markdownFile = join(root, 'docs', 'quality.md');

if (process.argv.includes('--markdown-only')) {
  const report = existsSync(jsonFile) ? parseReport(readFileSync(jsonFile, 'utf8')) : null;
  if (!report) {
    console.log('no docs/quality.json to write docs/quality.md from: run `npm run eval`');
    process.exit(0);
  }
  writeFileSync(markdownFile, renderQualityMarkdown(report, readPrevious()));
  console.log('wrote docs/quality.md from docs/quality.json');
  process.exit(0);
}

if (!existsSync(testdata)) {
  console.log(`no test data at ${testdata}: nothing evaluated (set CROSSCHECK_TESTDATA)`);
  process.exit(0);
}
console.log(`test data: ${testdata}\n`);

const screening = await evalScreening(testdata);
if (!screening) console.log('screening: fixtures absent, skipped');
else {
  console.log(`## Person screening against the UN list (${screening.unIndividuals} individuals), default threshold`);
  console.log('| file | rows | recall | top-1 | target | yente (first 100 rows) |');
  console.log('|---|---|---|---|---|---|');
  for (const p of screening.positives) {
    const yente = p.file === 'positives_un_untreated' ? 'logic-v1 100/100, logic-v2 100/100' : 'not published';
    console.log(`| ${p.file} | ${p.rows} | ${pct(p.recall)} | ${pct(p.top1)} | 100% | ${yente} |`);
  }
  console.log('\n| file | rows | false-positive queries | rate | target | yente (first 100 rows) |');
  console.log('|---|---|---|---|---|---|');
  for (const n of screening.negatives) {
    const yente = n.file === 'negatives_us' ? 'logic-v1 20/100, logic-v2 10/100' : 'not published';
    console.log(`| ${n.file} | ${n.rows} | ${n.falsePositives} | ${pct(n.rate)} | ≤ 0.05% | ${yente} |`);
  }
  console.log(`\nin-process query time: p50 ${screening.queryMicros.p50.toFixed(0)} µs, p99 ${screening.queryMicros.p99.toFixed(0)} µs (target p99 ≤ 1 ms)`);
  console.log(`processor time per query, fastest of 3 runs of ${screening.steadyQueryMicros.queries} sampled queries: p50 ${screening.steadyQueryMicros.p50.toFixed(0)} µs, p99 ${screening.steadyQueryMicros.p99.toFixed(0)} µs`);
  for (const p of screening.positives) if (p.misses.length > 0) console.log(`\nmissed in ${p.file} (first ${p.misses.length}):\n  ${p.misses.join('\n  ')}`);
}

const names = await evalNames(testdata);
const mrz = await evalMrz(testdata);
const vehicles = await evalVehicles(testdata);
// The scored pairs behind the worst-errors lists are for the scorecard, not the log.
const bulky = (key: string, value: unknown): unknown => (key === 'scored' || (key === 'pairs' && Array.isArray(value)) ? undefined : value);
for (const [label, result] of [
  ['names', names],
  ['mrz', mrz],
  ['vehicles', vehicles],
] as const) {
  console.log(`\n## ${label}`);
  console.log(result === null ? 'data absent, skipped' : JSON.stringify(result, bulky, 2));
}

if (!names || !screening || !mrz || !vehicles) {
  console.log('\nsome test data absent: docs/quality.md and docs/quality.json not written');
} else {
  const commit = git('rev-parse', '--short=12', 'HEAD')?.trim() ?? 'unknown';
  // Local changes other than the scorecard's own files: the figures are not those of the commit.
  const dirty = (git('status', '--porcelain', '--untracked-files=no') ?? '').split('\n').some((l) => l.trim() !== '' && !/docs\/quality\.(md|json)$/.test(l));
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const report = buildReport(
    { names, screening, mrz, vehicles, learned: evalLearned(names.benchAll.pairs) },
    { commit: `${commit}${dirty ? '+dirty' : ''}`, version, date: new Date().toISOString().slice(0, 10), threshold: DEFAULT_THRESHOLD },
  );
  const previous = readPrevious();
  console.log(`\n## scorecard${previous ? ` (previous: ${previous.source}, measured on ${previous.report.measured.commit})` : ' (no previous release recorded)'}`);
  for (const line of summaryLines(report, previous?.report ?? null)) console.log(line);
  writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(markdownFile, renderQualityMarkdown(report, previous));
  console.log('\nwrote docs/quality.md and docs/quality.json');
}
