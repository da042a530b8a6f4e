/**
 * Pinyin typed with tone numbers (Li3 Ming2, Mao2 Ze2dong1) is pinyin: the digits go before the
 * name is read, so it reads as Lǐ Míng and LI MING do. Only a word made wholly of pinyin syllables
 * each followed by a tone digit 1–5 loses its digits: other digits in words are letters typed
 * wrongly (Ig0r, Sech1n), which romanise.ts reads back as letters.
 */

// A pinyin syllable: an optional initial, then vowels (ü as ü, u or v) and an optional N, NG or R.
const SYLLABLE = /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüv]+(?:ng|n|r)?$/i;
const TONED_WORD = /(?<![\p{L}\p{M}\d])(?:[a-zü]+[1-5])+(?![\p{L}\p{M}\d])/giu;
const TONED_SYLLABLE = /([a-zü]+)[1-5]/giu;

export function dropToneNumbers(text: string): string {
  if (!/[1-5]/.test(text)) return text;
  return text.replace(TONED_WORD, (word) => {
    for (const [, syllable] of word.matchAll(TONED_SYLLABLE)) if (!SYLLABLE.test(syllable!)) return word;
    return word.replace(/[1-5]/g, '');
  });
}
