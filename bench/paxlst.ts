/**
 * PAXLST reading speed: a 500-passenger D05B message (about 100 kB) parsed into a flight manifest
 * and turned into screening queries, beside baselines measured in the same run on the same text
 * (the machine is shared and absolute times drift: quote the ratios):
 *   - split: the text split into segments and elements with String.split, no release characters,
 *     no checks — the least any reader must do;
 *   - split+release: the same, honouring the release character with a regular expression.
 * Medians of many rounds after a warm-up. Prints JSON lines.
 *
 *   node packages/server/bin/run-ts.js bench/paxlst.ts [--n 500]
 */
import { parsePaxlst, toScreenQueries } from '../packages/core/src/paxlst/index.js';
import { paxlstWithPassengers } from '../packages/core/src/paxlst/test-fixtures.js';

const arg = process.argv.indexOf('--n');
const n = arg > 0 ? Number(process.argv[arg + 1]) : 500;
const ROUNDS = 400;
const text = paxlstWithPassengers(n);

function splitOnly(t: string): number {
  let elements = 0;
  for (const segment of t.split("'")) elements += segment.split('+').length;
  return elements;
}

// Splits on terminators and element separators not preceded by an odd run of release characters.
function splitWithRelease(t: string): number {
  let elements = 0;
  for (const segment of t.split(/(?<!\?)'/)) elements += segment.split(/(?<!\?)\+/).map((e) => e.replace(/\?(.)/g, '$1')).length;
  return elements;
}

function medianMs(f: () => unknown): number {
  for (let i = 0; i < 50; i++) f();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = process.hrtime.bigint();
    f();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const round = (x: number): number => Number(x.toPrecision(3));
const manifest = parsePaxlst(text);
if (manifest.travellers.length !== n || manifest.warnings.length > 0) throw new Error(`the generated message did not read cleanly: ${manifest.travellers.length} travellers, ${manifest.warnings.length} warnings`);

const parse = medianMs(() => parsePaxlst(text));
const parseAndQueries = medianMs(() => toScreenQueries(parsePaxlst(text)));
const split = medianMs(() => splitOnly(text));
const splitRelease = medianMs(() => splitWithRelease(text));
for (const [bench, ms] of [
  ['paxlst.parse', parse],
  ['paxlst.parse+queries', parseAndQueries],
] as const) {
  console.log(JSON.stringify({ bench, passengers: n, bytes: text.length, p50Ms: round(ms), baseline: 'String.split', baselineP50Ms: round(split), ratio: round(ms / split), baseline2: 'split+release regex', baseline2P50Ms: round(splitRelease), ratio2: round(ms / splitRelease) }));
}
