import { NO_VARIANTS, type RomanVariant, type VariantProvider } from './word-variants.js';

/**
 * Hangul → the sounds a foreign name written in it stands for (system `ko-transcription`): the
 * Korean Foreign Word Notation (외래어 표기법, Ministry of Education notice 85-11 of 1986, table 1
 * and the rules for English) read backwards. It writes P and F as ㅍ, B and V as ㅂ, T as ㅌ, D
 * (and Ð) as ㄷ, S and Θ as ㅅ, Z, ZH, J and DZ as ㅈ, TS and CH as ㅊ, L as ㄹ (ㄹㄹ between
 * vowels), R as ㄹ, NG as final ㅇ; a consonant without a vowel gets 으 (스미스 SMITH; 이 after
 * CH and J: 리치 RICH), and only ㄱ ㄴ ㄹ ㅁ ㅂ ㅅ ㅇ close a syllable (final ㅅ is a T: 맷 MATT). The
 * reading writes each jamo as the sound it stands for, leaves 으 out, and lets
 * loan-similarity.ts weigh the merged sounds (B ~ V, P ~ F, L ~ R).
 */

const SYLLABLES_FROM = 0xac00;
const SYLLABLES_TO = 0xd7a3;

// Initial consonants in Unicode order (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ).
const INITIAL = ['G', 'K', 'N', 'D', 'T', 'R', 'M', 'B', 'P', 'S', 'S', '', 'J', 'TS', 'CH', 'K', 'T', 'P', 'H'] as const;
// Vowels in Unicode order (ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ). 어 is the English
// schwa and Λ (터너 TURNER), 애 the English Æ (잭 JACK); 으 is the vowel the notation adds: none.
const VOWEL = ['A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WO', 'WE', 'WI', 'YU', '', 'UI', 'I'] as const;
// Final consonants in Unicode order (none ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ).
const FINAL = ['', 'K', 'K', 'K', 'N', 'N', 'N', 'T', 'L', 'LK', 'LM', 'LB', 'L', 'L', 'LP', 'L', 'M', 'P', 'P', 'T', 'T', 'NG', 'T', 'T', 'K', 'T', 'P', ''] as const;

const I_INITIAL = 11;
const R_INITIAL = 5;
const L_FINAL = 8;

/** One Hangul word as sounds (upper-case letters), or '' when it holds anything but Hangul syllables. */
export function readHangul(word: string): string {
  let out = '';
  let previousFinal = 0;
  for (const ch of word) {
    const code = ch.codePointAt(0)!;
    if (code < SYLLABLES_FROM || code > SYLLABLES_TO) return '';
    const s = code - SYLLABLES_FROM;
    const initial = Math.floor(s / 588);
    const vowel = Math.floor((s % 588) / 28);
    const final = s % 28;
    let consonant: string = INITIAL[initial]!;
    let v: string = VOWEL[vowel]!;
    // ㄹㄹ between vowels is one L (필립 PHILIP, 엘리자베스 ELIZABETH): the final ㄹ already wrote it.
    if (initial === R_INITIAL && previousFinal === L_FINAL) consonant = '';
    // 샤 셰 쇼 슈 write SH before a vowel; ㅈ and ㅊ carry the glide in themselves (쥬 JU, 츄 CHU).
    if (v[0] === 'Y' && v.length > 1) {
      if (consonant === 'S') consonant = 'SH';
      if (consonant === 'S' || consonant === 'SH' || consonant === 'J' || consonant === 'CH') v = v.slice(1);
    }
    if (initial === I_INITIAL && vowel === 18 && final === 0 && out === '') v = 'EU';
    out += consonant + v + FINAL[final]!;
    previousFinal = final;
  }
  return out;
}

/**
 * Whether a piece of Hangul may be a transcribed foreign name rather than a Korean name. Korean
 * names are read from Chinese characters, and Sino-Korean syllables never have a consonant with 으
 * and no final (스, 트, 르: the notation's added vowel), a ㅋ (but 쾌), a final other than ㄱ ㄴ ㄹ ㅁ
 * ㅂ ㅇ (맷), or a doubled initial (but 쌍, 씨). A Korean given name is two syllables: a piece of two
 * or one is read by sound only with such a syllable (필립, 맷 are; 서연, 지은 are not); longer pieces
 * always, as a foreign name (마이클, 로버트) or a whole Korean name written together, whose reading
 * by sound only meets a Latin word its own words left unmatched.
 */
export function mayBeTransliterated(word: string): boolean {
  const syllables = [...word];
  if (syllables.length >= 3) return true;
  for (const ch of syllables) {
    const s = ch.codePointAt(0)! - SYLLABLES_FROM;
    const initial = Math.floor(s / 588);
    const vowel = Math.floor((s % 588) / 28);
    const final = s % 28;
    if (vowel === EU && final === 0 && initial !== I_INITIAL) return true;
    if (initial === K_INITIAL && ch !== '쾌') return true;
    if (!SINO_KOREAN_FINALS.has(final)) return true;
    if (DOUBLED_INITIALS.has(initial) && ch !== '쌍' && ch !== '씨') return true;
  }
  return false;
}
const EU = 18;
const K_INITIAL = 15;
/** None, ㄱ, ㄴ, ㄹ, ㅁ, ㅂ, ㅇ. */
const SINO_KOREAN_FINALS = new Set([0, 1, 4, 8, 16, 17, 21]);
/** ㄲ ㄸ ㅃ ㅆ ㅉ. */
const DOUBLED_INITIALS = new Set([1, 4, 8, 10, 13]);

const SYSTEM = 'ko-transcription';

export const hangulLoanProvider: VariantProvider = {
  scripts: ['Hang'],
  variants(piece: string, latin: readonly string[]): readonly (readonly RomanVariant[])[] {
    const text = readHangul(piece);
    if (text === '' || !mayBeTransliterated(piece)) return [];
    // A piece read as family + given name (2–4 syllables) still is one foreign word: the reading is
    // the whole piece's (word-variants.ts), which the comparison gives to its words written together.
    const variant: readonly RomanVariant[] = [{ text, system: SYSTEM }];
    return latin.length === 1 ? [variant] : [...latin.map(() => NO_VARIANTS), variant];
  },
};
