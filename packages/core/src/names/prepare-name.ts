import { ABD_FORMS, ASSIMILATED_ARTICLES, fullFormsOf, isPatronymic, NAME_GROUPS, PARTICLES, SUFFIXES, TITLES, VOWELLESS_NAMES } from './name-words.js';
import { isVowelPoorScript, romaniseName, type RomanWord } from './romanise.js';
import { consonantCount, consonantsAndGaps, soundSkeleton, spellingSkeleton } from './skeleton.js';
import { systemNumber, systemOf } from './systems/romanisation-systems.js';
import type { RomanVariant } from './systems/word-variants.js';
import { bindKoreanGivenName, isKoreanName } from './systems/korean-syllables.js';

/** A person's name, either as written or split into family and given names. */
export interface NameInput {
  family?: string;
  given?: string;
  full?: string;
}

export const PART_NAME = 0;
export const PART_INITIAL = 1;
export const PART_PARTICLE = 2;
export const PART_PATRONYMIC = 3;
export type PartKind = typeof PART_NAME | typeof PART_INITIAL | typeof PART_PARTICLE | typeof PART_PATRONYMIC;
export type PartRole = 'given name' | 'surname' | 'name';

/** One word of a prepared name with every form the comparison needs, computed once. */
export interface NamePart {
  /** Romanised, upper-case A–Z. */
  text: string;
  kind: PartKind;
  role: PartRole;
  /** How much the word counts when matched or missing: initials and particles count little. */
  weight: number;
  /** Canonical-name group (name-words.ts), or -1. */
  group: number;
  spelling: string;
  sound: string;
  consonants: string;
  /** Consonants in `sound`: skeletons of one or two consonants are weak evidence. */
  soundConsonants: number;
  /** Read from a script that writes no short vowels: compared with others by consonants only. */
  vowelPoor: boolean;
  /** Chinese, Japanese or Korean characters the part was read from; '' otherwise (romanise.ts). */
  native: string;
  /** For a short form (BILL, TED, BIBI), the full names it stands for. */
  fullForms: readonly string[];
  /** For a word read from Hebrew or Arabic with W (ו, و): its consonants with the W read as V (DWD is DAVID). */
  consonantsWithW: string;
  /** The letters between the consonants of `consonants` (skeleton.ts consonantGaps). */
  gaps: readonly string[];
  /** The same for `consonantsWithW`. */
  gapsWithW: readonly string[];
  /** Bit i set when letter A+i occurs: a cheap lower bound on the edit distance between two parts. */
  letters: number;
  /** Written as one word with the previous part (hyphenated, or another syllable of one written word). */
  bound: boolean;
  /**
   * The word as other romanisation systems read it (systems/word-variants.ts): each a part of its
   * own, with `system` set. Compared like the word itself; the best reading counts.
   */
  variants: readonly NamePart[];
  /**
   * Readings of this word and the next `wholeWords - 1` written together, by other systems, when
   * one written piece was read as several words (romanise.ts `whole`): given to the join of them.
   */
  whole: readonly RomanVariant[];
  wholeWords: number;
  /** For a variant, the number of its system (romanisation-systems.ts systemNumber); 0 for the primary reading. */
  system: number;
  /** A variant of a `loan` system: a foreign name written by sound, compared with Latin words by sound (loan-similarity.ts). */
  loan: boolean;
  /** A word of a name read as Korean (systems/korean-syllables.ts isKoreanName): compared by its syllables. */
  korean: boolean;
  /** Creation number of this object, unique in the process: how the similarity cache knows a query word. */
  serial: number;
  /**
   * Shared by every word that compares the same as this one with any other word (same text, kind,
   * group, script class); −1 until `internWords` gives one. Lets screening reuse a query word's
   * similarity to MUHAMMAD across the hundreds of records that spell it so.
   */
  id: number;
  /** What the word says about who someone is, in bits (word-information.ts); −1 until first read. */
  bits: number;
}

/** Two or three adjacent parts written as one word (ABDUL RAHMAN → ABDULRAHMAN). */
export interface JoinedPart {
  start: number;
  length: number;
  part: NamePart;
  /** The words were written as one (hyphenated, or syllables of one written word): a join is expected. */
  bound: boolean;
}

