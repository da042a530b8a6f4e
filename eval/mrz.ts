/**
 * MRZ parser, generator and check-digit agreement with public test suites
 * (`${testdata}/mrz/`, see ../shared/testdata/mrz/mrz_cases.json.SOURCE.md).
 *
 * How a case counts as agreeing (the sources disagree on what "valid" means: cheminfo/mrz also
 * rejects unknown state codes such as the specimen UTO, Arg0s1080/mrz can enforce expiry,
 * PassportEye and JMRTD check only digits; so `valid` is NOT scored, only reported):
 * - parse / invalid / warnings: our format equals the curator's check-digit-only evaluation,
 *   each check digit it lists has the same verdict, and every field the source asserts
 *   (document code, states, number, names, dates as YYMMDD, sex, optional data) is equal;
 *   library-specific fields (cheminfo's optional1/2, raw check characters) are not compared.
 *   Where the curator gives no format (French CNI, a run-together 84-character line) the
 *   parser must answer format null.
 * - invalid_shape: format null with an error.
 * - ocr_autocorrect: the garbled zone is NOT reported valid (nothing is silently corrected), and
 *   applying our suggestions gives a valid zone with the fields of the clean case it names.
 * - generate: generateMrz on the source generator's input gives exactly the expected lines.
 * - check-digit vectors: computeCheckDigit gives the stated digit (or differs from a digit the
 *   source says it is not, or is null where the source says the input is illegal).
 *
 * Run: `npx tsx eval/mrz.ts [testdata dir]` (default ../shared/testdata). (bin/run-ts.js drops the
 * script from argv, so a script run through it cannot tell that it is the entry point.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyMrzSuggestions, computeCheckDigit, generateMrz, parseMrz, type MrzData, type MrzFields, type MrzFormat, type MrzParseResult } from '@crosscheck/core';

export interface MrzEval {
  cases: number;
  agree: number;
  disagreements: { id: string; why: string }[];
}

interface Case {
  id: string;
  kind: string;
  lines?: string[];
  raw_ocr_text?: string;
  expected_by_source: Record<string, unknown>;
  derived_independent_check?: { format: string | null; check_digits?: Record<string, boolean> };
}

interface Vector {
  input: string;
  check_digit?: number | string;
  check_digit_given?: number;
  check_digit_not?: number;
  check_digit_equals_that_of?: string;
}

const CHECK_NAMES: Readonly<Record<string, string>> = {
  documentNumberCheckDigit: 'documentNumber',
  birthDateCheckDigit: 'birthDate',
  expirationDateCheckDigit: 'expiryDate',
  personalNumberCheckDigit: 'personalNumber',
  compositeCheckDigit: 'composite',
};

// Each library's name for our field. Values are normalised before comparing.
const FIELD_NAMES: Readonly<Record<string, keyof MrzFields>> = {
  documentCode: 'documentCode', document_type: 'documentCode', type: 'documentCode',
  issuingState: 'issuingState', country: 'issuingState',
  nationality: 'nationality',
  documentNumber: 'documentNumber', document_number: 'documentNumber', number: 'documentNumber',
  lastName: 'surname', surname: 'surname', primaryIdentifier: 'surname',
  firstName: 'givenNames', name: 'givenNames', names: 'givenNames', firstNames: 'givenNames', secondaryIdentifier: 'givenNames',
  birthDate: 'birthDate', birth_date: 'birthDate', date_of_birth: 'birthDate', dateOfBirth: 'birthDate',
  expirationDate: 'expiryDate', expiry_date: 'expiryDate', expiration_date: 'expiryDate', dateOfExpiry: 'expiryDate',
  sex: 'sex', gender: 'sex',
  optionalData: 'optionalData', optional_data: 'optionalData', personalNumber: 'optionalData', personal_number: 'optionalData',
};

/** A source value in our terms, or undefined when it cannot be compared (null, a country name). */
function normalise(field: keyof MrzFields, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  switch (field) {
    case 'sex':
      return /^m/i.test(text) ? 'M' : /^f/i.test(text) ? 'F' : 'X';
    case 'birthDate':
    case 'expiryDate': {
      const iso = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(text);
      return iso ? `${iso[1]}${iso[2]}${iso[3]}` : text;
    }
    case 'issuingState':
    case 'nationality':
    case 'documentCode': {
      const code = text.replace(/</g, '').split(' ')[0] ?? '';
      return /^[A-Z]{1,3}$/.test(code) ? code : undefined;
    }
    default:
      return text.replace(/</g, ' ').replace(/\s+/g, ' ').trim();
  }
}

function ours(field: keyof MrzFields, fields: MrzFields): string {
  const value = fields[field];
  if ((field === 'birthDate' || field === 'expiryDate') && typeof value === 'string') return value.replace(/^\d\d/, '').replace(/-/g, '');
  return value ?? '';
}

