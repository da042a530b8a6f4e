import { soundClassCount } from '../loan-similarity.js';
import { consonantsAndGaps } from '../skeleton.js';
import type { RomanVariant, VariantProvider } from './word-variants.js';

/**
 * Arabic-script names as people spell them in Latin letters, beside the primary reading
 * (Doc 9303's table decoded to plain letters, romanise.ts decodeArabic: ج J, ث TH, ذ DH, ظ Z,
 * ش SH). Each regional usage reads a few letters in another sound class:
 *
 * - Egyptian and Sudanese English: ث S, ذ Z, ظ Z (and ج G: Gamal, which the comparison already
 *   takes for J, one consonant apart);
 * - Maghrebi French: ش CH (Chérif, Achour), ث T, ذ D, ظ D (and ج DJ, already J's sound class);
 * - Persian, Urdu and Turkish: ث S, ذ Z, ض Z, ظ Z (Ramzan, Zakir);
 * - English scholarly usage (ALA-LC without diacritics): ظ DH;
 * and in every one of them تش is the CH of a foreign name (تشارلز Charles).
 *
 * The article before a sun letter is assimilated in speech, and often in spelling: عبدالرحمن is
 * Abdurrahman and Abderrahmane as well as Abdul Rahman. Inside a written word, ال before a sun
 * letter is also read that way (a vowel and the doubled letter).
 *
 * The readings stay vowel-poor (the short vowels are not written) and are compared by consonants,
 * like the primary. Source: the BGN/PCGN romanization of Arabic (1956) for the English letters;
 * the French spellings of the Maghreb's civil registers (Chérif, Djamel, Abdelkader); Persian and
 * Urdu pronunciation of the Arabic letters (ض ظ ذ as Z, ث as S).
 */

/** The plain reading of each letter in the primary (romanise.ts decodeArabic), which the usages then change. */
const BASE: Readonly<Record<string, string>> = {
  'ء': '', 'آ': 'A', 'أ': 'A', 'ؤ': 'U', 'إ': 'I', 'ئ': 'I', 'ا': 'A', 'ب': 'B', 'ة': 'A', 'ت': 'T', 'ث': 'TH',
  'ج': 'J', 'ح': 'H', 'خ': 'KH', 'د': 'D', 'ذ': 'DH', 'ر': 'R', 'ز': 'Z', 'س': 'S', 'ش': 'SH', 'ص': 'S', 'ض': 'D',
  'ط': 'T', 'ظ': 'Z', 'ع': 'E', 'غ': 'G', 'ف': 'F', 'ق': 'Q', 'ك': 'K', 'ل': 'L', 'م': 'M', 'ن': 'N', 'ه': 'H',
  'و': 'W', 'ى': 'A', 'ي': 'Y', 'ٱ': 'A', 'پ': 'P', 'چ': 'CH', 'ژ': 'ZH', 'ک': 'K', 'گ': 'G', 'ی': 'Y', 'ې': 'Y',
};

interface Usage {
  /** Letters read otherwise than in BASE. */
  letters: Readonly<Record<string, string>>;
}

const USAGES: readonly Usage[] = [
  // ج as G (Gamal) is left to the comparison, which holds J and G one consonant apart: a G reading
  // would be K's class, and meet every K, Q and KH name (جابر and Kabir).
  { letters: { 'ث': 'S', 'ذ': 'Z', 'ظ': 'Z' } },
  // ش is written TCH: the sound class of CH (as in Chérif), which a bare CH before R would not keep (CHR is K, as in Christ).
  { letters: { 'ش': 'TCH', 'ث': 'T', 'ذ': 'D', 'ظ': 'D' } },
  { letters: { 'ث': 'S', 'ذ': 'Z', 'ض': 'Z', 'ظ': 'Z' } },
  { letters: { 'ظ': 'DH' } },
];

/** Sun letters: the article's L before them is spoken as the letter itself (ar-Rahman, ad-Din). */
const SUN = new Set([...'تثدذرزسشصضطظلن']);
const HARAKAT = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/gu;

/** A word read letter by letter, by a usage (none: the primary's letters), and with the readings every usage shares (`usual`: تش as CH, the assimilated article). */
function read(chars: readonly string[], usage: Usage | undefined, usual: boolean): string {
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const next = chars[i + 1];
    // تش: the CH of a foreign name.
    if (usual && c === 'ت' && next === 'ش') {
      out += 'CH';
      i++;
      continue;
    }
    // ال inside a word (عبدالرحمن) before a sun letter: ABDARRHMN.
    if (usual && i > 0 && c === 'ا' && next === 'ل' && chars[i + 2] !== undefined && SUN.has(chars[i + 2]!) && chars[i + 2] !== 'ل') {
      out += 'A';
      i++;
      const sun = chars[i + 1]!;
      out += usage?.letters[sun] ?? BASE[sun] ?? '';
      continue;
    }
    out += usage?.letters[c] ?? BASE[c] ?? '';
  }
  return out;
}