export interface PreparedName {
  /** The normalised words, in order (given names first when the family name was marked). */
  tokens: string[];
  parts: NamePart[];
  joins: JoinedPart[];
  /**
   * Index of the BIN / BINT that separates a person's own name from the father's (MUHAMMAD BIN
   * SALMAN), or -1: the same words on the other sides of it are another person.
   */
  filiation: number;
  /** ISO 15924 code of the script most of the input was written in. */
  script: string;
}

/** Words compared per name: enough for any real name, and it bounds the comparison's time. */
export const MAX_NAME_PARTS = 12;

export const INITIAL_WEIGHT = 0.35;
const WEIGHT: Readonly<Record<PartKind, number>> = { [PART_NAME]: 1, [PART_INITIAL]: INITIAL_WEIGHT, [PART_PARTICLE]: 0.1, [PART_PATRONYMIC]: 0.6 };
/** ABDUL is half of a name (ABDUL AZIZ): it says little on its own. */
const HALF_NAMES: ReadonlySet<string> = new Set(['ABDUL']);

interface Word extends RomanWord {
  role: PartRole;
}

/** Romanised words that start with a sun letter (ت ث د ذ ر ز س ش ص ض ط ظ ل ن), before which the article is assimilated. */
const SUN_LETTER_START = /^(?:TH|DH|SH|[TDRZSLN])/;

/** Normalises and romanises a name once, so that records can be prepared when the index is built. */
export function prepareName(name: string | NameInput): PreparedName {
  const words = wordsOf(name);
  const parts = classify(words).slice(0, MAX_NAME_PARTS);
  const joins: JoinedPart[] = [];
  for (let length = 2; length <= 3; length++) {
    for (let start = 0; start + length <= parts.length; start++) {
      const run = parts.slice(start, start + length);
      if (run.some((p) => p.kind === PART_INITIAL) || run.every((p) => p.kind === PART_PARTICLE)) continue;
      const vowelPoor = run.some((p) => p.vowelPoor);
      // ABDUL is spelled out by classify; read from Arabic script its vowel was not written (عبد العزيز is ABDELAZIZ too).
      const text = run.map((p) => (vowelPoor && p.text === 'ABDUL' ? 'ABDAL' : p.text)).join('');
      const native = run.every((p) => p.native !== '') ? run.map((p) => p.native).join('') : '';
      const weight = run.reduce((w, p) => w + p.weight, 0);
      const bound = run.every((p, k) => k === 0 || p.bound);
      // The words of one written piece together get the piece's own readings (山田 SHAN TIAN: YAMADA).
      const whole = bound && run[0]!.wholeWords === length ? run[0]!.whole : NO_READINGS;
      const joined = withVariants(makePart(text, PART_NAME, run[0]!.role, vowelPoor, weight, native), whole);
      joined.korean = run.every((p) => p.korean);
      joins.push({ start, length, part: joined, bound });
      // SAIF AL-DIN is also written SAIFUDDIN, SAIFEDDINE: the run without its article, too.
      if (length === 3 && run[1]!.kind === PART_PARTICLE && run[0]!.kind !== PART_PARTICLE && run[2]!.kind !== PART_PARTICLE) {
        joins.push({ start, length, part: makePart(run[0]!.text + run[2]!.text, PART_NAME, run[0]!.role, vowelPoor, weight), bound });
      }
      // ABDUL RAHMAN is also written ABDURRAHMAN, ABDERRAHMANE: the article spoken as the sun letter
      // after it. Read from Arabic script, the vowel of ABD is not written (ABDARRHMN, ABDALLH).
      if (length === 2 && run[0]!.text === 'ABDUL' && SUN_LETTER_START.test(run[1]!.text)) {
        const assimilated = `${vowelPoor ? 'ABDA' : 'ABDU'}${run[1]!.text[0]}${run[1]!.text}`;
        joins.push({ start, length, part: makePart(assimilated, PART_NAME, run[0]!.role, vowelPoor, weight), bound });
      }
    }
  }
  return { tokens: parts.map((p) => p.text), parts, joins, filiation: filiationOf(parts), script: mainScript(words) };
}

function wordsOf(name: string | NameInput): Word[] {
  if (typeof name === 'string') return wordsOfFull(name);
  if (name === null || typeof name !== 'object') return [];
  const given = typeof name.given === 'string' ? name.given : '';
  const family = typeof name.family === 'string' ? name.family : '';
  if (given.trim() === '' && family.trim() === '') return typeof name.full === 'string' ? wordsOfFull(name.full) : [];
  return [...withRole(romaniseName(given), 'given name'), ...withRole(romaniseName(family), 'surname')];
}

