import { soundClassCount } from '../loan-similarity.js';
import { gereshSound } from '../hebrew-geresh.js';
import { LOAN_MIN_CLASSES } from './arabic.js';
import type { RomanVariant, VariantProvider } from './word-variants.js';

/**
 * Hebrew names as they are usually spelled in Latin letters (Israeli passports, the press, the
 * Academy of the Hebrew Language's 2006 simple transcription and the older English usage):
 * ח as H, CH or KH (Hikmat, Chaim, Khaim), כ and ך as K, KH or CH (Michael, Micha), צ as TZ, TS or
 * Z (Yitzhak), ש as SH or S, ו as V, O or U, י as Y, I or E. The primary reading (romanise.ts
 * romaniseHebrew) is the consonant table with ח KH, כ K; the variants here give the other readings
 * of ח and כ, the letters whose spellings fall in different sound classes. Vowels are not written
 * (ו and י stand for them), so the variants are compared by consonants, like the primary.
 *
 * Source: Academy of the Hebrew Language, rules of transcription (2006, simple transcription:
 * ח H, כ KH, צ TS); customary spellings of Israeli personal names (CH for ח and כ, TZ for צ).
 */
const LETTERS: Readonly<Record<string, string>> = {
  'א': '', 'ב': 'B', 'ג': 'G', 'ד': 'D', 'ה': 'H', 'ו': 'W', 'ז': 'Z', 'ט': 'T', 'י': 'Y',
  'ל': 'L', 'מ': 'M', 'ם': 'M', 'נ': 'N', 'ן': 'N', 'ס': 'S', 'ע': '', 'פ': 'P', 'ף': 'F', 'צ': 'TZ', 'ץ': 'TZ', 'ק': 'K',
  'ר': 'R', 'ש': 'SH', 'ת': 'T',
};

/** The readings of ח and of כ/ך each variant uses, besides the primary's KH and K. */
const CHOICES: readonly (readonly [het: string, kaf: string])[] = [
  ['H', 'K'], ['CH', 'K'], ['KH', 'CH'], ['H', 'CH'], ['CH', 'CH'],
];

function read(chars: readonly string[], het: string, kaf: string): string {
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
    // CH before R or L would read as the K of Christ and Chloe: written TCH, which keeps the sound class of CH.
    const heard = chars[i + 1] === 'א' || chars[i + 1] === 'ע' ? chars[i + 2] : next;
    const ch = (reading: string): string => (reading === 'CH' && (heard === 'ר' || heard === 'ל') ? 'TCH' : reading);
    if (c === 'ח') out += ch(het);
    else if (c === 'כ' || c === 'ך') out += ch(kaf);
    else out += LETTERS[c] ?? '';
  }
  return out;
}

/** The usual spellings of one Hebrew word (vowel-poor readings), without the primary's. */
export function hebrewVariants(piece: string): RomanVariant[] {
  const chars = [...piece.replace(/[\u0591-\u05C7]/gu, '')];
  const hasHet = chars.includes('ח');
  const hasKaf = chars.includes('כ') || chars.includes('ך');
  if (!hasHet && !hasKaf) return [];
  const out: RomanVariant[] = [];
  for (const [het, kaf] of CHOICES) {
    if ((!hasHet && het !== 'KH') || (!hasKaf && kaf !== 'K')) continue;
    const text = read(chars, het, kaf);
    if (!out.some((v) => v.text === text)) out.push({ text, system: 'he-common', vowelPoor: true });
  }
  return out;
}

/**
 * A foreign name written in Hebrew by sound (בייסינגר Basinger): ו and י as the vowels they mostly
 * are (a doubled וו or a first ו is V), ח and כ as KH, צ as Z; compared with the Latin original by
 * classes of consonant sound, vowels and silent letters aside (loan-similarity.ts). Only readings
 * of four consonant classes or more are offered (LOAN_MIN_CLASSES): shorter ones match too much.
 *
 * Source: the Academy of the Hebrew Language's rules for spelling without vowel points (ו for O
 * and U, וו for a consonant V, י for I and E, יי for a consonant Y or a diphthong), as Hebrew writes
 * foreign names (שטיינברג Steinberg, וגנר Wagner).
 */
const LOAN: Readonly<Record<string, string>> = { ...LETTERS, 'ו': 'U', 'י': 'I', 'צ': 'Z', 'ץ': 'Z' };

export function hebrewLoanReading(piece: string): RomanVariant[] {
  const chars = [...piece.replace(/[\u0591-\u05C7]/gu, '')];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const next = chars[i + 1];
    const geresh = gereshSound(c, next);
    if (geresh !== undefined) {
      out += geresh;
      i++;
    } else if (c === 'ו' && (next === 'ו' || i === 0)) {
      out += 'V';
      if (next === 'ו') i++;
    } else if (c === 'ח' || c === 'כ' || c === 'ך') out += 'KH';
    else out += LOAN[c] ?? '';
  }
  return soundClassCount(out) >= LOAN_MIN_CLASSES ? [{ text: out, system: 'he-transcription' }] : [];
}

export const HEBREW_PROVIDER: VariantProvider = {
  scripts: ['Hebr'],
  variants(piece, latin) {
    return latin.length === 1 ? [[...hebrewVariants(piece), ...hebrewLoanReading(piece)]] : [];
  },
};
