import countries from 'i18n-iso-countries';
import { isPartialDate } from '../alerts/partial-date.js';
import type { MatchReason } from '../reasons/match-reason.js';

/**
 * Facts beside the name, normalised, and what agreement or disagreement on each is worth. The
 * values are additive adjustments of the name score: agreement is modest evidence (many people
 * share a birth year), disagreement on a well-recorded fact is stronger (after OpenSanctions'
 * logic-v2: birth year differs −0.15, day differs −0.25, sex −0.2, country −0.2).
 */
export interface Evidence {
  delta: number;
  reason: MatchReason;
}

const SLOPPY_DATE = /^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?\s*$/;

/** 1965, 1965-07, 1965-07-16, 1965-7-16, 1965/7/16 → YYYY[-MM[-DD]]; null when not a real date. */
export function normaliseBirthDate(input: string): string | null {
  if (typeof input !== 'string') return null;
  const m = SLOPPY_DATE.exec(input.slice(0, 40));
  if (!m) return null;
  let out = m[1]!;
  if (m[2] !== undefined) out += `-${m[2].padStart(2, '0')}`;
  if (m[3] !== undefined) out += `-${m[3].padStart(2, '0')}`;
  return isPartialDate(out) ? out : null;
}

// Codes in use on documents and lists that ISO 3166 does not have (or has under another code).
const EXTRA_CODES: Readonly<Record<string, string>> = {
  UK: 'GBR', EL: 'GRC', D: 'DEU', XK: 'XKX', XKX: 'XKX', RKS: 'XKX', GBD: 'GBR', GBN: 'GBR', GBO: 'GBR', GBP: 'GBR', GBS: 'GBR',
};

// Scoring normalises the same few hundred codes again and again: remember them (bounded).
const nationalityCache = new Map<string, string | null>();

/** ISO 3166 alpha-2 or alpha-3 in any case (and a few document codes: UK, D, XK) → alpha-3; null otherwise. */
export function normaliseNationality(input: string): string | null {
  if (typeof input !== 'string') return null;
  const cached = nationalityCache.get(input);
  if (cached !== undefined) return cached;
  const result = lookUpNationality(input);
  if (nationalityCache.size >= 2000) nationalityCache.clear();
  nationalityCache.set(input, result);
  return result;
}

function lookUpNationality(input: string): string | null {
  const code = input.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(code)) return null;
  const extra = EXTRA_CODES[code];
  if (extra !== undefined) return extra;
  if (code.length === 2) return countries.alpha2ToAlpha3(code) ?? null;
  if (code.length === 3) return countries.alpha3ToAlpha2(code) !== undefined ? code : null;
  return null;
}

