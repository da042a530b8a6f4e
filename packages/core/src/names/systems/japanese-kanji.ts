import { GIVEN_NAME_KANJI, JAPANESE_GIVEN_NAMES, JAPANESE_SURNAMES } from './japanese-kanji-names.js';
import type { RomanVariant, VariantProvider } from './word-variants.js';

/** Readings tried for a given name read kanji by kanji: the product of each kanji's readings grows fast. */
const MAX_GIVEN_READINGS = 4;
const SYSTEM = 'ja-kanji';

/** A given name's readings: the whole word from the table, else kanji by kanji (every kanji known), else none. */
function givenReadings(chars: readonly string[]): readonly string[] {
  const whole = JAPANESE_GIVEN_NAMES.get(chars.join(''));
  if (whole !== undefined) return whole;
  let readings: string[] = [''];
  for (let i = 0; i < chars.length; i++) {
    // 々 repeats the kanji before it (奈々 NANA).
    const c = chars[i] === '々' && i > 0 ? chars[i - 1]! : chars[i]!;
    const own = GIVEN_NAME_KANJI.get(c);
    if (own === undefined) return [];
    readings = readings.flatMap((r) => own.map((o) => r + o)).slice(0, MAX_GIVEN_READINGS);
  }
  return readings;
}

/**
 * A Japanese name in kanji, written surname first without a space (山田太郎): the longest surname
 * of the table the name starts with (three kanji down to one) whose rest reads as a given name,
 * else the surname alone. Undefined when the name starts with no surname of the table.
 */
export function readJapaneseName(chars: readonly string[]): { surname: readonly string[]; given: readonly string[] } | undefined {
  let alone: readonly string[] | undefined;
  for (let length = Math.min(3, chars.length); length >= 1; length--) {
    const surname = JAPANESE_SURNAMES.get(chars.slice(0, length).join(''));
    if (surname === undefined) continue;
    if (length === chars.length) return { surname, given: [] };
    const given = givenReadings(chars.slice(length));
    if (given.length > 0) return { surname, given };
    alone ??= surname;
  }
  return alone === undefined ? undefined : { surname: alone, given: [] };
}

const HAN = /\p{Script=Han}|々/u;

function own(texts: readonly string[]): RomanVariant[] {
  return texts.map((text) => ({ text, system: SYSTEM }));
}

/**
 * Japanese readings of a piece in kanji. romanise.ts reads two to four characters as two words
 * (the first character, then the rest) and any other length as one: a two-word piece gets the
 * surname's readings on its first word and the given name's on its second, whatever the surname's
 * length, and the whole name's written together as the piece's own reading (山田 alone is YAMADA);
 * a one-word piece gets the whole name's readings. A piece that starts with no surname of the
 * table may be a given name written apart from the surname (山田 太郎): then its given-name reading.
 */
export const JAPANESE_KANJI: VariantProvider = {
  scripts: ['Hani'],
  variants(piece, latin) {
    const chars = [...piece].filter((c) => HAN.test(c));
    const name = readJapaneseName(chars);
    if (name === undefined) {
      const given = givenReadings(chars);
      if (given.length === 0) return [];
      return latin.length === 1 ? [own(given)] : latin.length === 2 ? [[], [], own(given)] : [];
    }
    const whole = name.given.length === 0 ? name.surname : name.surname.flatMap((s) => name.given.map((g) => s + g)).slice(0, MAX_GIVEN_READINGS);
    // A surname alone is one word however the primary reading split it: only the piece's own reading.
    if (latin.length === 2) return name.given.length === 0 ? [[], [], own(whole)] : [own(name.surname), own(name.given), own(whole)];
    if (latin.length === 1) return [own(whole)];
    return [];
  },
};
