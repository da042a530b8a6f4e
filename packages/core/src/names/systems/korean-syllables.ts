/**
 * Korean names compared as syllables. A Korean given name is one or two syllables, each its own
 * character: JONG UN and JONG IL, MYONG SIK and MYONG SUK are other people, however few letters
 * apart. So in a name recognised as Korean, two romanised words are the same word when they can
 * be cut into syllables that read, pairwise, as the same Hangul syllable in some romanisation
 * (JONG / JEONG / CHUNG: 정), and different words when they cut into as many syllables that never
 * do — not letters with a typo budget. A word written in Hangul or in Korean name characters is
 * compared with a Latin word by its syllables' spellings in every system, which also names the
 * system that matched (reason `name.transliteration-variant`).
 */
import { PART_INITIAL, PART_NAME, type NamePart } from '../prepare-name.js';
import { SPELLING, TRANSLITERATION, type PartMatch } from '../part-similarity.js';
import { hanjaReadings, hanjaReadingSyllables, readsAsKoreanName } from './korean-hanja.js';
import { CUSTOM, DPRK, hangulSyllables, isHangulSyllable, MR, RR, syllableSpellings } from './korean-romanisation.js';
import { SURNAME_SPELLINGS, SURNAME_SYLLABLES, surnameSpellings } from './korean-surnames.js';
import { systemNumber } from './romanisation-systems.js';

/** A word matched through its syllables counts as a variant spelling: like a system's reading (part-similarity's VARIANT_MAX_SIM). */
const SYLLABLE_SIM = 0.95;
const SURNAME = 16;

/**
 * The syllables of Korean names: the readings of the name characters (korean-hanja.ts) and the
 * surnames. A Latin word is read as Korean only if it cuts into these: Western words rarely do.
 */
const NAME_SYLLABLES: readonly number[] = [...new Set([...hanjaReadingSyllables(), ...SURNAME_SYLLABLES.map((s) => s.charCodeAt(0))])];

/** Spelling → the name syllables it may stand for (sorted codes). */
const BY_SPELLING = new Map<string, number[]>();
let longestSpelling = 0;
function addSpelling(text: string, code: number): void {
  const list = BY_SPELLING.get(text);
  if (list === undefined) BY_SPELLING.set(text, [code]);
  else if (!list.includes(code)) list.push(code);
  if (text.length > longestSpelling) longestSpelling = text.length;
}
for (const code of NAME_SYLLABLES) {
  for (const s of syllableSpellings(code)) addSpelling(s.text, code);
  for (const s of surnameSpellings(String.fromCharCode(code))) addSpelling(s, code);
}
for (const list of BY_SPELLING.values()) list.sort((a, b) => a - b);

/** The Latin spellings of surnames, by the systems too (GIM, BAK beside KIM, PARK): a name with one may be Korean. */
const SURNAME_WORDS: ReadonlySet<string> = new Set([
  ...SURNAME_SPELLINGS,
  ...SURNAME_SYLLABLES.flatMap((s) => syllableSpellings(s.charCodeAt(0)).filter((x) => (x.mask & (RR | MR | DPRK)) !== 0).map((x) => x.text)),
]);

/** The ways a word cuts into name syllables: from each position, the syllables that may start there. */
interface Cuts {
  /** edges[i]: [end, codes] of each name syllable spelled from i. */
  edges: (readonly [number, readonly number[]])[][];
  /** counts[i]: bit k set when the rest of the word from i cuts into exactly k syllables. */
  counts: Int32Array;
}

const cutsCache = new Map<string, Cuts | null>();
const MAX_CACHED = 50_000;

/** How a romanised word cuts into Korean name syllables; null when it does not. */
export function cutsOf(word: string): Cuts | null {
  let cuts = cutsCache.get(word);
  if (cuts !== undefined) return cuts;
  const n = word.length;
  const edges: (readonly [number, readonly number[]])[][] = [];
  const counts = new Int32Array(n + 1);
  counts[n] = 1;
  for (let i = n - 1; i >= 0; i--) {
    const here: (readonly [number, readonly number[]])[] = [];
    for (let len = 1; len <= longestSpelling && i + len <= n; len++) {
      const codes = BY_SPELLING.get(word.slice(i, i + len));
      if (codes === undefined || counts[i + len] === 0) continue;
      here.push([i + len, codes]);
      counts[i] = counts[i]! | (counts[i + len]! << 1);
    }
    edges[i] = here;
  }
  cuts = counts[0] === 0 ? null : { edges, counts };
  if (cutsCache.size >= MAX_CACHED) cutsCache.clear();
  cutsCache.set(word, cuts);
  return cuts;
}

