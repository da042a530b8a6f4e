/**
 * `npm run eval`: matching quality measured on public data in ../shared/testdata (never copied
 * into this repository). Where the data is absent, each part says so and is skipped.
 * Set CROSSCHECK_TESTDATA to use another folder.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalMrz } from './mrz.js';
import { evalNames } from './names.js';
import { evalScreening } from './screening.js';
import { evalVehicles } from './vehicles.js';

const testdata = process.env.CROSSCHECK_TESTDATA ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../shared/testdata');
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

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
    console.log(`| ${p.file} | ${p.rows} | ${pct(p.recall)} | ${pct(p.top1)} | ${p.file.endsWith('untreated') ? '100%' : '≥ 99%'} | ${yente} |`);
  }
  console.log('\n| file | rows | false-positive queries | rate | target | yente (first 100 rows) |');
  console.log('|---|---|---|---|---|---|');
  for (const n of screening.negatives) {
    const yente = n.file === 'negatives_us' ? 'logic-v1 20/100, logic-v2 10/100' : 'not published';
    console.log(`| ${n.file} | ${n.rows} | ${n.falsePositives} | ${pct(n.rate)} | ≤ 0.5% | ${yente} |`);
  }
  console.log(`\nin-process query time: p50 ${screening.queryMicros.p50.toFixed(0)} µs, p99 ${screening.queryMicros.p99.toFixed(0)} µs (target p99 ≤ 1 ms)`);
  for (const p of screening.positives) if (p.misses.length > 0) console.log(`\nmissed in ${p.file} (first ${p.misses.length}):\n  ${p.misses.join('\n  ')}`);
}

for (const [label, run] of [
  ['names', evalNames],
  ['mrz', evalMrz],
  ['vehicles', evalVehicles],
] as const) {
  const result = await run(testdata);
  console.log(`\n## ${label}`);
  console.log(result === null ? 'data absent, skipped' : JSON.stringify(result, null, 2));
}
