import { describe, expect, it } from 'vitest';
import { compareNames } from '../compare-names.js';
import { nameKeys, queryKeys } from '../name-keys.js';
import { prepareName } from '../prepare-name.js';
import { readKatakana } from './katakana-loan.js';

// The combinations of the Cabinet notice "外来語の表記" (1991), tables 1 and 2, as the sounds they write.
const COMBINATIONS: readonly [string, string][] = [
  ['ティ', 'TI'], ['ディ', 'DI'], ['トゥ', 'TU'], ['ドゥ', 'DU'], ['テュ', 'TYU'], ['デュ', 'DYU'],
  ['ファ', 'FA'], ['フィ', 'FI'], ['フェ', 'FE'], ['フォ', 'FO'], ['フュ', 'FYU'],
  ['ヴァ', 'VA'], ['ヴィ', 'VI'], ['ヴェ', 'VE'], ['ヴォ', 'VO'],
  ['ウィ', 'WI'], ['ウェ', 'WE'], ['ウォ', 'WO'], ['クァ', 'KWA'], ['グァ', 'GWA'],
  ['ツァ', 'TSA'], ['ツェ', 'TSE'], ['ツォ', 'TSO'], ['シェ', 'SHE'], ['ジェ', 'JE'], ['チェ', 'CHE'], ['イェ', 'YE'],
  ['キャ', 'KYA'], ['シャ', 'SHA'], ['チュ', 'CHU'], ['ジョ', 'JO'], ['ニョ', 'NYO'],
];

describe('katakana read by sound (ja-katakana)', () => {
  it.each(COMBINATIONS)('reads %s as %s', (kana, sounds) => {
    expect(readKatakana(kana)).toBe(sounds);
  });

  it('leaves out ッ, writes ー as the vowel twice, N as M before B, P and M, and the vowel added after a consonant', () => {
    expect(readKatakana('ティッセン')).toBe('TISEN');
    expect(readKatakana('ターナー')).toBe('TAANAA');
    expect(readKatakana('トンプソン')).toBe('TOMPSON');
    expect(readKatakana('スミス')).toBe('SMIS');
    expect(readKatakana('ストーク')).toBe('STOOK');
    expect(readKatakana('ブリッジ')).toBe('BRIJ');
    // Not katakana: no reading.
    expect(readKatakana('すみす')).toBe('');
  });

  it('finds the Latin name a katakana name transcribes, and says it was read by sound', () => {
    for (const [kana, latin] of <[string, string][]>[
      ['ジョン・スミス', 'John Smith'],
      ['マイケル・ジャクソン', 'Michael Jackson'],
      ['ヴィクトリア', 'Victoria'],
      ['フィリップス', 'Phillips'],
      ['ウィリアムズ', 'Williams'],
      ['ターナー', 'Turner'],
    ]) {
      const r = compareNames(prepareName(kana), prepareName(latin));
      expect(r.score, `${kana} / ${latin}`).toBeGreaterThanOrEqual(0.8);
      expect(r.reasons).toContainEqual(expect.objectContaining({ code: 'name.transliteration-variant', system: 'ja-katakana' }));
      // And the other way round: a katakana record for a Latin query.
      expect(compareNames(prepareName(latin), prepareName(kana)).score, `${latin} / ${kana}`).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('does not take a name of other sounds for it', () => {
    // スミス is S-M-S: SCHMIDT has a D and a T more, JONES other consonants.
    expect(compareNames(prepareName('スミス'), prepareName('Schmidt')).score).toBe(0);
    expect(compareNames(prepareName('スミス'), prepareName('Jones')).score).toBe(0);
    expect(compareNames(prepareName('ジョン・スミス'), prepareName('John Brown')).score).toBeLessThan(0.7);
  });

  it('shares a key with the Latin name, so the index brings them together', () => {
    const record = new Set(nameKeys(prepareName('Michael Jackson')));
    expect(queryKeys(prepareName('マイケル・ジャクソン')).some((k) => record.has(k))).toBe(true);
    const kana = new Set(nameKeys(prepareName('ウィリアムズ')));
    expect(queryKeys(prepareName('Williams')).some((k) => kana.has(k))).toBe(true);
  });
});
