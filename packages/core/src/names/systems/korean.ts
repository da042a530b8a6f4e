/**
 * Readings of Korean names by the systems people write them in (korean-romanisation.ts), as
 * variants of each word: for a name in Hangul, and for a Korean name written in Chinese
 * characters (its Korean reading, system `ko-hanja`). A name of two to four syllables is read as
 * surname (the first syllable, or the first two for 남궁, 제갈, 선우, 황보, 독고 …) and given name, as
 * romanise.ts reads it; the surname gets its customary spellings (Lee, Park, Choi).
 */
import type { RomanVariant, VariantProvider } from './word-variants.js';
import { hanjaReadings, readsAsKoreanName, twoCharacterSurname } from './korean-hanja.js';
import { hangulSyllables, wordCustom, wordDPRK, wordMR, wordRR } from './korean-romanisation.js';
import { isTwoSyllableSurname, surnameSpellings } from './korean-surnames.js';

/**
 * Readings of one word: its customary surname spellings first (when it is a surname), then each
 * system's; a spelling two systems give is listed once (the first), so that the readings of other
 * providers (a foreign name in Hangul read by sound) keep room under MAX_VARIANTS.
 */
function wordReadings(syllables: readonly number[], surname: boolean, system: (s: string) => string, out: RomanVariant[], customary = true): void {
  const push = (text: string, id: string): void => {
    if (!out.some((v) => v.text === text)) out.push({ text, system: system(id) });
  };
  if (surname) for (const text of surnameSpellings(String.fromCharCode(...syllables)).slice(0, 3)) push(text, 'ko-surname');
  push(wordRR(syllables), 'ko-rr');
  push(wordMR(syllables), 'ko-mr');
  // The DPRK's spelling derives from MR (Kim Jong Un, Ri Sol Ju).
  push(wordDPRK(syllables), 'ko-mr');
  if (!surname && customary) push(wordCustom(syllables), 'ko-customary');
}

/**
 * The words of a piece of `n` syllables as romanise.ts cut it (`words` readings): one word, or
 * surname + given name. A two-syllable surname moves the cut (남궁 + 민): the first word's reading
 * is then the surname, the second's the given name.
 */
function cut(n: number, words: number, twoSyllableSurname: boolean): [number, number][] | null {
  if (words === 1) return [[0, n]];
  if (words === 2 && n >= 2 && n <= 4) return twoSyllableSurname && n >= 3 ? [[0, 2], [2, n]] : [[0, 1], [1, n]];
  return null;
}

const same = (s: string): string => s;
const hanja = (): string => 'ko-hanja';

export const KOREAN_HANGUL: VariantProvider = {
  scripts: ['Hang'],
  variants(piece, latin) {
    const syllables = hangulSyllables(piece);
    if (syllables.length === 0 || syllables.length !== [...piece].length) return [];
    const spans = cut(syllables.length, latin.length, isTwoSyllableSurname(piece.slice(0, 2)));
    if (spans === null) return [];
    return spans.map(([from, to], k) => {
      const out: RomanVariant[] = [];
      const word = syllables.slice(from, to);
      wordReadings(word, (k === 0 && spans.length === 2) || (spans.length === 1 && surnameSpellings(piece).length > 0), same, out);
      return out;
    });
  },
};

export const KOREAN_HANJA: VariantProvider = {
  scripts: ['Hani'],
  variants(piece, latin) {
    // Only a name written as Korean names mostly are (金正恩: a surname and a given name of two
    // characters, in one run): Chinese and Japanese names use the same characters, and the Korean
    // readings of their two-character pieces (池田, 明珠) were false leads to North Korean names on
    // the UN list when screening the yente negatives.
    if (latin.length !== 2 || [...piece].length < 3 || !readsAsKoreanName(piece)) return [];
    const chars = [...piece];
    const spans = cut(chars.length, latin.length, twoCharacterSurname(piece) !== undefined);
    if (spans === null) return [];
    const lists: RomanVariant[][] = [];
    for (const [k, [from, to]] of spans.entries()) {
      const readings = hanjaReadings(chars.slice(from, to).join(''));
      if (readings === undefined) return [];
      const out: RomanVariant[] = [];
      // The systems' spellings only: the customary ones are matched syllable by syllable (korean-syllables.ts).
      for (const r of readings) wordReadings(r, k === 0, hanja, out, false);
      lists.push(out.slice(0, 5));
    }
    return lists;
  },
};
