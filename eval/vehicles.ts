/**
 * VIN handling against public test vectors (`${testdata}/vehicles/vin_test_vectors.tsv`, see its
 * SOURCE.md): 9,606 real VINs that decode, 299 real Genesis VINs from NHTSA's exception list
 * whose check digit fails, and mutations (wrong check digit, bad model-year character, bad length,
 * illegal characters) labelled invalid by the libraries they come from.
 *
 * What is scored:
 * - real VINs accepted: must be all of them; a check digit alone never rejects (vin.ts).
 * - check-digit agreement: our verdict against the curator's independent computation
 *   (`derived_check_digit_ok`, `derived_expected_check_digit`) and against what the source says
 *   (decoding libraries that enforce the digit → passes; NHTSA exceptions and "check digit is
 *   incorrect" → fails).
 * - mutations detected: an invalid-labelled row is detected when it is refused, has an invalid
 *   structure or carries a warning. Rows are accepted with a warning by design (a pre-1981
 *   serial number looks like a short VIN), so detection, not refusal, is the measure.
 *
 * Run: `node packages/server/bin/run-ts.js eval/vehicles.ts [testdata dir]` (default ../shared/testdata,
 * or CROSSCHECK_TESTDATA).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkVin, type VinCheck } from '../packages/core/src/vehicles/vin.js';

type Kind = 'real' | 'real-nhtsa-exception' | 'mutation-check-digit' | 'mutation-model-year' | 'mutation-length' | 'mutation-characters';

interface Row {
  vin: string;
  label: string;
  kind: Kind;
  derivedExpected: string;
  derivedOk: string;
}

export interface VehicleEval {
  rows: number;
  realVins: { total: number; accepted: number; validStructure: number; checkDigitFails: number; withWarnings: Record<string, number>; rejected: string[] };
  checkDigit: {
    vsCurator: { compared: number; agree: number; disagreements: string[] };
    expectedDigitVsCurator: { compared: number; agree: number; disagreements: string[] };
    vsSourceLabels: { compared: number; agree: number; disagreements: string[] };
  };
  mutations: { total: number; detected: number; refused: number; byKind: Record<string, { total: number; detected: number }>; missed: string[] };
}

function kindOf(label: string): Kind {
  if (label.startsWith('NHTSA VIN exception')) return 'real-nhtsa-exception';
  if (label.startsWith('valid')) return 'real';
  if (/check digit|verify_checksum\(\) False/.test(label)) return 'mutation-check-digit';
  if (/model year/.test(label)) return 'mutation-model-year';
  if (/17 characters|ValidationError\)$/.test(label)) return 'mutation-length';
  return 'mutation-characters';
}

function readRows(file: string): Row[] {
  const [header, ...lines] = readFileSync(file, 'utf8').split(/\r?\n/);
  const columns = (header ?? '').split('\t');
  const at = (name: string) => {
    const i = columns.indexOf(name);
    if (i < 0) throw new Error(`${file}: no column ${name}`);
    return i;
  };
  const [vinAt, labelAt, expectedAt, okAt] = [at('vin'), at('label_by_source'), at('derived_expected_check_digit'), at('derived_check_digit_ok')];
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = line.split('\t');
      const label = cells[labelAt] ?? '';
      return { vin: cells[vinAt] ?? '', label, kind: kindOf(label), derivedExpected: cells[expectedAt] ?? '', derivedOk: cells[okAt] ?? '' };
    });
}

const flagged = (c: VinCheck): boolean => !c.accepted || !c.validStructure || c.warnings.length > 0;

export async function evalVehicles(testdataDir: string): Promise<VehicleEval | null> {
  const file = join(testdataDir, 'vehicles', 'vin_test_vectors.tsv');
  if (!existsSync(file)) return null;
  const rows = readRows(file);
  const result: VehicleEval = {
    rows: rows.length,
    realVins: { total: 0, accepted: 0, validStructure: 0, checkDigitFails: 0, withWarnings: {}, rejected: [] },
    checkDigit: {
      vsCurator: { compared: 0, agree: 0, disagreements: [] },
      expectedDigitVsCurator: { compared: 0, agree: 0, disagreements: [] },
      vsSourceLabels: { compared: 0, agree: 0, disagreements: [] },
    },
    mutations: { total: 0, detected: 0, refused: 0, byKind: {}, missed: [] },
  };
  const tally = (t: { compared: number; agree: number; disagreements: string[] }, agree: boolean, what: string) => {
    t.compared++;
    if (agree) t.agree++;
    else if (t.disagreements.length < 20) t.disagreements.push(what);
  };

  for (const row of rows) {
    const check = checkVin(row.vin);
    if (row.derivedOk === 'True' || row.derivedOk === 'False') {
      tally(result.checkDigit.vsCurator, check.checkDigitOk === (row.derivedOk === 'True'), `${row.vin}: ours ${check.checkDigitOk}, curator ${row.derivedOk}`);
    }
    if (row.derivedExpected !== '' && check.expectedCheckDigit !== null) {
      tally(result.checkDigit.expectedDigitVsCurator, check.expectedCheckDigit === row.derivedExpected, `${row.vin}: ours ${check.expectedCheckDigit}, curator ${row.derivedExpected}`);
    }
    // What the source itself says about the check digit, where it says something.
    const sourceSays = row.kind === 'real' && row.label.includes('enforces check digit') ? true : row.kind === 'real-nhtsa-exception' || row.label.includes('check digit is incorrect') ? false : null;
    if (sourceSays !== null) tally(result.checkDigit.vsSourceLabels, check.checkDigitOk === sourceSays, `${row.vin} (${row.label}): ours ${check.checkDigitOk}`);

    if (row.kind === 'real' || row.kind === 'real-nhtsa-exception') {
      const real = result.realVins;
      real.total++;
      if (check.accepted) real.accepted++;
      else real.rejected.push(`${row.vin}: ${check.problems.join(', ')}`);
      if (check.validStructure) real.validStructure++;
      if (!check.checkDigitOk) real.checkDigitFails++;
      for (const w of check.warnings) real.withWarnings[w] = (real.withWarnings[w] ?? 0) + 1;
    } else {
      const m = result.mutations;
      m.total++;
      const bucket = (m.byKind[row.kind] ??= { total: 0, detected: 0 });
      bucket.total++;
      if (!check.accepted) m.refused++;
      if (flagged(check)) {
        m.detected++;
        bucket.detected++;
      } else {
        m.missed.push(`${row.vin} (${row.label})`);
      }
    }
  }
  return result;
}

function printTable(r: VehicleEval): void {
  const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((a / b) * 100).toFixed(2)}%`);
  console.log(`| measure | count | of | rate | target |`);
  console.log(`|---|---|---|---|---|`);
  console.log(`| real VINs accepted | ${r.realVins.accepted} | ${r.realVins.total} | ${pct(r.realVins.accepted, r.realVins.total)} | 100% |`);
  console.log(`| real VINs failing the check digit (accepted with a warning) | ${r.realVins.checkDigitFails} | ${r.realVins.total} | ${pct(r.realVins.checkDigitFails, r.realVins.total)} | — |`);
  for (const [name, t] of Object.entries(r.checkDigit)) {
    console.log(`| check digit agrees, ${name} | ${t.agree} | ${t.compared} | ${pct(t.agree, t.compared)} | 100% |`);
  }
  console.log(`| mutations detected (refused, bad structure or warned) | ${r.mutations.detected} | ${r.mutations.total} | ${pct(r.mutations.detected, r.mutations.total)} | 100% |`);
  for (const [kind, b] of Object.entries(r.mutations.byKind)) console.log(`| … ${kind} | ${b.detected} | ${b.total} | ${pct(b.detected, b.total)} | 100% |`);
  console.log(`| mutations refused outright | ${r.mutations.refused} | ${r.mutations.total} | ${pct(r.mutations.refused, r.mutations.total)} | — |`);
  console.log(`\nwarnings on real VINs: ${JSON.stringify(r.realVins.withWarnings)}`);
  const lists: [string, string[]][] = [
    ['real VINs rejected', r.realVins.rejected],
    ['mutations missed', r.mutations.missed],
    ...Object.entries(r.checkDigit).map(([name, t]): [string, string[]] => [`check-digit disagreements, ${name}`, t.disagreements]),
  ];
  for (const [title, items] of lists) if (items.length > 0) console.log(`\n${title}:\n  ${items.join('\n  ')}`);
}

// run-ts.js (and node itself) put the running script in process.argv[1].
function invokedDirectly(): boolean {
  return process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
}

if (invokedDirectly()) {
  const dir = process.argv.slice(2).find((a) => !a.startsWith('-') && !a.endsWith('.ts')) ?? process.env.CROSSCHECK_TESTDATA ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../shared/testdata');
  const result = await evalVehicles(dir);
  if (result === null) console.log(`no VIN test vectors under ${dir}: nothing evaluated`);
  else printTable(result);
}
