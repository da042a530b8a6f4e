import { guessCyrillicLanguage } from '../../transliteration/index.js';
import { spellingSkeleton } from '../skeleton.js';
import type { RomanVariant, VariantProvider } from './word-variants.js';

/**
 * Cyrillic names as they are spelled outside passports: the usual English spellings (BGN/PCGN and
 * the Ukrainian national system), the German and French transcriptions, and the scholarly
 * transliteration (ISO 9, with its diacritics folded as the MRZ folds them). ICAO's Doc 9303 table
 * gives the primary reading (romanise.ts); these readings are its variants.
 *
 * Vowel-only differences (IURII / YURIY, EVGENII / YEVGENIY) need no variant: the spelling
 * skeleton already forgets them. What the systems change is consonant classes: Ш as SH, SCH, CH
 * or S (Šapiro); Ч as CH, TSCH, TCH or C; Ж as ZH, SCH, J or Z; Х as KH, CH or H; Г as G or H.
 */

/** A letter's reading in a system, with the context rules every system here shares. */
export interface CyrillicSystem {
  id: string;
  letters: Readonly<Record<string, string>>;
  /** Е Ё Ю Я (and Ukrainian Є Ї) at the start of a word, after a vowel or after Ъ/Ь: the reading with the glide. */
  iotated: Readonly<Record<string, string>>;
  /** Е at the start of a word read without the glide (French Evgueni, Elena; but Andreïev). */
  plainInitialE?: boolean;
  /** С between vowels (German Wassili, French Vassili): SS. */
  doubleS?: boolean;
  /** Г before Е, И, Ы (French Evgueni): GU. */
  guBeforeFront?: boolean;
  /** The ending -ИЙ / -ЫЙ (Юрий, Бедный): its reading. */
  endingIj?: string;
  endingYj?: string;
  /** Ё after Ж, Ч, Ш, Щ, where it is only O (Горбачёв → Gorbachov). */
  yoAfterHushing?: string;
}

const CYRILLIC_VOWELS = new Set([...'АЕЁИОУЫЭЮЯІЇЄ']);
const HUSHING = new Set([...'ЖЧШЩ']);

// Serbian and Macedonian letters, as their Latin alphabets write them without diacritics (Ђорђевић
// Djordjevic, Џаферовић Dzaferovic, Ѓорѓи Gjorgji): every system here writes them so.
const SOUTH_SLAVIC: Readonly<Record<string, string>> = { Ђ: 'DJ', Ћ: 'C', Џ: 'DZ', Ј: 'J', Љ: 'LJ', Њ: 'NJ', Ѓ: 'GJ', Ќ: 'KJ', Ѕ: 'DZ' };

// BGN/PCGN romanisation of Russian (1947), the usual English spelling of Russian names (and, with
// SOUTH_SLAVIC, of Serbian and Macedonian ones).
const BGN_RUSSIAN: CyrillicSystem = {
  id: 'cyrl-english',
  letters: {
    ...SOUTH_SLAVIC,
    А: 'A', Б: 'B', В: 'V', Г: 'G', Д: 'D', Е: 'E', Ё: 'YO', Ж: 'ZH', З: 'Z', И: 'I', Й: 'Y', К: 'K', Л: 'L', М: 'M',
    Н: 'N', О: 'O', П: 'P', Р: 'R', С: 'S', Т: 'T', У: 'U', Ф: 'F', Х: 'KH', Ц: 'TS', Ч: 'CH', Ш: 'SH', Щ: 'SHCH',
    Ъ: '', Ы: 'Y', Ь: '', Э: 'E', Ю: 'YU', Я: 'YA', І: 'I', Ї: 'YI', Є: 'YE', Ґ: 'G', Ў: 'W',
  },
  iotated: { Е: 'YE', Ё: 'YO', Ю: 'YU', Я: 'YA', Є: 'YE', Ї: 'YI' },
  endingIj: 'IY',
  endingYj: 'YY',
  yoAfterHushing: 'O',
};

// The popular English spelling: BGN's letters, with the endings cut short (Yuri, Dmitry, Bely).
const POPULAR_RUSSIAN: CyrillicSystem = { ...BGN_RUSSIAN, endingIj: 'Y', endingYj: 'Y' };

// Ukrainian national romanisation (Cabinet of Ministers resolution 55, 2010), which Ukrainian
// passports and English texts use: Г → H, И → Y, Є/Ї/Ю/Я with Y at the start of a word.
// Applied to every Cyrillic word, since Ukrainian surnames are also written in Russian spelling
// (Гончаренко is Honcharenko either way).
const UKRAINIAN: CyrillicSystem = {
  id: 'cyrl-english',
  letters: { ...BGN_RUSSIAN.letters, Г: 'H', И: 'Y', Й: 'Y', Ё: 'IO', Є: 'IE', Ї: 'I', Ю: 'IU', Я: 'IA' },
  iotated: { Е: 'YE', Ё: 'YO', Ю: 'YU', Я: 'YA', Є: 'YE', Ї: 'YI' },
  endingIj: 'YI',
  endingYj: 'YI',
};

