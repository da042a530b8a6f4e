import { distance } from 'fastest-levenshtein';
import { PART_INITIAL, PART_PARTICLE, type NamePart } from './prepare-name.js';
import { oneConsonantApart, vowelsFit } from './skeleton.js';
import { loanSimilarity } from './loan-similarity.js';
import { systemOf } from './systems/romanisation-systems.js';
import { SHORT_READING } from './systems/word-variants.js';
import { koreanSimilarity } from './systems/korean-syllables.js';

/** Why two name parts were taken for the same word, best first. */
export const SAME = 1;
export const SPELLING = 2;
export const TRANSLITERATION = 3;
export const TYPO = 4;
export const NEAR = 5;
export const INITIAL = 6;
export const SHORT_FORM = 7;
export type MatchKind = 0 | typeof SAME | typeof SPELLING | typeof TRANSLITERATION | typeof TYPO | typeof NEAR | typeof INITIAL | typeof SHORT_FORM;

/**
 * The similarity levels. A variant that only vowels, doubling or a final H tell apart is nearly
 * as good as the same spelling; merged consonant classes a little less; a typo less the more of the
 * word it changes; one consonant off after the merges (KAZZAFI / GADDAFI) less again.
 */
const SPELLING_SIM = 0.95;
const TRANSLITERATION_SIM = 0.92;
const CROSS_SCRIPT_SIM = 0.9;
/** Two consonants in common (ALI / LH is one): many words share them. */
const CROSS_SCRIPT_SHORT_SIM = 0.82;
const CROSS_SCRIPT_ONE_SIM = 0.8;
const NEAR_SIM = 0.8;
const CROSS_SCRIPT_NEAR_SIM = 0.75;
const INITIAL_SIM = 0.8;
const SHORT_FORM_SIM = 0.85;
const TYPO_MAX_SIM = 0.9;

/** Edits a typo may have, by the longer word's length: none for two letters, three from twelve. */
export function typoBudget(length: number): number {
  return length <= 2 ? 0 : length <= 5 ? 1 : length <= 11 ? 2 : 3;
}

/**
 * What `partSimilarity` found besides the number: why the words were taken for the same word, and
 * the edits of a TYPO. The caller owns it and hands it in, so the hot path allocates nothing.
 */
export interface PartMatch {
  kind: MatchKind;
  edits: number;
  /** The romanisation system of the variant reading that matched (romanisation-systems.ts systemNumber); 0 for the primary readings. */
  system: number;
}

// A direct-mapped cache of partSimilarity for (query word object, record word id): screening a
// common name compares the same few query words with the same record words thousands of times.
// A slot holds the last pair that hashed to it; a collision only costs a recomputation.
const CACHE_BITS = 16;
const cacheQuery = new Float64Array(1 << CACHE_BITS).fill(-1);
const cacheRecord = new Int32Array(1 << CACHE_BITS);
const cacheSim = new Float64Array(1 << CACHE_BITS);
const cacheKind = new Uint8Array(1 << CACHE_BITS);
const cacheEdits = new Uint8Array(1 << CACHE_BITS);
const cacheSystem = new Uint8Array(1 << CACHE_BITS);

/**
 * partSimilarity of a query word and a record word, remembered when the record word has a word id
 * (`internWords`). The arguments keep that order: the similarity is not quite symmetric.
 */
export function cachedSimilarity(q: NamePart, r: NamePart, match: PartMatch): number {
  if (r.id < 0) return partSimilarity(q, r, match);
  const slot = (Math.imul(q.serial | 0, 0x9e3779b1) ^ Math.imul(r.id, 0x85ebca6b)) >>> (32 - CACHE_BITS);
  if (cacheQuery[slot] === q.serial && cacheRecord[slot] === r.id) {
    match.kind = cacheKind[slot] as MatchKind;
    match.edits = cacheEdits[slot]!;
    match.system = cacheSystem[slot]!;
    return cacheSim[slot]!;
  }
  const s = partSimilarity(q, r, match);
  cacheQuery[slot] = q.serial;
  cacheRecord[slot] = r.id;
  cacheSim[slot] = s;
  cacheKind[slot] = match.kind;
  cacheEdits[slot] = match.edits;
  cacheSystem[slot] = match.system;
  return s;
}

