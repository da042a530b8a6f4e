/**
 * ICAO Doc 9303 Part 3, section 6 (Table A): recommended transliteration of Latin letters with
 * diacritics into the MRZ alphabet. Only letters whose transliteration is not simply "drop the
 * accent" are listed; every other Latin letter loses its combining marks (É → E, Ş → S, Ů → U).
 */
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  Ä: 'AE',
  Å: 'AA',
  Æ: 'AE',
  Ö: 'OE',
  Ø: 'OE',
  Ü: 'UE',
  ß: 'SS',
  ẞ: 'SS',
  Þ: 'TH',
  Ĳ: 'IJ',
  Œ: 'OE',
  // Letters that have no decomposition in Unicode, so "drop the accent" cannot find the base.
  Đ: 'D',
  Ð: 'D',
  Ħ: 'H',
  Ł: 'L',
  Ŀ: 'L',
  Ŋ: 'N',
  Ŧ: 'T',
  İ: 'I',
  ı: 'I',
  Ɨ: 'I',
  Ƶ: 'Z',
  Ɖ: 'D',
  ſ: 'S',
};

/** One Latin letter (any case) → A–Z; '' when the letter has no A–Z reading. */
export function transliterateLatinLetter(ch: string): string {
  const special = LATIN_SPECIAL[ch] ?? LATIN_SPECIAL[ch.toUpperCase()];
  if (special !== undefined) return special;
  const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
  if (/^[A-Z]+$/.test(base)) return base;
  return '';
}
