import { COMMON_NAME_SHARES } from './common-names.js';
import { PARTICLES } from './name-words.js';
import { PART_INITIAL, PART_PARTICLE, type NamePart, type PreparedName } from './prepare-name.js';

/**
 * How much a word of a name says about who someone is, in bits: −log2 of the share of people who
 * carry it. MOHAMMED ALI is shared by very many people, GRZEGORZ BRZĘCZYSZCZYKIEWICZ by almost
 * none, so the first needs more evidence (a birth date, a nationality) before it is a hit. The
 * share is estimated from a public table of common names (common-names.ts), from the shape of the
 * word (a one-syllable Chinese or Korean reading, a word of two letters), and, when screening, from
 * how many persons of the index carry the word (handed in as `WordFrequencies`: data in, bits out).
 */

/**
 * How many indexed persons carry each word: the screening index counts them as alerts come and go
 * and hands the counts to scoring. `key` is `wordKey(part)`.
 */
export interface WordFrequencies {
  /** Persons in the index. */
  readonly persons: number;
  /** Persons whose names hold a word of this key (the record being compared among them). */
  personsWith(key: string): number;
}

/**
 * A word not in the table of common names: rarer than about one person in 130,000 (2^17). The
 * 1990 US census surname list, the longest in common use, stops at about one in 100,000 people.
 */
const UNKNOWN_BITS = 17;
/**
 * A word that is a spelling of a canonical name group (name-words.ts): the groups exist because
 * those names (MUHAMMAD, HUSAYN, ALEKSANDR …) are among the commonest of their traditions, about
 * one person in a hundred.
 */
const GROUP_BITS = 7;
/**
 * A word read from a Chinese, Japanese or Korean character is one syllable, and given names are
 * drawn from a few hundred syllables: sharing one says at most log2(256) = 8 bits.
 */
const SYLLABLE_BITS = 8;
/**
 * Short words are shared by many: there are only so many names of two or three letters. Each
 * letter is taken to say at most 4 bits (a consonant read from Arabic or Hebrew, which stands for
 * a syllable, 8).
 */
const BITS_PER_LETTER = 4;
/** An initial: one letter of 26. */
const INITIAL_BITS = Math.log2(26);
/**
 * How many persons the prior is worth beside the index's counts (additive smoothing): a list of a
 * few hundred persons moves the estimate a little, an index of a million decides it.
 */
const PRIOR_PERSONS = 1000;

/**
 * The key a word is counted under: a canonical group counts all its spellings together. Particles
 * and initials, which say nothing or next to nothing, are not counted ('').
 */
export function wordKey(part: NamePart): string {
  if (part.kind === PART_PARTICLE || part.kind === PART_INITIAL) return '';
  return part.group >= 0 ? `#${part.group}` : part.text;
}

/** The bits of a word from the table and its shape alone (no index). */
export function priorBits(part: NamePart): number {
  // A sun-letter article (UN, UD, AR) may as well be a syllable (the UN of RI UN SONG): counted as
  // the short word it may be. Other particles (AL, BIN, VAN) say nothing of who someone is.
  if (part.kind === PART_PARTICLE) return PARTICLES.has(part.text) ? 0 : BITS_PER_LETTER * part.text.length;
  if (part.kind === PART_INITIAL) return INITIAL_BITS;
  let bits = UNKNOWN_BITS;
  const share = COMMON_NAME_SHARES.get(part.text);
  if (share !== undefined) bits = -Math.log2(share);
  else if (part.group >= 0) bits = GROUP_BITS;
  if (part.native !== '' && bits > SYLLABLE_BITS * Math.max(1, part.native.length)) bits = SYLLABLE_BITS * Math.max(1, part.native.length);
  const byLetters = BITS_PER_LETTER * (part.vowelPoor ? 2 : 1) * part.text.length;
  return bits < byLetters ? bits : byLetters;
}

/**
 * The bits of a word, with the index's counts when given: the share is the prior share smoothed
 * with the index's (PRIOR_PERSONS pseudo-persons at the prior share), the record itself left out.
 */
export function wordBits(part: NamePart, frequencies?: WordFrequencies): number {
  const prior = priorBits(part);
  if (!frequencies || prior === 0 || wordKey(part) === '') return prior;
  const others = Math.max(0, frequencies.personsWith(wordKey(part)) - 1);
  const persons = Math.max(0, frequencies.persons - 1);
  const share = (others + PRIOR_PERSONS * Math.pow(2, -prior)) / (persons + PRIOR_PERSONS);
  const bits = -Math.log2(share);
  return bits < prior ? bits : prior;
}

/**
 * Writes the bits of each word (and join) of a name into it, where the comparison reads them
 * (`NamePart.bits`). Without frequencies, the prior alone: what a name gets when first compared.
 */
export function informName(name: PreparedName, frequencies?: WordFrequencies): void {
  for (const part of name.parts) part.bits = wordBits(part, frequencies);
  for (const join of name.joins) {
    let bits = 0;
    for (let i = join.start; i < join.start + join.length; i++) bits += name.parts[i]!.bits;
    join.part.bits = bits;
  }
}

/** The bits of a part, from the prior when nobody has written them yet. */
export function bitsOf(part: NamePart): number {
  if (part.bits < 0) part.bits = priorBits(part);
  return part.bits;
}

/**
 * Bits a name match must rest on to count in full: log2 of 2 × 10^7, the travellers a large
 * border crossing point sees in a year. A name that rarer singles a person out; a commoner one
 * (MOHAMMED ALI: about 12 bits) is shared by many travellers.
 */
export const BITS_FOR_IDENTITY = 24;
/**
 * The most a name made only of common words loses: an identical name that says nothing scores
 * 0.7, the default threshold itself, so that any disagreement (another birth day, another
 * nationality) puts it under, and a name that is also loosely matched needs agreeing evidence.
 */
export const COMMON_NAME_PENALTY = 0.3;
/**
 * What a looser pair of words loses in bits per unit of similarity below 1: a typo at 0.8 stands
 * for the handful of names one letter apart (3 bits), a spelling variant at 0.95 for two or so.
 */
const BITS_PER_SIMILARITY = 15;

/** The bits a matched pair of words stands for: the less informative side's, less its looseness. */
export function pairBits(queryBits: number, recordBits: number, similarity: number): number {
  const bits = (queryBits < recordBits ? queryBits : recordBits) - (1 - similarity) * BITS_PER_SIMILARITY;
  return bits > 0 ? bits : 0;
}

/** The factor a name score is multiplied by when its matched words carry `bits`. */
export function commonNameFactor(bits: number): number {
  return bits >= BITS_FOR_IDENTITY ? 1 : 1 - COMMON_NAME_PENALTY * (1 - bits / BITS_FOR_IDENTITY);
}