function shareOne(a: readonly number[], b: readonly number[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) return true;
    if (a[i]! < b[j]!) i++;
    else j++;
  }
  return false;
}

// Scratch for sameSyllables (words are at most MAX_NAME_INPUT letters, but Korean words that cut are short).
const MEMO_SIDE = 40;
const memo = new Int8Array(MEMO_SIDE * MEMO_SIDE);
let memoA: Cuts;
let memoB: Cuts;
let memoLa = 0;
let memoLb = 0;

/** Whether two words cut into the same number of syllables that read, pairwise, as one Hangul syllable. */
function sameSyllables(a: Cuts, la: number, b: Cuts, lb: number): boolean {
  if (la >= MEMO_SIDE || lb >= MEMO_SIDE) return false;
  memo.fill(0, 0, (la + 1) * MEMO_SIDE);
  memoA = a;
  memoB = b;
  memoLa = la;
  memoLb = lb;
  return aligned(0, 0);
}

function aligned(i: number, j: number): boolean {
  if (i === memoLa || j === memoLb) return i === memoLa && j === memoLb;
  const slot = i * MEMO_SIDE + j;
  if (memo[slot] !== 0) return memo[slot] === 1;
  let ok = false;
  outer: for (const [ea, ca] of memoA.edges[i]!) {
    for (const [eb, cb] of memoB.edges[j]!) {
      if (shareOne(ca, cb) && aligned(ea, eb)) {
        ok = true;
        break outer;
      }
    }
  }
  memo[slot] = ok ? 1 : 2;
  return ok;
}

// The system reported for a word matched through its syllables, by the mask of systems every syllable's spelling shares.
const KO_RR = systemNumber('ko-rr');
const KO_MR = systemNumber('ko-mr');
const KO_SURNAME = systemNumber('ko-surname');
const KO_CUSTOMARY = systemNumber('ko-customary');
const KO_HANJA = systemNumber('ko-hanja');

function systemOfMask(mask: number): number {
  if ((mask & SURNAME) !== 0) return KO_SURNAME;
  if ((mask & RR) !== 0) return KO_RR;
  if ((mask & (MR | DPRK)) !== 0) return KO_MR;
  return KO_CUSTOMARY;
}

/**
 * The best mask over the ways `latin` spells the syllables (0 when it does not); SURNAME for a
 * surname's customary spelling when the word may be a surname (it starts a written word: not the
 * given name's second syllable).
 */
function spelledBy(syllables: readonly number[], latin: string, surname: boolean): number {
  if (surname && syllables.length <= 2) {
    const surname = surnameSpellings(String.fromCharCode(...syllables));
    if (surname.includes(latin)) return SURNAME;
  }
  let best = 0;
  const go = (k: number, i: number, mask: number): void => {
    if (k === syllables.length) {
      // Syllables spelled by different systems (JI-SUNG: RR's JI, the customary SUNG) are customary.
      const m = mask === 0 ? CUSTOM : mask;
      if (i === latin.length && rank(m) > rank(best)) best = m;
      return;
    }
    for (const s of syllableSpellings(syllables[k]!)) {
      if (latin.startsWith(s.text, i)) go(k + 1, i + s.text.length, k === 0 ? s.mask : mask & s.mask);
    }
  };
  go(0, 0, RR | MR | DPRK | CUSTOM);
  return best;
}

function rank(mask: number): number {
  if (mask === 0) return 0;
  return (mask & RR) !== 0 ? 4 : (mask & (MR | DPRK)) !== 0 ? 3 : 2;
}

/**
 * Similarity of two words of Korean names by their syllables, or −1 when the rule has nothing to
 * say (the words are not both read as syllables, or one is an initial): then the usual comparison
 * decides. Fills in `match` when it answers.
 */
