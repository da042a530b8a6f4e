import { describe, expect, it } from 'vitest';
import { matchOf } from './match-of.test-helper.js';
import { rtgs } from './thai.js';

describe('Thai by the Royal Thai General System', () => {
  it.each([
    ['สมชาย', 'SOMCHAI'], // unwritten O in a closed syllable; final ย as I
    ['ประยุทธ์', 'PRAYUT'], // initial cluster; final ท as T; ธ under the thanthakhat silent
    ['จันทร์', 'CHAN'], // ทร under the thanthakhat silent
    ['โอชา', 'OCHA'], // vowel written before its consonant
    ['หลวง', 'LUANG'], // ห before a sonorant silent; ว between consonants as UA
    ['ชินวัตร', 'CHINWAT'], // a last ร after a final silent
    ['สุวรรณ', 'SUWAN'], // รร as AN
    ['แสง', 'SAENG'],
    ['ไทย', 'THAI'],
    ['อภิสิทธิ์', 'APHISIT'], // อ as a vowel carrier; unwritten A in an open syllable
    ['เศรษฐา', 'SETTHA'], // ศร as S
  ])('%s is %s', (word, reading) => {
    expect(rtgs(word)).toBe(reading);
  });
});

describe('Thai names meet their RTGS and personal spellings', () => {
  it.each([
    ['สมชาย', 'Somchai'],
    ['ประยุทธ์ จันทร์โอชา', 'Prayut Chanocha'],
    ['แพทองธาร', 'Phaethongthan'],
    ['ยิ่งลักษณ์', 'Yinglak'],
  ])('%s finds %s (th-rtgs)', (query, record) => {
    const m = matchOf(query, record);
    expect(m.hit).toBe(true);
    expect(m.systems).toContain('th-rtgs');
  });

  it.each([
    ['สมชาย', 'Thaksin'],
    ['ประยุทธ์', 'Chuan'],
  ])('does not take %s for %s', (query, record) => {
    expect(matchOf(query, record).hit).toBe(false);
  });
});
