import { chineseLoanProvider } from './chinese-loan.js';
import { hangulLoanProvider } from './hangul-loan.js';
import { katakanaLoanProvider } from './katakana-loan.js';

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

/** Every provider, by script. Add a line per provider. */
const PROVIDERS: readonly VariantProvider[] = [
  katakanaLoanProvider,
  hangulLoanProvider,
  chineseLoanProvider,
];

export const NO_VARIANTS: readonly RomanVariant[] = Object.freeze([]);
/** Variants a word may have: a bound on the comparisons each pair of words costs. */
export const MAX_VARIANTS = 8;

const byScript = new Map<string, VariantProvider[]>();
for (const p of PROVIDERS) for (const s of p.scripts) byScript.set(s, [...(byScript.get(s) ?? []), p]);

/** The variants of each word of one written piece (ISO 15924 `script`), without repeats or the primary reading itself. */
export function wordVariants(piece: string, script: string, latin: readonly string[]): readonly (readonly RomanVariant[])[] {
  const providers = byScript.get(script);
  if (providers === undefined) return [];
  const out: RomanVariant[][] = latin.map(() => []);
  for (const provider of providers) {
    const lists = provider.variants(piece, latin);
    for (let k = 0; k < latin.length && k < lists.length; k++) {
      const own = out[k]!;
      for (const v of lists[k]!) {
        if (own.length >= MAX_VARIANTS) break;
        if (v.text === '' || v.text === latin[k] || own.some((o) => o.text === v.text && o.system === v.system)) continue;
        own.push(v);
      }
    }
  }
  return out;
}
