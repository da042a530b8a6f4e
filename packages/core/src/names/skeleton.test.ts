import { describe, expect, it } from 'vitest';
import { consonantGaps, consonantSkeleton, oneConsonantApart, vowelsFit, soundSkeleton, spellingSkeleton } from './skeleton.js';

describe('spelling skeleton', () => {
  it('forgets vowels, doubling and a final H', () => {
    for (const v of ['MOHAMMED', 'MUHAMMAD', 'MOHAMED', 'MUHAMAD']) expect(spellingSkeleton(v)).toBe('MAHAMAD');
    expect(spellingSkeleton('ABDULLAH')).toBe(spellingSkeleton('ABDALLA'));
    expect(spellingSkeleton('YOUSSEF')).toBe(spellingSkeleton('YUSUF'));
  });

  it('keeps syllables: MELONI is not MILAN', () => {
    expect(spellingSkeleton('MELONI')).not.toBe(spellingSkeleton('MILAN'));
  });
});

describe('sound skeleton', () => {
  it('merges the consonant spellings transliterations disagree on', () => {
    const gaddafi = soundSkeleton('GADDAFI');
    for (const v of ['QADHAFI', 'KHADAFY', 'GHEDDAFI', 'QADHDHAFI', 'KADDAFI', 'QATHAFI']) expect(soundSkeleton(v), v).toBe(gaddafi);
    expect(soundSkeleton('SHAHIN')).toBe(soundSkeleton('SAHIN'));
    expect(soundSkeleton('DJAMEL')).toBe(soundSkeleton('JAMEL'));
    expect(soundSkeleton('WLADIMIR')).toBe(soundSkeleton('VLADIMIR'));
  });

  it('reads Wade-Giles HS as Pinyin X, but not an H before a consonant', () => {
    expect(soundSkeleton('HSI')).toBe(soundSkeleton('XI'));
    expect(soundSkeleton('HSN')).not.toBe(soundSkeleton('SN'));
  });
});

describe('consonant skeleton', () => {
  it('reads a romanised abjad word like its vowelled spelling', () => {
    expect(consonantSkeleton('MHMD')).toBe(consonantSkeleton('MOHAMMED'));
    expect(consonantSkeleton('MHMWD')).toBe(consonantSkeleton('MAHMOUD'));
    expect(consonantSkeleton('BYRYZ')).toBe(consonantSkeleton('PEREZ'));
  });
});

describe('oneConsonantApart', () => {
  it('allows one confusable consonant (Z for DH) but not any consonant', () => {
    expect(oneConsonantApart(soundSkeleton('KAZZAFI'), soundSkeleton('GADDAFI'))).toBe(true);
    expect(oneConsonantApart(soundSkeleton('MERCAZ'), soundSkeleton('MERKEL'))).toBe(false);
    expect(oneConsonantApart('KATA', 'KATA')).toBe(false);
  });
});

describe('vowelsFit', () => {
  it('keeps the letters between consonants, one gap more than the skeleton has consonants', () => {
    expect(consonantGaps('SEWD')).toEqual(['', 'EW', '']);
    expect(consonantGaps('MOHAMMED')).toEqual(['', 'O', 'A', 'E', '']);
  });

  it('wants a written long vowel where an unvocalised reading has one', () => {
    expect(vowelsFit(consonantGaps('SEWD'), consonantGaps('SAUD'))).toBe(true);
    expect(vowelsFit(consonantGaps('SEWD'), consonantGaps('SAYID'))).toBe(false);
    expect(vowelsFit(consonantGaps('MHMD'), consonantGaps('MOHAMMED'))).toBe(true);
    expect(vowelsFit(consonantGaps('ASL'), consonantGaps('SALEH'))).toBe(false);
  });
});
