import { describe, expect, it } from 'vitest';
import { hebrewLoanReading, hebrewVariants } from './hebrew.js';
import { matchOf } from './match-of.test-helper.js';

describe('Hebrew readings (Academy of the Hebrew Language 2006; customary spellings)', () => {
  it('reads ח as H or CH and כ as CH beside the primary KH and K', () => {
    expect(hebrewVariants('יצחק').map((v) => v.text)).toEqual(['YTZHK', 'YTZCHK']);
    expect(hebrewVariants('מיכאל').map((v) => v.text)).toEqual(['MYTCHL']);
    expect(hebrewVariants('דוד')).toEqual([]);
  });

  it('reads a foreign name by sound, with ו and י as vowels and a first ו as V', () => {
    expect(hebrewLoanReading('שטיינברג').map((v) => v.text)).toEqual(['SHTIINBRG']);
    expect(hebrewLoanReading('וגנר').map((v) => v.text)).toEqual(['VGNR']);
  });
});

describe('Hebrew names meet their usual spellings', () => {
  it.each([
    ['יצחק', 'Yitzhak', 'he-common'],
    ['יצחק', 'Yitzchak', 'he-common'],
    ['מיכאל', 'Michael', 'he-common'],
    ['חיים', 'Chaim', 'he-common'],
    ['שטיינברג', 'Steinberg', undefined],
    ['וגנר', 'Wagner', undefined],
    ['קיין', 'Kane', undefined],
  ])('%s finds %s (%s)', (query, record, system) => {
    const m = matchOf(query, record);
    expect(m.hit).toBe(true);
    if (system !== undefined) expect(m.systems).toContain(system);
  });

  it.each([
    ['יצחק', 'Yaakov'],
    ['מיכאל', 'Mikhailov'],
    ['חיים', 'Hakim'],
  ])('does not take %s for %s', (query, record) => {
    expect(matchOf(query, record).hit).toBe(false);
  });
});
