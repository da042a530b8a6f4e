/**
 * Japanese syllables in the three romanisations people write names in, and the reading of a
 * Latin word as Japanese syllables.
 *
 * Sources: Kunrei-shiki as in Cabinet Notification No. 1 of 1954 (table 1: si, ti, tu, hu, zi,
 * sya, tya, zya; ぢ づ as zi zu); modified Hepburn as in Kenkyusha's New Japanese-English
 * Dictionary (3rd ed., 1954) and ANSI Z39.11-1972 (shi, chi, tsu, fu, ji, sha, cha, ja; ん as n;
 * っ doubles the next consonant, tch before ch; long vowels with a macron, which people drop);
 * passport Hepburn as the Ministry of Foreign Affairs' passport rules (ヘボン式ローマ字綴方表):
 * ん as m before b, m, p (Namba), long o written o or, on request, oh (Satoh), no macrons.
 *
 * Syllables are held in Kunrei form, which is one letter string per sound, and written out in
 * the others from it.
 */

import { soundSkeleton } from '../skeleton.js';

/** One mora: a syllable in Kunrei form (KA, SI, SYA, ZI), N for ん, Q for っ, or '-' for a long vowel mark. */
type Mora = string;

// Hiragana → Kunrei syllable (katakana are read as the hiragana 0x60 below them).
const KANA: Readonly<Record<string, string>> = {
  あ: 'A', い: 'I', う: 'U', え: 'E', お: 'O',
  か: 'KA', き: 'KI', く: 'KU', け: 'KE', こ: 'KO', が: 'GA', ぎ: 'GI', ぐ: 'GU', げ: 'GE', ご: 'GO',
  さ: 'SA', し: 'SI', す: 'SU', せ: 'SE', そ: 'SO', ざ: 'ZA', じ: 'ZI', ず: 'ZU', ぜ: 'ZE', ぞ: 'ZO',
  た: 'TA', ち: 'TI', つ: 'TU', て: 'TE', と: 'TO', だ: 'DA', ぢ: 'ZI', づ: 'ZU', で: 'DE', ど: 'DO',
  な: 'NA', に: 'NI', ぬ: 'NU', ね: 'NE', の: 'NO',
  は: 'HA', ひ: 'HI', ふ: 'HU', へ: 'HE', ほ: 'HO', ば: 'BA', び: 'BI', ぶ: 'BU', べ: 'BE', ぼ: 'BO',
  ぱ: 'PA', ぴ: 'PI', ぷ: 'PU', ぺ: 'PE', ぽ: 'PO',
  ま: 'MA', み: 'MI', む: 'MU', め: 'ME', も: 'MO', や: 'YA', ゆ: 'YU', よ: 'YO',
  ら: 'RA', り: 'RI', る: 'RU', れ: 'RE', ろ: 'RO', わ: 'WA', ゐ: 'I', ゑ: 'E', を: 'O', ん: 'N', っ: 'Q',
  ゔ: 'BU', ゃ: '^YA', ゅ: '^YU', ょ: '^YO', ぁ: '^A', ぃ: '^I', ぅ: '^U', ぇ: '^E', ぉ: '^O', ー: '-',
};

/** Kunrei onsets that Hepburn spells otherwise, before the vowel (SI → SHI, TYA → CHA). */
const HEPBURN_OF: Readonly<Record<string, string>> = {
  SI: 'SHI', TI: 'CHI', TU: 'TSU', HU: 'FU', ZI: 'JI',
  SYA: 'SHA', SYU: 'SHU', SYO: 'SHO', SYE: 'SHE', TYA: 'CHA', TYU: 'CHU', TYO: 'CHO', TYE: 'CHE',
  ZYA: 'JA', ZYU: 'JU', ZYO: 'JO', ZYE: 'JE',
};

/** The morae of a word in hiragana or katakana (Kunrei syllables); undefined if a character is not kana. */
export function kanaMorae(kana: string): Mora[] | undefined {
  const morae: Mora[] = [];
  for (const ch of kana) {
    const code = ch.codePointAt(0)!;
    // Katakana ァ–ヶ sit 0x60 above their hiragana; ー and the middle dot stay as they are.
    const hira = code >= 0x30a1 && code <= 0x30f6 ? String.fromCodePoint(code - 0x60) : ch;
    if (hira === '・') continue;
    const k = KANA[hira];
    if (k === undefined) return undefined;
    if (k.startsWith('^')) {
      // A small kana fuses with the syllable before it: き+ゃ KYA, し+ゃ SYA, て+ぃ TI.
      const prev = morae.pop();
      if (prev === undefined || prev.length < 2 || prev === 'N' || prev === 'Q') return undefined;
      morae.push(prev.slice(0, -1) + k.slice(1));
      continue;
    }
    morae.push(k);
  }
  return morae;
}

/** How a system writes long vowels and ん before b, m, p. */
interface Spelling {
  hepburn: boolean;
  /** ん before b, m, p as M. */
  mBeforeLabial: boolean;
  /** The long o written OH. */
  ohForLongO: boolean;
}

