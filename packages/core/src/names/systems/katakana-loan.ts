import type { RomanVariant, VariantProvider } from './word-variants.js';

/**
 * Katakana → the sounds a foreign name written in it stands for (system `ja-katakana`). Japanese
 * writes foreign names by sound in katakana with the extra combinations of the Cabinet notice
 * "外来語の表記" (1991, table 1 and 2: ティ TI, ディ DI, ファ FA, ヴァ VA, ウィ WI, ツァ TSA, シェ SHE,
 * ジェ JE, チェ CHE, デュ DYU …), ッ before a doubled consonant (left out: doubles are one sound here), ー for a long vowel (or an English
 * R after a vowel: ターナー TURNER) and a vowel after every consonant but N (ス・ミ・ス SMITH). The
 * reading keeps those vowels: loan-similarity.ts counts a vowel the written word lacks as cheap.
 */

// The gojūon and its voiced rows, Hepburn consonants (シ SHI, チ CHI, ツ TSU, フ FU, ジ JI): Cabinet notice No. 1 of 1954 (table 1).
const ROWS: readonly (readonly [string, string])[] = [
  ['アイウエオ', ''], ['カキクケコ', 'K'], ['ガギグゲゴ', 'G'], ['サシスセソ', 'S'], ['ザジズゼゾ', 'Z'],
  ['タチツテト', 'T'], ['ダヂヅデド', 'D'], ['ナニヌネノ', 'N'], ['ハヒフヘホ', 'H'], ['バビブベボ', 'B'],
  ['パピプペポ', 'P'], ['マミムメモ', 'M'], ['ラリルレロ', 'R'], ['ヴ', 'V'],
];
const VOWELS = 'AIUEO';
const SPECIAL: Readonly<Record<string, string>> = { 'シ': 'SH', 'チ': 'CH', 'ツ': 'TS', 'フ': 'F', 'ジ': 'J', 'ヂ': 'J', 'ヅ': 'Z' };

/** Kana → [consonant, vowel]. */
const KANA = new Map<string, readonly [string, string]>();
for (const [row, consonant] of ROWS) {
  [...row].forEach((kana, k) => KANA.set(kana, [SPECIAL[kana] ?? consonant, kana === 'ヴ' ? 'U' : VOWELS[k]!]));
}
for (const [kana, cv] of [['ヤ', ['Y', 'A']], ['ユ', ['Y', 'U']], ['ヨ', ['Y', 'O']], ['ワ', ['W', 'A']], ['ヰ', ['W', 'I']], ['ヱ', ['W', 'E']], ['ヲ', ['', 'O']]] as const) KANA.set(kana, cv);

/** Small vowels and glides that replace the vowel of the kana before them (ティ, ファ, キャ). */
const SMALL: Readonly<Record<string, string>> = { 'ァ': 'A', 'ィ': 'I', 'ゥ': 'U', 'ェ': 'E', 'ォ': 'O', 'ャ': 'YA', 'ュ': 'YU', 'ョ': 'YO', 'ヮ': 'WA' };

/** One katakana word as sounds (upper-case letters), or '' when it holds anything else. */
export function readKatakana(word: string): string {
  const kana = [...word];
  let out = '';
  // The syllable being built: its consonant and vowel, so a small kana can change the vowel.
  let consonant = '';
  let vowel = '';
  const flush = (): void => {
    if (consonant === '' && vowel === '') return;
    out += consonant + vowel;
    consonant = '';
    vowel = '';
  };
  for (let i = 0; i < kana.length; i++) {
    const ch = kana[i]!;
    const cv = KANA.get(ch);
    if (cv !== undefined) {
      flush();
      [consonant, vowel] = cv;
      continue;
    }
    const small = SMALL[ch];
    if (small !== undefined) {
      if (consonant === '' && vowel === '') vowel = small.replace('Y', 'I').replace('W', 'U');
      else if (small[0] === 'Y') {
        // キャ KYA, but シャ SHA, チャ CHA, ジャ JA: the hushing consonants carry the glide.
        consonant += consonant === 'SH' || consonant === 'CH' || consonant === 'J' || consonant === '' ? '' : 'Y';
        vowel = small.slice(1);
      } else if (small[0] === 'W') {
        consonant += 'W';
        vowel = 'A';
      } else if (consonant === '') {
        // ウィ WI, ウェ WE, ウォ WO; イェ YE.
        consonant = vowel === 'U' ? 'W' : vowel === 'I' ? 'Y' : '';
        vowel = small;
      } else if ((consonant === 'K' || consonant === 'G') && vowel === 'U') {
        // クァ KWA, グァ GWA.
        consonant += 'W';
        vowel = small;
      } else if (vowel === 'I' && small === 'E' && consonant !== 'SH' && consonant !== 'CH' && consonant !== 'J') {
        // キェ KYE, ニェ NYE.
        consonant += 'Y';
        vowel = small;
      } else vowel = small;
      continue;
    }
    // ッ doubles the next consonant: one sound for the comparison, which collapses doubles anyway.
    if (ch === 'ッ') flush();
    else if (ch === 'ン') {
      // M before B, P and M, as Hepburn writes it (the sound it is there).
      flush();
      const next = KANA.get(kana[i + 1] ?? '')?.[0];
      out += next === 'B' || next === 'P' || next === 'M' ? 'M' : 'N';
    } else if (ch === 'ー') {
      // The long vowel: written twice, as Hepburn without macrons does.
      flush();
      const last = out[out.length - 1];
      if (last !== undefined && VOWELS.includes(last)) out += last;
    } else if (ch === 'ヵ') {
      flush();
      [consonant, vowel] = ['K', 'A'];
    } else if (ch === 'ヶ') {
      flush();
      [consonant, vowel] = ['K', 'E'];
    } else return '';
  }
  flush();
  return withoutAddedVowels(out);
}

/**
 * Japanese writes a vowel after every consonant but N: U after most (ス S, ク K, ブ B, ル L), O after
 * T and D (ト, ド), I after CH and J (ッチ, ッジ). Where such a vowel stands before another
 * consonant or ends the word it is the added one (ストーク STOKE, スミス SMITH): the reading leaves
 * it out. (A real vowel left out costs little in loan-similarity.ts either way.)
 */
function withoutAddedVowels(sounds: string): string {
  return sounds.replace(ADDED_VOWEL, (_, u?: string, o?: string, i?: string) => u ?? o ?? i ?? '');
}
const ADDED_VOWEL = /(?<=[AEIOUNM]|^)(S|Z|K|G|B|P|F|M|R|V|TS)U(?=[BCDFGHJKLMPRSTVWZ]|$)|(?<=[AEIOUNM])(T|D)O(?=[BCDFGHJKLMPRSTVZ]|$)|(?<=[AEIOU])(CH|J)I$/g;

const SYSTEM = 'ja-katakana';

export const katakanaLoanProvider: VariantProvider = {
  scripts: ['Kana'],
  variants(piece: string, latin: readonly string[]): readonly (readonly RomanVariant[])[] {
    // Katakana is read as one word; a piece any-ascii split is left alone.
    if (latin.length !== 1) return [];
    const text = readKatakana(piece);
    return text === '' ? [] : [[{ text, system: SYSTEM }]];
  },
};
