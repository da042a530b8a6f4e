import { describe, expect, it } from 'vitest';
import { armenianVariants } from './armenian.js';
import { georgianVariants } from './georgian.js';
import { greekVariants } from './greek.js';
import { matchOf } from './match-of.test-helper.js';

describe('Georgian (national 2002, Russian-mediated), Armenian (BGN/PCGN Eastern and Western), Greek (customary)', () => {
  it('reads each by its tables', () => {
    expect(georgianVariants('ჯუღაშვილი', '').map((v) => v.text)).toEqual(['JUGHASHVILI', 'DZHUGHASHVILI']);
    expect(georgianVariants('წერეთელი', '').map((v) => v.text)).toEqual(['TSERETELI']);
    expect(armenianVariants('Պետրոսյան', '').map((v) => v.text)).toEqual(['PETROSYAN', 'BEDROSIAN']);
    expect(armenianVariants('Ոսկանյան', '').map((v) => v.text)).toEqual(['VOSKANYAN', 'VOSGANIAN']);
    expect(armenianVariants('Եղիազարյան', '').map((v) => v.text)).toEqual(['YEGHIAZARYAN']);
    expect(greekVariants('Γιώργος', '').map((v) => v.text)).toEqual(['YORGOS']);
    expect(greekVariants('Χατζής', '').map((v) => v.text)).toEqual(['HATZIS', 'KHATZIS']);
  });

  it.each([
    ['Պետրոսյան', 'Bedrossian', 'hy-bgn'],
    ['Ոսկանյան', 'Voskanyan', 'hy-bgn'],
    ['Γιώργος', 'Yorgos', 'el-customary'],
    ['Χρήστος', 'Hristos', 'el-customary'],
  ])('%s finds %s (%s)', (query, record, system) => {
    const m = matchOf(query, record);
    expect(m.hit).toBe(true);
    expect(m.systems).toContain(system);
  });

  it('matches the plain reading directly', () => {
    expect(matchOf('ჯუღაშვილი', 'Dzhugashvili').hit).toBe(true);
    expect(matchOf('წერეთელი', 'Tsereteli').hit).toBe(true);
    expect(matchOf('Պետրոսյան', 'Petrosyan').hit).toBe(true);
  });

  it.each([
    ['ჯუღაშვილი', 'Gamsakhurdia'],
    ['Պետրոսյան', 'Gasparian'],
    ['Γιώργος', 'Yannis'],
  ])('does not take %s for %s', (query, record) => {
    expect(matchOf(query, record).hit).toBe(false);
  });
});
