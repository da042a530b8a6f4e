/** ISO 15924 codes and the Unicode Script property each one stands for. Order breaks ties. */
const SCRIPTS: readonly (readonly [code: string, pattern: RegExp])[] = [
  ['Latn', /\p{Script=Latin}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Arab', /\p{Script=Arabic}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Hani', /\p{Script=Han}/u],
  ['Hira', /\p{Script=Hiragana}/u],
  ['Kana', /\p{Script=Katakana}/u],
  ['Hang', /\p{Script=Hangul}/u],
  ['Deva', /\p{Script=Devanagari}/u],
  ['Beng', /\p{Script=Bengali}/u],
  ['Guru', /\p{Script=Gurmukhi}/u],
  ['Gujr', /\p{Script=Gujarati}/u],
  ['Taml', /\p{Script=Tamil}/u],
  ['Telu', /\p{Script=Telugu}/u],
  ['Knda', /\p{Script=Kannada}/u],
  ['Mlym', /\p{Script=Malayalam}/u],
  ['Sinh', /\p{Script=Sinhala}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Laoo', /\p{Script=Lao}/u],
  ['Khmr', /\p{Script=Khmer}/u],
  ['Mymr', /\p{Script=Myanmar}/u],
  ['Tibt', /\p{Script=Tibetan}/u],
  ['Armn', /\p{Script=Armenian}/u],
  ['Geor', /\p{Script=Georgian}/u],
  ['Ethi', /\p{Script=Ethiopic}/u],
  ['Syrc', /\p{Script=Syriac}/u],
  ['Thaa', /\p{Script=Thaana}/u],
  ['Mong', /\p{Script=Mongolian}/u],
  ['Bopo', /\p{Script=Bopomofo}/u],
];

/** The ISO 15924 code of one character, 'Zyyy' for digits, punctuation, marks and anything unlisted. */
export function scriptOfChar(ch: string): string {
  if (!/\p{L}/u.test(ch)) return 'Zyyy';
  for (const [code, pattern] of SCRIPTS) if (pattern.test(ch)) return code;
  return 'Zyyy';
}

/**
 * The ISO 15924 code of the script most of the text's letters are in ('Latn', 'Cyrl', 'Arab',
 * 'Grek', 'Hani', 'Hang'…); 'Zyyy' when the text has no letters of a listed script.
 * Only the first 1,000 characters are looked at: a name never needs more.
 */
export function scriptOf(text: string): string {
  const counts = new Map<string, number>();
  let seen = 0;
  for (const ch of text) {
    if (++seen > 1000) break;
    const code = scriptOfChar(ch);
    if (code !== 'Zyyy') counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let best = 'Zyyy';
  let bestCount = 0;
  for (const [code, count] of counts) {
    if (count > bestCount) {
      best = code;
      bestCount = count;
    }
  }
  return best;
}
