import { hepburnVariantOf } from './japanese-romaji.js';
import type { RomanVariant, VariantProvider } from './word-variants.js';

const NONE: readonly RomanVariant[] = [];
const NONE_LISTS: readonly (readonly RomanVariant[])[] = [];

/**
 * A Latin word that reads wholly as Japanese syllables and is spelled by Kunrei-shiki, Nihon-shiki
 * or passport Hepburn, or with its long vowels written out, gets its modified Hepburn form
 * (SYOZI → SHOJI, OHNO and OONO → ONO, SATOH → SATO, NAMBA → NANBA): two spellings of one
 * Japanese name then meet there. Runs for every Latin word: one regular-expression test rejects
 * words without such letters, and words that do not read as Japanese (most European names) get nothing.
 */
export const JAPANESE_LATIN: VariantProvider = {
  scripts: ['Latn'],
  variants(_piece, latin) {
    let out: (readonly RomanVariant[])[] | undefined;
    for (let k = 0; k < latin.length; k++) {
      const hepburn = hepburnVariantOf(latin[k]!);
      if (hepburn === undefined) continue;
      out ??= latin.map(() => NONE);
      out[k] = [{ text: hepburn, system: 'ja-hepburn' }];
    }
    return out ?? NONE_LISTS;
  },
};
