/**
 * Spelling skeletons of one romanised name token (upper-case A–Z). Each level forgets more of the
 * spelling, so two tokens equal at a level differ only by what that level forgets:
 *
 * - `spellingSkeleton`: vowels (any run of A E I O U Y) become one `A`, doubled letters collapse,
 *   a final H goes. MOHAMMED, MUHAMMAD, MOHAMED → MAHAMAD; YUSUF, YOUSSEF → ASAF.
 * - `soundSkeleton`: also merges the consonant spellings that transliteration systems disagree on:
 *   KH/GH/Q/K/G/C → K, DH/TH/D/T → T, SH/SCH/SZ/S/Z/TS/TZ → S, J/DJ/DZH/ZH → J, CH/TCH/TSCH/CZ → C,
 *   PH/F → F, W/V → V. QADHAFI, GADDAFI, KHADAFY, GHEDDAFI → KATAFA.
 * - `consonantSkeleton`: consonants only, for names read from scripts that do not write (short)
 *   vowels: Arabic محمد → MHMD meets MOHAMMED as MHMT.
 *
 * Vowel runs are kept as one marker (rather than dropped) in the first two levels so that syllable
 * structure still tells MELONI from MILAN; only the cross-script level drops them.
 */

const VOWEL = 'A';

function isVowel(c: string | undefined): boolean {
  return c === 'A' || c === 'E' || c === 'I' || c === 'O' || c === 'U' || c === 'Y';
}

/** Vowel runs → A, doubled letters collapsed, final H dropped. */
export function spellingSkeleton(token: string): string {
  let out = '';
  let last = '';
  const end = token.length > 1 && token.endsWith('H') ? token.length - 1 : token.length;
  for (let i = 0; i < end; i++) {
    const ch = token[i]!;
    const sym = isVowel(ch) ? VOWEL : ch;
    if (sym !== last) out += sym;
    last = sym;
  }
  return out;
}

/**
 * The sound classes. Reads digraphs longest first; returns the symbols and how many letters they
 * used. Written as a switch rather than a table of regular expressions: it runs once per token
 * at preparation, but preparation of a million records should still take seconds, not minutes.
 */
let symbol = '';

function set(sym: string, used: number): number {
  symbol = sym;
  return used;
}

/** Reads the sound class at t[i] into `symbol`; returns how many letters it used. */
function soundAt(t: string, i: number): number {
  const c = t[i]!;
  const n1 = t[i + 1];
  const n2 = t[i + 2];
  const n3 = t[i + 3];
  switch (c) {
    case 'A':
    case 'E':
    case 'I':
    case 'O':
    case 'U':
    case 'Y':
      return set(VOWEL, 1);
    case 'K':
      return n1 === 'H' ? set('K', 2) : set('K', 1);
    case 'G':
      return n1 === 'H' ? set('K', 2) : set('K', 1);
    case 'Q':
      return set('K', 1);
    case 'C':
      if (n1 === 'H') return n2 === 'R' || n2 === 'L' ? set('K', 2) : set('C', 2);
      if (n1 === 'K') return set('K', 2);
      if (n1 === 'Z') return set('C', 2);
      if (n1 === 'E' || n1 === 'I' || n1 === 'Y') return set('S', 1);
      return set('K', 1);
    case 'X':
      return i === 0 ? set('S', 1) : set('KS', 1);
    case 'D':
      if (n1 === 'Z' && n2 === 'H') return set('J', 3);
      if (n1 === 'J') return set('J', 2);
      if (n1 === 'H') return set('T', 2);
      return set('T', 1);
    case 'T':
      if (n1 === 'S' && n2 === 'C' && n3 === 'H') return set('C', 4);
      if (n1 === 'C' && n2 === 'H') return set('C', 3);
      if (n1 === 'H') return set('T', 2);
      if (n1 === 'S' || n1 === 'Z') return set('S', 2);
      return set('T', 1);
    case 'S':
      if (n1 === 'C' && n2 === 'H') return set('S', 3);
      if (n1 === 'H' || n1 === 'Z') return set('S', 2);
      return set('S', 1);
    case 'Z':
      return n1 === 'H' ? set('J', 2) : set('S', 1);
    case 'J':
      return set('J', 1);
    case 'P':
      return n1 === 'H' ? set('F', 2) : set('P', 1);
    case 'W':
    case 'V':
      return set('V', 1);
    case 'H':
      // Wade-Giles HS- is Pinyin X- (Hsi / Xi). A final H (ABDULLAH) and an H between a vowel and a
      // consonant (JOHN, AHMED, REHMAN) are often left out; elsewhere H is a consonant (MHMD, HASAN).
      if (i === 0 && n1 === 'S' && isVowel(n2)) return set('S', 2);
      if (i === t.length - 1) return set('', 1);
      if (i > 0 && isVowel(t[i - 1]) && n1 !== undefined && !isVowel(n1)) return set('', 1);
      return set('H', 1);
    default:
      return set(c, 1);
  }
}

