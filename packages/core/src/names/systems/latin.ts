import type { RomanVariant, VariantProvider } from './word-variants.js';

/**
 * Latin words written with the háček and acute letters of scholarly transliteration and of the
 * Slavic Latin alphabets (Ševčenko, Ježov, Đorđević, Dvořák): the MRZ folds them to the base
 * letter (SEVCENKO), while English writes the sound with a digraph (SHEVCHENKO). The digraph
 * reading is a variant, so Ševčenko meets Shevchenko and Шевченко. Only words with one of these
 * letters have it: plain ASCII words, most of every list, cost one test.
 *
 * Source: ISO 9:1995 and the Czech, Croatian and Serbian Latin alphabets, read as the BGN/PCGN
 * digraphs for the same sounds (Š SH, Č CH, Ž ZH, Ŝ SHCH, Ć CH, Đ DJ, Ř RZH).
 */
const DIGRAPHS: Readonly<Record<string, string>> = {
  Š: 'SH', Č: 'CH', Ž: 'ZH', Ŝ: 'SHCH', Ć: 'CH', Đ: 'DJ', Ř: 'RZH',
};

const HAS_DIGRAPH_LETTER = /[ŠČŽŜĆĐŘščžŝćđř]/u;

/** The digraph reading of a Latin word with Š, Č, Ž (…), or '' when it has none. */
export function latinDigraphReading(piece: string): string {
  if (!HAS_DIGRAPH_LETTER.test(piece)) return '';
  let out = '';
  for (const ch of piece.normalize('NFC').toUpperCase()) {
    const d = DIGRAPHS[ch];
    if (d !== undefined) out += d;
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      if (/^[A-Z]$/.test(base)) out += base;
    }
  }
  return out;
}

const NONE: readonly (readonly RomanVariant[])[] = [];

export const LATIN_PROVIDER: VariantProvider = {
  scripts: ['Latn'],
  variants(piece, latin) {
    // Plain ASCII (the fast path of index builds) has no such letter: one character-code scan.
    let ascii = true;
    for (let i = 0; i < piece.length; i++) {
      if (piece.charCodeAt(i) > 127) {
        ascii = false;
        break;
      }
    }
    if (ascii || latin.length !== 1) return NONE;
    const text = latinDigraphReading(piece);
    return text === '' ? NONE : [[{ text, system: 'cyrl-scholarly' }]];
  },
};
