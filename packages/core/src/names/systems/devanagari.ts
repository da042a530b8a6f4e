import type { RomanVariant, VariantProvider } from './word-variants.js';

/**
 * Devanagari names as Indians spell them in Latin letters: the Hunterian system (the Government
 * of India's romanisation, without its diacritics) with the inherent vowel written and dropped
 * where Hindi drops it (schwa deletion): राम → RAM, not RAMA; कमला → KAMLA; भारत → BHARAT;
 * नरेन्द्र → NARENDRA (kept after a cluster). The primary reading (any-ascii) writes no inherent
 * vowels at all and is compared by consonants; this reading has them, and the usual letters for
 * the sounds any-ascii spells otherwise (च CH, छ CHH, श and ष SH, ज्ञ GY, anusvara N or M by the
 * consonant after it, ई EE and ऊ OO as often written in names: Deepak, Poonam).
 *
 * Source: Hunterian transliteration (the Government of India's romanisation of Devanagari), its
 * diacritics left out; schwa deletion after Ohala (1983): the inherent vowel of a
 * consonant between a vowel and a consonant with a vowel is not spoken, nor at the end of a word
 * unless a cluster precedes it.
 */
const CONSONANTS: Readonly<Record<string, string>> = {
  'क': 'K', 'ख': 'KH', 'ग': 'G', 'घ': 'GH', 'ङ': 'N', 'च': 'CH', 'छ': 'CHH', 'ज': 'J', 'झ': 'JH', 'ञ': 'N',
  'ट': 'T', 'ठ': 'TH', 'ड': 'D', 'ढ': 'DH', 'ण': 'N', 'त': 'T', 'थ': 'TH', 'द': 'D', 'ध': 'DH', 'न': 'N',
  'प': 'P', 'फ': 'PH', 'ब': 'B', 'भ': 'BH', 'म': 'M', 'य': 'Y', 'र': 'R', 'ल': 'L', 'व': 'V', 'श': 'SH',
  'ष': 'SH', 'स': 'S', 'ह': 'H', 'ळ': 'L',
  // Nukta letters, precomposed (U+0958–U+095F).
  'क़': 'Q', 'ख़': 'KH', 'ग़': 'GH', 'ज़': 'Z', 'ड़': 'R', 'ढ़': 'RH', 'फ़': 'F', 'य़': 'Y',
};
/** A consonant with the nukta sign after it. */
const NUKTA: Readonly<Record<string, string>> = { 'क': 'Q', 'ख': 'KH', 'ग': 'GH', 'ज': 'Z', 'ड': 'R', 'ढ': 'RH', 'फ': 'F', 'य': 'Y' };
const VOWELS: Readonly<Record<string, string>> = {
  'अ': 'A', 'आ': 'A', 'इ': 'I', 'ई': 'EE', 'उ': 'U', 'ऊ': 'OO', 'ऋ': 'RI', 'ए': 'E', 'ऐ': 'AI', 'ओ': 'O', 'औ': 'AU', 'ऑ': 'O', 'ऍ': 'E',
};
const SIGNS: Readonly<Record<string, string>> = {
  'ा': 'A', 'ि': 'I', 'ी': 'EE', 'ु': 'U', 'ू': 'OO', 'ृ': 'RI', 'े': 'E', 'ै': 'AI', 'ो': 'O', 'ौ': 'AU', 'ॉ': 'O', 'ॅ': 'E',
};
const VIRAMA = '्';
const LABIALS = new Set(['प', 'फ', 'ब', 'भ', 'म']);

interface Unit {
  consonant: string;
  /** The vowel written after it; undefined for the inherent vowel; '' after a virama. */
  vowel: string | undefined;
  /** Joined by a virama to the consonant before it. */
  cluster: boolean;
  /** Anusvara or chandrabindu after the unit. */
  nasal: boolean;
  next: string;
}

function units(word: string): Unit[] {
  const chars = [...word.normalize('NFC')];
  const out: Unit[] = [];
  let cluster = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === 'ज' && chars[i + 1] === VIRAMA && chars[i + 2] === 'ञ') {
      // ज्ञ is spoken GY in Hindi (Gyan, Gyaneshwar).
      out.push({ consonant: 'GY', vowel: undefined, cluster, nasal: false, next: '' });
      cluster = false;
      i += 2;
    } else if (CONSONANTS[c] !== undefined) {
      let consonant = CONSONANTS[c]!;
      if (chars[i + 1] === '़' && NUKTA[c] !== undefined) {
        consonant = NUKTA[c]!;
        i++;
      }
      out.push({ consonant, vowel: undefined, cluster, nasal: false, next: '' });
      cluster = false;
    } else if (VOWELS[c] !== undefined) {
      out.push({ consonant: '', vowel: VOWELS[c], cluster: false, nasal: false, next: '' });
      cluster = false;
    } else if (SIGNS[c] !== undefined && out.length > 0) {
      out[out.length - 1]!.vowel = SIGNS[c];
    } else if (c === VIRAMA && out.length > 0) {
      out[out.length - 1]!.vowel = '';
      cluster = true;
    } else if ((c === 'ं' || c === 'ँ') && out.length > 0) {
      out[out.length - 1]!.nasal = true;
      out[out.length - 1]!.next = chars[i + 1] ?? '';
    } else if (c === 'ः' && out.length > 0) {
      out[out.length - 1]!.vowel = (out[out.length - 1]!.vowel ?? 'A') + 'H';
    }
  }
  return out;
}

/** The Hunterian reading of one Devanagari word, with schwa deletion; '' when it has no letters. */
export function hunterian(word: string): string {
  const us = units(word);
  const spoken = us.map((u) => (u.vowel === undefined ? 'A' : u.vowel));
  // From the end: the inherent vowel of a consonant that ends the word goes, unless a cluster is before it (MITRA).
  const last = us.length - 1;
  if (last > 0 && us[last]!.vowel === undefined && !us[last]!.cluster) spoken[last] = '';
  // Inside: a consonant with an inherent vowel, after a vowel and before a consonant that keeps its vowel (KAMLA).
  for (let i = last - 1; i >= 1; i--) {
    const u = us[i]!;
    if (u.vowel !== undefined || u.cluster || u.nasal || u.consonant === '') continue;
    const before = spoken[i - 1] !== '';
    const after = us[i + 1]!.consonant !== '' && !us[i + 1]!.cluster && spoken[i + 1] !== '';
    if (before && after) spoken[i] = '';
  }
  let out = '';
  us.forEach((u, i) => {
    out += u.consonant + spoken[i]!;
    if (u.nasal) out += LABIALS.has(u.next) ? 'M' : 'N';
  });
  return out;
}

export const DEVANAGARI_PROVIDER: VariantProvider = {
  scripts: ['Deva'],
  variants(piece, latin) {
    if (latin.length !== 1) return [];
    const text = hunterian(piece);
    return [text === '' ? [] : [{ text, system: 'deva-hunterian' } satisfies RomanVariant]];
  },
};
