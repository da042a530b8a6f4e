import anyAscii from 'any-ascii';
import { NO_VARIANTS, type RomanVariant, type VariantProvider } from './word-variants.js';

/**
 * Chinese characters used to transcribe a foreign name → the sounds they stand for (system
 * `zh-transcription`). Chinese writes foreign names with a fixed set of characters by sound (the
 * Xinhua transcription tables, 《英语姓名译名手册》 and 《世界人名翻译大辞典》; GB/T 17693): a
 * consonant without a vowel takes a character whose vowel is the neutral one (克 K, 斯 S, 特 T, 德
 * D, 格 G, 布 B, 普 P, 夫 F and V, 姆 M, 恩 N, 尔 R and a final L, 兹 Z, 茨 TS, 什 SH), L and R
 * share the L characters (拉 LA and RA, 罗 LO and RO), W and V the W ones (维 VI and WI, 瓦 VA and
 * WA, 沃 VO and WO). Each character is read by its pinyin (any-ascii) turned into the sounds the
 * table gives it: the neutral vowels (斯 SI, 克 KE, 布 BU) are kept, as loan-similarity.ts counts an
 * added vowel as cheap; pinyin's palatals J, Q, X stay, and loan-similarity.ts reads them as the
 * sounds the tables write with them (吉 GI and JI, 金 KIN, 西 SI and SHI); and the characters whose pinyin is not their transcription value (什 SHI, 伽 GA) are listed.
 */

/** Characters whose transcription value is not their usual pinyin (Xinhua table; the polyphonic ones by their transcription reading). */
const VALUE: Readonly<Record<string, string>> = {
  '什': 'SHI', '伽': 'GA', '茜': 'XI', '希': 'HI', '休': 'HYU', '基': 'KI', '加': 'GA', '嘉': 'GA', '乔': 'JO', '喬': 'JO',
  '琼': 'JON', '瓊': 'JON', '勒': 'LE', '扎': 'ZA', '紮': 'ZA', '欧': 'O', '歐': 'O', '热': 'ZHE', '熱': 'ZHE', '日': 'ZHI', '查': 'CHA', '贾': 'JA', '賈': 'JA', '盖': 'GAI', '蓋': 'GAI',
};

/**
 * Characters that Chinese personal names hardly use and the transcription tables use throughout:
 * a piece with one of them is read as a transcription too. (Characters common in both, such as
 * 罗 LUO, 杰 JIE, 娜 NA, 琳 LIN, do not decide.)
 */
const TYPICAL = new Set([...'斯尔爾克夫姆特兹茲茨普布格赫恩勒弗什伊娅婭丝絲蒂拉洛诺諾索塔萨薩卡科尼里瓦沃埃奥奧乌烏巴迪伯顿頓舍托戈亚亞娅婭' +
    '阿昂拜邦彼宾賓策蒂多厄法丰冈岡哥根瓜圭黑亨怀懷坎考肯库庫夸誇奎莱萊朗劳勞鲁魯伦倫迈邁曼门門默穆纳納奈内內纽紐努帕派佩皮珀恰切钦欽丘撒瑟沙莎绍紹滕提廷耶扎兹詹'].filter((c, i, a) => a.indexOf(c) === i));

/**
 * Pieces of this many characters may be a transcription whatever their characters (a Chinese name
 * of three is common too, but its reading by sound only meets a Latin word its own words left
 * unmatched); two characters must include a typical one.
 */
const LONG_PIECE = 3;

const INITIALS: readonly (readonly [string, string])[] = [
  ['zh', 'J'], ['ch', 'CH'], ['sh', 'SH'], ['b', 'B'], ['p', 'P'], ['m', 'M'], ['f', 'F'], ['d', 'D'], ['t', 'T'], ['n', 'N'],
  ['l', 'L'], ['g', 'G'], ['k', 'K'], ['h', 'H'], ['j', 'J'], ['q', 'Q'], ['x', 'X'], ['r', 'R'], ['z', 'Z'], ['c', 'TS'],
  ['s', 'S'], ['y', 'Y'], ['w', 'W'],
];

/** One pinyin syllable (any-ascii's, no tone) → the sounds it transcribes. */
export function pinyinSound(pinyin: string): string {
  const py = pinyin.toLowerCase();
  let initial = '';
  let final = py;
  let from = '';
  for (const [p, sound] of INITIALS) {
    if (py.startsWith(p)) {
      initial = sound;
      from = p;
      final = py.slice(p.length);
      break;
    }
  }
  // The glides Y and W before their own vowel (伊 YI, 乌 WU) are the vowel.
  if ((from === 'y' && final.startsWith('i')) || (from === 'w' && final === 'u')) initial = '';
  // The palatals J, Q, X carry the I glide in themselves (谢 XIE SHE, 切 QIE CHE, 丘 QIU CHU).
  if ((from === 'j' || from === 'q' || from === 'x') && final[0] === 'i' && 'aeou'.includes(final[1] ?? '-')) final = final.slice(1);
  // -NG stands for the source's N as often as for NG (布朗 BROWN): N.
  if (final.endsWith('ng')) final = final.slice(0, -1);
  // 罗 LUO, 托 TUO, 诺 NUO: O.
  if (final === 'uo' && initial !== '') final = 'o';
  if (final === 'v') final = 'yu';
  return initial + final.toUpperCase();
}

/** The characters of a piece as the sounds of a transcription, or '' when any is not a Chinese character. */
export function readTranscription(chars: readonly string[]): string {
  let out = '';
  for (const c of chars) {
    const value = VALUE[c];
    if (value !== undefined) {
      out += value;
      continue;
    }
    const py = anyAscii(c);
    if (!/^[A-Za-z]+$/.test(py)) return '';
    out += pinyinSound(py);
  }
  return out;
}

/** Whether a piece of Chinese characters may be a transcribed foreign name rather than a Chinese name. */
export function mayBeTranscription(chars: readonly string[]): boolean {
  if (chars.length >= LONG_PIECE) return true;
  return chars.length >= 2 && chars.some((c) => TYPICAL.has(c));
}

const SYSTEM = 'zh-transcription';

export const chineseLoanProvider: VariantProvider = {
  scripts: ['Hani'],
  variants(piece: string, latin: readonly string[]): readonly (readonly RomanVariant[])[] {
    const chars = [...piece];
    if (!mayBeTranscription(chars) || !chars.every((c) => /\p{Script=Han}/u.test(c))) return [];
    const text = readTranscription(chars);
    if (text === '') return [];
    // A piece read as family + given name (2–4 characters) still is one foreign word: the reading is
    // the whole piece's (word-variants.ts), which the comparison gives to its words written together.
    const variant: readonly RomanVariant[] = [{ text, system: SYSTEM }];
    return latin.length === 1 ? [variant] : [...latin.map(() => NO_VARIANTS), variant];
  },
};
