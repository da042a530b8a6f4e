/**
 * Pinyin syllable → Wade–Giles, as people type it: the aspiration apostrophe (ch', k', ts') and
 * the diacritics (ê, ü) dropped, so 毛泽东 MAO ZEDONG is MAO TSETUNG (Mao Tse-tung), 习近平 is
 * HSI CHINPING, 蒋 JIANG is CHIANG.
 *
 * Source: the Wade–Giles system as published in H. A. Giles, A Chinese-English Dictionary (2nd ed.,
 * 1912), in the standard pinyin ↔ Wade–Giles correspondence of its initials and finals: b p, p p',
 * d t, t t', g k, k k', j and zh ch, q and ch ch', x hs, r j, z ts, c ts'; zhi chih, shi shih,
 * ri jih; zi tzu, ci tz'u, si ssu; ge ko, ke k'o, he ho; -ie -ieh, -ian -ien, -ong -ung,
 * -iong -iung, -ue -üeh, er erh, -ui after g/k -uei, -uo -o (kuo, huo, shuo keep the u), you yu,
 * yi i, yan yen, ye yeh.
 */

// Initials, longest first (ZH before Z), to their Wade–Giles letters without the apostrophe.
const INITIALS: readonly (readonly [string, string])[] = [
  ['ZH', 'CH'], ['CH', 'CH'], ['SH', 'SH'],
  ['B', 'P'], ['P', 'P'], ['M', 'M'], ['F', 'F'], ['D', 'T'], ['T', 'T'], ['N', 'N'], ['L', 'L'],
  ['G', 'K'], ['K', 'K'], ['H', 'H'], ['J', 'CH'], ['Q', 'CH'], ['X', 'HS'], ['R', 'J'],
  ['Z', 'TS'], ['C', 'TS'], ['S', 'S'], ['Y', 'Y'], ['W', 'W'],
];

// Finals whose Wade–Giles spelling differs from pinyin's whatever the initial (ü already read as U).
const FINALS: Readonly<Record<string, string>> = {
  IE: 'IEH', IAN: 'IEN', ONG: 'UNG', IONG: 'IUNG', UE: 'UEH', ER: 'ERH', VE: 'UEH', V: 'U', VAN: 'UAN', VN: 'UN',
};

/** Whole syllables without an initial consonant in Wade–Giles (pinyin's Y and W spellings among them). */
const ZERO_INITIAL: Readonly<Record<string, string>> = {
  YI: 'I', YE: 'YEH', YAN: 'YEN', YOU: 'YU', YONG: 'YUNG', YUE: 'YUEH', E: 'O', ER: 'ERH',
};

const SYLLABLE = /^(ZH|CH|SH|[BPMFDTNLGKHJQXRZCSYW])?([AEIOUV]+(?:NG|N|R)?)$/;

/**
 * A pinyin syllable (upper case, tones dropped, ü as U or V) in Wade–Giles without apostrophes or
 * diacritics; undefined when it is not a pinyin syllable.
 */
export function wadeGiles(syllable: string): string | undefined {
  const zero = ZERO_INITIAL[syllable];
  if (zero !== undefined) return zero;
  const m = SYLLABLE.exec(syllable);
  if (m === null) return undefined;
  const initial = m[1] ?? '';
  const final = m[2]!;
  if (initial === 'Y' || initial === 'W' || initial === '') return syllable.replace('V', 'U');
  const wg = INITIALS.find(([p]) => p === initial)![1];
  if (final === 'I') {
    // The apical vowel: chih, shih, jih after the retroflexes; tzu, tz'u, ssu after the sibilants.
    if (initial === 'ZH' || initial === 'CH' || initial === 'SH' || initial === 'R') return `${wg}IH`;
    if (initial === 'Z' || initial === 'C') return 'TZU';
    if (initial === 'S') return 'SSU';
  }
  if (final === 'E' && (initial === 'G' || initial === 'K' || initial === 'H')) return `${wg}O`;
  if (final === 'UO') return initial === 'G' || initial === 'K' || initial === 'H' || initial === 'SH' ? `${wg}UO` : `${wg}O`;
  if (final === 'UI') return initial === 'G' || initial === 'K' ? `${wg}UEI` : `${wg}UI`;
  return wg + (FINALS[final] ?? final);
}

/** A word of pinyin syllables (one per character) in Wade–Giles, written together; undefined if one is not pinyin. */
export function wadeGilesWord(syllables: readonly string[]): string | undefined {
  let out = '';
  for (const s of syllables) {
    const wg = wadeGiles(s);
    if (wg === undefined) return undefined;
    out += wg;
  }
  return out;
}
