/**
 * Hangul syllables in Latin letters, by every system Korean names are written in:
 *
 * - Revised Romanisation (RR, Ministry of Culture and Tourism notice 2000-8, the South Korean
 *   standard): ㄱ ㄷ ㅂ ㅈ as G D B J before a vowel and K T P at the end of a syllable, ㅓ EO, ㅡ EU.
 *   Sound changes inside a given name are not written (RR §3 art. 4(2): 한복남 Han Boknam), so a
 *   given name is its syllables' spellings joined.
 * - McCune–Reischauer (MR, 1939), as people type it: breves dropped (ŏ → O, ŭ → U) and the
 *   apostrophe of the aspirates dropped (ch' → CH, k' → K). ㄱ ㄷ ㅂ ㅈ are K T P CH at the start of
 *   a word and G D B J between voiced sounds (Kim Tae-jung, Pak Chŏng-hŭi); ㅅ before I is SH.
 * - The DPRK's own romanisation (1992, derived from MR; KCNA writes Kim Jong Un, Ri Sol Ju, Jang
 *   Song Thaek): ㅈ always J, the aspirates ㅋ ㅌ ㅍ as KH TH PH, each syllable written apart.
 *   Reported as McCune–Reischauer, the system it derives from.
 * - The customary spellings of South Korean passports and the press: ㅓ as U (Jung, Sung, Hyun),
 *   ㅕㅇ as YOUNG, ㅜ as OO (Soo, Joo), ㅢ and ㅣ as EE (Hee), 우 as WOO, ㅗ as OH (Oh, Noh).
 *
 * Each spelling of a syllable carries the systems that give it (a bit mask); a spelling no single
 * system gives (JUNG for 정: RR's J with the customary U) is customary.
 */

export const RR = 1;
export const MR = 2;
export const DPRK = 4;
export const CUSTOM = 8;

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;

export function isHangulSyllable(code: number): boolean {
  return code >= HANGUL_FIRST && code <= HANGUL_LAST;
}

// Jamo order of Unicode's Hangul syllables (initial × medial × final).
// Initials: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
const INITIAL_RR = ['G', 'KK', 'N', 'D', 'TT', 'R', 'M', 'B', 'PP', 'S', 'SS', '', 'J', 'JJ', 'CH', 'K', 'T', 'P', 'H'];
/** MR at the start of a word or after a stop: voiceless. */
const INITIAL_MR = ['K', 'KK', 'N', 'T', 'TT', 'R', 'M', 'P', 'PP', 'S', 'SS', '', 'CH', 'TCH', 'CH', 'K', 'T', 'P', 'H'];
/** MR after a vowel or ㄴ ㄹ ㅁ ㅇ: voiced. */
const INITIAL_MR_VOICED = ['G', 'KK', 'N', 'D', 'TT', 'R', 'M', 'B', 'PP', 'S', 'SS', '', 'J', 'TCH', 'CH', 'K', 'T', 'P', 'H'];
const INITIAL_DPRK = ['K', 'KK', 'N', 'T', 'TT', 'R', 'M', 'P', 'PP', 'S', 'SS', '', 'J', 'JJ', 'CH', 'KH', 'TH', 'PH', 'H'];
/** The customary spelling of a given name's initial: K for ㄱ (Kyung, Ki), else as RR. */
const INITIAL_CUSTOM = ['K', 'KK', 'N', 'D', 'TT', 'R', 'M', 'B', 'PP', 'S', 'SS', '', 'J', 'JJ', 'CH', 'K', 'T', 'P', 'H'];

