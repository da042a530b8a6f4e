import { describe, expect, it } from 'vitest';
import { compareNames } from '../compare-names.js';
import { nameKeys, queryKeys } from '../name-keys.js';
import { prepareName } from '../prepare-name.js';
import { mayBeTranscription, readTranscription } from './chinese-loan.js';

// Characters of the Xinhua transcription tables (《英语姓名译名手册》) and the sounds they write:
// the consonants alone with the neutral vowel, L and R sharing the L characters, V and W the W ones.
const CHARACTERS: readonly [string, string][] = [
  ['克', 'KE'], ['斯', 'SI'], ['尔', 'ER'], ['爾', 'ER'], ['诺', 'NO'], ['夫', 'FU'], ['德', 'DE'], ['特', 'TE'],
  ['伊', 'I'], ['亚', 'YA'], ['娅', 'YA'], ['尼', 'NI'], ['维', 'WEI'], ['布', 'BU'], ['普', 'PU'], ['格', 'GE'],
  ['姆', 'MU'], ['恩', 'EN'], ['罗', 'LO'], ['勒', 'LE'], ['兹', 'ZI'], ['茨', 'TSI'], ['什', 'SHI'],
  ['基', 'KI'], ['希', 'HI'], ['加', 'GA'], ['吉', 'JI'], ['谢', 'XE'], ['朗', 'LAN'],
];

describe('Chinese transcriptions of foreign names read by sound (zh-transcription)', () => {
  it.each(CHARACTERS)('reads %s as %s', (character, sounds) => {
    expect(readTranscription([character])).toBe(sounds);
  });

  it('reads a piece by sound when it may be a transcription: three characters or more, or two with a typical one', () => {
    expect(mayBeTranscription([...'克林顿'])).toBe(true);
    expect(mayBeTranscription([...'伊森'])).toBe(true);
    expect(mayBeTranscription([...'王伟'])).toBe(false);
    expect(mayBeTranscription([...'李'])).toBe(false);
    expect(prepareName('王伟').joins.every((j) => j.part.variants.length === 0)).toBe(true);
  });

  it('finds the Latin name a Chinese transcription writes, and says it was read by sound', () => {
    for (const [hanzi, latin] of <[string, string][]>[
      ['克林顿', 'Clinton'],
      ['比尔·克林顿', 'Bill Clinton'],
      ['史密斯', 'Smith'],
      ['罗伯特', 'Robert'],
      ['亚历山大', 'Alexander'],
      ['弗拉基米尔', 'Vladimir'],
    ]) {
      const r = compareNames(prepareName(hanzi), prepareName(latin));
      expect(r.score, `${hanzi} / ${latin}`).toBeGreaterThanOrEqual(0.8);
      expect(r.reasons).toContainEqual(expect.objectContaining({ code: 'name.transliteration-variant', system: 'zh-transcription' }));
      expect(compareNames(prepareName(latin), prepareName(hanzi)).score, `${latin} / ${hanzi}`).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('does not take a name of other sounds for it, and leaves Chinese names to their characters', () => {
    expect(compareNames(prepareName('克林顿'), prepareName('Kennedy')).score).toBe(0);
    expect(compareNames(prepareName('史密斯'), prepareName('Schmidt')).score).toBe(0);
    expect(compareNames(prepareName('毛泽东'), prepareName('Mao Zedong')).score).toBe(1);
  });

  it('shares a key with the Latin name, so the index brings them together', () => {
    const record = new Set(nameKeys(prepareName('Clinton')));
    expect(queryKeys(prepareName('克林顿')).some((k) => record.has(k))).toBe(true);
  });
});
