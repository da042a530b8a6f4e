import { distance } from 'fastest-levenshtein';
import type { MatchReason } from '../reasons/match-reason.js';
import { compareNames, nameScore, round } from './compare-names.js';
import { normaliseNationality } from './evidence.js';
import { GENERIC_WORDS, isNumberWord, normaliseCompanyWords } from './company-words.js';
import { vesselPrefixLength } from './vessel-prefixes.js';
import { findInitialism, initialismShape, mayHoldInitialism, type Initialism, type InitialismShape } from './initialisms.js';
import { compareLegalForms, legalFormEntries, legalFormKey, type LegalForm, type LegalFormEntry } from './legal-forms.js';
import { nameKeys, queryKeys } from './name-keys.js';
import { PARTICLES } from './name-words.js';
import { internWords, mainScript, makePart, MAX_NAME_PARTS, PART_INITIAL, PART_NAME, PART_PARTICLE, type JoinedPart, type NamePart, type PreparedName } from './prepare-name.js';
import { isVowelPoorScript, romaniseName, type RomanWord } from './romanise.js';
import { NO_VARIANTS } from './systems/word-variants.js';

/**
 * Company names compared across scripts: the legal form is found and set apart (legal-forms.ts),
 * the rest is romanised with the person names' tables (romanise.ts) and compared word by word
 * with the person names' comparison (compare-names.ts: word order, spelling and transliteration
 * variants, typos, words written together). Unlike a person's name, no word is taken for a title
 * (GENERAL MOTORS keeps GENERAL) and words every other company has (TRADING, GROUP) weigh little.
 */
export interface PreparedCompanyName {
  /** The words that name the company, romanised. */
  name: PreparedName;
  /** The legal forms found at the start or end, as written there, with their table entry. */
  legalForms: { form: LegalForm; written: string }[];
  /** Which of its words may be initialisms, and the initials of its words (initialisms.ts). */
  initialisms: InitialismShape;
}

/** What is known of a company on either side of a screening. */
export interface CompanyFacts {
  names: PreparedCompanyName[];
  /** As written; compared by `registrationNumberKey`. */
  registrationNumber?: string;
  /** ISO 3166 alpha-3 (alpha-2 is read too). */
  country?: string;
}

export interface CompanyComparison {
  score: number;
  reasons: MatchReason[];
}

const GENERIC_WEIGHT = 0.35;
/**
 * A number in an organisation's name is mostly a serial of one family (FUND III and FUND IV,
 * TRUST 2004-1, SNOW STORM 2): the rest of the name says whose; a different number lowers the
 * score a little, and a number alone is no match.
 */
const NUMBER_WEIGHT = 0.15;
/** Without a distinctive word in common (only TRADING, GROUP…), two company names do not match. */
const WEAK_ONLY_CAP = 0.5;
/** Forms of the same family on both sides: a little more likely the same company. */
const LEGAL_FORM_BONUS = 0.03;
/**
 * Forms of different families (an AG and a GmbH, an LLC and an LP): mostly two companies of one
 * group, each registered on its own (DEUTSCHE BANK AG and DEUTSCHE BANK GMBH), seldom one company
 * that changed form. The same name with another kind of form is left under the default threshold:
 * an officer asking for such pairs lowers the threshold.
 */
const LEGAL_FORM_DIFFERENT_FACTOR = 0.68;
/** An initialism for the words it stands for: nearly as good as the words themselves. */
const INITIALISM_FACTOR = 0.95;
/** Registered in different countries: often a sister company, or another company of the same name. */
const OTHER_COUNTRY_FACTOR = 0.9;
/** The same register number in the same country's register: near proof, whatever the name now is. */
const REGISTRATION_SAME = 0.95;
/** The same number with no country to say which register: evidence added to the name's. */
const REGISTRATION_NO_COUNTRY_BONUS = 0.3;
/** Two different numbers in one country's register: two registered companies. */
const REGISTRATION_DIFFERENT_FACTOR = 0.8;
/** Longest company name looked at. */
export const MAX_COMPANY_NAME = 300;

