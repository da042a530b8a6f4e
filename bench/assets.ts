/**
 * Asset screening speed: company names (in Latin and Cyrillic letters, with legal forms) and IBANs
 * in the asset index, screened through the same `search` as the server; beside the baseline of
 * scoring every company of the index with the core rule (what the blocking keys spare). Prints
 * JSON lines.
 *
 *   node packages/server/bin/run-ts.js bench/assets.ts [--n 100000]
 */
import { formatIban, ibanRemainder, prepareCompanyName, scoreCompany, screenQuerySchema, type Alert } from '@crosscheck/core';
import { search } from '../packages/server/src/screening/search.js';
import { ScreeningIndex } from '../packages/server/src/screening/screening-index.js';

const argN = process.argv.indexOf('--n');
const n = argN > 0 ? Number(process.argv[argN + 1]) : 100_000;
const QUERIES = 500;
const BASELINE_QUERIES = 20;
const NOW = '2026-12-06T00:00:00Z';
const SYLLABLES = ['ro', 'ma', 'shka', 'va', 'si', 'lek', 'tor', 'gov', 'neft', 'gaz', 'prom', 'stroi', 'bank', 'tek', 'mar', 'lin', 'sev', 'zvez', 'da', 'kom', 'ka', 'ri', 'mo', 'sa', 'lu', 'te', 'na', 'vo'];
const FORMS = ['LLC', 'Ltd', 'GmbH', 'ООО', 'AO', 'SA', 'Inc', 'ПАО', 'SARL'];
const pctl = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const round = (x: number) => Number(x.toFixed(3));

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const r = rng(16);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
const word = () => {
  let w = '';
  for (let i = 0, k = 2 + Math.floor(r() * 3); i < k; i++) w += pick(SYLLABLES);
  return w[0]!.toUpperCase() + w.slice(1);
};
/** A German IBAN with valid check digits for an account number. */
function iban(i: number): string {
  const bban = `37040044${String(i).padStart(10, '0')}`;
  const check = 98 - ibanRemainder(`DE00${bban}`);
  return `DE${String(check).padStart(2, '0')}${bban}`;
}
const alert = (id: string, asset: object): Alert => ({ kind: 'asset', category: 'asset-tracing', asset, visibility: { mode: 'all' }, id, owner: 'FRA', status: 'active', version: 1, createdAt: NOW, updatedAt: NOW }) as Alert;

const index = new ScreeningIndex();
const names: string[] = [];
let started = performance.now();
for (let i = 0; i < n; i++) {
  const name = `${word()} ${r() < 0.4 ? `${word()} ` : ''}${pick(FORMS)}`;
  names.push(name);
  index.upsert(alert(`c${i}`, { type: 'company', name }));
  index.upsert(alert(`b${i}`, { type: 'bank-account', iban: iban(i) }));
}
const buildMs = performance.now() - started;
const scope = { reader: { member: 'DEU', role: 'frontline' as const, credential: 'bench' }, today: NOW.slice(0, 10) };

const companyTimes: number[] = [];
let hits = 0;
for (let q = 0; q < QUERIES; q++) {
  const query = screenQuerySchema.parse({ assets: [{ company: { name: pick(names) } }] });
  started = performance.now();
  hits += search(index, query, scope).length;
  companyTimes.push(performance.now() - started);
}
const ibanTimes: number[] = [];
for (let q = 0; q < QUERIES; q++) {
  const query = screenQuerySchema.parse({ assets: [{ iban: formatIban(iban(Math.floor(r() * n))).toLowerCase() }] });
  started = performance.now();
  search(index, query, scope);
  ibanTimes.push(performance.now() - started);
}
// The baseline: every company scored with the same rule, no blocking keys.
const prepared = names.map((name) => ({ names: [prepareCompanyName(name)] }));
const baselineTimes: number[] = [];
for (let q = 0; q < BASELINE_QUERIES; q++) {
  const query = { names: [prepareCompanyName(pick(names))] };
  started = performance.now();
  for (const record of prepared) scoreCompany(query, record, { floor: 0.7 });
  baselineTimes.push(performance.now() - started);
}
const p50 = pctl(companyTimes, 0.5);
console.log(JSON.stringify({ bench: 'assets.company', n, buildMs: Math.round(buildMs), p50Ms: round(p50), p99Ms: round(pctl(companyTimes, 0.99)), hitsPerQuery: round(hits / QUERIES), baseline: 'every company scored', baselineP50Ms: round(pctl(baselineTimes, 0.5)), ratio: Number((pctl(baselineTimes, 0.5) / p50).toFixed(0)) }));
console.log(JSON.stringify({ bench: 'assets.iban', n, p50Ms: round(pctl(ibanTimes, 0.5)), p99Ms: round(pctl(ibanTimes, 0.99)) }));
