import { guessCyrillicLanguage, scriptOf, transliterateIcao } from '../transliteration/index.js';
import { gereshSound } from './hebrew-geresh.js';
import { dropToneNumbers } from './systems/chinese-tone-numbers.js';
import { NO_VARIANTS, wordVariants, type RomanVariant } from './systems/word-variants.js';

/** One word of a name in the MRZ alphabet, with what the tokenizer knew about it. */
export interface RomanWord {
  text: string;
  /** ISO 15924 code of the script the word was written in. */
  script: string;
  /** Joined to the previous word by a hyphen (ud-Din, Jean-Claude). */
  hyphenated: boolean;
  /** Part of the same written word as the previous one: hyphenated, or a further syllable of one written word (丽丽 → LI LI). */
  bound: boolean;
  /**
   * The characters the word was read from, for Chinese, Japanese and Korean: there a different
   * character is a different name even when the romanisation is the same (高石 / 高市), and the same
   * reading of other characters is no variant. Empty for alphabets.
   */
  native: string;
  /** Readings of the word by other romanisation systems (systems/word-variants.ts); usually none. */
  variants: readonly RomanVariant[];
  /**
   * On the first word of a piece the primary reading made several words (山田 → SHAN TIAN): the
   * readings of the whole piece as one word (YAMADA), and how many words they stand for (else 0).
   */
  whole: readonly RomanVariant[];
  wholeWords: number;
}

/** Longest name looked at: real names are far shorter, and the cap bounds the time of everything after. */
export const MAX_NAME_INPUT = 512;

/**
 * Scripts whose romanisation carries no short vowels (abjads, and Indic and South-East Asian
 * scripts whose inherent vowel any-ascii drops): their words are compared with Latin words by
 * consonants only.
 */
const VOWEL_POOR_SCRIPTS: ReadonlySet<string> = new Set([
  'Arab', 'Hebr', 'Syrc', 'Thaa', 'Deva', 'Beng', 'Guru', 'Gujr', 'Orya', 'Taml', 'Telu', 'Knda', 'Mlym',
  'Sinh', 'Thai', 'Laoo', 'Khmr', 'Mymr', 'Tibt',
]);

export function isVowelPoorScript(script: string): boolean {
  return VOWEL_POOR_SCRIPTS.has(script);
}

// Digits inside words are letters typed wrongly (Ig0r Sech1n, I9or): read them back as the letters they look like.
const LOOKALIKE: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '6': 'b', '7': 't', '8': 'b', '9': 'g' };
const DIGIT_IN_WORD = /(?<=\p{L})[0-9]|[0-9](?=\p{L})/gu;