// Token breaks: anything but letters, digits, marks and what legalFormKey drops inside a word.
const TOKEN_BREAK = /[^\p{L}\p{N}\p{M}.'’‘`´ʼ]+/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

interface Token {
  text: string;
  key: string;
}

/**
 * Finds the legal forms at the ends of a company name and prepares the rest for comparison. A
 * ship's name (`vessel`) drops its prefix too (MV, M/T, SS).
 */
export function prepareCompanyName(text: string, options: { vessel?: boolean } = {}): PreparedCompanyName {
  const input = typeof text === 'string' ? text.slice(0, MAX_COMPANY_NAME).normalize('NFKC') : '';
  let tokens: Token[] = input
    .split(TOKEN_BREAK)
    .map((t) => ({ text: t, key: legalFormKey(t).join('') }))
    .filter((t) => t.key !== '');
  if (options.vessel === true) tokens = tokens.slice(vesselPrefixLength(tokens.map((t) => t.key)));
  const atEnd: { form: LegalForm; written: string }[] = [];
  const atStart: { form: LegalForm; written: string }[] = [];
  // A few forms at most at either end (ООО «X», X Co., Ltd., شركة X ذ.م.م); never the last word left.
  for (let round = 0; round < 3; round++) {
    const end = formAt(tokens, 'end');
    if (end) {
      tokens = end.rest;
      atEnd.unshift(end.found);
    }
    const start = formAt(tokens, 'start');
    if (start) {
      tokens = start.rest;
      atStart.push(start.found);
    }
    if (!end && !start) break;
  }
  const name = companyWords(tokens.map((t) => t.text));
  return { name, legalForms: [...atStart, ...atEnd], initialisms: initialismShape(name.tokens) };
}

function formAt(tokens: Token[], side: 'start' | 'end'): { found: { form: LegalForm; written: string }; rest: Token[] } | null {
  let exact: { found: { form: LegalForm; written: string }; rest: Token[] } | null = null;
  for (const entry of legalFormEntries()) {
    const k = entry.key.length;
    if (tokens.length <= k) continue;
    // Compared in place: this runs for every form of the table, at both ends, for every name.
    const from = side === 'end' ? tokens.length - k : 0;
    let i = 0;
    while (i < k && tokens[from + i]!.key === entry.key[i]) i++;
    if (i === k) {
      exact = cut(tokens, side, k, entry.form);
      break;
    }
  }
  // A longer form written with a slip wins over a shorter one written right (JOYNT STOCK COMPANY, not COMPANY).
  const fuzzy = fuzzyFormAt(tokens, side);
  if (fuzzy && (!exact || fuzzy.rest.length < exact.rest.length)) return fuzzy;
  if (exact) return exact;
  // Chinese, Japanese and Korean write the form onto the name (北京罗马什卡有限公司, 株式会社トヨタ).
  const edge = side === 'end' ? tokens[tokens.length - 1] : tokens[0];
  if (!edge) return null;
  for (const entry of legalFormEntries()) {
    if (entry.form.affix !== true || entry.key.length !== 1) continue;
    const key = entry.key[0]!;
    if (key.length < 2 || !CJK.test(key) || edge.key.length <= key.length) continue;
    const hit = side === 'end' ? edge.text.endsWith(key) : edge.text.startsWith(key);
    if (!hit) continue;
    const restText = side === 'end' ? edge.text.slice(0, edge.text.length - key.length) : edge.text.slice(key.length);
    const rest = { text: restText, key: legalFormKey(restText).join('') };
    if (rest.key === '') continue;
    return { found: { form: entry.form, written: key }, rest: side === 'end' ? [...tokens.slice(0, -1), rest] : [rest, ...tokens.slice(1)] };
  }
  return null;
}

/**
 * A long form written out with a slip (JOYNT STOCK COMPANY, AKTIENGESELSCHAFT) or cut off by a
 * list's field length at the end of the name (JOINT STOCK COMPAN): each word of at least
 * FUZZY_FORM_WORD letters may be one letter off, and the name's last word a prefix of the form's.
 * Only forms written out in words, never abbreviations: AG and AB are one letter apart.
 */
const FUZZY_FORM_WORD = 5;
const TRUNCATED_MIN = 4;

/** The forms the fuzzy reading may find: written out in words of three letters or more, one of FUZZY_FORM_WORD or more. */
let fuzzyEntries: LegalFormEntry[] | undefined;

function fuzzyFormAt(tokens: Token[], side: 'start' | 'end'): { found: { form: LegalForm; written: string }; rest: Token[] } | null {
  fuzzyEntries ??= legalFormEntries().filter((e) => e.key.some((w) => w.length >= FUZZY_FORM_WORD) && e.key.every((w) => w.length >= 3));
  for (const entry of fuzzyEntries) {
    const k = entry.key.length;
    if (tokens.length <= k) continue;
    const from = side === 'end' ? tokens.length - k : 0;
    let i = 0;
    for (; i < k; i++) {
      const t = tokens[from + i]!.key;
      const want = entry.key[i]!;
      if (t === want) continue;
      if (side === 'end' && i === k - 1 && t.length >= TRUNCATED_MIN && t.length < want.length && want.startsWith(t)) continue;
      if (want.length >= FUZZY_FORM_WORD && Math.abs(t.length - want.length) <= 1 && t[0] === want[0] && distance(t, want) <= 1) continue;
      break;
    }
    if (i === k) return cut(tokens, side, k, entry.form);
  }
  return null;
}

/** The form found in the k words at one end, and the words left. */
function cut(tokens: Token[], side: 'start' | 'end', k: number, form: LegalForm): { found: { form: LegalForm; written: string }; rest: Token[] } {
  const slice = side === 'end' ? tokens.slice(tokens.length - k) : tokens.slice(0, k);
  return { found: { form, written: slice.map((t) => t.text).join(' ') }, rest: side === 'end' ? tokens.slice(0, tokens.length - k) : tokens.slice(k) };
}

/** Letters with dots after them (A.B.C., U.S.): one word, an initialism, as ABC and US are written. */
const DOTTED_LETTERS = /^(?:\p{L}\.){2,}\p{L}?$|^(?:\p{L}\.)+\p{L}$/u;
const DIGIT = /\p{Nd}/u;

/**
 * The words of a company name, romanised: numbers kept (romanisation drops digits, and FUND 3 is
 * not FUND 4), dotted initialisms written as one word, then the common words in their one form
 * (company-words.ts).
 */
function companyRomanWords(tokens: readonly string[]): RomanWord[] {
  const words: RomanWord[] = [];
  for (const token of tokens) {
    if (DIGIT.test(token)) {
      const text = token.normalize('NFKC').toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
      if (text !== '') words.push({ text, script: 'Zyyy', hyphenated: false, bound: false, native: '', variants: NO_VARIANTS, whole: NO_VARIANTS, wholeWords: 0 });
      continue;
    }
    words.push(...romaniseName(DOTTED_LETTERS.test(token) ? token.replaceAll('.', '') : token));
  }
  const texts = normaliseCompanyWords(words.map((w) => w.text));
  if (texts.length === words.length) return words.map((w, i) => (w.text === texts[i] ? w : { ...w, text: texts[i]! }));
  // Words were merged or dropped (FORTY FOUR → 44, AND): the normalised words stand alone.
  return texts.map((text) => {
    const same = words.find((w) => w.text === text);
    return { text, script: same?.script ?? (DIGIT.test(text) ? 'Zyyy' : 'Latn'), hyphenated: false, bound: false, native: same?.native ?? '', variants: same?.variants ?? NO_VARIANTS, whole: NO_VARIANTS, wholeWords: 0 };
  });
}

/** The words of a company name as a PreparedName: every word a name word, generic ones light. */
function companyWords(tokens: readonly string[]): PreparedName {
  const words = companyRomanWords(tokens);
  const parts: NamePart[] = [];
  for (const w of words) {
    if (parts.length >= MAX_NAME_PARTS) break;
    const vowelPoor = isVowelPoorScript(w.script);
    const particle = PARTICLES.get(w.text);
    let part: NamePart;
    if (particle !== undefined && words.length > 1) part = makePart(w.text, PART_PARTICLE, 'name', vowelPoor, undefined, '', particle);
    else if (w.script === 'Latn' && w.text.length === 1 && words.length > 1) part = makePart(w.text, PART_INITIAL, 'name', false);
    else part = makePart(w.text, PART_NAME, 'name', vowelPoor, isNumberWord(w.text) ? NUMBER_WEIGHT : GENERIC_WORDS.has(w.text) ? GENERIC_WEIGHT : undefined, w.native);
    if (w.bound && parts.length > 0) part.bound = true;
    parts.push(part);
  }
  const joins: JoinedPart[] = [];
  for (let length = 2; length <= 3; length++) {
    for (let start = 0; start + length <= parts.length; start++) {
      const run = parts.slice(start, start + length);
      if (run.some((p) => p.kind === PART_INITIAL) || run.every((p) => p.kind === PART_PARTICLE)) continue;
      const native = run.every((p) => p.native !== '') ? run.map((p) => p.native).join('') : '';
      const weight = run.reduce((w, p) => w + p.weight, 0);
      const bound = run.every((p, k) => k === 0 || p.bound);
      joins.push({ start, length, part: makePart(run.map((p) => p.text).join(''), PART_NAME, 'name', run.some((p) => p.vowelPoor), weight, native), bound });
    }
  }
  return { tokens: parts.map((p) => p.text), parts, joins, filiation: -1, script: mainScript(words) };
}

/** Gives an indexed company name's words their word ids (see internWords): screening compares them often. */
export function internCompanyName(name: PreparedCompanyName): void {
  internWords(name.name);
}

/** Blocking keys of an indexed company name (the person names' keys of its words). */
export function companyNameKeys(name: PreparedCompanyName): string[] {
  return nameKeys(name.name);
}

/** The keys a screened company name looks up. */
export function companyQueryKeys(name: PreparedCompanyName): string[] {
  return queryKeys(name.name);
}

/** A registration number as registers are compared: letters and digits only, upper case (HRB 12345 = HRB12345). */
export function registrationNumberKey(number: string): string {
  return number.normalize('NFKC').toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * A screened company against a company asset: the best pair of names (legal forms apart), then
 * the legal forms, the countries and the registration numbers. A score on the persons' scale
 * (a hit from DEFAULT_THRESHOLD), with the reasons in the query's word order. With `floor`, a pair
 * that cannot reach it is answered without reasons (as scorePerson does).
 */
export function scoreCompany(query: CompanyFacts, record: CompanyFacts, options: { floor?: number } = {}): CompanyComparison {
  const qNumber = query.registrationNumber ? registrationNumberKey(query.registrationNumber) : '';
  const rNumber = record.registrationNumber ? registrationNumberKey(record.registrationNumber) : '';
  let best = -1;
  let bestQ: PreparedCompanyName | undefined;
  let bestR: PreparedCompanyName | undefined;
  let bestPair: NamePair | undefined;
  for (const q of query.names) {
    for (const r of record.names) {
      if (q.name.parts.length === 0 || r.name.parts.length === 0) {
        if (best < 0) [best, bestQ, bestR, bestPair] = [0, q, r, undefined];
        continue;
      }
      const pair = bestNamePair(q, r);
      if (pair.score > best) [best, bestQ, bestR, bestPair] = [pair.score, q, r, pair];
    }
  }
  // Below the floor even with a matching legal form, and no shared number to lift it: the reasons
  // (a second alignment) are not worth writing. `score` is then an upper bound.
  if (options.floor !== undefined && (qNumber === '' || qNumber !== rNumber) && round(Math.max(0, best) + LEGAL_FORM_BONUS) < options.floor) return { score: round(Math.max(0, best)), reasons: [] };
  const reasons: MatchReason[] = [];
  let score = 0;
  if (bestQ && bestR && bestPair) {
    const names = compareNames(bestPair.query, bestPair.record);
    score = bestPair.initialism ? names.score * INITIALISM_FACTOR : names.score;
    const ini = bestPair.initialism;
    reasons.push(...(ini ? names.reasons.map((r) => (r.code === 'name.same' && r.query === ini.acronym ? initialismReason(ini) : r)) : names.reasons));
    if (score > WEAK_ONLY_CAP && (hasDistinctiveWord(bestQ) || hasDistinctiveWord(bestR)) && !sharesDistinctiveWord(names.reasons)) score = WEAK_ONLY_CAP;
    const forms = legalFormEvidence(bestQ, bestR);
    if (forms) {
      reasons.push(forms);
      if (forms.code === 'company.legal-form-same' && score > 0) score += LEGAL_FORM_BONUS;
      else if (forms.code === 'company.legal-form-different') score *= LEGAL_FORM_DIFFERENT_FACTOR;
    }
  }
  const qCountry = query.country ? (normaliseNationality(query.country) ?? query.country.toUpperCase()) : undefined;
  const rCountry = record.country ? (normaliseNationality(record.country) ?? record.country.toUpperCase()) : undefined;
  if (qCountry && rCountry) {
    if (qCountry === rCountry) reasons.push({ code: 'company.country-same', country: qCountry });
    else {
      reasons.push({ code: 'company.country-different', query: qCountry, record: rCountry });
      score *= OTHER_COUNTRY_FACTOR;
    }
  }
  if (qNumber !== '' && rNumber !== '') {
    const sameRegister = qCountry !== undefined && rCountry !== undefined && qCountry === rCountry;
    if (qNumber === rNumber) {
      if (sameRegister) {
        reasons.push({ code: 'company.registration-number', number: record.registrationNumber!, country: rCountry });
        score = Math.max(score, REGISTRATION_SAME);
      } else if (qCountry === undefined || rCountry === undefined) {
        reasons.push({ code: 'company.registration-number', number: record.registrationNumber! });
        score += REGISTRATION_NO_COUNTRY_BONUS;
      }
      // Equal numbers in two countries' registers say nothing: the countries' reason stands.
    } else if (sameRegister) {
      reasons.push({ code: 'company.registration-number-different', query: query.registrationNumber!, record: record.registrationNumber! });
      score *= REGISTRATION_DIFFERENT_FACTOR;
    }
  }
  return { score: round(score), reasons };
}

interface NamePair {
  score: number;
  query: PreparedName;
  record: PreparedName;
  initialism?: Initialism;
}

/**
 * The two names as written, or with an initialism of one spelled out in the other (PLA, PEOPLES
 * LIBERATION ARMY) read as the same word: whichever scores more.
 */
function bestNamePair(qName: PreparedCompanyName, rName: PreparedCompanyName): NamePair {
  const query = qName.name;
  const record = rName.name;
  const plain: NamePair = { score: nameScore(query, record), query, record };
  if (plain.score >= INITIALISM_FACTOR || !mayHoldInitialism(qName.initialisms, rName.initialisms)) return plain;
  const initialism = findInitialism(query.tokens, record.tokens);
  if (!initialism) return plain;
  const spelled = companyWords(initialism.words);
  const q = initialism.side === 'record' ? spelled : query;
  const r = initialism.side === 'record' ? record : spelled;
  const score = nameScore(q, r) * INITIALISM_FACTOR;
  return score > plain.score ? { score, query: q, record: r, initialism } : plain;
}

function initialismReason(i: Initialism): MatchReason {
  return i.side === 'query' ? { code: 'company.initialism', query: i.acronym, record: i.expansion } : { code: 'company.initialism', query: i.expansion, record: i.acronym };
}

const PAIR_CODES: ReadonlySet<string> = new Set(['company.initialism', 'name.same', 'name.written-together', 'name.spelling-variant', 'name.transliteration-variant', 'name.similar-spelling', 'name.typo', 'name.short-form']);

/** A word that names this organisation rather than any (not TRADING, GROUP, nor a serial number). */
function isDistinctive(word: string): boolean {
  return !GENERIC_WORDS.has(word) && !isNumberWord(word);
}

function hasDistinctiveWord(name: PreparedCompanyName): boolean {
  return name.name.parts.some((p) => p.kind === PART_NAME && isDistinctive(p.text));
}

function sharesDistinctiveWord(reasons: readonly MatchReason[]): boolean {
  return reasons.some((r) => PAIR_CODES.has(r.code) && 'query' in r && typeof r.query === 'string' && r.query.split(' ').some(isDistinctive));
}

function legalFormEvidence(q: PreparedCompanyName, r: PreparedCompanyName): MatchReason | null {
  let different: MatchReason | null = null;
  for (const a of q.legalForms) {
    for (const b of r.legalForms) {
      const c = compareLegalForms(a.form, b.form);
      if (c === 'same') return { code: 'company.legal-form-same', query: a.written, record: b.written };
      if (c === 'different') different ??= { code: 'company.legal-form-different', query: a.written, record: b.written };
    }
  }
  return different;
}