/**
 * A word matched only through another system's reading counts at most this much: a variant
 * reading is evidence that the words are the same name, not that they were written the same.
 */
const VARIANT_MAX_SIM = 0.95;
const variantMatch: PartMatch = { kind: 0, edits: 0, system: 0 };

/**
 * Similarity of two name parts in [0, 1]; 0 means "not the same word". Fills in `match`. The
 * primary readings first; then, when either word has readings by other systems (a Korean name in
 * McCune–Reischauer, a katakana name read by sound), the best of every reading of one against every
 * reading of the other, and `match.system` names the system that gave it.
 */
export function partSimilarity(q: NamePart, r: NamePart, match: PartMatch): number {
  if (q.korean && r.korean) {
    // Words of Korean names are syllables: compared as syllables when read as such (systems/korean-syllables.ts).
    const k = koreanSimilarity(q, r, match);
    if (k >= 0) return k;
  }
  let best = baseSimilarity(q, r, match);
  match.system = 0;
  // Both in characters, or both in a script without short vowels: the written forms compare as they are.
  if ((q.variants.length === 0 && r.variants.length === 0) || best >= VARIANT_MAX_SIM || (q.native !== '' && r.native !== '') || (q.vowelPoor && r.vowelPoor)) return best;
  for (let i = -1; i < q.variants.length; i++) {
    const qv = i < 0 ? q : q.variants[i]!;
    for (let j = -1; j < r.variants.length; j++) {
      if (i < 0 && j < 0) continue;
      const rv = j < 0 ? r : r.variants[j]!;
      let s: number;
      if (qv.loan || rv.loan) {
        // A reading by sound meets a written word only: two readings by sound say nothing of each other.
        if (qv.loan && rv.loan) continue;
        const written = qv.loan ? rv : qv;
        // A reading by sound is of a Latin original: a word of characters or consonants is no such original.
        if (written.vowelPoor || written.native !== '') continue;
        s = loanSimilarity(written, qv.loan ? qv : rv, variantMatch);
      } else {
        s = baseSimilarity(qv, rv, variantMatch);
        // A short reading (a Chinese or Korean syllable: WONG, KIM) counts only as written, give or
        // take a doubled letter or a final H (SATO, SATOH): one vowel off is another name (WONG is
        // not WANG), which the primary readings' own rules would not know.
        if (variantMatch.kind !== SAME && (shortSyllabic(qv) || shortSyllabic(rv)) && !sameSqueezed(qv.text, rv.text)) continue;
      }
      if (s > VARIANT_MAX_SIM) s = VARIANT_MAX_SIM;
      if (s > best) {
        best = s;
        // The pair was read as the same word by a system's reading: a transliteration variant, whatever the letters then showed.
        match.kind = variantMatch.kind === SAME || variantMatch.kind === SPELLING ? TRANSLITERATION : variantMatch.kind;
        match.edits = variantMatch.edits;
        match.system = qv.system !== 0 ? qv.system : rv.system;
      }
    }
  }
  return best;
}

/** A reading of one or two syllables by a system for names made of syllables (romanisation-systems.ts `syllabic`). */
function shortSyllabic(p: NamePart): boolean {
  return p.system !== 0 && p.text.length <= SHORT_READING && systemOf(p.system)?.syllabic === true;
}

/**
 * The two words are the same once doubled letters are written once and a final H after a vowel is
 * dropped (SATOH / SATO, HANNA / HANA). Walks both without building strings: it runs in the loop
 * over readings.
 */
function sameSqueezed(a: string, b: string): boolean {
  const an = squeezedEnd(a);
  const bn = squeezedEnd(b);
  let i = 0;
  let j = 0;
  while (i < an && j < bn) {
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    const c = a.charCodeAt(i);
    while (i < an && a.charCodeAt(i) === c) i++;
    while (j < bn && b.charCodeAt(j) === c) j++;
  }
  return i === an && j === bn;
}

