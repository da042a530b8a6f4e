import { describe, expect, it } from 'vitest';
import { compareNames } from '../compare-names.js';
import { prepareName } from '../prepare-name.js';
import { DEFAULT_THRESHOLD } from '../score-person.js';
import { wadeGiles } from './chinese-wade-giles.js';
import { dropToneNumbers } from './chinese-tone-numbers.js';

const compare = (a: string, b: string) => compareNames(prepareName(a), prepareName(b));
const systemsOf = (a: string, b: string) => compare(a, b).reasons.flatMap((r) => ('system' in r && r.system !== undefined ? [r.system] : []));

describe('Wade–Giles from pinyin', () => {
  // The pinyin ↔ Wade–Giles correspondence of the system as published (Giles, 1912), apostrophes and
  // diacritics dropped: one row per rule of initials and finals.
  it.each([
    ['BA', 'PA'], ['PA', 'PA'], ['DE', 'TE'], ['TE', 'TE'], ['GE', 'KO'], ['KE', 'KO'], ['HE', 'HO'],
    ['JI', 'CHI'], ['QI', 'CHI'], ['XI', 'HSI'], ['ZHANG', 'CHANG'], ['CHANG', 'CHANG'], ['SHAN', 'SHAN'],
    ['RI', 'JIH'], ['RONG', 'JUNG'], ['ZHI', 'CHIH'], ['CHI', 'CHIH'], ['SHI', 'SHIH'],
    ['ZI', 'TZU'], ['CI', 'TZU'], ['SI', 'SSU'], ['ZE', 'TSE'], ['CAO', 'TSAO'], ['SONG', 'SUNG'],
    ['DONG', 'TUNG'], ['XIONG', 'HSIUNG'], ['YONG', 'YUNG'], ['LIAN', 'LIEN'], ['YAN', 'YEN'],
    ['JIE', 'CHIEH'], ['YE', 'YEH'], ['XUE', 'HSUEH'], ['YUE', 'YUEH'], ['LVE', 'LUEH'], ['LV', 'LU'],
    ['JU', 'CHU'], ['QUAN', 'CHUAN'], ['XUN', 'HSUN'], ['GUI', 'KUEI'], ['KUI', 'KUEI'], ['HUI', 'HUI'],
    ['DUI', 'TUI'], ['GUO', 'KUO'], ['HUO', 'HUO'], ['SHUO', 'SHUO'], ['ZUO', 'TSO'], ['DUO', 'TO'],
    ['RUO', 'JO'], ['ER', 'ERH'], ['YI', 'I'], ['YOU', 'YU'], ['WANG', 'WANG'], ['E', 'O'], ['AN', 'AN'],
    ['JIANG', 'CHIANG'], ['ZHOU', 'CHOU'], ['MAO', 'MAO'], ['DENG', 'TENG'], ['ZHU', 'CHU'],
  ])('%s → %s', (pinyin, wg) => {
    expect(wadeGiles(pinyin)).toBe(wg);
  });

  it('finds 毛泽东 as Mao Tse-tung and 习近平 as Hsi Chin-p’ing, naming Wade–Giles', () => {
    for (const [zh, latin] of [['毛泽东', 'Mao Tse-tung'], ['毛澤東', 'Mao Tse-tung'], ['习近平', "Hsi Chin-p'ing"], ['蔣經國', 'Chiang Ching-kuo']] as const) {
      const r = compare(zh, latin);
      expect(r.score, `${zh} / ${latin}`).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
      expect(r.reasons).toContainEqual(expect.objectContaining({ code: 'name.transliteration-variant', system: 'zh-wade-giles' }));
    }
  });
});

