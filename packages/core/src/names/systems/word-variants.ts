import { ARABIC_PROVIDER } from './arabic.js';
import { ARMENIAN_PROVIDER } from './armenian.js';
import { chineseLoanProvider } from './chinese-loan.js';
import { CHINESE } from './chinese.js';
import { CYRILLIC_PROVIDER } from './cyrillic.js';
import { DEVANAGARI_PROVIDER } from './devanagari.js';
import { GEORGIAN_PROVIDER } from './georgian.js';
import { GREEK_PROVIDER } from './greek.js';
import { hangulLoanProvider } from './hangul-loan.js';
import { HEBREW_PROVIDER } from './hebrew.js';
import { JAPANESE_KANA } from './japanese-kana.js';
import { JAPANESE_KANJI } from './japanese-kanji.js';
import { JAPANESE_LATIN } from './japanese-latin.js';
import { katakanaLoanProvider } from './katakana-loan.js';
import { KOREAN_HANGUL, KOREAN_HANJA } from './korean.js';
import { LATIN_PROVIDER } from './latin.js';
import { systemNumber, systemOf } from './romanisation-systems.js';
import { THAI_PROVIDER } from './thai.js';

/**
 * Further readings of one written word, by the romanisation systems people actually use besides
 * the ICAO tables (romanisation-systems.ts). romaniseName calls `wordVariants` for every piece of a
 * name; each script's readers live in their own files here and are listed in PROVIDERS.
 */

/** One further reading of a word: upper-case A–Z, and the system (an id of ROMANISATION_SYSTEMS) that gives it. */
export interface RomanVariant {
  text: string;
  system: string;
  /** Read from a script that writes no short vowels (as romanise.ts isVowelPoorScript): compared by consonants. */
  vowelPoor?: boolean;
}

/**
 * A reader of further readings for pieces written in some scripts. `variants` gets the written
 * piece and its primary readings (romanise.ts: one per word the piece was read as) and answers one
 * list of variants per word (a shorter answer means no variants for the rest). When the piece was
 * read as two words or more, a list one past the last word holds readings of the whole piece as one
 * word (山田 read SHAN TIAN by the primary reading is YAMADA): the comparison puts them on the
 * words written together.
 */
export interface VariantProvider {
  scripts: readonly string[];
  variants(piece: string, latin: readonly string[]): readonly (readonly RomanVariant[])[];
}

/**
 * Every provider, by script. Add a line per provider. A function, read on first use: a provider
 * module may import the comparison (loan-similarity.ts), which imports this module back, so the
 * providers are not all defined while the modules are still loading.
 */
const PROVIDERS = (): readonly VariantProvider[] => [
  // Readings by sound first: one per piece, never crowded out by MAX_VARIANTS.
  katakanaLoanProvider,
  hangulLoanProvider,
  chineseLoanProvider,
  CYRILLIC_PROVIDER,
  LATIN_PROVIDER,
  HEBREW_PROVIDER,
  ARABIC_PROVIDER,
  GEORGIAN_PROVIDER,
  ARMENIAN_PROVIDER,
  DEVANAGARI_PROVIDER,
  THAI_PROVIDER,
  GREEK_PROVIDER,
  CHINESE,
  JAPANESE_KANJI, JAPANESE_KANA, JAPANESE_LATIN,
  KOREAN_HANGUL,
  KOREAN_HANJA,
];

export const NO_VARIANTS: readonly RomanVariant[] = Object.freeze([]);
/**
 * Readings this long or shorter (a syllable or two: WONG, KIM) match only as written, since one
 * vowel off is another name there (WONG is not WANG); longer ones also match with the comparison's
 * tolerance (a typo, a vowel).
 */
export const SHORT_READING = 5;
/** Variants a word may have: a bound on the comparisons each pair of words costs. */
export const MAX_VARIANTS = 8;

// Built on first use (see PROVIDERS).
let byScript: Map<string, VariantProvider[]> | undefined;

function providersOf(script: string): VariantProvider[] | undefined {
  if (byScript === undefined) {
    byScript = new Map();
    for (const p of PROVIDERS()) for (const s of p.scripts) byScript.set(s, [...(byScript.get(s) ?? []), p]);
  }
  return byScript.get(script);
}

const NONE: readonly (readonly RomanVariant[])[] = Object.freeze([]);

/**
 * The variants of each word of one written piece (ISO 15924 `script`), without repeats or the
 * primary reading itself, and after the last word's those of the whole piece (see VariantProvider).
 */
export function wordVariants(piece: string, script: string, latin: readonly string[]): readonly (readonly RomanVariant[])[] {
  const providers = providersOf(script);
  if (providers === undefined) return NONE;
  const slots = latin.length > 1 ? latin.length + 1 : latin.length;
  // Made when a provider has something: most words (every plain Latin one) have no variants.
  let out: RomanVariant[][] | undefined;
  for (const provider of providers) {
    const lists = provider.variants(piece, latin);
    for (let k = 0; k < slots && k < lists.length; k++) {
      if (lists[k]!.length === 0) continue;
      out ??= Array.from({ length: slots }, () => []);
      const own = out[k]!;
      const primary = k < latin.length ? latin[k] : latin.join('');
      for (const v of lists[k]!) {
        if (own.length >= MAX_VARIANTS) break;
        // The primary's own text adds nothing, unless a loan system reads it: that one is compared by sound.
        if (v.text === '' || (v.text === primary && systemOf(systemNumber(v.system))?.loan !== true) || own.some((o) => o.text === v.text && o.system === v.system)) continue;
        own.push(v);
      }
    }
  }
  return out ?? NONE;
}

