import { ARABIC_PROVIDER } from './arabic.js';
import { ARMENIAN_PROVIDER } from './armenian.js';
import { CYRILLIC_PROVIDER } from './cyrillic.js';
import { DEVANAGARI_PROVIDER } from './devanagari.js';
import { GEORGIAN_PROVIDER } from './georgian.js';
import { GREEK_PROVIDER } from './greek.js';
import { HEBREW_PROVIDER } from './hebrew.js';
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
 * list of variants per word (a shorter answer means no variants for the rest).
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
  CYRILLIC_PROVIDER,
  LATIN_PROVIDER,
  HEBREW_PROVIDER,
  ARABIC_PROVIDER,
  GEORGIAN_PROVIDER,
  ARMENIAN_PROVIDER,
  DEVANAGARI_PROVIDER,
  THAI_PROVIDER,
  GREEK_PROVIDER,
];

export const NO_VARIANTS: readonly RomanVariant[] = Object.freeze([]);
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

/** The variants of each word of one written piece (ISO 15924 `script`), without repeats or the primary reading itself. */
export function wordVariants(piece: string, script: string, latin: readonly string[]): readonly (readonly RomanVariant[])[] {
  const providers = providersOf(script);
  if (providers === undefined) return [];
  // Made when a provider has something: most words (every plain Latin one) have no variants.
  let out: RomanVariant[][] | undefined;
  for (const provider of providers) {
    const lists = provider.variants(piece, latin);
    if (lists.length === 0) continue;
    out ??= latin.map(() => []);
    for (let k = 0; k < latin.length && k < lists.length; k++) {
      const own = out[k]!;
      for (const v of lists[k]!) {
        if (own.length >= MAX_VARIANTS) break;
        // The primary's own text adds nothing, unless a loan system reads it: that one is compared by sound.
        if (v.text === '' || (v.text === latin[k] && systemOf(systemNumber(v.system))?.loan !== true) || own.some((o) => o.text === v.text && o.system === v.system)) continue;
        own.push(v);
      }
    }
  }
  return out ?? NO_LISTS;
}

const NO_LISTS: readonly (readonly RomanVariant[])[] = Object.freeze([]);
