import type { RomanVariant, VariantProvider } from './word-variants.js';

/**
 * Latin words written with the háček and acute letters of scholarly transliteration and of the
 * Slavic Latin alphabets (Ševčenko, Ježov, Đorđević, Dvořák): the MRZ folds them to the base
 * letter (SEVCENKO), while English writes the sound with a digraph (SHEVCHENKO). The digraph
 * reading is a variant, so Ševčenko meets Shevchenko and Шевченко. Only words with one of these
 * letters have it: plain ASCII words, most of every list, cost one test.
 *
 * Source: ISO 9:1995 and the Czech, Croatian and Serbian Latin alphabets, read as the BGN/PCGN
 * digraphs for the same sounds (Š SH, Č CH, Ž ZH, Ŝ SHCH, Ć CH, Đ DJ, Ř RZH); the Turkish (1928),
 * Romanian and Polish alphabets for the same sounds (Ş Ș SH, Ç CH, Ț TS, Ś SH, Ź Ż ZH). A word
 * with only ISO 9's letters is reported as the scholarly transliteration (cyrl-scholarly), any
 * other as the English reading of its letters (latn-digraph).
 */
const DIGRAPHS: Readonly<Record<string, string>> = {
  Š: 'SH', Č: 'CH', Ž: 'ZH', Ŝ: 'SHCH', Ć: 'CH', Đ: 'DJ', Ř: 'RZH',
  // Turkish, Azerbaijani and Albanian Ş Ç (Şahin Shahin, Çelik Chelik), Romanian Ș Ț (Ștefan
  // Shtefan, Țurcan Tsurcan), Polish Ś Ź Ż (Świątek, Żukowski).
  Ş: 'SH', Ç: 'CH', Ș: 'SH', Ț: 'TS', Ţ: 'TS', Ś: 'SH', Ź: 'ZH', Ż: 'ZH',
};

const HAS_DIGRAPH_LETTER = /[ŠČŽŜĆĐŘŞÇȘȚŢŚŹŻščžŝćđřşçșțţśźż]/u;
/** The letters of ISO 9 itself: a word with only these is a scholarly transliteration of Cyrillic. */
const ISO9_LETTERS = /[ŠČŽŜščžŝ]/u;
const OTHER_LETTERS = /[ĆĐŘŞÇȘȚŢŚŹŻćđřşçșțţśźż]/u;

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
    if (text === '') return NONE;
    return [[{ text, system: ISO9_LETTERS.test(piece) && !OTHER_LETTERS.test(piece) ? 'cyrl-scholarly' : 'latn-digraph' }]];
  },
};