export function koreanSimilarity(q: NamePart, r: NamePart, match: PartMatch): number {
  if (q.kind !== PART_NAME || r.kind !== PART_NAME || q.text === r.text) return -1;
  const qn = q.native !== '';
  const rn = r.native !== '';
  match.edits = 0;
  match.system = 0;
  if (qn && rn) return hangulAndHanja(q.native, r.native, match);
  if (qn || rn) {
    const written = qn ? q : r;
    const latin = qn ? r : q;
    const hangul = isHangulSyllable(written.native.charCodeAt(0));
    const readings = hangul ? [hangulSyllables(written.native)] : hanjaReadings(written.native);
    if (readings === undefined) return -1;
    for (const syllables of readings) {
      const mask = spelledBy(syllables, latin.text, !written.bound);
      if (mask !== 0) {
        match.kind = TRANSLITERATION;
        match.system = hangul ? systemOfMask(mask) : KO_HANJA;
        return SYLLABLE_SIM;
      }
    }
    // Spelled as other syllables, or as a part of the name's syllables (JONG of 정은, which the
    // word written apart with it completes): not this word. Unless a reading of the word is that
    // spelling (MIN for 궁민 when 남궁 is the surname).
    if (cutsOf(latin.text) !== null && !written.variants.some((v) => v.text === latin.text)) {
      match.kind = 0;
      return 0;
    }
    return -1;
  }
  // A doubled letter (MINNA / MINA, JONG-UUN) is a slip of the keyboard as often as another
  // syllable: left to the usual comparison.
  if (sameUndoubled(q.text, r.text)) return -1;
  const a = cutsOf(q.text);
  const b = a === null ? null : cutsOf(r.text);
  if (a === null || b === null) return -1;
  if (sameSyllables(a, q.text.length, b, r.text.length)) {
    match.kind = SPELLING;
    return SYLLABLE_SIM;
  }
  // As many syllables, none of the ways pairing them: other syllables, another name. Else (a
  // doubled letter, JONG-UUN) no verdict.
  if ((a.counts[0]! & b.counts[0]!) !== 0) {
    match.kind = 0;
    return 0;
  }
  return -1;
}

/** Whether two words are the same once doubled letters are read once (MINNA / MINA). */
function sameUndoubled(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    const c = a.charCodeAt(i);
    while (i < a.length && a.charCodeAt(i) === c) i++;
    while (j < b.length && b.charCodeAt(j) === c) j++;
  }
  return i === a.length && j === b.length;
}

/** A word in Hangul and the same word in name characters (김정은 / 金正恩): the same when the characters read so. */
function hangulAndHanja(a: string, b: string, match: PartMatch): number {
  const ah = isHangulSyllable(a.charCodeAt(0));
  if (ah === isHangulSyllable(b.charCodeAt(0))) return -1;
  const readings = hanjaReadings(ah ? b : a);
  if (readings === undefined) return -1;
  const hangul = ah ? a : b;
  match.kind = 0;
  if (!readings.some((r) => String.fromCharCode(...r) === hangul)) return 0;
  match.kind = TRANSLITERATION;
  match.system = KO_HANJA;
  return SYLLABLE_SIM;
}

/**
 * Whether a name reads as Korean: written in Hangul, or in name characters of the table, or in
 * Latin letters that all cut into name syllables with a Korean surname first or last (KIM JONG UN,
 * Ji-sung PARK). Its words are then syllables, never particles (the IL of KIM JONG IL, the BIN of
 * KO TAE BIN), and compared by `koreanSimilarity`.
 */
export function isKoreanName(words: readonly { text: string; script: string; native: string; bound: boolean }[]): boolean {
  if (words.length === 0 || words.length > 6) return false;
  const first = words[0]!;
  const last = words[words.length - 1]!;
  if (first.script === 'Latn' && !SURNAME_WORDS.has(first.text) && !SURNAME_WORDS.has(last.text)) return false;
  for (const w of words) {
    if (w.script === 'Hang') continue;
    if (w.script === 'Hani') {
      // One run of characters written as a Korean name (金正恩), read as surname and given name.
      if (words.length !== 2 || !words[1]!.bound || !readsAsKoreanName(words[0]!.native + words[1]!.native)) return false;
      continue;
    }
    if (w.script !== 'Latn' || cutsOf(w.text) === null) return false;
  }
  if (first.script === 'Latn') return true;
  // Written in characters: all of one kind (a Hangul or a Han name), not mixed with Latin words.
  return words.every((w) => w.script === first.script);
}

/**
 * A Korean given name written apart (Kim Yo Jong, Jong Un Kim) is still one word of two
 * syllables: its syllables are bound, like the hyphenated Yo-jong, so that they are read together
 * as readily as the written-together YOJONG. The surname is the first word when it is a surname's
 * spelling, else the last.
 */
export function bindKoreanGivenName(parts: NamePart[]): void {
  if (parts.length < 3 || parts.some((p) => p.native !== '')) return;
  const surname = SURNAME_WORDS.has(parts[0]!.text) ? 0 : parts.length - 1;
  let previousGiven = false;
  for (let i = 0; i < parts.length; i++) {
    if (i === surname || parts[i]!.kind === PART_INITIAL) {
      previousGiven = false;
      continue;
    }
    if (previousGiven) parts[i]!.bound = true;
    previousGiven = true;
  }
}
