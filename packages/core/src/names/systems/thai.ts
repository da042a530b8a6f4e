import type { RomanVariant, VariantProvider } from './word-variants.js';

/**
 * Thai names by the Royal Thai General System of Transcription (RTGS, Royal Institute, 1999),
 * which Thai passports and the press follow: vowels written before the consonant read after it
 * (เ แ โ ใ ไ), the unwritten vowels supplied (O in a closed syllable: สมชาย SOMCHAI; A in an
 * open one: ประ PRA), final consonants read by their final value (จ ช ซ ด ต ท ศ ษ ส → T, ญ ณ น ร ล
 * → N, บ ป พ ฟ ภ → P, ข ค ฆ → K), letters under the thanthakhat silent (ประยุทธ์ PRAYUT,
 * จันทร์ CHAN), ห before a sonorant silent (หลวง LUANG). any-ascii reads letter by letter
 * (CHANTHROOCHA); this reading is the one the names are written with (Chan-o-cha, Abhisit's RTGS
 * APHISIT). Personal spellings often keep the letters of the Sanskrit or Pali original (Abhisit,
 * Vejjajiva): their consonants are close to RTGS's and the comparison's consonant classes do the rest.
 *
 * Source: Royal Institute of Thailand, Principles of Romanization for Thai Script by Transcription
 * Method (1999): the tables of initial and final consonant values and of vowels.
 */
const INITIAL: Readonly<Record<string, string>> = {
  'ก': 'K', 'ข': 'KH', 'ฃ': 'KH', 'ค': 'KH', 'ฅ': 'KH', 'ฆ': 'KH', 'ง': 'NG', 'จ': 'CH', 'ฉ': 'CH', 'ช': 'CH', 'ซ': 'S',
  'ฌ': 'CH', 'ญ': 'Y', 'ฎ': 'D', 'ฏ': 'T', 'ฐ': 'TH', 'ฑ': 'TH', 'ฒ': 'TH', 'ณ': 'N', 'ด': 'D', 'ต': 'T', 'ถ': 'TH',
  'ท': 'TH', 'ธ': 'TH', 'น': 'N', 'บ': 'B', 'ป': 'P', 'ผ': 'PH', 'ฝ': 'F', 'พ': 'PH', 'ฟ': 'F', 'ภ': 'PH', 'ม': 'M',
  'ย': 'Y', 'ร': 'R', 'ฤ': 'RUE', 'ล': 'L', 'ฦ': 'LUE', 'ว': 'W', 'ศ': 'S', 'ษ': 'S', 'ส': 'S', 'ห': 'H', 'ฬ': 'L', 'อ': '', 'ฮ': 'H',
};
const FINAL: Readonly<Record<string, string>> = {
  'ก': 'K', 'ข': 'K', 'ค': 'K', 'ฆ': 'K', 'ง': 'NG', 'จ': 'T', 'ช': 'T', 'ซ': 'T', 'ญ': 'N', 'ฎ': 'T', 'ฏ': 'T', 'ฐ': 'T',
  'ฑ': 'T', 'ฒ': 'T', 'ณ': 'N', 'ด': 'T', 'ต': 'T', 'ถ': 'T', 'ท': 'T', 'ธ': 'T', 'น': 'N', 'บ': 'P', 'ป': 'P', 'พ': 'P',
  'ฟ': 'P', 'ภ': 'P', 'ม': 'M', 'ย': 'I', 'ร': 'N', 'ล': 'N', 'ว': 'O', 'ศ': 'T', 'ษ': 'T', 'ส': 'T', 'ฬ': 'N',
};
const PRE_VOWELS = new Set(['เ', 'แ', 'โ', 'ใ', 'ไ']);
/** Signs written above or below a consonant or after it that make its vowel. */
const FOLLOWING = new Set(['ะ', 'ั', 'า', 'ำ', 'ิ', 'ี', 'ึ', 'ื', 'ุ', 'ู', '็']);
const TONE_MARKS = /[\u0E48-\u0E4B\u0E4D\u0E4E]/gu;
const THANTHAKHAT = '์';
/** Second letters of the initial clusters (ปร PR, กล KL, ขว KHW). */
const CLUSTER_SECOND = new Set(['ร', 'ล', 'ว']);
const CLUSTER_FIRST = new Set(['ก', 'ข', 'ค', 'ต', 'ป', 'ผ', 'พ', 'บ', 'ด', 'ท', 'ฟ']);
/** Sonorants a silent ห leads (หน, หม, หล, หว, หย, หร, หง, หญ). */
const LED_BY_H = new Set(['น', 'ม', 'ล', 'ว', 'ย', 'ร', 'ง', 'ญ']);
/** Initials whose ร after them is silent. */
const SILENT_R_AFTER = new Set(['ท', 'ศ', 'ส', 'ซ']);

const isConsonant = (c: string | undefined): boolean => c !== undefined && INITIAL[c] !== undefined;