// Foreign names written in Russian: an H is written Х (Хемингуэй) or, traditionally, Г (Гамбург).
// The English spelling of such a name has H where BGN reads KH.
const H_FOR_KH: CyrillicSystem = { ...POPULAR_RUSSIAN, letters: { ...POPULAR_RUSSIAN.letters, Х: 'H' } };

// German transcription of Russian (Duden, the usage of German newspapers and registers):
// Schewtschenko, Jewgeni, Gorbatschow, Schukow.
const GERMAN: CyrillicSystem = {
  id: 'cyrl-german',
  letters: {
    ...SOUTH_SLAVIC,
    А: 'A', Б: 'B', В: 'W', Г: 'G', Д: 'D', Е: 'E', Ё: 'JO', Ж: 'SCH', З: 'S', И: 'I', Й: 'J', К: 'K', Л: 'L', М: 'M',
    Н: 'N', О: 'O', П: 'P', Р: 'R', С: 'S', Т: 'T', У: 'U', Ф: 'F', Х: 'CH', Ц: 'Z', Ч: 'TSCH', Ш: 'SCH', Щ: 'SCHTSCH',
    Ъ: '', Ы: 'Y', Ь: '', Э: 'E', Ю: 'JU', Я: 'JA', І: 'I', Ї: 'JI', Є: 'JE', Ґ: 'G', Ў: 'W',
  },
  iotated: { Е: 'JE', Ё: 'JO', Ю: 'JU', Я: 'JA', Є: 'JE', Ї: 'JI' },
  doubleS: true,
  endingIj: 'I',
  endingYj: 'Y',
  yoAfterHushing: 'O',
};

// French transcription of Russian (the usage of French registers and the press): Chevtchenko,
// Evgueni, Jeglov, Khrouchtchev, Vassili.
const FRENCH: CyrillicSystem = {
  id: 'cyrl-french',
  letters: {
    ...SOUTH_SLAVIC,
    А: 'A', Б: 'B', В: 'V', Г: 'G', Д: 'D', Е: 'E', Ё: 'IO', Ж: 'J', З: 'Z', И: 'I', Й: 'I', К: 'K', Л: 'L', М: 'M',
    Н: 'N', О: 'O', П: 'P', Р: 'R', С: 'S', Т: 'T', У: 'OU', Ф: 'F', Х: 'KH', Ц: 'TS', Ч: 'TCH', Ш: 'CH', Щ: 'CHTCH',
    Ъ: '', Ы: 'Y', Ь: '', Э: 'E', Ю: 'IOU', Я: 'IA', І: 'I', Ї: 'I', Є: 'IE', Ґ: 'G', Ў: 'OU',
  },
  iotated: { Е: 'IE', Ё: 'IO', Ю: 'IOU', Я: 'IA', Є: 'IE', Ї: 'I' },
  plainInitialE: true,
  doubleS: true,
  guBeforeFront: true,
  endingIj: 'I',
  endingYj: 'Y',
  yoAfterHushing: 'O',
};

// French and Portuguese names written in Cyrillic by sound: their G before E and I is Ж
// (Жорж Georges, Жерар Gérard, Жильбер Gilbert). The French reading with that Ж as G.
const FRENCH_SOFT_G: CyrillicSystem = { ...FRENCH, letters: { ...FRENCH.letters } };

// ISO 9:1995 (GOST 7.79 system A), its diacritics folded to the base letters as the MRZ folds
// Latin letters (Š → S, Č → C, Ž → Z, Ŝ → S, Û → U, Â → A): what a scholarly spelling such as
// Ševčenko, Hruŝëv becomes once typed without diacritics. Й is J, as in Czech and Polish usage.
const SCHOLARLY: CyrillicSystem = {
  id: 'cyrl-scholarly',
  letters: {
    А: 'A', Б: 'B', В: 'V', Г: 'G', Д: 'D', Е: 'E', Ё: 'E', Ж: 'Z', З: 'Z', И: 'I', Й: 'J', К: 'K', Л: 'L', М: 'M',
    Н: 'N', О: 'O', П: 'P', Р: 'R', С: 'S', Т: 'T', У: 'U', Ф: 'F', Х: 'H', Ц: 'C', Ч: 'C', Ш: 'S', Щ: 'S',
    Ъ: '', Ы: 'Y', Ь: '', Э: 'E', Ю: 'U', Я: 'A', І: 'I', Ї: 'I', Є: 'E', Ґ: 'G', Ў: 'U',
    Ђ: 'D', Ѓ: 'G', Ѕ: 'Z', Ј: 'J', Љ: 'L', Њ: 'N', Ћ: 'C', Ќ: 'K', Џ: 'D',
  },
  iotated: {},
};

