import { spellingSkeleton } from '../skeleton.js';
import type { RomanVariant, VariantProvider } from './word-variants.js';

/**
 * Greek names as they are customarily spelled besides ELOT 743 (the primary reading,
 * transliteration/greek.ts): Γ before a front vowel as Y (Γιώργος Yorgos, Γιάννης Yannis), Χ as H
 * (Χρήστος Hristos) or, in the BGN/PCGN spelling of 1962, KH (Khatzis), ΜΠ inside a word as MB
 * (Kolombos). Differences of vowels only (ΟΥ as U, Η as E) need no reading of their own: the
 * comparison forgives them.
 *
 * Source: ELOT 743:1982 and ISO 843:1997 (the primary); BGN/PCGN romanization of Modern Greek
 * (1962, Χ → KH); the phonetic spelling of Greek names used in the diaspora and before ELOT
 * passports (Γ before E, I as Y; Χ as H).
 */
const LETTERS: Readonly<Record<string, string>> = {
  Α: 'A', Β: 'V', Γ: 'G', Δ: 'D', Ε: 'E', Ζ: 'Z', Η: 'I', Θ: 'TH', Ι: 'I', Κ: 'K', Λ: 'L', Μ: 'M', Ν: 'N', Ξ: 'X',
  Ο: 'O', Π: 'P', Ρ: 'R', Σ: 'S', Τ: 'T', Υ: 'I', Φ: 'F', Χ: 'CH', Ψ: 'PS', Ω: 'O',
};
const FRONT = new Set(['Ε', 'Η', 'Ι', 'Υ']);
const VOWEL = new Set(['Α', 'Ε', 'Η', 'Ι', 'Ο', 'Υ', 'Ω']);

function read(word: string, chi: string): string {
  const chars = [...word.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase()];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const n = chars[i + 1];
    const start = i === 0;
    if (c === 'Γ' && n === 'Ι' && chars[i + 2] !== undefined && VOWEL.has(chars[i + 2]!)) {
      out += 'Y';
      i++;
    } else if (c === 'Γ' && n !== undefined && FRONT.has(n)) out += 'Y';
    else if (c === 'Γ' && (n === 'Γ' || n === 'Κ')) {
      out += start ? 'G' : 'NG';
      i++;
    } else if (c === 'Μ' && n === 'Π') {
      out += start ? 'B' : 'MB';
      i++;
    } else if (c === 'Ν' && n === 'Τ') {
      out += start ? 'D' : 'ND';
      i++;
    } else if (c === 'Ο' && n === 'Υ') {
      out += 'OU';
      i++;
    } else if ((c === 'Α' || c === 'Ε') && n === 'Υ') {
      out += c === 'Α' ? 'AV' : 'EV';
      i++;
    } else if (c === 'Χ') out += chi;
    else out += LETTERS[c] ?? '';
  }
  return out;
}

export function greekVariants(piece: string, primary: string): RomanVariant[] {
  const out: RomanVariant[] = [];
  const seen = new Set([spellingSkeleton(primary)]);
  for (const chi of ['H', 'KH']) {
    if (chi === 'KH' && !/[Χχ]/u.test(piece)) continue;
    const text = read(piece, chi);
    const skeleton = spellingSkeleton(text);
    if (text === '' || seen.has(skeleton)) continue;
    seen.add(skeleton);
    out.push({ text, system: 'el-customary' });
  }
  return out;
}

export const GREEK_PROVIDER: VariantProvider = {
  scripts: ['Grek'],
  variants(piece, latin) {
    return latin.length === 1 ? [greekVariants(piece, latin[0]!)] : [];
  },
};