/** The RTGS reading of one Thai word (upper case, no spaces); '' when it has no Thai letters. */
export function rtgs(word: string): string {
  // Letters under the thanthakhat are silent, and a ร or ล under it takes the consonant before it along (จันทร์).
  const raw = [...word.replace(TONE_MARKS, '')];
  const chars: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === THANTHAKHAT) {
      // Drop the silenced letter (and a vowel sign on it) already pushed.
      while (chars.length > 0 && !isConsonant(chars[chars.length - 1])) chars.pop();
      chars.pop();
      // After a syllable closed under the mai han-akat (ลักษณ์ LAK, จันทร์ CHAN), the consonant before goes too.
      if (isConsonant(chars[chars.length - 1]) && isConsonant(chars[chars.length - 2]) && chars[chars.length - 3] === 'ั') chars.pop();
      continue;
    }
    chars.push(c);
  }
  let out = '';
  let i = 0;
  while (i < chars.length) {
    let pre = '';
    if (PRE_VOWELS.has(chars[i]!)) pre = chars[i++]!;
    const c = chars[i];
    if (!isConsonant(c)) {
      i++;
      continue;
    }
    i++;
    // The initial: a consonant, a cluster, or a silent ห before a sonorant.
    let initial = INITIAL[c!]!;
    if (c === 'ห' && LED_BY_H.has(chars[i]!)) initial = INITIAL[chars[i++]!]!;
    // ทร, ศร, สร, ซร before a vowel are S (ทราย SAI, เศรษฐา SETTHA).
    else if (SILENT_R_AFTER.has(c!) && chars[i] === 'ร' && (FOLLOWING.has(chars[i + 1]!) || (pre !== '' && chars[i + 1] !== undefined))) (initial = 'S'), i++;
    else if (CLUSTER_FIRST.has(c!) && CLUSTER_SECOND.has(chars[i]!) && (FOLLOWING.has(chars[i + 1]!) || (pre !== '' && chars[i + 1] !== undefined))) {
      initial += INITIAL[chars[i++]!]!;
    }
    // The vowel: the signs after the initial, with the vowel written before it.
    let vowel = '';
    let signs = '';
    while (i < chars.length && FOLLOWING.has(chars[i]!)) signs += chars[i++]!;
    const next = chars[i];
    if (pre === 'เ') {
      if (signs.includes('ี') && next === 'ย') (vowel = 'IA'), i++;
      else if (signs.includes('ื') && next === 'อ') (vowel = 'UEA'), i++;
      else if (signs.includes('า')) vowel = 'AO';
      else if (signs.includes('ิ')) vowel = 'OE';
      else if (next === 'อ' && !FOLLOWING.has(chars[i + 1]!)) (vowel = 'OE'), i++;
      else vowel = 'E';
    } else if (pre === 'แ') vowel = 'AE';
    else if (pre === 'โ') vowel = 'O';
    else if (pre === 'ใ' || pre === 'ไ') vowel = 'AI';
    else if (signs === '' && next === 'ร' && chars[i + 1] === 'ร') {
      // รร (ro han) is the vowel A, with N when nothing closes it (สุวรรณ SUWAN, ธรรม THAM).
      i += 2;
      vowel = 'A';
      const closer = chars[i];
      if (isConsonant(closer) && !FOLLOWING.has(chars[i + 1]!)) {
        out += initial + vowel + (FINAL[closer!] ?? '');
        i++;
      } else out += `${initial}AN`;
      continue;
    } else if (signs.includes('ั') && next === 'ว') (vowel = 'UA'), i++;
    else if (signs.includes('ื') && next === 'อ') (vowel = 'UE'), i++;
    else if (signs !== '') {
      vowel = signs.includes('ำ') ? 'AM' : signs.includes('ิ') || signs.includes('ี') ? 'I' : signs.includes('ึ') || signs.includes('ื') ? 'UE' : signs.includes('ุ') || signs.includes('ู') ? 'U' : 'A';
    } else if (next === 'อ' && !FOLLOWING.has(chars[i + 1]!)) {
      vowel = 'O';
      i++;
    } else if (next === 'ว' && !FOLLOWING.has(chars[i + 1]!) && isConsonant(chars[i + 1])) {
      // ว between consonants is the vowel UA (ชวน CHUAN).
      vowel = 'UA';
      i++;
    }
    // The final: a consonant that starts no syllable of its own (no vowel sign after it, and
    // not the initial of what follows).
    let final = '';
    const f = chars[i];
    if (isConsonant(f) && !FOLLOWING.has(chars[i + 1]!) && chars[i + 1] !== 'อ' && !(chars[i + 1] === 'ร' && chars[i + 2] === 'ร')) {
      const after = chars[i + 1];
      // With no vowel written, a consonant followed by another consonant closes the syllable (สม SOM).
      if (vowel === '' && signs === '') {
        final = FINAL[f!] ?? '';
        vowel = 'O';
        i++;
      } else if (after === undefined || PRE_VOWELS.has(after) || (isConsonant(after) && (chars[i + 2] !== undefined || after === 'ร'))) {
        // Closes the syllable, unless it and a last consonant make a syllable of their own (ภูมิพล PHUMIPHON).
        final = FINAL[f!] ?? '';
        i++;
      }
    }
    // A last consonant with no vowel after a closed syllable is silent (ชินวัตร CHINWAT, บุตร BUT).
    if (final !== '' && i === chars.length - 1 && isConsonant(chars[i])) i++;
    // ย after ไ is silent (ไทย THAI).
    if (final === 'I' && vowel === 'AI') final = '';
    if (vowel === '') vowel = 'A';
    out += initial + vowel + final;
  }
  return out;
}

export const THAI_PROVIDER: VariantProvider = {
  scripts: ['Thai'],
  variants(piece, latin) {
    if (latin.length !== 1) return [];
    const text = rtgs(piece);
    if (text === '') return [[]];
    // Personal spellings often write the aspirate พ ผ ภ as P (Paetongtarn, Prayut), which the comparison would read as F.
    const personal = text.replace(/PH/g, 'P');
    const out: RomanVariant[] = [{ text, system: 'th-rtgs' }];
    if (personal !== text) out.push({ text: personal, system: 'th-rtgs' });
    return [out];
  },
};