/** Sound classes with vowel runs as one marker and repeats collapsed. */
export function soundSkeleton(token: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < token.length; ) {
    i += soundAt(token, i);
    for (const s of symbol) {
      if (s !== last) out += s;
      last = s;
    }
  }
  return out;
}

/**
 * Consonants only, as an abjad writes them: vowels, W and Y go (in Arabic and Hebrew they are
 * mostly long vowels: محمود → MHMWD is MAHMOUD), every H but a final one stays (ح, ه are
 * written), the labials B, P, V, F are one (Arabic has no P or V, Hebrew ב and פ are each two),
 * repeats collapse (shadda is not written).
 */
export function consonantSkeleton(token: string): string {
  return consonantsAndGaps(token).skeleton;
}

/**
 * The letters between the consonants of `consonantSkeleton`, one string per gap (skeleton length
 * + 1 strings): the vowels, W and Y that the skeleton drops. An abjad writes its long vowels
 * (سعود → SEWD: the W is an U or O), so a Latin spelling must have a fitting vowel where it does.
 */
export function consonantGaps(token: string): string[] {
  return consonantsAndGaps(token).gaps;
}

/** One walk over the token gives both the consonant skeleton and the letters between. */
export function consonantsAndGaps(token: string): { skeleton: string; gaps: string[] } {
  let skeleton = '';
  const gaps: string[] = [];
  let gap = '';
  let last = '';
  for (let i = 0; i < token.length; ) {
    const c = token[i]!;
    let sym: string;
    let used = 1;
    if (c === 'W' || c === 'Y') sym = VOWEL;
    else if (c === 'H') sym = i === token.length - 1 ? '' : 'H';
    else {
      used = soundAt(token, i);
      sym = symbol;
    }
    const letters = token.slice(i, i + used);
    i += used;
    for (const ch of sym) {
      if (ch === VOWEL) {
        gap += letters;
        continue;
      }
      const s = ch === 'P' || ch === 'V' || ch === 'F' ? 'B' : ch;
      if (s !== last) {
        skeleton += s;
        gaps.push(gap);
        gap = '';
      }
      last = s;
    }
  }
  gaps.push(gap);
  return { skeleton, gaps };
}

/**
 * True when the vowels an unvocalised reading writes (`written`, from an abjad or an Indic script)
 * fit the vowels of a vocalised spelling (`spelled`), gap by gap: a W, U or O wants an O, U or W;
 * a Y or I an I, E or Y; an alef (A) some vowel. An E (Arabic ع) asks nothing. Short vowels are not
 * written, so the spelled side may have vowels where the written side has none.
 */
export function vowelsFit(written: readonly string[], spelled: readonly string[]): boolean {
  if (written.length !== spelled.length) return false;
  for (let k = 0; k < written.length; k++) {
    const w = written[k]!;
    if (w === '') continue;
    const s = spelled[k]!;
    for (let i = 0; i < w.length; i++) {
      const c = w[i]!;
      if (c === 'W' || c === 'U' || c === 'O') {
        if (!/[OUW]/.test(s)) return false;
      } else if (c === 'Y' || c === 'I') {
        // A doubled Y (Hebrew יי) is a diphthong, AI or EI as often as I: the pair asks for some vowel, once.
        if (c === 'Y' && w[i + 1] === 'Y' && s !== '') i++;
        else if (!/[IEY]/.test(s)) return false;
      } else if (c === 'A') {
        if (s === '') return false;
      }
    }
  }
  return true;
}

/** How many consonant symbols a skeleton has: short skeletons are weak evidence. */
export function consonantCount(skeleton: string): number {
  let n = 0;
  for (const ch of skeleton) if (ch !== VOWEL) n++;
  return n;
}

/**
 * Consonant classes that romanisations still confuse after the merges: Arabic ث ذ ز ظ as T, D, Z
 * or S; Ukrainian H for Russian G; B, V and P; F and V; L and R; M and N; C (ch) against S and J.
 */
const CONFUSABLE: ReadonlySet<string> = new Set(['ST', 'HK', 'BV', 'BP', 'FV', 'LR', 'MN', 'CS', 'CJ', 'JS', 'JK']);

/** True when two skeletons of equal length differ in exactly one consonant, of a confusable pair (KATAFA / KASAFA). */
export function oneConsonantApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = -1;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) {
      if (diff !== -1) return false;
      diff = i;
    }
  }
  if (diff === -1) return false;
  const x = a[diff]!;
  const y = b[diff]!;
  return CONFUSABLE.has(x < y ? x + y : y + x);
}
