import { describe, expect, it } from 'vitest';
import { greekVariants } from './greek.js';
import { matchOf } from './match-of.test-helper.js';

describe('Greek: customary spellings beside ELOT 743', () => {
  it('reads Γ before a front vowel as Y, Χ as H or KH, medial ΜΠ as MB', () => {
    expect(greekVariants('Γιώργος', '').map((v) => v.text)).toEqual(['YORGOS']);
    expect(greekVariants('Χατζής', '').map((v) => v.text)).toEqual(['HATZIS', 'KHATZIS']);
    expect(greekVariants('Κολόμπος', '').map((v) => v.text)).toEqual(['KOLOMBOS']);
  });

  it.each([
    ['Γιώργος', 'Yorgos'],
    ['Χρήστος', 'Hristos'],
  ])('%s finds %s (el-customary)', (query, record) => {
    const m = matchOf(query, record);
    expect(m.hit).toBe(true);
    expect(m.systems).toContain('el-customary');
  });

  it('does not take Γιώργος for Yannis', () => {
    expect(matchOf('Γιώργος', 'Yannis').hit).toBe(false);
  });
});