interface ParsedDate {
  y: number;
  m: number; // 0 when unknown
  d: number; // 0 when unknown
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Scoring compares the same dates for every candidate: each is parsed once (bounded).
const dateCache = new Map<string, ParsedDate | null>();

function parseDate(value: string | undefined): ParsedDate | null {
  if (typeof value !== 'string') return null;
  const cached = dateCache.get(value);
  if (cached !== undefined) return cached;
  // A record's dates were validated when it was stored; check the shape, not the calendar, again.
  const v = (value.length === 4 && /^\d{4}$/.test(value)) || (value.length === 10 && FULL_DATE.test(value)) ? value : normaliseBirthDate(value);
  const parsed = v === null ? null : { y: Number(v.slice(0, 4)), m: v.length >= 7 ? Number(v.slice(5, 7)) : 0, d: v.length === 10 ? Number(v.slice(8, 10)) : 0 };
  if (dateCache.size >= 100_000) dateCache.clear();
  dateCache.set(value, parsed);
  return parsed;
}

function show(p: ParsedDate): string {
  return `${p.y}${p.m ? `-${String(p.m).padStart(2, '0')}` : ''}${p.d ? `-${String(p.d).padStart(2, '0')}` : ''}`;
}

// How two birth dates relate, at the precision both have. Scoring every candidate needs only the
// adjustment (DATE_DELTA); the words are written for the few that become hits.
const SAME_DAY = 0;
const SWAPPED = 1;
const SAME_YEAR_OTHER_DAY = 2;
const SAME_YEAR_OTHER_MONTH = 3;
const SAME_YEAR = 4;
const YEAR_OFF_SAME_DAY = 5;
const YEAR_OFF = 6;
const OTHER_YEAR = 7;
const DATE_DELTA = [0.12, 0.05, -0.2, -0.15, 0.05, 0, -0.05, -0.3] as const;

function dateVerdict(a: ParsedDate, b: ParsedDate): number {
  const full = a.d > 0 && b.d > 0;
  if (a.y === b.y) {
    if (full) {
      if (a.m === b.m && a.d === b.d) return SAME_DAY;
      if (a.m === b.d && a.d === b.m) return SWAPPED;
      return SAME_YEAR_OTHER_DAY;
    }
    if (a.m > 0 && b.m > 0 && a.m !== b.m) return SAME_YEAR_OTHER_MONTH;
    return SAME_YEAR;
  }
  // One year off is a common slip (or an "about 1970" record); the same day and month make it more so.
  if (Math.abs(a.y - b.y) === 1) return full && a.m === b.m && a.d === b.d ? YEAR_OFF_SAME_DAY : YEAR_OFF;
  return OTHER_YEAR;
}

function dateReason(verdict: number, a: ParsedDate, b: ParsedDate): MatchReason {
  const both = { query: show(a), record: show(b) };
  switch (verdict) {
    case SAME_DAY: return { code: 'birth-date.same', date: show(a) };
    case SWAPPED: return { code: 'birth-date.day-month-swapped', ...both };
    case SAME_YEAR_OTHER_DAY: return { code: 'birth-date.same-year-other-day', ...both };
    case SAME_YEAR_OTHER_MONTH: return { code: 'birth-date.same-year-other-month', ...both };
    case SAME_YEAR: return { code: 'birth-date.same-year', year: String(a.y) };
    case YEAR_OFF_SAME_DAY: return { code: 'birth-date.year-off-same-day', ...both };
    case YEAR_OFF: return { code: 'birth-date.year-off', ...both };
    default: return { code: 'birth-date.different', ...both };
  }
}

/** Birth dates compared at the precision both have. */
export function birthDateEvidence(query: string | undefined, record: string | undefined): Evidence | null {
  const a = parseDate(query);
  const b = parseDate(record);
  if (!a || !b) return null;
  const verdict = dateVerdict(a, b);
  return { delta: DATE_DELTA[verdict]!, reason: dateReason(verdict, a, b) };
}

/** What `birthDateEvidence` adds to the score, without its words; null when either date is missing. */
export function birthDateDelta(query: string | undefined, record: string | undefined): number | null {
  const a = parseDate(query);
  const b = parseDate(record);
  return a && b ? DATE_DELTA[dateVerdict(a, b)]! : null;
}

const SEX_SAME = 0.02;
const SEX_DIFFERENT = -0.2;

export function sexEvidence(query: string | undefined, record: string | undefined): Evidence | null {
  const delta = sexDelta(query, record);
  if (delta === null) return null;
  // sexDelta answers only for M and F on both sides.
  const q = query as 'M' | 'F';
  return delta > 0 ? { delta, reason: { code: 'sex.same', sex: q } } : { delta, reason: { code: 'sex.different', query: q, record: record as 'M' | 'F' } };
}

export function sexDelta(query: string | undefined, record: string | undefined): number | null {
  if ((query !== 'M' && query !== 'F') || (record !== 'M' && record !== 'F')) return null;
  return query === record ? SEX_SAME : SEX_DIFFERENT;
}

const NATIONALITY_SAME = 0.05;
// People change and add nationalities: a difference counts, but less than a different birth year.
const NATIONALITY_DIFFERENT = -0.1;

export function nationalityEvidence(query: readonly string[] | undefined, record: readonly string[] | undefined): Evidence | null {
  const a = normaliseList(query);
  const b = normaliseList(record);
  if (a.length === 0 || b.length === 0) return null;
  const shared = a.filter((c) => b.includes(c));
  if (shared.length > 0) return { delta: NATIONALITY_SAME, reason: { code: 'nationality.same', countries: shared } };
  return { delta: NATIONALITY_DIFFERENT, reason: { code: 'nationality.different', query: a, record: b } };
}

/** What `nationalityEvidence` adds to the score, without building its lists. */
export function nationalityDelta(query: readonly string[] | undefined, record: readonly string[] | undefined): number | null {
  if (!query?.length || !record?.length) return null;
  let known = false;
  for (const q of query) {
    const a = normaliseNationality(q);
    if (a === null) continue;
    for (const r of record) {
      const b = normaliseNationality(r);
      if (b === null) continue;
      if (a === b) return NATIONALITY_SAME;
      known = true;
    }
  }
  return known ? NATIONALITY_DIFFERENT : null;
}

function normaliseList(codes: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const c of codes ?? []) {
    const n = normaliseNationality(c);
    if (n !== null && !out.includes(n)) out.push(n);
  }
  return out;
}

/** Document numbers compared without spaces, dashes or case. A shared number is near proof; different numbers are not a contradiction (people hold several documents). */
export function documentEvidence(query: readonly string[] | undefined, record: readonly string[] | undefined): string | null {
  if (!query?.length || !record?.length) return null;
  const b = new Set(record.map(normaliseDocument).filter((d) => d.length >= 5));
  for (const d of query) {
    const n = normaliseDocument(d);
    if (n.length >= 5 && b.has(n)) return n;
  }
  return null;
}

function normaliseDocument(number: string): string {
  return typeof number === 'string' ? number.slice(0, 64).toUpperCase().replace(/[^A-Z0-9]/g, '') : '';
}
