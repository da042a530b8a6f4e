import { describe, expect, it } from 'vitest';
import { hunterian } from './devanagari.js';
import { matchOf } from './match-of.test-helper.js';

describe('Devanagari by Hunterian, with schwa deletion', () => {
  // The inherent vowel is dropped at the end of a word (not after a cluster) and between a vowel
  // and a consonant that keeps its vowel (Ohala 1983); ई and ऊ as the EE and OO of names.
  it.each([
    ['राम', 'RAM'],
    ['कमला', 'KAMLA'],
    ['कमल', 'KAMAL'],
    ['भारत', 'BHARAT'],
    ['मित्र', 'MITRA'],
    ['नरेन्द्र', 'NARENDRA'],
    ['दीपक', 'DEEPAK'],
    ['पूनम', 'POONAM'],
    ['ज्ञान', 'GYAN'],
    ['बच्चन', 'BACHCHAN'],
    ['गांगुली', 'GANGULEE'],
    ['शंभु', 'SHAMBHU'],
    ['ख़ान', 'KHAN'],
    ['चोपड़ा', 'CHOPRA'],
  ])('%s is %s', (word, reading) => {
    expect(hunterian(word)).toBe(reading);
  });
});

describe('Devanagari names meet their usual spellings', () => {
  it('राम is Ram, not Rama only', () => {
    expect(matchOf('राम', 'Ram').hit).toBe(true);
  });

  it.each([
    ['कमला', 'Kamla'],
    ['अमिताभ बच्चन', 'Amitabh Bachchan'],
    ['प्रियंका चोपड़ा', 'Priyanka Chopra'],
    ['ज्ञानेश्वर', 'Gyaneshwar'],
  ])('%s finds %s (deva-hunterian)', (query, record) => {
    const m = matchOf(query, record);
    expect(m.hit).toBe(true);
    expect(m.systems).toContain('deva-hunterian');
  });

  it.each([
    ['राम', 'Rahim'],
    ['कमला', 'Kamal Nath'],
    ['दीपक', 'Dinesh'],
  ])('does not take %s for %s', (query, record) => {
    expect(matchOf(query, record).hit).toBe(false);
  });
});
