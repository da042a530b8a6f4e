import { describe, expect, it } from 'vitest';
import { readingSoundKeys, soundSimilarity, writtenSoundKeys } from './loan-similarity.js';
import { systemNumber } from './systems/romanisation-systems.js';

const PINYIN = systemNumber('zh-transcription');
/** The least sound similarity loanSimilarity accepts. */
const ACCEPTED = 0.68;

describe('sounds of a written word against a reading by sound', () => {
  // Each row a class of difference the transcribing languages make (their merges and additions),
  // with a written word and a reading of it as a katakana, Hangul or Chinese reader writes it.
  it.each([
    ['SMITH', 'SMIS', 'TH heard as S, vowels added or not'],
    ['SMITH', 'SUMISU', 'a vowel after every consonant'],
    ['LAURA', 'RORA', 'one liquid for L and R'],
    ['VICTOR', 'BIKUTAA', 'B for V, the R after a vowel as a long vowel'],
    ['FRANK', 'PEURANK', 'P for F'],
    ['PHILIP', 'FIRIPU', 'PH is F'],
    ['ALEXANDER', 'AREKUSANDAA', 'X is KS'],
    ['WILLIAM', 'UIRIAMU', 'W as a vowel'],
    ['SCHULTZ', 'SHURUTSU', 'SCH is SH, TZ is TS'],
    ['GOLDING', 'GOLDING', 'the same sounds'],
    ['GILSON', 'JILSONG', 'G before I as J, NG for N'],
    ['HARRISON', 'HARISON', 'doubled letters are one sound'],
    ['MACHAUT', 'MASHO', 'a silent final consonant'],
  ])('%s ~ %s (%s)', (written, reading) => {
    expect(soundSimilarity(written, reading)).toBeGreaterThanOrEqual(ACCEPTED);
  });

  it.each([
    ['SCHMIDT', 'SMIS', 'two consonants more'],
    ['JONES', 'SMIS', 'other consonants'],
    ['NICOLE', 'MAIKL', 'another first consonant'],
    ['LAMBERT', 'ROBEOT', 'a consonant more'],
    ['KENNEDY', 'KELINDUN', 'a consonant fewer and others'],
  ])('%s is not %s (%s)', (written, reading) => {
    expect(soundSimilarity(written, reading)).toBeLessThan(ACCEPTED);
  });

  it('reads pinyin J, Q, X in a Chinese transcription as the sounds the tables write with them', () => {
    // 金 JIN for KIN, 希 XI for HI: a K and an H in the written word.
    expect(soundSimilarity('TOLKIN', 'TUOJIN', PINYIN)).toBeGreaterThan(soundSimilarity('TOLKIN', 'TUOJIN'));
    expect(soundSimilarity('HILTON', 'XIERDUN', PINYIN)).toBeGreaterThanOrEqual(ACCEPTED);
  });

  it('gives a written word and its reading by sound a common key', () => {
    const share = (written: string, reading: string, system = 0): boolean => writtenSoundKeys(written).some((k) => readingSoundKeys(reading, system).includes(k));
    expect(share('SMITH', 'SMIS')).toBe(true);
    expect(share('TURNER', 'TAANAA')).toBe(true);
    expect(share('MICHAEL', 'MAIKERU')).toBe(true);
    expect(share('GILSON', 'JILSONG')).toBe(true);
    expect(share('BARTHELME', 'BAASERUMI')).toBe(true);
    expect(share('CLINTON', 'KELINDUN', PINYIN)).toBe(true);
    expect(share('JONES', 'SMIS')).toBe(false);
  });
});
