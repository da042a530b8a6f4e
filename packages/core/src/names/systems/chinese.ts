import anyAscii from 'any-ascii';
import { spellingSkeleton } from '../skeleton.js';
import { wadeGilesWord } from './chinese-wade-giles.js';
import { CANTONESE, COMPOUND_SURNAMES, SURNAME_PINYIN, SURNAME_SPELLINGS } from './chinese-names.js';
import { SHORT_READING, type RomanVariant, type VariantProvider } from './word-variants.js';

const HAN = /\p{Script=Han}/u;

/** A character's pinyin syllable (upper case, tones dropped) as any-ascii reads it. */
function pinyin(c: string): string {
  return anyAscii(c).toUpperCase();
}

/**
 * Adds a variant unless the word's reading or a variant already is it, or, for readings longer than
 * SHORT_READING (which also match with a vowel off), has its spelling skeleton (CHEUNGKWOK beside
 * CHANGKUO): such a variant would only cost comparisons and crowd out other providers' readings
 * (wordVariants keeps MAX_VARIANTS per word). Short readings match only as written, so CHEUNG
 * beside CHANG is kept.
 */
function add(out: RomanVariant[], text: string | undefined, system: string, primary: string): void {
  if (text === undefined || text === '') return;
  const skeleton = spellingSkeleton(text);
  const same = (other: string): boolean => other === text || (other.length > SHORT_READING && text.length > SHORT_READING && spellingSkeleton(other) === skeleton);
  if (same(primary) || out.some((v) => same(v.text))) return;
  out.push({ text, system });
}

/** A surname's further spellings: pinyin of its surname reading, Wade–Giles, Cantonese, the Singapore, Malaysia and Taiwan spellings. */
function surnameVariants(chars: readonly string[], primary: string): RomanVariant[] {
  const key = chars.join('');
  const compound = COMPOUND_SURNAMES.get(key)?.[0];
  const syllables = compound !== undefined ? compound.split('_') : chars.map((c) => SURNAME_PINYIN.get(c)?.[0] ?? pinyin(c));
  const out: RomanVariant[] = [];
  const pinyinText = syllables.join('');
  // A compound or polyphone surname's pinyin is a variant too (司马 SIMA, 曾 ZENG), kept even when close to the reading.
  if (pinyinText !== primary) out.push({ text: pinyinText, system: 'zh-pinyin' });
  add(out, wadeGilesWord(syllables), 'zh-wade-giles', primary);
  for (const c of CANTONESE.get(key) ?? []) add(out, c, 'zh-cantonese', primary);
  for (const s of SURNAME_SPELLINGS.get(key) ?? []) add(out, s, 'zh-surname', primary);
  return out;
}

/** A given name's further spellings: Wade–Giles, and Cantonese when every character has a reading. */
function givenVariants(chars: readonly string[], primary: string): RomanVariant[] {
  const out: RomanVariant[] = [];
  add(out, wadeGilesWord(chars.map(pinyin)), 'zh-wade-giles', primary);
  let cantonese = '';
  for (const c of chars) {
    const reading = CANTONESE.get(c)?.[0];
    if (reading === undefined) return out;
    cantonese += reading;
  }
  add(out, cantonese, 'zh-cantonese', primary);
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
      return [surnameVariants(chars.slice(0, family), latin[0]!), givenVariants(chars.slice(family), latin[1]!)];
    }
    if (latin.length !== 1) return [];
    // One character may be a surname or a given name: both readings.
    if (chars.length === 1) {
      const out = surnameVariants(chars, latin[0]!);
      for (const v of givenVariants(chars, latin[0]!)) add(out, v.text, v.system, latin[0]!);
      return [out];
    }
    return [givenVariants(chars, latin[0]!)];
  },
};
