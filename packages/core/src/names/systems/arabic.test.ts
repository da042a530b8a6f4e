import { describe, expect, it } from 'vitest';
import { arabicLoanReadings, arabicVariants } from './arabic.js';
import { matchOf } from './match-of.test-helper.js';

describe('Arabic readings by regional usage (BGN/PCGN 1956, French transcription usage)', () => {
  it('reads ش as the French CH, ث ذ ض ظ as S and Z, and the assimilated article', () => {
    const texts = (w: string): string[] => arabicVariants(w).map((v) => v.text);
    expect(texts('جمال')).toEqual([]);
    expect(texts('شريف')).toContain('TCHRYF');
    expect(texts('رمضان')).toContain('RMZAN');
    expect(texts('ذاكر')).toContain('ZAKR');
    expect(texts('عبدالرحمن')).toContain('ABDARRHMN');
    expect(texts('تشارلز')).toContain('CHARLZ');
  });

  it('reads a foreign name by sound, vowels written as vowels, ج as J and as G', () => {
    expect(arabicLoanReadings('فاغنر').map((v) => v.text)).toEqual(['FAGNR']);
    expect(arabicLoanReadings('جرينبرج').map((v) => v.text)).toEqual(['JRINBRJ', 'GRINBRG']);
    expect(arabicLoanReadings('سليم')).toEqual([]);
    // Letters of Arabic names, not of transcriptions: no reading by sound.
    expect(arabicLoanReadings('عبدالرحمن')).toEqual([]);
    expect(arabicLoanReadings('صالحين')).toEqual([]);
  });
});

describe('Arabic names meet their usual spellings', () => {
  it.each([
    ['جمال عبد الناصر', 'Gamal Abdel Nasser', undefined],
    ['شريف', 'Cherif', 'ar-common'],
    ['رمضان', 'Ramzan', 'ar-common'],
    ['عبدالرحمن', 'Abderrahmane', 'ar-common'],
    ['عبدالرحمن', 'Abdurrahman', 'ar-common'],
    ['فاغنر', 'Wagner', 'ar-transcription'],
    ['شتاينبرغ', 'Steinberg', undefined],
  ])('%s finds %s (%s)', (query, record, system) => {
    const m = matchOf(query, record);
    expect(m.hit).toBe(true);
    if (system !== undefined) expect(m.systems).toContain(system);
  });

  it.each([
    ['عبد الرحمن', 'Abdurrahman'],
    ['عبد الرحمن', 'Abderrahmane'],
    ['عبد الله', 'Abdallah'],
    ['عبد العزيز', 'Abdelaziz'],
    ['Abdul Rahman', 'Abdurrahman'],
  ])('reads ABD and the article written apart as the one word %s → %s, the article assimilated before a sun letter', (query, record) => {
    expect(matchOf(query, record).hit).toBe(true);
  });

  it.each([
    ['عبد الله', 'Abdelkader'],
    ['عبد الرحمن', 'Abdurrashid'],
    ['جمال', 'Jalal'],
    ['شريف', 'Shafiq'],
    ['رمضان', 'Rahman'],
    ['فاغنر', 'Fischer'],
  ])('does not take %s for %s', (query, record) => {
    expect(matchOf(query, record).hit).toBe(false);
  });
});