/** One Cyrillic word (upper case) read by a system. */
export function readCyrillic(word: string | readonly string[], system: CyrillicSystem, softG = false): string {
  const chars = typeof word === 'string' ? [...word] : word;
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const prev = chars[i - 1];
    const next = chars[i + 1];
    if ((c === 'И' || c === 'Ы') && next === 'Й' && i + 2 === chars.length && i > 0) {
      const ending = c === 'И' ? system.endingIj : system.endingYj;
      if (ending !== undefined) {
        out += ending;
        break;
      }
    }
    if (c === 'Ё' && prev !== undefined && HUSHING.has(prev) && system.yoAfterHushing !== undefined) {
      out += system.yoAfterHushing;
      continue;
    }
    const glide = system.iotated[c];
    if (glide !== undefined && (prev === undefined || CYRILLIC_VOWELS.has(prev) || prev === 'Ъ' || prev === 'Ь') && !(prev === undefined && c === 'Е' && system.plainInitialE)) {
      out += glide;
      continue;
    }
    if (c === 'С' && system.doubleS && prev !== undefined && next !== undefined && CYRILLIC_VOWELS.has(prev) && CYRILLIC_VOWELS.has(next)) {
      out += 'SS';
      continue;
    }
    if (c === 'Г' && system.guBeforeFront && (next === 'Е' || next === 'И' || next === 'Ы' || next === 'Э')) {
      out += 'GU';
      continue;
    }
    if (c === 'Ж' && softG && (next === 'Е' || next === 'И' || next === 'Э')) {
      out += 'G';
      continue;
    }
    out += system.letters[c] ?? '';
  }
  return out;
}

const SOUTH_SLAVIC_LETTER = /[ЂЋЏЉЊЈЃЌЅ]/u;
const CYRILLIC_WORD = /^[\p{Script=Cyrillic}\p{M}'’ʼ]+$/u;

/**
 * The readings of one Cyrillic word, each by its system. A reading whose spelling skeleton is the
 * primary's or an earlier reading's (YEVGENIY beside EVGENII) is left out: the comparison already
 * forgives what tells them apart, and every variant costs a comparison.
 */
export function cyrillicVariants(piece: string, primary = ''): RomanVariant[] {
  if (!CYRILLIC_WORD.test(piece)) return [];
  const word = piece.toUpperCase().replace(/[\p{M}'’ʼ]/gu, '');
  const chars = [...word];
  const language = guessCyrillicLanguage(word);
  const out: RomanVariant[] = [];
  const seen = new Set<string>([spellingSkeleton(primary)]);
  const add = (system: CyrillicSystem, softG = false): void => {
    const text = readCyrillic(chars, system, softG);
    const skeleton = spellingSkeleton(text);
    if (text === '' || seen.has(skeleton)) return;
    seen.add(skeleton);
    out.push({ text, system: system.id });
  };
  // BGN/PCGN and the popular English spelling differ from ICAO's table only in vowels and glides
  // (YE for Е, Y for Й, YU for Ю, -Y for -ИЙ), which the spelling skeleton forgives: for the
  // comparison they are the primary reading, and are not made. The English readings that change
  // consonants are the Ukrainian (and Belarusian) Г as H, Belarusian Ў as W, and Х as H.
  // Serbian and Macedonian letters: their English spelling (Djordjevic) has consonants ICAO's D lacks.
  if (SOUTH_SLAVIC_LETTER.test(word)) add(BGN_RUSSIAN);
  if (language === 'uk' || language === 'be' ? word.includes('Ў') : word.includes('Г')) add(UKRAINIAN);
  if (word.includes('Х')) add(H_FOR_KH);
  add(GERMAN);
  add(FRENCH);
  if (/Ж[ЕИЭ]/u.test(word)) add(FRENCH_SOFT_G, true);
  add(SCHOLARLY);
  return out;
}

export const CYRILLIC_PROVIDER: VariantProvider = {
  scripts: ['Cyrl'],
  variants(piece, latin) {
    return latin.length === 1 ? [cyrillicVariants(piece, latin[0])] : [];
  },
};

/** The systems by name, for tests and tools that want one system's reading. */
export const CYRILLIC_SYSTEMS = {
  bgn: BGN_RUSSIAN,
  popular: POPULAR_RUSSIAN,
  ukrainian: UKRAINIAN,
  german: GERMAN,
  french: FRENCH,
  scholarly: SCHOLARLY,
} as const;