const MODIFIED_HEPBURN: Spelling = { hepburn: true, mBeforeLabial: false, ohForLongO: false };
const KUNREI: Spelling = { hepburn: false, mBeforeLabial: false, ohForLongO: false };
const PASSPORT: Spelling = { hepburn: true, mBeforeLabial: true, ohForLongO: false };
const PASSPORT_OH: Spelling = { hepburn: true, mBeforeLabial: true, ohForLongO: true };

/**
 * Writes morae in a system. Long vowels lose their second letter as people write them without
 * macrons (さとう Satō → SATO, ゆうき Yūki → YUKI, おおの Ōno → ONO): a bare U after O or U, a
 * bare O after O, and the long mark ー.
 */
function spell(morae: readonly Mora[], s: Spelling): string {
  let out = '';
  let prevVowel = '';
  for (let i = 0; i < morae.length; i++) {
    const m = morae[i]!;
    const long = m === '-' || (m === 'U' && (prevVowel === 'O' || prevVowel === 'U')) || (m === 'O' && prevVowel === 'O');
    if (long) {
      if (s.ohForLongO && prevVowel === 'O' && !out.endsWith('H')) out += 'H';
      continue;
    }
    if (m === 'N') {
      const next = morae[i + 1];
      out += s.mBeforeLabial && next !== undefined && 'BMP'.includes(next[0]!) ? 'M' : 'N';
      prevVowel = '';
      continue;
    }
    if (m === 'Q') {
      // っ doubles the next consonant; Hepburn writes it T before CH (Hatchōbori).
      const next = morae[i + 1];
      if (next === undefined || next === 'N' || next === 'Q' || next === '-' || 'AIUEO'.includes(next[0]!)) continue;
      const written = s.hepburn ? (HEPBURN_OF[next] ?? next) : next;
      out += written.startsWith('CH') ? 'T' : written[0];
      continue;
    }
    out += s.hepburn ? (HEPBURN_OF[m] ?? m) : m;
    prevVowel = m[m.length - 1]!;
  }
  return out;
}

export interface KanaReadings {
  hepburn: string;
  kunrei: string;
  passport: string;
  passportOh: string;
}

/** A kana word in each system; undefined if it is not all kana. */
export function kanaReadings(kana: string): KanaReadings | undefined {
  const morae = kanaMorae(kana);
  if (morae === undefined || morae.length === 0) return undefined;
  return { hepburn: spell(morae, MODIFIED_HEPBURN), kunrei: spell(morae, KUNREI), passport: spell(morae, PASSPORT), passportOh: spell(morae, PASSPORT_OH) };
}

// Latin onsets, longest first, to their Kunrei form (before the vowel): Hepburn, Kunrei and
// Nihon-shiki spellings all read to the same syllable.
const ONSETS: readonly string[] = [
  'SH', 'CH', 'TS', 'KY', 'GY', 'SY', 'ZY', 'TY', 'NY', 'HY', 'BY', 'PY', 'MY', 'RY', 'JY',
  'K', 'G', 'S', 'Z', 'J', 'T', 'D', 'N', 'H', 'F', 'B', 'P', 'M', 'Y', 'R', 'W',
];

const VOWELS = 'AIUEO';

/** A Latin onset and vowel as a Kunrei syllable, or undefined if Japanese has no such syllable. */
function syllable(onset: string, v: string): string | undefined {
  switch (onset) {
    case 'SH': return v === 'I' ? 'SI' : `SY${v}`;
    case 'CH': return v === 'I' ? 'TI' : `TY${v}`;
    case 'J': case 'JY': return v === 'I' ? 'ZI' : `ZY${v}`;
    case 'TS': return v === 'U' ? 'TU' : undefined;
    case 'F': return v === 'U' ? 'HU' : undefined;
    // Nihon-shiki's DI DU are left out: Kunrei and Hepburn write ぢ づ as ZI/JI, ZU, and DI, DU are
    // the commonest syllables of Arabic and European names (MODI, -UDDIN, MADURO).
    case 'D': return v === 'I' || v === 'U' ? undefined : `D${v}`;
    case 'Y': return v === 'I' || v === 'E' ? undefined : `Y${v}`;
    case 'W': return v === 'A' || v === 'O' ? (v === 'A' ? 'WA' : 'O') : undefined;
    default:
      if (onset.length === 2) return v === 'A' || v === 'U' || v === 'O' ? onset + v : undefined;
      return onset + v;
  }
}

/**
 * A Latin word (A–Z) read as Japanese syllables in any of the three systems (SYOZI, SHOJI,
 * SHOUJI, SHOHJI; NAMBA, NANBA; HATTORI; HATCHI, HATTI), or undefined when some letters are no Japanese
 * syllable (most European names: L, V, X, C alone, a final consonant other than N).
 */