/** "FAMILY, Given" is the list convention for marking the family name: read it as Given FAMILY. */
function wordsOfFull(full: string): Word[] {
  if (typeof full !== 'string') return [];
  const comma = full.indexOf(',');
  if (comma > 0) {
    const family = romaniseName(full.slice(0, comma));
    const given = romaniseName(full.slice(comma + 1));
    if (family.length > 0 && given.length > 0) return [...withRole(given, 'given name'), ...withRole(family, 'surname')];
  }
  return withRole(romaniseName(full), 'name');
}

function withRole(words: RomanWord[], role: PartRole): Word[] {
  return words.map((w) => ({ ...w, role }));
}

function classify(input: Word[]): NamePart[] {
  // MC is how MAC is abbreviated (MCDONALD, MC DONALD → MACDONALD, MAC DONALD).
  let words = input.map((w) => (w.text.startsWith('MC') && w.text !== 'MCC' ? { ...w, text: `MAC${w.text.slice(2)}` } : w));
  // Titles only from the front and suffixes only from the end, so JOHN MAJOR keeps his surname.
  let first = 0;
  while (first < words.length - 1 && TITLES.has(words[first]!.text)) first++;
  let last = words.length;
  while (last > first + 1 && SUFFIXES.has(words[last - 1]!.text)) last--;
  words = words.slice(first, last);

  // A Korean name's words are syllables (the IL of KIM JONG IL, the BIN of KO TAE BIN), never particles.
  const korean = isKoreanName(words);
  const parts: NamePart[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    const vowelPoor = isVowelPoorScript(w.script);
    const latin = w.script === 'Latn';
    const from = parts.length;
    if (ABD_FORMS.has(w.text)) {
      // ABD AL-AZIZ, ABDEL AZIZ, ABD-EL-AZIZ: one spelling, and the article it swallowed goes.
      // Spelled out in full, so compared as a Latin word even when read from Arabic script.
      parts.push(makePart('ABDUL', PART_NAME, w.role, false));
      if (next && PARTICLES.get(next.text) === 'AL') i++;
      continue;
    }
    const particle = PARTICLES.get(w.text);
    // ud-Din, Zia ur Rahman: an assimilated article is bound by a hyphen to the word it precedes, or
    // stands between two words (the UN of Jong-un and of Kim Jong Un is a syllable).
    // A syllable read from Chinese, Japanese or Korean characters (拉 LA, 达 DA) is no European or Arabic article.
    if (!korean && w.native === '' && (particle !== undefined || (ASSIMILATED_ARTICLES.has(w.text) && (next?.hyphenated === true || (i > 0 && next !== undefined))))) {
      parts.push(makePart(w.text, PART_PARTICLE, w.role, vowelPoor, undefined, '', particle ?? 'AL'));
      if (w.bound) parts[from]!.bound = true;
      continue;
    }
    if (latin && w.text.length === 1) {
      parts.push(makePart(w.text, PART_INITIAL, w.role, false));
      continue;
    }
    if (latin && w.text.length <= 3 && !/[AEIOUY]/.test(w.text) && !VOWELLESS_NAMES.has(w.text) && !NAME_GROUPS.has(w.text)) {
      // JC, J.-C. → J C: a short word without vowels is a run of initials.
      for (const letter of w.text) parts.push(makePart(letter, PART_INITIAL, w.role, false));
      continue;
    }
    const part = withVariants(makePart(w.text, isPatronymic(w.text) ? PART_PATRONYMIC : PART_NAME, w.role, vowelPoor, undefined, w.native), w.variants);
    if (w.wholeWords > 1) {
      part.whole = w.whole;
      part.wholeWords = w.wholeWords;
    }
    parts.push(part);
    if (w.bound) parts[from]!.bound = true;
  }
  if (korean) {
    for (const p of parts) p.korean = true;
    bindKoreanGivenName(parts);
  }
  // A name made only of particles ("LA", "DE") is still a name.
  if (parts.length > 0 && parts.every((p) => p.kind === PART_PARTICLE)) {
    return words.map((w) => makePart(w.text, PART_NAME, w.role, isVowelPoorScript(w.script), undefined, w.native));
  }
  return parts;
}

/** Canonical particle (BIN for BEN, IBN) → a group number of its own, so particles compare by meaning. */
const PARTICLE_GROUPS = new Map<string, number>();