describe('Cantonese and the surname spellings of Hong Kong, Singapore, Malaysia and Taiwan', () => {
  it('finds 張學友 as Cheung Hok-yau and as Cheung Hok Yau, the given name written apart', () => {
    const r = compare('張學友', 'Cheung Hok-yau');
    expect(r.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(r.reasons).toContainEqual(expect.objectContaining({ record: 'HOK YAU', system: 'zh-cantonese' }));
    const apart = compare('Cheung Hok Yau', '張學友');
    expect(apart.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(apart.reasons).toContainEqual(expect.objectContaining({ code: 'name.transliteration-variant', query: 'HOK YAU', record: 'XUEYOU', system: 'zh-cantonese', joined: true }));
  });

  it('finds 劉德華 as Lau Tak-wah and 周潤發 as Chow Yun-fat, simplified or traditional', () => {
    for (const [zh, latin] of [['劉德華', 'Lau Tak-wah'], ['刘德华', 'Lau Tak-wah'], ['周潤發', 'Chow Yun-fat'], ['周润发', 'Chow Yun-fat']] as const) {
      expect(compare(zh, latin).score, `${zh} / ${latin}`).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    }
  });

  // Surnames in the Hong Kong (Cantonese) and Singapore/Malaysia (Hokkien, Teochew, Hakka) spellings.
  // Some already meet the pinyin by their letters (CHEN / CHAN: only vowels differ); the others only
  // through the tables, and then the reason names a Chinese system.
  it.each([
    ['陳', 'Chan'], ['黃', 'Wong'], ['吳', 'Ng'], ['謝', 'Tse'], ['葉', 'Yip'], ['鄧', 'Tang'], ['许', 'Hui'], ['張', 'Cheung'],
    ['陈', 'Tan'], ['林', 'Lim'], ['黄', 'Wee'], ['张', 'Teo'], ['吴', 'Goh'], ['蔡', 'Chua'], ['杨', 'Yeo'], ['郑', 'Tay'],
    ['王', 'Ong'], ['郭', 'Quek'], ['洪', 'Ang'], ['邱', 'Khoo'], ['庄', 'Chng'], ['苏', 'Soh'],
  ])('%s is %s', (zh, latin) => {
    expect(compare(zh, latin).score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    for (const system of systemsOf(zh, latin)) expect(system).toMatch(/^zh-/);
  });

  it('names the system a surname was read by', () => {
    expect(systemsOf('陈', 'Tan')).toEqual(['zh-surname']);
    expect(systemsOf('吳', 'Ng')).toEqual(['zh-cantonese']);
    expect(systemsOf('葉', 'Yip')).toEqual(['zh-cantonese']);
    expect(systemsOf('洪', 'Ang')).toEqual(['zh-surname']);
  });

  it('reads a compound surname whole: 欧阳 Ouyang, Au-Yeung', () => {
    expect(compare('欧阳娜娜', 'Ouyang Nana').score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(compare('歐陽娜娜', 'Au-Yeung Nana').score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

  it('reads a surname by its surname reading: 曾 is Zeng (and Tsang), not Ceng', () => {
    expect(compare('曾', 'Zeng').score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(compare('曾', 'Tsang').score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

  it('keeps different surnames apart: 王 Wang is not Huang, 陈 is not Lim, 林 is not Tan', () => {
    expect(compare('王', 'Huang').score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(compare('陈', 'Lim').score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(compare('林', 'Tan').score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(compare('周', 'Lau').score).toBeLessThan(DEFAULT_THRESHOLD);
    // A reading of a syllable counts only as written: 黄's Cantonese WONG is not WANG.
    expect(compare('黄', 'Wang').score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(compare('黄', 'Wong').score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });
});

describe('pinyin with tone marks or tone numbers', () => {
  it('reads Lǐ Míng and Li3 Ming2 as LI MING', () => {
    expect(prepareName('Lǐ Míng').tokens).toEqual(['LI', 'MING']);
    expect(prepareName('Li3 Ming2').tokens).toEqual(['LI', 'MING']);
    expect(prepareName('Mao2 Ze2dong1').tokens).toEqual(['MAO', 'ZEDONG']);
    expect(compare('李明', 'Li3 Ming2').score).toBe(1);
  });

  it('leaves digits that are no tones to be read as letters (Ig0r Sech1n)', () => {
    expect(dropToneNumbers('Ig0r Sech1n')).toBe('Ig0r Sech1n');
    expect(dropToneNumbers('Al1')).toBe('Al1');
    expect(prepareName('Ig0r Sech1n').tokens).toEqual(['IGOR', 'SECHIN']);
  });
});
