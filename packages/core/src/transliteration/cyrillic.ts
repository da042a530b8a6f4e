/**
 * ICAO Doc 9303 Part 3, section 6 (Table B): Cyrillic to the MRZ alphabet, with the
 * language-specific exceptions the table notes (Belarusian, Bulgarian, Macedonian, Serbian,
 * Ukrainian). The default column is the one used for Russian.
 */
export type CyrillicLanguage = 'ru' | 'uk' | 'be' | 'bg' | 'sr' | 'mk';

const DEFAULT: Readonly<Record<string, string>> = {
  А: 'A', Б: 'B', В: 'V', Г: 'G', Ґ: 'G', Д: 'D', Ђ: 'D', Ѓ: 'G', Е: 'E', Ё: 'E', Є: 'IE',
  Ж: 'ZH', З: 'Z', Ѕ: 'DZ', И: 'I', І: 'I', Ї: 'I', Й: 'I', Ј: 'J', К: 'K', Л: 'L', Љ: 'LJ',
  М: 'M', Н: 'N', Њ: 'NJ', О: 'O', П: 'P', Р: 'R', С: 'S', Т: 'T', Ћ: 'C', Ќ: 'K', У: 'U',
  Ў: 'U', Ф: 'F', Х: 'KH', Ц: 'TS', Ч: 'CH', Џ: 'DZ', Ш: 'SH', Щ: 'SHCH', Ъ: 'IE', Ы: 'Y',
  Ь: '', Э: 'E', Ю: 'IU', Я: 'IA',
};

// The table's notes: the letters each language reads differently from the default column.
const EXCEPTIONS: Readonly<Record<CyrillicLanguage, Readonly<Record<string, string>>>> = {
  ru: {},
  uk: { Г: 'H', И: 'Y' },
  be: { Г: 'H', Ё: 'IO' },
  bg: { Щ: 'SHT', Ъ: 'A' },
  // Serbian: Ж, Х, Ц, Ч, Ш lose their digraphs (the MRZ form of Serbian Latin ž, h, c, č, š).
  // The printed table also lists Г → H for Serbian; Serbian documents write G (Gajica), so G is
  // kept here: a border officer compares the MRZ with what the passport actually prints.
  sr: { Ж: 'Z', Х: 'H', Ц: 'C', Ч: 'C', Ш: 'S' },
  mk: { Х: 'H', Ц: 'C' },
};

const LANGUAGE_ALIASES: Readonly<Record<string, CyrillicLanguage>> = {
  ru: 'ru', rus: 'ru', uk: 'uk', ukr: 'uk', be: 'be', bel: 'be', bg: 'bg', bul: 'bg',
  sr: 'sr', srp: 'sr', mk: 'mk', mkd: 'mk', mac: 'mk',
};

/** A BCP 47 / ISO 639 language tag → the Cyrillic column to use, or undefined for "not one of these". */
export function cyrillicLanguageOf(tag: string | undefined): CyrillicLanguage | undefined {
  if (tag === undefined) return undefined;
  const primary = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  return LANGUAGE_ALIASES[primary];
}

/** Guess the language from letters only one alphabet has; undefined means "use the default column". */
export function guessCyrillicLanguage(text: string): CyrillicLanguage | undefined {
  if (/[єїґЄЇҐ]/u.test(text)) return 'uk';
  if (/[ўЎ]/u.test(text)) return 'be';
  if (/[ђћџљњјЂЋЏЉЊЈ]/u.test(text)) return 'sr';
  if (/[ѓќѕЃЌЅ]/u.test(text)) return 'mk';
  return undefined;
}

/** One Cyrillic letter (any case) → A–Z per the language's column; undefined when not in the table. */
export function transliterateCyrillicLetter(ch: string, language: CyrillicLanguage): string | undefined {
  const upper = ch.toUpperCase();
  return EXCEPTIONS[language][upper] ?? DEFAULT[upper];
}