// Medials: ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
const MEDIAL_RR = ['A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WO', 'WE', 'WI', 'YU', 'EU', 'UI', 'I'];
const MEDIAL_MR = ['A', 'AE', 'YA', 'YAE', 'O', 'E', 'YO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WO', 'WE', 'WI', 'YU', 'U', 'UI', 'I'];
/** Further customary spellings of each medial. */
const MEDIAL_CUSTOM: readonly (readonly string[])[] = [
  [], [], [], [], ['U'], [], ['YU', 'YOU'], [], ['OH'], [], [], ['OI', 'OY'], [], ['OO'], ['WEO'], [], ['WEE'], ['YOO', 'YOU'], [], ['EUI', 'EE', 'I'], ['EE'],
];
/** The one customary spelling of a medial in a given name (Jung, Hyun, Soo, Hee). */
const MEDIAL_CUSTOM_MAIN = ['A', 'AE', 'YA', 'YAE', 'U', 'E', 'YU', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WO', 'WE', 'WI', 'YU', 'EU', 'UI', 'I'];

// Finals: none ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ (as pronounced at a syllable's end; RR and MR agree)
const FINAL = ['', 'K', 'K', 'K', 'N', 'N', 'N', 'T', 'L', 'K', 'M', 'L', 'L', 'L', 'P', 'L', 'M', 'P', 'P', 'T', 'T', 'NG', 'T', 'T', 'K', 'T', 'P', 'T'];

/** Medials before which MR writes ㅅ as SH (시 shi, 쉬 shwi). */
const SH_MEDIALS: ReadonlySet<number> = new Set([16, 20]);
const VOICING_FINALS: ReadonlySet<number> = new Set([0, 4, 8, 16, 21]);

interface Jamo {
  initial: number;
  medial: number;
  final: number;
}

function jamoOf(code: number): Jamo {
  const s = code - HANGUL_FIRST;
  return { initial: Math.floor(s / 588), medial: Math.floor((s % 588) / 28), final: s % 28 };
}

/** A spelling of a syllable with the systems that give it. */
export interface Spelling {
  text: string;
  mask: number;
}

const spellingCache = new Map<number, readonly Spelling[]>();

/**
 * Every spelling of one Hangul syllable, wherever it stands in a name (so MR's K and G both):
 * the spellings of each system, and the customary ones. Cached per syllable.
 */
export function syllableSpellings(code: number): readonly Spelling[] {
  let out = spellingCache.get(code);
  if (out !== undefined) return out;
  const { initial, medial, final } = jamoOf(code);
  const initials = new Map<string, number>();
  const add = (m: Map<string, number>, text: string, bit: number): void => void m.set(text, (m.get(text) ?? 0) | bit);
  add(initials, INITIAL_RR[initial]!, RR);
  add(initials, initial === 9 && SH_MEDIALS.has(medial) ? 'SH' : INITIAL_MR[initial]!, MR);
  add(initials, initial === 9 && SH_MEDIALS.has(medial) ? 'SH' : INITIAL_MR_VOICED[initial]!, MR);
  add(initials, INITIAL_DPRK[initial]!, DPRK);
  add(initials, INITIAL_CUSTOM[initial]!, 0);
  if (initial === 9) add(initials, 'SH', 0);
  const medials = new Map<string, number>();
  add(medials, MEDIAL_RR[medial]!, RR);
  add(medials, MEDIAL_MR[medial]!, MR | DPRK);
  for (const m of MEDIAL_CUSTOM[medial]!) if (m !== 'OH' || final === 0) add(medials, m, 0);
  const finals = new Map<string, number>([[FINAL[final]!, RR | MR | DPRK]]);
  const found = new Map<string, number>();
  for (const [i, im] of initials) {
    for (const [m, mm] of medials) {
      for (const [f, fm] of finals) {
        const mask = im & mm & fm;
        add(found, i + m + f, mask === 0 ? CUSTOM : mask);
      }
    }
  }
  // 우 is written WOO (Woo, Sunwoo), 이 YI: the silent initial spelled as the glide people hear.
  if (initial === 11 && medial === 13) add(found, `WOO${FINAL[final]}`, CUSTOM);
  if (initial === 11 && medial === 20 && final === 0) add(found, 'YI', CUSTOM);
  out = [...found].map(([text, mask]) => ({ text, mask }));
  spellingCache.set(code, out);
  return out;
}

/** The Hangul syllables of a piece (other characters left out). */
export function hangulSyllables(piece: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < piece.length; i++) {
    const c = piece.charCodeAt(i);
    if (isHangulSyllable(c)) out.push(c);
  }
  return out;
}

/** A word (a run of syllables) in RR: each syllable's spelling, sound changes not written (names). */
export function wordRR(syllables: readonly number[]): string {
  let out = '';
  for (const s of syllables) {
    const j = jamoOf(s);
    out += INITIAL_RR[j.initial]! + MEDIAL_RR[j.medial]! + FINAL[j.final]!;
  }
  return out;
}

/** A word in MR: voiceless at the start and after a stop, voiced between voiced sounds; breves and apostrophes dropped. */
export function wordMR(syllables: readonly number[]): string {
  let out = '';
  let previousFinal = -1;
  for (const s of syllables) {
    const j = jamoOf(s);
    const voiced = previousFinal >= 0 && VOICING_FINALS.has(previousFinal);
    const initial = j.initial === 9 && SH_MEDIALS.has(j.medial) ? 'SH' : (voiced ? INITIAL_MR_VOICED : INITIAL_MR)[j.initial]!;
    out += initial + MEDIAL_MR[j.medial]! + FINAL[j.final]!;
    previousFinal = j.final;
  }
  return out;
}

/** A word in the DPRK's spelling: each syllable as if written apart (Jong Un → JONGUN). */
export function wordDPRK(syllables: readonly number[]): string {
  let out = '';
  for (const s of syllables) {
    const j = jamoOf(s);
    out += INITIAL_DPRK[j.initial]! + MEDIAL_MR[j.medial]! + FINAL[j.final]!;
  }
  return out;
}

/** A given name as South Koreans customarily write it in passports (Ji-sung, Young-soo, Hyun-woo). */
export function wordCustom(syllables: readonly number[]): string {
  let out = '';
  for (const s of syllables) {
    const j = jamoOf(s);
    if (j.initial === 11 && j.medial === 6 && j.final === 21) {
      out += 'YOUNG';
      continue;
    }
    if (j.initial === 11 && j.medial === 13 && j.final === 0) {
      out += 'WOO';
      continue;
    }
    const medial = j.medial === 13 && j.final === 0 ? 'OO' : j.medial === 19 && j.initial === 18 ? 'EE' : MEDIAL_CUSTOM_MAIN[j.medial]!;
    out += INITIAL_CUSTOM[j.initial]! + medial + FINAL[j.final]!;
  }
  return out;
}
