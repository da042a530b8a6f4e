import { describe, expect, it } from 'vitest';
import { compareNames } from '../compare-names.js';
import { prepareName } from '../prepare-name.js';
import { DEFAULT_THRESHOLD } from '../score-person.js';
import { hangulSyllables, wordCustom, wordDPRK, wordMR, wordRR } from './korean-romanisation.js';
import { surnameSpellings } from './korean-surnames.js';
import { hanjaReadings } from './korean-hanja.js';

const compare = (a: string, b: string) => compareNames(prepareName(a), prepareName(b));
const hit = (a: string, b: string): boolean => compare(a, b).score >= DEFAULT_THRESHOLD;
const systems = (a: string, b: string): string[] =>
  compare(a, b).reasons.flatMap((r) => ('system' in r && typeof r.system === 'string' ? [r.system] : []));
const syl = (hangul: string): number[] => hangulSyllables(hangul);

describe('Korean romanisation systems', () => {
  // Revised Romanisation (notice 2000-8), §3 art. 4: personal names, sound changes between the
  // syllables of a given name not written. Examples of the standard.
  it.each([
    ['민용하', 'MINYONGHA'],
    ['송나리', 'SONGNARI'],
    ['한복남', 'HANBOKNAM'],
    ['홍빛나', 'HONGBITNA'],
  ])('RR writes %s as %s', (hangul, latin) => {
    expect(wordRR(syl(hangul))).toBe(latin);
  });

  // McCune–Reischauer as the names are commonly printed, breves dropped: voiceless at the start of
  // a word, voiced between voiced sounds, SH before I.
  it.each([
    ['정희', 'CHONGHUI'], // Pak Chŏng-hŭi
    ['대중', 'TAEJUNG'], // Kim Tae-jung
    ['일성', 'ILSONG'], // Kim Il-sŏng
    ['승만', 'SUNGMAN'], // Yi Sŭng-man
    ['무현', 'MUHYON'], // No Mu-hyŏn
    ['영삼', 'YONGSAM'], // Kim Yŏng-sam
    ['신', 'SHIN'],
  ])('MR writes %s as %s', (hangul, latin) => {
    expect(wordMR(syl(hangul))).toBe(latin);
  });

  // The DPRK's own spelling, as KCNA prints its leaders' names.
  it.each([
    ['정은', 'JONGUN'], // Kim Jong Un
    ['설주', 'SOLJU'], // Ri Sol Ju
    ['룡해', 'RYONGHAE'], // Choe Ryong Hae
    ['성택', 'SONGTHAEK'], // Jang Song Thaek
  ])('the DPRK writes %s as %s', (hangul, latin) => {
    expect(wordDPRK(syl(hangul))).toBe(latin);
  });

  it.each([
    ['지성', 'JISUNG'],
    ['영수', 'YOUNGSOO'],
    ['현우', 'HYUNWOO'],
    ['정희', 'JUNGHEE'],
  ])('customary passport spelling of %s is %s', (hangul, latin) => {
    expect(wordCustom(syl(hangul))).toBe(latin);
  });
});

describe('Korean readings of name characters', () => {
  // Unihan kHangul; ㄹ read by the South's initial-sound rule at the start of a name word.
  it.each([
    ['金', ['김']],
    ['朴', ['박']],
    ['崔', ['최']],
    ['李', ['리', '이']],
    ['柳', ['류', '유']],
    ['盧', ['로', '노']],
    ['正恩', ['정은']],
    ['日成', ['일성']],
    ['在寅', ['재인']],
    ['南宮', ['남궁']],
  ])('reads %s as %j', (hanja, hangul) => {
    expect(hanjaReadings(hanja)?.map((r) => String.fromCharCode(...r))).toEqual(hangul);
  });

  it('has no reading for characters outside the table', () => {
    expect(hanjaReadings('鬱')).toBeUndefined();
  });
});