export function latinMorae(word: string): Mora[] | undefined {
  const morae: Mora[] = [];
  let i = 0;
  const n = word.length;
  while (i < n) {
    const c = word[i]!;
    if (VOWELS.includes(c)) {
      morae.push(c);
      i++;
      continue;
    }
    const next = word[i + 1];
    const nextIsVowel = next !== undefined && VOWELS.includes(next);
    // ん and っ never begin a word (MBEMBE, NGUYEN are not Japanese).
    if (morae.length === 0 && !nextIsVowel && next !== 'Y' && !ONSETS.some((o) => o.length === 2 && word.startsWith(o))) return undefined;
    if (c === 'N' && !nextIsVowel && next !== 'Y') {
      morae.push('N');
      i++;
      continue;
    }
    if (c === 'M' && (next === 'B' || next === 'M' || next === 'P')) {
      morae.push('N');
      i++;
      continue;
    }
    // OH before a consonant or at the end: passport Hepburn's long o.
    if (c === 'H' && !nextIsVowel && next !== 'Y' && morae.length > 0 && morae[morae.length - 1]!.endsWith('O')) {
      morae.push('-');
      i++;
      continue;
    }
    // A doubled consonant (KK, SS, TT, PP), or T/C before CH: っ.
    if ((next === c && c !== 'N' && c !== 'Y' && c !== 'W') || ((c === 'T' || c === 'C') && next === 'C' && word[i + 2] === 'H')) {
      morae.push('Q');
      i++;
      continue;
    }
    let matched = false;
    for (const onset of ONSETS) {
      if (!word.startsWith(onset, i)) continue;
      const v = word[i + onset.length];
      if (v === undefined || !VOWELS.includes(v)) continue;
      const s = syllable(onset, v);
      if (s === undefined) return undefined;
      morae.push(s);
      i += onset.length + 1;
      matched = true;
      break;
    }
    if (!matched) return undefined;
  }
  return morae;
}

/**
 * The form every spelling of a Japanese word is brought to: modified Hepburn without long vowels
 * and with ん as N (SYOZI, SHOUJI, SHOHJI → SHOJI; OHNO, OONO, OUNO → ONO; NAMBA → NANBA).
 */
export function hepburnOfMorae(morae: readonly Mora[]): string {
  return spell(morae, MODIFIED_HEPBURN);
}

// Letters that only some romanisation of Japanese writes differently from modified Hepburn
// without macrons: Kunrei's SI TI TU HU ZI and SY TY ZY, passport Hepburn's long OH and ん as M
// before B M P. A word with none of them already has its one spelling, or one that the
// comparison meets anyway (long vowels written OU, OO, UU: its spelling skeleton reads a run of
// vowels as one, so SATOU already meets SATO).
const VARIES = /SI|TI|TU|HU|ZI|[STZJ]Y|OH|M[BMP]|TCH/;
const KUNREI_ONLY = /SI|TI|TU|HU|ZI|[STZ]Y/;
const HEPBURN_ONLY = /SH|CH|TS|F|J/;
// Letters no romanisation of Japanese writes (L, V, X, Q, C outside CH) and a final consonant other
// than N (or the H of a long OH): most European words stop here, before the syllables are read.
const NOT_JAPANESE = /[LVXQ]|C(?!H)|[^AEIOUNH]$/;
// Kunrei's palatal syllables (SYO, TYA, ZYU): no European or pinyin word has them.
const KUNREI_PALATAL = /[STZ]Y/;
/**
 * Syllables a word needs before its spelling is taken for Japanese. Words of one or two syllables
 * that read as Japanese are mostly other languages' (pinyin HU, SI, HOU, OU; DIN, HUGO), and
 * their Japanese readings would meet other names (HU as FU, HOU as HO).
 */
const MIN_MORAE = 3;

/**
 * The Hepburn form of a Latin word that reads wholly as Japanese and is spelled otherwise
 * (SYOZI → SHOJI, SATOH → SATO, OHNO → ONO, NAMBA → NANBA); undefined for any other word. A word
 * that mixes Kunrei and Hepburn letters (SHITI) is no romanisation of Japanese.
 */
export function hepburnOfLatin(word: string): string | undefined {
  if (!VARIES.test(word) || NOT_JAPANESE.test(word)) return undefined;
  const kunrei = KUNREI_ONLY.test(word);
  if (kunrei && HEPBURN_ONLY.test(word)) return undefined;
  const morae = latinMorae(word);
  if (morae === undefined || (morae.length < MIN_MORAE && !(kunrei && KUNREI_PALATAL.test(word)))) return undefined;
  const hepburn = hepburnOfMorae(morae);
  return hepburn !== word && hepburn.length >= MIN_MORAE ? hepburn : undefined;
}

/**
 * The Hepburn form of a Latin word as a variant: only when the comparison would not already equate
 * it with the word's own spelling (SI and SHI sound alike to it, a final H is dropped): each
 * variant costs comparisons.
 */
export function hepburnVariantOf(word: string): string | undefined {
  const hepburn = hepburnOfLatin(word);
  return hepburn !== undefined && soundSkeleton(hepburn) !== soundSkeleton(word) ? hepburn : undefined;
}