function particleGroup(canonical: string): number {
  let g = PARTICLE_GROUPS.get(canonical);
  if (g === undefined) PARTICLE_GROUPS.set(canonical, (g = 1000 + PARTICLE_GROUPS.size));
  return g;
}

export function makePart(text: string, kind: PartKind, role: PartRole, vowelPoor: boolean, weight?: number, native = '', canonicalParticle = text): NamePart {
  const sound = soundSkeleton(text);
  // Each consonant walk gives the skeleton and the gaps together (one pass per spelling).
  const plain = consonantsAndGaps(text);
  const withW = vowelPoor && text.includes('W') ? consonantsAndGaps(text.replaceAll('W', 'V')) : null;
  return {
    text,
    kind,
    role,
    weight: weight ?? (HALF_NAMES.has(text) ? 0.5 : WEIGHT[kind]),
    group: kind === PART_PARTICLE ? particleGroup(canonicalParticle) : (NAME_GROUPS.get(text) ?? -1),
    spelling: spellingSkeleton(text),
    sound,
    consonants: plain.skeleton,
    soundConsonants: consonantCount(sound),
    vowelPoor,
    native,
    fullForms: kind === PART_NAME ? fullFormsOf(text) : [],
    consonantsWithW: withW?.skeleton ?? '',
    gaps: plain.gaps,
    gapsWithW: withW?.gaps ?? NO_GAPS,
    letters: letterMask(text),
    bound: false,
    variants: NO_PARTS,
    whole: NO_READINGS,
    wholeWords: 0,
    system: 0,
    loan: false,
    korean: false,
    serial: nextSerial++,
    id: -1,
    bits: -1,
  };
}

let nextSerial = 0;
const NO_PARTS: readonly NamePart[] = Object.freeze([]);
const NO_READINGS: readonly RomanVariant[] = Object.freeze([]);

/** The part with its readings by other systems, each a part of the same kind and role (native characters stay with the part itself). */
function withVariants(part: NamePart, variants: readonly RomanVariant[]): NamePart {
  if (variants.length === 0) return part;
  part.variants = variants.map((v) => {
    const p = makePart(v.text, part.kind, part.role, v.vowelPoor ?? false, part.weight);
    p.system = systemNumber(v.system);
    p.loan = systemOf(p.system)?.loan === true;
    return p;
  });
  return part;
}

// Word ids are given to indexed names only, so the table grows with the vocabulary of the lists,
// not with every query. Past this many words, new ones go without (and without the cache).
const MAX_WORD_IDS = 4_000_000;
const wordIds = new Map<string, number>();

/** Gives the words of a name that will be compared many times (an indexed record's) their word ids. */
export function internWords(name: PreparedName): void {
  for (const part of name.parts) part.id = wordId(part);
  for (const join of name.joins) join.part.id = wordId(join.part);
}

function wordId(p: NamePart): number {
  // Everything partSimilarity reads follows from these (see makePart).
  let key = `${p.kind}${p.vowelPoor ? 1 : 0}${p.korean ? 'K' : ''}${p.group}|${p.native}|${p.text}`;
  for (const v of p.variants) key += `|${v.system}:${v.vowelPoor ? 1 : 0}${v.text}`;
  let id = wordIds.get(key);
  if (id === undefined) {
    if (wordIds.size >= MAX_WORD_IDS) return -1;
    id = wordIds.size;
    wordIds.set(key, id);
  }
  return id;
}

const NO_GAPS: readonly string[] = [];

function letterMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= 1 << (text.charCodeAt(i) - 65);
  return mask;
}

function filiationOf(parts: NamePart[]): number {
  for (let i = 1; i < parts.length - 1; i++) {
    const p = parts[i]!;
    const meaning = PARTICLES.get(p.text);
    if (p.kind === PART_PARTICLE && (meaning === 'BIN' || meaning === 'BINT') && parts.slice(0, i).some((x) => x.kind !== PART_PARTICLE)) return i;
  }
  return -1;
}

/** The script most of a name's letters are written in (also a company name's, company-names.ts). */
export function mainScript(words: RomanWord[]): string {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w.script, (counts.get(w.script) ?? 0) + w.text.length);
  let best = 'Zyyy';
  let most = 0;
  for (const [script, n] of counts) if (n > most) [best, most] = [script, n];
  return best;
}