/** Where a word ends once a final H after a vowel is left out (SATOH → SATO). */
function squeezedEnd(text: string): number {
  const n = text.length;
  if (n > 2 && text.charCodeAt(n - 1) === 72 /* H */ && 'AEIOUY'.includes(text[n - 2]!)) return n - 1;
  return n;
}

/** Similarity of the primary readings of two name parts (their variants aside). */
function baseSimilarity(q: NamePart, r: NamePart, match: PartMatch): number {
  match.kind = 0;
  match.edits = 0;
  if (q.native !== '' && r.native !== '') {
    // Both written in Chinese, Japanese or Korean characters: the characters decide.
    if (q.native !== r.native) return 0;
    match.kind = SAME;
    return 1;
  }
  if (q.text === r.text) {
    match.kind = q.kind === PART_INITIAL ? INITIAL : SAME;
    return 1;
  }
  if (q.kind === PART_PARTICLE || r.kind === PART_PARTICLE) {
    // BIN ~ IBN ~ BEN, EL ~ AL: particles meet particles of the same meaning only.
    if (q.kind !== r.kind || q.group !== r.group) return 0;
    match.kind = SPELLING;
    return 1;
  }
  if (q.kind === PART_INITIAL || r.kind === PART_INITIAL) {
    if (q.kind === r.kind) return 0;
    const initial = q.kind === PART_INITIAL ? q : r;
    const full = initial === q ? r : q;
    if (full.text.charCodeAt(0) !== initial.text.charCodeAt(0)) return 0;
    match.kind = INITIAL;
    return INITIAL_SIM;
  }
  if ((q.fullForms.length > 0 && q.fullForms.includes(r.text)) || (r.fullForms.length > 0 && r.fullForms.includes(q.text))) {
    match.kind = SHORT_FORM;
    return SHORT_FORM_SIM;
  }
  if (q.group >= 0 && r.group >= 0) {
    // Both are known names: the same group is a variant, different groups are different names.
    if (q.group !== r.group) return 0;
    match.kind = SPELLING;
    return SPELLING_SIM;
  }
  if (q.vowelPoor || r.vowelPoor) return crossScript(q, r, match);
  const maxLen = q.text.length > r.text.length ? q.text.length : r.text.length;
  // Short skeletons (one or two consonants) collide a lot (ALI, ILYA): then the letters must be close too.
  const weak = q.soundConsonants < 3;
  if (q.spelling === r.spelling && (!weak || distance(q.text, r.text) <= 2)) {
    match.kind = SPELLING;
    return SPELLING_SIM;
  }
  if (q.sound === r.sound && (!weak || distance(q.text, r.text) <= 2)) {
    match.kind = TRANSLITERATION;
    return TRANSLITERATION_SIM;
  }
  let budget = typoBudget(maxLen);
  // Typos are rarer in the first letter than in the rest (the idea of Jaro-Winkler's prefix bonus):
  // a word that starts with another sound gets one edit at most (SANANI is not MADANI).
  if (budget > 1 && q.sound.charCodeAt(0) !== r.sound.charCodeAt(0)) budget = 1;
  const lengthGap = q.text.length > r.text.length ? q.text.length - r.text.length : r.text.length - q.text.length;
  // One edit adds or removes at most two letters from the set of letters used: a free lower bound
  // that spares most Levenshtein computations between unrelated words.
  const apart = (popcount(q.letters ^ r.letters) + 1) >> 1;
  if (lengthGap > budget + 1 || apart > budget + 1) return near(q, r, match);
  let d = distance(q.text, r.text);
  if (d === 2 && isTransposition(q.text, r.text)) d = 1;
  if (d >= 2 && isDerivedSurname(q.text, r.text)) return 0;
  if (budget > 0 && d <= budget) {
    match.kind = TYPO;
    match.edits = d;
    const sim = 1 - (0.8 * d) / maxLen;
    return sim < TYPO_MAX_SIM ? sim : TYPO_MAX_SIM;
  }
  return near(q, r, match);
}