const PLAIN_ASCII = /^[A-Za-z']+$/;

// Anything that is neither a letter, a mark, an apostrophe nor a hyphen separates words.
const SEPARATOR = /[^\p{L}\p{M}'’‘ʼʻ`´′＇-]+/u;

/**
 * Splits a name into words and romanises each one with the ICAO tables. Word by word (rather
 * than the whole string) so that each word keeps its script and whether a hyphen bound it.
 */
export function romaniseName(raw: string): RomanWord[] {
  const input = dropToneNumbers(raw.slice(0, MAX_NAME_INPUT).normalize('NFC')).replace(DIGIT_IN_WORD, (d) => LOOKALIKE[d] ?? ' ');
  const language = guessCyrillicLanguage(input);
  const options = language !== undefined ? { language } : {};
  const words: RomanWord[] = [];
  for (const chunk of input.split(SEPARATOR)) {
    let hyphenated = false;
    for (const piece of chunk.split('-')) {
      if (piece === '') {
        hyphenated = words.length > 0;
        continue;
      }
      // Plain ASCII letters (most names on most lists) need no tables: the fast path of index builds.
      const ascii = PLAIN_ASCII.test(piece);
      const script = ascii ? 'Latn' : scriptOf(piece);
      const romanised = ascii ? piece.replace(/'/g, '').toUpperCase() : script === 'Hebr' ? romaniseHebrew(piece) : transliterateIcao(piece, options);
      const latin = romanised.split(' ').filter((t) => t !== '');
      const natives = nativeOf(piece, script, latin.length);
      const variants = wordVariants(piece, script, latin);
      let first = true;
      latin.forEach((text, k) => {
        const decoded = script === 'Arab' ? decodeArabic(text) : [text];
        for (const d of decoded) {
          // A word the Arabic decoding split (the joined article) keeps its variants on the name, not the article.
          const own = decoded.length === 1 || d !== 'AL' ? (variants[k] ?? NO_VARIANTS) : NO_VARIANTS;
          const whole = k === 0 && decoded.length === 1 ? (variants[latin.length] ?? NO_VARIANTS) : NO_VARIANTS;
          words.push({ text: d, script, hyphenated: first && hyphenated, bound: !first || hyphenated, native: natives[k] ?? '', variants: own, whole, wholeWords: whole.length > 0 ? latin.length : 0 });
          first = false;
        }
      });
      hyphenated = true;
    }
  }
  return words;
}

// Hebrew has no Doc 9303 table and any-ascii reads every ו and ב as V and splits words at א. For
// comparing names the consonants matter: ו is mostly a vowel (W, which the consonant skeleton
// drops), א and ע are silent, a geresh makes ג ז צ into J, ZH, CH.
const HEBREW: Readonly<Record<string, string>> = {
  'א': '', 'ב': 'B', 'ג': 'G', 'ד': 'D', 'ה': 'H', 'ו': 'W', 'ז': 'Z', 'ח': 'KH', 'ט': 'T', 'י': 'Y', 'כ': 'K', 'ך': 'K',
  'ל': 'L', 'מ': 'M', 'ם': 'M', 'נ': 'N', 'ן': 'N', 'ס': 'S', 'ע': '', 'פ': 'P', 'ף': 'F', 'צ': 'TS', 'ץ': 'TS', 'ק': 'K',
  'ר': 'R', 'ש': 'SH', 'ת': 'T',
};

function romaniseHebrew(piece: string): string {
  const chars = [...piece];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const next = chars[i + 1];
    const geresh = gereshSound(c, next);
    if (geresh !== undefined) {
      out += geresh;
      i++;
      continue;
    }
    const mapped = HEBREW[c];
    if (mapped !== undefined) out += mapped;
    else if (/\p{L}/u.test(c)) out += transliterateIcao(c);
  }
  return out;
}

const CHARACTER_SCRIPTS: ReadonlySet<string> = new Set(['Hani', 'Hang', 'Hira', 'Kana']);

/** The characters behind each romanised word of a CJK piece (transliterateIcao reads 2–4 characters as family + given). */
function nativeOf(piece: string, script: string, words: number): string[] {
  if (!CHARACTER_SCRIPTS.has(script)) return [];
  const chars = [...piece].filter((c) => /\p{L}/u.test(c));
  if (words === 1) return [chars.join('')];
  if (words === 2 && chars.length >= 2 && chars.length <= 4) return [chars[0]!, chars.slice(1).join('')];
  return [];
}

// Doc 9303's reversible Arabic scheme marks letters without a Latin equivalent with X (ح → XH,
// ش → XSH). For comparing names the X only gets in the way: read each code as the plain spelling
// people write (XH → H, XSH → SH, XTA for ة → A, hamza XE → nothing).
const ARABIC_CODES: readonly (readonly [string, string])[] = [
  ['XKH', 'KH'], ['XSH', 'SH'], ['XSS', 'S'], ['XDZ', 'D'], ['XTT', 'T'], ['XZZ', 'Z'], ['XTH', 'TH'],
  ['XDH', 'DH'], ['XAA', 'A'], ['XAE', 'A'], ['XAY', 'A'], ['XTA', 'A'], ['XYA', 'Y'], ['XKK', 'K'],
  ['XGG', 'G'], ['XXA', 'A'], ['XE', ''], ['XI', 'I'], ['XH', 'H'], ['XC', 'CH'], ['XJ', 'ZH'],
];

// Arabic script writes the article and the connectors without vowels and, for the article, joined.
const ARABIC_WORDS: Readonly<Record<string, string>> = { BN: 'BIN', BNT: 'BINT', ABW: 'ABU', AL: 'AL' };

/** One romanised Arabic-script word → its plain spelling, with a joined article split off (القذافي → AL QDHAFY). */
export function decodeArabic(text: string): string[] {
  let plain = '';
  for (let i = 0; i < text.length; ) {
    if (text[i] === 'X') {
      const code = ARABIC_CODES.find(([c]) => text.startsWith(c, i));
      if (code) {
        plain += code[1];
        i += code[0].length;
        continue;
      }
      i++;
      continue;
    }
    plain += text[i];
    i++;
  }
  const word = ARABIC_WORDS[plain];
  if (word !== undefined) return [word];
  // The ayn at the start of a word (ع → E) is read as a vowel: EBD → ABD, ELY → ALY.
  const parts = plain.startsWith('AL') && plain.length >= 4 ? ['AL', plain.slice(2)] : [plain];
  return parts.map((p) => (p.startsWith('E') ? `A${p.slice(1)}` : p)).filter((p) => p !== '');
}
