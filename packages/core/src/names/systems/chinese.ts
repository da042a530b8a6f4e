import anyAscii from 'any-ascii';
import { wadeGilesWord } from './chinese-wade-giles.js';
import { CANTONESE, COMPOUND_SURNAMES, SURNAME_PINYIN, SURNAME_SPELLINGS } from './chinese-names.js';
import type { RomanVariant, VariantProvider } from './word-variants.js';

const HAN = /\p{Script=Han}/u;

/** A character's pinyin syllable (upper case, tones dropped) as any-ascii reads it. */
function pinyin(c: string): string {
  return anyAscii(c).toUpperCase();
}

/** Adds a variant unless the list has it (the caller's primary reading is dropped by wordVariants). */
function add(out: RomanVariant[], text: string | undefined, system: string): void {
  if (text !== undefined && text !== '' && !out.some((v) => v.text === text)) out.push({ text, system });
}

/** A surname's further spellings: pinyin of its surname reading, Wade–Giles, Cantonese, the Singapore, Malaysia and Taiwan spellings. */
function surnameVariants(chars: readonly string[]): RomanVariant[] {
  const key = chars.join('');
  const compound = COMPOUND_SURNAMES.get(key)?.[0];
  const syllables = compound !== undefined ? compound.split('_') : chars.map((c) => SURNAME_PINYIN.get(c)?.[0] ?? pinyin(c));
  const out: RomanVariant[] = [];
  add(out, syllables.join(''), 'zh-pinyin');
  add(out, wadeGilesWord(syllables), 'zh-wade-giles');
  for (const c of CANTONESE.get(key) ?? []) add(out, c, 'zh-cantonese');
  for (const s of SURNAME_SPELLINGS.get(key) ?? []) add(out, s, 'zh-surname');
  return out;
}

/** A given name's further spellings: Wade–Giles, and Cantonese when every character has a reading. */
function givenVariants(chars: readonly string[]): RomanVariant[] {
  const out: RomanVariant[] = [];
  add(out, wadeGilesWord(chars.map(pinyin)), 'zh-wade-giles');
  let cantonese = '';
  for (const c of chars) {
    const reading = CANTONESE.get(c)?.[0];
    if (reading === undefined) return out;
    cantonese += reading;
  }
  add(out, cantonese, 'zh-cantonese');
  return out;
}

/**
 * Chinese names in characters, read by the other systems their bearers write them in: Wade–Giles
 * (毛泽东 Mao Tse-tung, 蒋 Chiang), Cantonese as Hong Kong spells it (張學友 Cheung Hok Yau), and the
 * surname spellings of Singapore, Malaysia and Taiwan (陈 Tan, 黄 Ng). romanise.ts reads two to four
 * characters as family + given name; a compound surname (欧阳, 司马) takes two characters of them,
 * so its words get the compound's readings and the given name's.
 */
export const CHINESE: VariantProvider = {
  scripts: ['Hani'],
  variants(piece, latin) {
    const chars = [...piece].filter((c) => HAN.test(c));
    if (chars.length === 0) return [];
    if (latin.length === 2 && chars.length >= 2 && chars.length <= 4) {
      const family = chars.length >= 3 && COMPOUND_SURNAMES.has(chars[0]! + chars[1]!) ? 2 : 1;
      return [surnameVariants(chars.slice(0, family)), givenVariants(chars.slice(family))];
    }
    if (latin.length !== 1) return [];
    // One character may be a surname or a given name: both readings.
    if (chars.length === 1) {
      const out = surnameVariants(chars);
      for (const v of givenVariants(chars)) add(out, v.text, v.system);
      return [out];
    }
    return [givenVariants(chars)];
  },
};