/** One confusable consonant apart after the merges (KAZZAFI / GADDAFI). */
function near(q: NamePart, r: NamePart, match: PartMatch): number {
  // In the first sound, where confusions are rarer, only in longer words (ZHANG is not SONG; CHINPING is JINPING).
  const min = q.sound.charCodeAt(0) === r.sound.charCodeAt(0) ? 3 : 4;
  if (q.soundConsonants >= min && oneConsonantApart(q.sound, r.sound)) {
    match.kind = NEAR;
    return NEAR_SIM;
  }
  return 0;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

// Endings that make a surname out of a name (IVAN → IVANOV, PETRE → PETRESCU, HASSAN → HASSANZADEH).
const SURNAME_ENDINGS = ['OV', 'EV', 'OVA', 'EVA', 'IN', 'INA', 'SKI', 'SKA', 'SKY', 'SKII', 'SON', 'SEN', 'ENKO', 'ESCU', 'IAN', 'YAN', 'ZADE', 'ZADEH', 'OGLU', 'OVIC', 'EVIC', 'ICH', 'VICH'];

/** IVAN / IVANOV: the longer is the shorter with a surname ending, a different word rather than a typo. */
function isDerivedSurname(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.startsWith(short) && SURNAME_ENDINGS.includes(long.slice(short.length));
}

/** Two letters swapped (ASASD / ASSAD, DONLAD / DONALD): one slip of the fingers, not two. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i + 1 >= a.length || a[i] !== b[i + 1] || a[i + 1] !== b[i]) return false;
  return a.slice(i + 2) === b.slice(i + 2);
}

/**
 * At least one side was read from a script without short vowels: compare consonants, in order,
 * and the long vowels that script writes with the vowels of the other spelling. A skeleton of one
 * or two consonants matches many words, so it counts less.
 */
function crossScript(q: NamePart, r: NamePart, match: PartMatch): number {
  if (q.vowelPoor && r.vowelPoor) {
    // Same kind of script on both sides: the letters are comparable as they are.
    const maxLen = q.text.length > r.text.length ? q.text.length : r.text.length;
    const budget = typoBudget(maxLen);
    if (budget > 0 && distance(q.text, r.text) <= budget) {
      match.kind = TYPO;
      match.edits = distance(q.text, r.text);
      return 1 - (0.8 * match.edits) / maxLen;
    }
  }
  // The unvocalised side (u) against the other (v); when both are unvocalised, vowels are not compared.
  const u = q.vowelPoor ? q : r;
  const v = u === q ? r : q;
  const both = v.vowelPoor;
  let same = '';
  if (u.consonants === v.consonants) {
    if (both || vowelsFit(u.gaps, v.gaps)) same = u.consonants;
  }
  if (same === '' && u.consonantsWithW !== '' && u.consonantsWithW === v.consonants && (both || vowelsFit(u.gapsWithW, v.gaps))) same = v.consonants;
  if (same === '' && both && v.consonantsWithW !== '' && v.consonantsWithW === u.consonants) same = u.consonants;
  if (same !== '') {
    // One consonant is too little on its own unless both words are short (ALI / علي).
    if (same.length >= 3) {
      match.kind = TRANSLITERATION;
      return CROSS_SCRIPT_SIM;
    }
    if (same.length === 2 || (q.text.length <= 4 && r.text.length <= 4)) {
      match.kind = TRANSLITERATION;
      return same.length === 2 ? CROSS_SCRIPT_SHORT_SIM : CROSS_SCRIPT_ONE_SIM;
    }
    return 0;
  }
  // One confusable consonant apart (ذ as D or Z, ج as J or G), with the vowels in place: three consonants at least.
  if (u.consonants.length >= 3 && oneConsonantApart(u.consonants, v.consonants) && (both || vowelsFit(u.gaps, v.gaps))) {
    match.kind = NEAR;
    return CROSS_SCRIPT_NEAR_SIM;
  }
  return 0;
}