function fieldDifferences(expected: Record<string, unknown>, fields: MrzFields | null): string[] {
  const merged: Record<string, unknown> = { ...expected, ...((expected.fields as Record<string, unknown> | undefined) ?? {}) };
  const out: string[] = [];
  for (const [key, value] of Object.entries(merged)) {
    const field = FIELD_NAMES[key];
    if (!field) continue;
    const want = normalise(field, value);
    if (want === undefined) continue;
    const got = fields ? ours(field, fields) : '(no fields)';
    if (got !== want) out.push(`${field}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
  }
  return out;
}

function checkDifferences(c: Case, r: MrzParseResult): string[] {
  const derived = c.derived_independent_check;
  if (!derived) return [];
  if (derived.format === null) return r.format === null ? [] : [`format ${r.format}, expected none (non-ICAO shape)`];
  const out = r.format === derived.format ? [] : [`format ${String(r.format)} ≠ ${derived.format}`];
  for (const [name, verdict] of Object.entries(derived.check_digits ?? {})) {
    const ourName = CHECK_NAMES[name] ?? name;
    if (r.checks[ourName] !== verdict) out.push(`check ${ourName}: ${String(r.checks[ourName])} ≠ ${verdict}`);
  }
  return out;
}

const COUNTRY_NAMES: Readonly<Record<string, string>> = { UTOPIA: 'UTO', UNKNOWN: 'XXX', SERBIA: 'SRB', UKRAINE: 'UKR' };
const LANGUAGES: Readonly<Record<string, string>> = { cyrillic_serbian: 'sr', cyrillic_ukrainian: 'uk' };

/** Arg0s1080/mrz generator arguments (positional, YYMMDD dates, country names allowed) as our MrzData. */
function generatorInput(input: { type: string; args: string[]; dictionary?: string }): MrzData {
  const a = input.args;
  const state = (v: string | undefined): string => COUNTRY_NAMES[(v ?? '').toUpperCase()] ?? (v ?? '').toUpperCase();
  const date = (v: string | undefined): string => {
    const t = v ?? '';
    return `${Number(t.slice(0, 2)) > 30 ? '19' : '20'}${t.slice(0, 2)}-${t.slice(2, 4)}-${t.slice(4, 6)}`;
  };
  const sex = (v: string | undefined): MrzData['sex'] => ((v ?? '').toUpperCase() as MrzData['sex']);
  const language = input.dictionary ? LANGUAGES[input.dictionary] : undefined;
  const common = language ? { language } : {};
  if (input.type === 'TD1') {
    return { ...common, format: 'TD1', documentCode: a[0] ?? '', issuingState: state(a[1]), documentNumber: a[2] ?? '', birthDate: date(a[3]), sex: sex(a[4]), expiryDate: date(a[5]), nationality: state(a[6]), surname: a[7] ?? '', givenNames: a[8] ?? '', optionalData: a[9] ?? '', optionalData2: a[10] ?? '' };
  }
  return { ...common, format: input.type as MrzFormat, documentCode: a[0] ?? '', issuingState: state(a[1]), surname: a[2] ?? '', givenNames: a[3] ?? '', documentNumber: a[4] ?? '', nationality: state(a[5]), birthDate: date(a[6]), sex: sex(a[7]), expiryDate: date(a[8]), optionalData: a[9] ?? '' };
}

function judgeCase(c: Case, byId: Map<string, Case>): string[] {
  const e = c.expected_by_source;
  switch (c.kind) {
    case 'invalid_shape': {
      const r = parseMrz(c.lines ?? []);
      return r.format === null && r.errors.length > 0 ? [] : [`read as ${String(r.format)}; expected no format`];
    }
    case 'generate': {
      try {
        const lines = generateMrz(generatorInput(e.generator_input as { type: string; args: string[] })).lines;
        const want = e.expected_output_lines as string[];
        return lines.every((l, i) => l === want[i]) ? [] : [`generated ${JSON.stringify(lines)} ≠ ${JSON.stringify(want)}`];
      } catch (error) {
        return [`generator refused: ${(error as Error).message}`];
      }
    }
    case 'ocr_autocorrect': {
      const r = parseMrz(c.lines ?? c.raw_ocr_text ?? '');
      if (r.valid) return ['garbled zone reported valid'];
      const fixed = parseMrz(applyMrzSuggestions(r.lines, r.suggestions));
      if (!fixed.valid) return [`still invalid after our suggestions: ${fixed.errors.map((x) => x.message).join('; ')}`];
      const clean = typeof e.fields_equal_to_case === 'string' ? byId.get(e.fields_equal_to_case) : undefined;
      if (clean) {
        const want = parseMrz(clean.lines ?? []).fields;
        return JSON.stringify(fixed.fields) === JSON.stringify(want) ? [] : [`corrected fields ${JSON.stringify(fixed.fields)} ≠ ${JSON.stringify(want)}`];
      }
      return fieldDifferences(e, fixed.fields);
    }
    default: {
      const r = parseMrz(c.lines ?? []);
      return [...checkDifferences(c, r), ...(c.derived_independent_check?.format === null ? [] : fieldDifferences(e, r.fields))];
    }
  }
}

function judgeVector(v: Vector): string[] {
  const got = computeCheckDigit(v.input);
  const shown = got === null ? "''" : String(got);
  if (v.check_digit === '') return got === null ? [] : [`${shown}, expected the input to be refused`];
  if (typeof v.check_digit === 'number') return got === v.check_digit ? [] : [`${shown} ≠ ${v.check_digit}`];
  if (v.check_digit_given !== undefined) return got !== v.check_digit_given ? [] : [`${shown} accepted a wrong digit`];
  if (v.check_digit_not !== undefined) return got !== v.check_digit_not ? [] : [`${shown} equals ${v.check_digit_not}`];
  if (v.check_digit_equals_that_of !== undefined) {
    const other = computeCheckDigit(v.check_digit_equals_that_of);
    return got === other ? [] : [`${shown} ≠ ${String(other)}`];
  }
  return [];
}

/** Agreement of the MRZ module with the public cases and vectors; null when the folder is absent. */
export async function evalMrz(testdataDir: string): Promise<MrzEval | null> {
  const dir = join(testdataDir, 'mrz');
  const casesFile = join(dir, 'mrz_cases.json');
  const vectorsFile = join(dir, 'mrz_check_digit_vectors.json');
  if (!existsSync(casesFile) || !existsSync(vectorsFile)) return null;
  const cases = (JSON.parse(readFileSync(casesFile, 'utf8')) as { cases: Case[] }).cases;
  const vectors = (JSON.parse(readFileSync(vectorsFile, 'utf8')) as { vectors: Vector[] }).vectors;
  const byId = new Map(cases.map((c) => [c.id, c]));
  const disagreements: MrzEval['disagreements'] = [];
  let agree = 0;
  for (const c of cases) {
    const why = judgeCase(c, byId);
    if (why.length === 0) agree++;
    else disagreements.push({ id: `${c.kind}:${c.id}`, why: why.join('; ') });
  }
  vectors.forEach((v, i) => {
    const why = judgeVector(v);
    if (why.length === 0) agree++;
    else disagreements.push({ id: `vector:${i}:${v.input}`, why: why.join('; ') });
  });
  return { cases: cases.length + vectors.length, agree, disagreements };
}

/** `valid` as each source states it beside ours, for the report (not scored, see above). */
function validComparison(testdataDir: string): { same: number; differ: string[] } {
  const cases = (JSON.parse(readFileSync(join(testdataDir, 'mrz', 'mrz_cases.json'), 'utf8')) as { cases: Case[] }).cases;
  let same = 0;
  const differ: string[] = [];
  for (const c of cases) {
    if (typeof c.expected_by_source.valid !== 'boolean' || !c.lines) continue;
    const r = parseMrz(c.lines);
    if (r.valid === c.expected_by_source.valid) same++;
    else differ.push(`${c.id}: ours ${r.valid}, source ${String(c.expected_by_source.valid)} (${r.warnings.map((w) => w.code).join(', ') || r.errors.map((x) => x.code).join(', ')})`);
  }
  return { same, differ };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = resolve(process.argv[2] ?? '../shared/testdata');
  const result = await evalMrz(dir);
  if (!result) {
    process.stdout.write(`no MRZ test data under ${dir}/mrz: skipped\n`);
  } else {
    const kinds = new Map<string, { n: number; ok: number }>();
    const cases = (JSON.parse(readFileSync(join(dir, 'mrz', 'mrz_cases.json'), 'utf8')) as { cases: Case[] }).cases;
    const failed = new Set(result.disagreements.map((d) => d.id));
    for (const c of cases) {
      const k = kinds.get(c.kind) ?? { n: 0, ok: 0 };
      k.n++;
      if (!failed.has(`${c.kind}:${c.id}`)) k.ok++;
      kinds.set(c.kind, k);
    }
    const vectorsFailed = result.disagreements.filter((d) => d.id.startsWith('vector:')).length;
    const vectorCount = result.cases - cases.length;
    kinds.set('check-digit vector', { n: vectorCount, ok: vectorCount - vectorsFailed });
    process.stdout.write('kind                  cases  agree\n');
    for (const [kind, k] of kinds) process.stdout.write(`${kind.padEnd(20)} ${String(k.n).padStart(6)} ${String(k.ok).padStart(6)}\n`);
    process.stdout.write(`${'total'.padEnd(20)} ${String(result.cases).padStart(6)} ${String(result.agree).padStart(6)}  (${((100 * result.agree) / result.cases).toFixed(1)}%)\n`);
    for (const d of result.disagreements) process.stdout.write(`  ✗ ${d.id}: ${d.why}\n`);
    const valid = validComparison(dir);
    process.stdout.write(`\n"valid" as the source states it (not scored): same on ${valid.same} of ${valid.same + valid.differ.length}\n`);
    for (const d of valid.differ) process.stdout.write(`  · ${d}\n`);
  }
}
