/**
 * Person screening speed on a synthetic multi-script population, beside baselines measured in
 * the same run: Fuse.js (fuzzy search over a list) on a 100,000-person subset, and PostgreSQL
 * pg_trgm on the same subset when DATABASE_URL is set; then the UN list in-process (when the test
 * data is there), beside Fuse.js over the same list. Prints JSON lines.
 *
 *   node packages/server/bin/run-ts.js bench/persons.ts [--n 1000000]
 */
import Fuse from 'fuse.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Alert } from '@crosscheck/core';
import { parseInput, screenQuerySchema } from '@crosscheck/core';
import { queryOf, readCsv } from '../eval/screening.js';
import { parseUnList } from '../packages/server/src/formats/un-sc-list.js';
import { search } from '../packages/server/src/screening/search.js';
import { ScreeningIndex } from '../packages/server/src/screening/screening-index.js';

setFlagsFromString('--expose-gc');
/** A full collection, so that heap figures count what is live. */
const gc = runInNewContext('gc') as () => void;

const GIVEN = ['Anna', 'Maria', 'Mohammed', 'Ahmed', 'Olga', 'Ivan', 'John', 'Li', 'Wei', 'Fatima', 'Yusuf', 'Elena', 'Dimitrios', 'Sofia', 'Hans', 'Pierre', 'Giulia', 'Carlos', 'Aisha', 'Omar', 'Анна', 'Иван', 'Ольга', 'Сергей', 'محمد', 'أحمد', 'فاطمة', 'Γιώργος', 'Μαρία', '伟', '芳', 'Kenji', 'Yuki', 'Priya', 'Rahul'];
const FAMILY_ROOTS = ['eriks', 'petr', 'ivan', 'kowal', 'nowak', 'smith', 'garc', 'haddad', 'nasser', 'papad', 'chen', 'wang', 'tanaka', 'sato', 'sharma', 'patel', 'rossi', 'bianc', 'muller', 'schmid', 'dubo', 'moreau', 'karim', 'rahman', 'hosein'];
const SUFFIXES = ['son', 'ova', 'ov', 'ski', 'ak', 'ez', 'i', 'is', 'opoulos', 'er', 'ano', 'elli', 'ian', 'ian', 'oglu', 'en', 'o', 'a', 'e', ''];
const SYLLABLES = ['ka', 'ri', 'mo', 'sa', 'lu', 'te', 'na', 'vo', 'di', 'be', 'zu', 'ha', 'lo', 'mi', 'ra', 'no', 'ti', 'ge'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A population whose family names are varied enough that blocking keys stay selective. */
function population(n: number): { name: string; birthDate: string }[] {
  const r = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const out: { name: string; birthDate: string }[] = [];
  for (let i = 0; i < n; i++) {
    const family = `${pick(FAMILY_ROOTS)}${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SUFFIXES)}`;
    const y = 1940 + Math.floor(r() * 65);
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    out.push({ name: `${pick(GIVEN)} ${family.charAt(0).toUpperCase()}${family.slice(1)}`, birthDate: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` });
  }
  return out;
}

/** A typing error in the family name: one letter after the first replaced by E. */
function typo(name: string, r: () => number): string {
  const i = name.lastIndexOf(' ') + 2 + Math.floor(r() * Math.max(1, name.length - name.lastIndexOf(' ') - 2));
  return i < name.length ? `${name.slice(0, i)}e${name.slice(i + 1)}` : name;
}

const TYPO_KINDS = ['substituted', 'dropped', 'added', 'swapped', 'first letter'] as const;

/** One typing error of the given kind anywhere in the family name (the kind `typo` makes is one of them). */
function typoOfKind(name: string, kind: (typeof TYPO_KINDS)[number], r: () => number): string {
  const start = name.lastIndexOf(' ') + 1;
  const letter = 'aeiklmnorstu'[Math.floor(r() * 12)]!;
  const i = kind === 'first letter' ? start : start + Math.floor(r() * (name.length - start - 1));
  const other = name[i]!.toLowerCase() === letter ? 'y' : letter;
  switch (kind) {
    case 'substituted':
    case 'first letter':
      return name.slice(0, i) + (i === start ? other.toUpperCase() : other) + name.slice(i + 1);
    case 'dropped':
      return name.slice(0, i) + name.slice(i + 1);
    case 'added':
      return name.slice(0, i + 1) + letter + name.slice(i + 1);
    case 'swapped':
      return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
  }
}

/**
 * Milliseconds of this process's CPU (user + system) since `from`: on a shared machine a query's
 * wall time includes the time the process waited for a core, which says nothing of the search.
 * It does include the collector's helper threads (the main thread's own CPU time, on Linux, is
 * counted in scheduler ticks of 4 ms: too coarse for a query).
 */
const cpuMs = (from: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

const pctl = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

async function main(): Promise<void> {
  const argN = process.argv.indexOf('--n');
  const n = argN > 0 ? Number(process.argv[argN + 1]) : 1_000_000;
  const people = population(n);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const index = new ScreeningIndex();
  const now = new Date().toISOString();
  const t0 = performance.now();
  people.forEach((p, i) => {
    index.upsert({ kind: 'person', category: 'locate', person: { names: [{ full: p.name }], birthDate: p.birthDate }, visibility: { mode: 'all' }, id: `p${i}`, owner: 'FRA', status: 'active', version: 1, createdAt: now, updatedAt: now } satisfies Alert);
  });
  const buildMs = performance.now() - t0;
  gc();
  const heapPerPerson = (process.memoryUsage().heapUsed - heapBefore) / n;

  const r = rng(7);
  const sources: number[] = [];
  const queries = Array.from({ length: 2000 }, () => {
    const i = Math.floor(r() * people.length);
    sources.push(i);
    const p = people[i]!;
    return parseInput(screenQuerySchema, { person: { names: [typo(p.name, r)], birthDate: p.birthDate } });
  });
  // Screened as a DEU bureau officer would be, through the server's own search.
  const scope = { reader: { member: 'DEU', role: 'bureau' as const }, today: now.slice(0, 10) };
  for (const q of queries.slice(0, 200)) search(index, q, scope);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let found = 0;
  queries.forEach((q, k) => {
    const c = process.cpuUsage();
    const s = performance.now();
    const hits = search(index, q, scope);
    times.push(performance.now() - s);
    cpuTimes.push(cpuMs(c));
    if (hits.some((h) => h.alertId === `p${sources[k]}`)) found++;
  });
  // Every kind of typing error, found or not (not timed: the queries above are).
  const foundByKind: Record<string, number> = {};
  for (const kind of TYPO_KINDS) {
    let hit = 0;
    for (let k = 0; k < 400; k++) {
      const i = Math.floor(r() * people.length);
      const p = people[i]!;
      const q = parseInput(screenQuerySchema, { person: { names: [typoOfKind(p.name, kind, r)], birthDate: p.birthDate } });
      if (search(index, q, scope).some((h) => h.alertId === `p${i}`)) hit++;
    }
    foundByKind[kind] = hit / 400;
  }

  const subset = people.slice(0, 100_000);
  const fuse = new Fuse(subset, { keys: ['name'], threshold: 0.3, ignoreLocation: true });
  const fuseTimes: number[] = [];
  for (const q of queries.slice(0, 30)) {
    const name = q.person!.names[0] as string;
    const s = performance.now();
    fuse.search(name, { limit: 20 });
    fuseTimes.push(performance.now() - s);
  }
  console.log(
    JSON.stringify({
      bench: 'persons.screen',
      n,
      buildSeconds: Number((buildMs / 1000).toFixed(1)),
      p50Ms: Number(pctl(times, 0.5).toFixed(3)),
      p99Ms: Number(pctl(times, 0.99).toFixed(3)),
      cpuP50Ms: Number(pctl(cpuTimes, 0.5).toFixed(3)),
      cpuP99Ms: Number(pctl(cpuTimes, 0.99).toFixed(3)),
      foundWithTypo: Number((found / queries.length).toFixed(4)),
      foundByTypoKind: foundByKind,
      heapBytesPerPerson: Math.round(heapPerPerson),
      baseline: 'Fuse.js search, 100,000-person subset, threshold 0.3',
      baselineP50Ms: Number(pctl(fuseTimes, 0.5).toFixed(1)),
      ratio: Number((pctl(fuseTimes, 0.5) / pctl(times, 0.5)).toFixed(0)),
    }),
  );

  if (process.env.DATABASE_URL) await pgTrgm(subset, queries.slice(0, 300).map((q) => q.person!.names[0] as string), pctl(times, 0.5), n);
  unList();
}

/**
 * The UN Security Council list (about 730 individuals) screened in-process with the yente
 * benchmark's queries (its positives and 100,000 negatives), beside Fuse.js over the same names.
 */
function unList(): void {
  const dir = join(process.env.TESTDATA_DIR ?? '/work/shared/testdata', 'screening');
  const fixtures = join(dir, 'yente', 'candidate_generation_benchmark', 'fixtures');
  if (!existsSync(join(dir, 'UN_consolidated.xml')) || !existsSync(fixtures)) {
    console.log(JSON.stringify({ bench: 'persons.un-list', skipped: 'no test data' }));
    return;
  }
  const { alerts } = parseUnList(readFileSync(join(dir, 'UN_consolidated.xml'), 'utf8'));
  const index = new ScreeningIndex();
  const now = new Date().toISOString();
  for (const a of alerts) index.upsert({ ...a, id: a.sourceRef!, owner: 'UNO', status: 'active', version: 1, createdAt: now, updatedAt: now } as Alert);
  const rows = ['positives_un_untreated', 'positives_un_treated', 'negatives_global', 'negatives_us'].flatMap((f) => readCsv(join(fixtures, `${f}.csv`)));
  const queries = rows.map((row) => parseInput(screenQuerySchema, queryOf(row)));
  const scope = { reader: { member: 'FRA', role: 'bureau' as const }, today: now.slice(0, 10) };
  for (const q of queries.slice(0, 2000)) search(index, q, scope);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (const q of queries) {
    const c = process.cpuUsage();
    const s = performance.now();
    search(index, q, scope);
    times.push(performance.now() - s);
    cpuTimes.push(cpuMs(c));
  }
  const names = alerts.flatMap((a) => (a.kind === 'person' ? a.person.names.map((x) => ({ name: typeof x === 'string' ? x : (x.full ?? [x.given, x.family].filter(Boolean).join(' ')) })) : []));
  const fuse = new Fuse(names, { keys: ['name'], threshold: 0.3, ignoreLocation: true });
  const fuseTimes: number[] = [];
  for (let k = 0; k < queries.length; k += Math.ceil(queries.length / 1000)) {
    const s = performance.now();
    fuse.search(queries[k]!.person!.names[0] as string, { limit: 20 });
    fuseTimes.push(performance.now() - s);
  }
  console.log(
    JSON.stringify({
      bench: 'persons.un-list',
      individuals: alerts.length,
      queries: queries.length,
      p50Ms: Number(pctl(times, 0.5).toFixed(3)),
      p99Ms: Number(pctl(times, 0.99).toFixed(3)),
      cpuP50Ms: Number(pctl(cpuTimes, 0.5).toFixed(3)),
      cpuP99Ms: Number(pctl(cpuTimes, 0.99).toFixed(3)),
      baseline: 'Fuse.js over the same names, threshold 0.3, 1,000 of the queries',
      baselineP50Ms: Number(pctl(fuseTimes, 0.5).toFixed(3)),
      baselineP99Ms: Number(pctl(fuseTimes, 0.99).toFixed(3)),
      ratioP99: Number((pctl(fuseTimes, 0.99) / pctl(times, 0.99)).toFixed(1)),
    }),
  );
}

async function pgTrgm(subset: { name: string }[], names: string[], oursP50: number, n: number): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const schema = `bench_trgm_${process.pid}`;
  try {
    await client.query('create extension if not exists pg_trgm');
    await client.query(`create schema ${schema}`);
    await client.query(`create table ${schema}.people (id int primary key, name text not null)`);
    for (let i = 0; i < subset.length; i += 5000) {
      const chunk = subset.slice(i, i + 5000);
      await client.query(`insert into ${schema}.people (id, name) select * from unnest($1::int[], $2::text[])`, [chunk.map((_, j) => i + j), chunk.map((p) => p.name.toLowerCase())]);
    }
    await client.query(`create index on ${schema}.people using gin (name gin_trgm_ops)`);
    await client.query('analyze');
    const times: number[] = [];
    for (const name of names) {
      const s = performance.now();
      await client.query(`select id, similarity(name, $1) s from ${schema}.people where name % $1 order by s desc limit 20`, [name.toLowerCase()]);
      times.push(performance.now() - s);
    }
    console.log(JSON.stringify({ bench: 'persons.pg_trgm', n: subset.length, p50Ms: Number(pctl(times, 0.5).toFixed(3)), p99Ms: Number(pctl(times, 0.99).toFixed(3)), baseline: `crosscheck in-process p50 at ${n}`, baselineP50Ms: Number(oursP50.toFixed(3)), ratio: Number((pctl(times, 0.5) / oursP50).toFixed(0)) }));
  } catch (e) {
    console.log(JSON.stringify({ bench: 'persons.pg_trgm', skipped: (e as Error).message }));
  } finally {
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  }
}

await main();
