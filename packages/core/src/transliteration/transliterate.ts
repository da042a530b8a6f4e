import anyAscii from 'any-ascii';
import { transliterateArabicChar } from './arabic.js';
import { cyrillicLanguageOf, guessCyrillicLanguage, transliterateCyrillicLetter, type CyrillicLanguage } from './cyrillic.js';
import { transliterateGreek } from './greek.js';
import { transliterateLatinLetter } from './latin.js';

export interface TransliterateOptions {
  /** ISO 639 code of the name's language ('uk', 'ukr', 'sr', 'be', 'bg', 'mk', 'ru'…); guessed when absent. */
  language?: string;
}

/** Longest input looked at (UTF-16 units). A name is far shorter; the cap bounds time and output. */
export const MAX_TRANSLITERATION_INPUT = 4096;
/** Longest output: no table entry is longer than four letters, any-ascii rarely more. */
const MAX_OUTPUT = MAX_TRANSLITERATION_INPUT * 4;

// Doc 9303 Part 3 (4.6): apostrophes are omitted (D'ARTAGNAN → DARTAGNAN, МАР'ЯНА → MARIANA);
// hyphens, commas and every other punctuation become a filler, i.e. a space here.
const APOSTROPHES = /^['’‘ʼʻ`´′＇]$/u;

type RunKind = 'greek' | 'other';

/**
 * ICAO Doc 9303 Part 3 recommended transliteration of a name to the MRZ alphabet: upper-case
 * A–Z words separated by single spaces. Latin diacritics, Cyrillic (language-aware) and Arabic follow
 * the Doc 9303 tables, Greek follows ELOT 743, every other script goes through any-ascii.
 * Apostrophes are dropped; hyphens, digits and other non-letters become spaces. Never throws.
 */
export function transliterateIcao(text: string, options: TransliterateOptions = {}): string {
  if (typeof text !== 'string' || text === '') return '';
  const input = text.slice(0, MAX_TRANSLITERATION_INPUT).normalize('NFC');
  const language: CyrillicLanguage = cyrillicLanguageOf(options.language) ?? guessCyrillicLanguage(input) ?? 'ru';

  const out: string[] = [];
  let run = '';
  let runKind: RunKind | null = null;
  const flush = (): void => {
    if (runKind === 'greek') out.push(transliterateGreek(run));
    else if (runKind === 'other') out.push(transliterateOtherScript(run));
    run = '';
    runKind = null;
  };

  for (const ch of input) {
    if (/\p{M}/u.test(ch)) {
      // A combining mark belongs to the letter before it: kept inside Greek and other-script runs
      // (Devanagari vowel signs carry sound), dropped after Latin, Cyrillic and Arabic letters.
      if (runKind !== null) run += ch;
      continue;
    }
    if (APOSTROPHES.test(ch)) continue;
    if (!/\p{L}/u.test(ch)) {
      flush();
      out.push(' ');
      continue;
    }
    if (/\p{Script=Greek}/u.test(ch)) {
      if (runKind !== 'greek') flush();
      runKind = 'greek';
      run += ch;
      continue;
    }
    const direct = transliterateDirect(ch, language);
    if (direct !== undefined) {
      flush();
      out.push(direct);
      continue;
    }
    if (runKind !== 'other') flush();
    runKind = 'other';
    run += ch;
  }
  flush();
  return out
    .join('')
    .slice(0, MAX_OUTPUT)
    .toUpperCase()
    .replace(/[^A-Z]+/g, ' ')
    .trim();
}

/** Latin, Cyrillic and Arabic letters, which the tables map one at a time; undefined for other scripts. */
function transliterateDirect(ch: string, language: CyrillicLanguage): string | undefined {
  if (/\p{Script=Latin}/u.test(ch)) {
    const latin = transliterateLatinLetter(ch);
    return latin !== '' ? latin : anyAscii(ch);
  }
  if (/\p{Script=Cyrillic}/u.test(ch)) return transliterateCyrillicLetter(ch, language) ?? anyAscii(ch);
  if (/\p{Script=Arabic}/u.test(ch)) return transliterateArabicChar(ch) ?? anyAscii(ch);
  return undefined;
}

/**
 * Scripts without a Doc 9303 table go through any-ascii. A Chinese or Korean personal name of
 * two to four characters is written family name first, with the given name as one word
 * (毛泽东 → MAO ZEDONG, 김정은 → GIM JEONGEUN), as those states' passports do; any-ascii alone would
 * run the syllables together.
 */
function transliterateOtherScript(run: string): string {
  // any-ascii marks Georgian ejectives and Devanagari nukta letters with an apostrophe (ts'ereteli,
  // kh'an): an apostrophe is omitted (4.6), not a word break.
  return transliterateOtherScriptAscii(run).replace(/'/g, '');
}

function transliterateOtherScriptAscii(run: string): string {
  const chars = [...run];
  const allHan = chars.every((c) => /\p{Script=Han}/u.test(c));
  const allHangul = chars.every((c) => /\p{Script=Hangul}/u.test(c));
  if ((allHan || allHangul) && chars.length >= 2 && chars.length <= 4) {
    return `${anyAscii(chars[0] ?? '')} ${anyAscii(chars.slice(1).join(''))}`;
  }
  return anyAscii(run);
}