describe('Korean surnames by their customary spellings', () => {
  // The common passport spellings (국립국어원 surname romanisation survey; korean-surnames.ts).
  it.each([
    ['김', ['Kim', 'Gim']],
    ['이', ['Lee', 'Yi', 'Rhee', 'Ri', 'Rhie', 'I']],
    ['박', ['Park', 'Pak', 'Bak']],
    ['최', ['Choi', 'Choe']],
    ['정', ['Jung', 'Jeong', 'Chung', 'Chong']],
    ['윤', ['Yoon', 'Yun']],
    ['임', ['Lim', 'Im', 'Rim']],
    ['류', ['Ryu', 'Yoo', 'Yu']],
    ['노', ['Noh', 'Roh', 'No']],
    ['남궁', ['Namgung']],
    ['선우', ['Sunwoo']],
  ])('%s is found as %j', (hangul, spellings) => {
    for (const s of spellings) expect(surnameSpellings(hangul), s).toContain(s.toUpperCase());
  });

  it('finds a Hangul name under the customary surname spelling, and says so', () => {
    for (const surname of ['Lee', 'Yi', 'Rhee']) {
      expect(hit('이민호', `${surname} Min-ho`), surname).toBe(true);
      expect(systems('이민호', `${surname} Min-ho`), surname).toContain('ko-surname');
    }
    expect(hit('남궁민', 'Namgung Min')).toBe(true);
  });
});

describe('Korean names across scripts', () => {
  it('finds 박지성 as Park Ji-sung (customary) and as Pak Chi-song (McCune–Reischauer)', () => {
    expect(hit('박지성', 'Park Ji-sung')).toBe(true);
    expect(systems('박지성', 'Park Ji-sung')).toContain('ko-surname');
    expect(hit('박지성', 'Pak Chi-song')).toBe(true);
    expect(systems('박지성', 'Pak Chi-song')).toContain('ko-mr');
    expect(hit('박지성', 'Bak Jiseong')).toBe(true);
  });

  it('finds a given name written apart, hyphenated or together', () => {
    for (const latin of ['Kim Jong Un', 'Kim Jong-un', 'Kim Jongun', 'Gim Jeong-eun', 'Kim Chong-un']) expect(hit('김정은', latin), latin).toBe(true);
  });

  it('tells a Hangul name from one that differs by a syllable', () => {
    expect(hit('김정은', 'Kim Jong Il')).toBe(false);
    expect(hit('김정은', 'Kim Jong Nam')).toBe(false);
  });

  it('reads a Korean name written in Chinese characters the Korean way', () => {
    expect(hit('金正恩', 'Kim Jong Un')).toBe(true);
    expect(systems('金正恩', 'Kim Jong Un')).toContain('ko-hanja');
    expect(hit('金正恩', '김정은')).toBe(true);
    expect(hit('文在寅', 'Moon Jae-in')).toBe(true);
    expect(hit('李明博', 'Lee Myung-bak')).toBe(true);
    expect(hit('金正恩', 'Kim Jong Il')).toBe(false);
  });
});

describe('Korean names in Latin letters: syllables, not letters', () => {
  it('takes other spellings of the same syllables for the same name', () => {
    expect(hit('Kim Jong-un', 'Kim Jeong-eun')).toBe(true);
    expect(hit('Ri Sol Ju', 'Lee Seol-ju')).toBe(true);
    expect(hit('Choe Ryong Hae', 'Choi Ryong-hae')).toBe(true);
    expect(hit('Park Ji-sung', 'Pak Chi Song')).toBe(true);
  });

  it('takes names that differ by a syllable for different people', () => {
    expect(hit('Kim Jong Un', 'Kim Jong Il')).toBe(false);
    expect(hit('Kim Jong-un', 'Kim Jong-il')).toBe(false);
    expect(hit('Kim Jongun', 'Kim Jongil')).toBe(false);
    expect(hit('Kim Jong Nam', 'Kim Jong Un')).toBe(false);
    expect(hit('Kim Myongsik', 'Kim Myongsuk')).toBe(false);
    expect(hit('Lee Minho', 'Lee Minhyo')).toBe(false);
  });

  it('reads the syllables of a Korean name as names, not as Arabic particles', () => {
    // IL and BIN are particles in Arabic names (al-, bin); in KIM JONG IL and KO TAE BIN they are syllables.
    expect(hit('Ko Tae Bin', 'Ko Tae Hun')).toBe(false);
    expect(hit('Kim Kyong Il', 'Kim Kyong Min')).toBe(false);
  });

  it('leaves Western names with a Korean surname to the usual comparison', () => {
    expect(hit('Kim Wilde', 'Kim Wild')).toBe(true);
    expect(hit('Michelle Park', 'Michele Park')).toBe(true);
    expect(hit('Anna Kim', 'Anne Kim')).toBe(true);
    expect(hit('Sarah Lee', 'Sara Lee')).toBe(true);
  });

  it('takes a doubled letter for a slip, not another syllable', () => {
    expect(hit('Mina Lee', 'Minna Lee')).toBe(true);
    expect(hit('Kim Jong-un', 'Kim Jong-uun')).toBe(true);
  });
});