/** The usual spellings of one Arabic-script word, each vowel-poor, in the form decodeArabic gives (article split off, initial ع as A). */
export function arabicVariants(piece: string): RomanVariant[] {
  let chars = [...piece.replace(HARAKAT, '')];
  // A word-initial article is split off by decodeArabic: the variants belong to the name after it.
  if (chars.length >= 4 && chars[0] === 'ا' && chars[1] === 'ل') chars = chars.slice(2);
  const out: RomanVariant[] = [];
  // A reading is compared by its consonant classes and the vowels between them: one that has the
  // primary's (TH for ث where the primary has T's class already) or an earlier reading's adds nothing.
  const seen = new Set<string>();
  const add = (text: string, primary = false): void => {
    const t = text.startsWith('E') ? `A${text.slice(1)}` : text;
    const shape = consonantsAndGaps(t);
    const key = `${shape.skeleton}|${shape.gaps.join(',')}`;
    if (t === '' || seen.has(key)) return;
    seen.add(key);
    if (!primary) out.push({ text: t, system: 'ar-common', vowelPoor: true });
  };
  add(read(chars, undefined, false), true);
  const foreignCh = piece.includes('تش');
  const article = /.ال./u.test(piece);
  if (foreignCh || article) add(read(chars, undefined, true));
  for (const usage of USAGES) if (chars.some((c) => usage.letters[c] !== undefined)) add(read(chars, usage, true));
  return out;
}

/**
 * A foreign name written in Arabic script by sound (شتاينمان Steinmann, فينسيسلاوس Wenceslaus,
 * سامبور Sambourne): its long vowels as vowels, and the consonants as the transcription tables for
 * foreign names use them (ف for F and V, ج for G and J, غ for G, تش for CH). Such a reading is
 * compared with the Latin original by classes of consonant sound, vowels, silent letters and H
 * aside (loan-similarity.ts); the spelled vowels of the original are what Arabic leaves out.
 * Only readings of four consonant classes or more are offered: shorter ones match too much, and
 * the three-consonant roots of Arabic names (سليم, كريم) would meet other names with other vowels.
 *
 * Source: the usual Arabic transcription of European names (ا و ي for A, O/U, I/E; ف for F and V;
 * غ or ج for G; تش for CH; شت for the German ST), as in فاغنر Wagner, شتاينبرغ Steinberg.
 */
const LOAN: Readonly<Record<string, string>> = {
  ...BASE, 'ا': 'A', 'آ': 'A', 'أ': 'A', 'إ': 'I', 'ة': 'A', 'و': 'U', 'ي': 'I', 'ى': 'A', 'ع': '', 'ء': '', 'ئ': '',
  'ؤ': '', 'ڤ': 'V', 'ڨ': 'G', 'ق': 'K', 'ی': 'I', 'ې': 'E',
};

function readLoan(chars: readonly string[], jim: string): string {
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === 'ت' && chars[i + 1] === 'ش') {
      out += 'CH';
      i++;
    } else if (c === 'ج') out += jim;
    // A و or ي between vowels, or first before a vowel, is a consonant (W, Y), which the sound classes skip anyway.
    else out += LOAN[c] ?? '';
  }
  return out;
}

/**
 * Letters the transcription of European names does not use: the pharyngeals and the emphatics
 * (ع ح ص ض ط ظ) and ث ذ. A word with one of them is an Arabic (or Persian, Urdu) name, which its
 * Latin spellings meet through the readings above, not by sound.
 */
const NATIVE_LETTERS = /[عحصضطظثذ]/u;

/** The readings of an Arabic-script word as a foreign name written by sound (with ج as J, and as G). */
export function arabicLoanReadings(piece: string): RomanVariant[] {
  if (NATIVE_LETTERS.test(piece)) return [];
  const chars = [...piece.replace(HARAKAT, '')];
  const out: RomanVariant[] = [];
  for (const jim of chars.includes('ج') ? ['J', 'G'] : ['J']) {
    const text = readLoan(chars, jim);
    if (soundClassCount(text) >= LOAN_MIN_CLASSES && !out.some((v) => v.text === text)) out.push({ text, system: 'ar-transcription' });
  }
  return out;
}

/** Fewer consonant classes than this make a reading by sound too weak to offer. */
export const LOAN_MIN_CLASSES = 4;

export const ARABIC_PROVIDER: VariantProvider = {
  scripts: ['Arab'],
  variants(piece, latin) {
    if (latin.length !== 1) return [];
    // A joined article belongs to the name, not to the foreign word: السعدون is read from after it.
    const word = /^ال../u.test(piece) ? piece.slice(2) : piece;
    return [[...arabicVariants(piece), ...arabicLoanReadings(word)]];
  },
};
