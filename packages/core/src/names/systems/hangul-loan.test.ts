import { describe, expect, it } from 'vitest';
import { compareNames } from '../compare-names.js';
import { nameKeys, queryKeys } from '../name-keys.js';
import { prepareName } from '../prepare-name.js';
import { mayBeTransliterated, readHangul } from './hangul-loan.js';

// The Korean Foreign Word Notation (외래어 표기법, 1986) read backwards: its table 1 and its rules for
// English, with examples of the kind it gives.
const READINGS: readonly [string, string, string][] = [
  ['스미스', 'SMIS', '으 after a consonant without a vowel is left out'],
  ['마이클', 'MAIKL', 'final ㄹ is L'],
  ['필립', 'PILIP', 'ㄹㄹ between vowels is one L; ㅍ is P (and F)'],
  ['로버트', 'ROBEOT', '어 is the English schwa'],
  ['셰익스피어', 'SHEIKSPIEO', '셰 is SHE'],
  ['맷', 'MAET', 'final ㅅ is T'],
  ['잭슨', 'JAEKSN', '애 is Æ, ㅈ is J'],
  ['골딩', 'GOLDING', 'final ㅇ is NG'],
  ['쥬', 'JU', 'ㅈ carries the glide'],
];

describe('Hangul read by sound (ko-transcription)', () => {
  it.each(READINGS)('reads %s as %s (%s)', (hangul, sounds) => {
    expect(readHangul(hangul)).toBe(sounds);
  });

  it('reads Hangul syllables only', () => {
    expect(readHangul('ㅁㅇ')).toBe('');
    expect(readHangul('Smith')).toBe('');
  });

  it('finds the Latin name a Hangul name transcribes, though Hangul of 2 to 4 syllables is read as family and given name', () => {
    for (const [hangul, latin] of <[string, string][]>[
      ['마이클', 'Michael'],
      ['마이클 잭슨', 'Michael Jackson'],
      ['스미스', 'Smith'],
      ['엘리자베스', 'Elizabeth'],
      ['빅토리아', 'Victoria'],
      ['로버트', 'Robert'],
    ]) {
      const r = compareNames(prepareName(hangul), prepareName(latin));
      expect(r.score, `${hangul} / ${latin}`).toBeGreaterThanOrEqual(0.8);
      expect(r.reasons).toContainEqual(expect.objectContaining({ code: 'name.transliteration-variant', system: 'ko-transcription' }));
      expect(compareNames(prepareName(latin), prepareName(hangul)).score, `${latin} / ${hangul}`).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('reads a Korean given name by its characters only: one or two syllables are read by sound when Sino-Korean could not write them', () => {
    expect(mayBeTransliterated('서연')).toBe(false);
    expect(mayBeTransliterated('지은')).toBe(false);
    expect(mayBeTransliterated('카밀')).toBe(true);
    expect(mayBeTransliterated('맷')).toBe(true);
    expect(mayBeTransliterated('마이클')).toBe(true);
    expect(compareNames(prepareName('서연 최'), prepareName('Choe Song')).score).toBeLessThan(0.7);
  });

  it('does not take a name of other sounds for it', () => {
    expect(compareNames(prepareName('스미스'), prepareName('Schmidt')).score).toBe(0);
    expect(compareNames(prepareName('마이클'), prepareName('Nicole')).score).toBeLessThan(0.7);
    expect(compareNames(prepareName('로버트'), prepareName('Lambert')).score).toBeLessThan(0.7);
  });

  it('keeps the reading by sound for the word written whole, not its first syllable', () => {
    const name = prepareName('마이클');
    expect(name.parts.every((p) => p.variants.every((v) => !v.loan))).toBe(true);
    expect(name.joins.find((j) => j.length === 2)?.part.variants.map((v) => v.text)).toEqual(['MAIKL']);
  });

  it('shares a key with the Latin name, so the index brings them together', () => {
    const record = new Set(nameKeys(prepareName('Elizabeth')));
    expect(queryKeys(prepareName('엘리자베스')).some((k) => record.has(k))).toBe(true);
  });
});
