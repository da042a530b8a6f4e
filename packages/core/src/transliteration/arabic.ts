/**
 * ICAO Doc 9303 Part 3, section 6 (Table C): Arabic script to the MRZ alphabet. The scheme is a
 * reversible transliteration, not a transcription: letters with no single Latin equivalent get an
 * X-prefixed code (ح → XH, ذ → XDH), so محمد is MXHMD rather than MOHAMMED.
 * Short-vowel signs (harakat), shadda, sukun and tatweel are dropped: they are optional in
 * ordinary writing, and dropping them gives the same MRZ name whether or not a clerk typed them.
 */
const ARABIC: Readonly<Record<string, string>> = {
  'ء': 'XE', 'آ': 'XAA', 'أ': 'XAE', 'ؤ': 'U', 'إ': 'I', 'ئ': 'XI', 'ا': 'A', 'ب': 'B',
  'ة': 'XTA', 'ت': 'T', 'ث': 'XTH', 'ج': 'J', 'ح': 'XH', 'خ': 'XKH', 'د': 'D', 'ذ': 'XDH',
  'ر': 'R', 'ز': 'Z', 'س': 'S', 'ش': 'XSH', 'ص': 'XSS', 'ض': 'XDZ', 'ط': 'XTT', 'ظ': 'XZZ',
  'ع': 'E', 'غ': 'G', 'ف': 'F', 'ق': 'Q', 'ك': 'K', 'ل': 'L', 'م': 'M', 'ن': 'N', 'ه': 'H',
  'و': 'W', 'ى': 'XAY', 'ي': 'Y',
  // Letters of Persian, Urdu, Pashto and other languages written in Arabic script.
  'ٱ': 'XXA', 'ٹ': 'XXT', 'ټ': 'XRT', 'پ': 'P', 'ځ': 'XKE', 'څ': 'XXH', 'چ': 'XC', 'ڈ': 'XXD',
  'ډ': 'XDR', 'ڑ': 'XXR', 'ړ': 'XRR', 'ږ': 'XRX', 'ژ': 'XJ', 'ښ': 'XXS', 'ک': 'XKK', 'ګ': 'XXK',
  'ڭ': 'XNG', 'گ': 'XGG', 'ں': 'XNN', 'ڼ': 'XXN', 'ھ': 'XDO', 'ۀ': 'XYH', 'ہ': 'XXG', 'ۂ': 'XGE',
  'ۃ': 'XTG', 'ی': 'XYA', 'ۍ': 'XXY', 'ې': 'Y', 'ے': 'XYB', 'ۓ': 'XBE',
};

/** One Arabic-script character → A–Z; '' for signs that are dropped; undefined when not in the table. */
export function transliterateArabicChar(ch: string): string | undefined {
  const mapped = ARABIC[ch];
  if (mapped !== undefined) return mapped;
  // Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks, tatweel.
  if (/^[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]$/u.test(ch)) return '';
  return undefined;
}
