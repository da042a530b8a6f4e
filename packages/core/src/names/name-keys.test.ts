import { describe, expect, it } from 'vitest';
import { COMMON_KEY_PREFIX, nameKeys, queryKeys } from './name-keys.js';
import { prepareName } from './prepare-name.js';

/** As an index uses them: the record indexed under nameKeys, the query looking up queryKeys. */
const found = (query: string, record: string): boolean => {
  const indexed = new Set(nameKeys(prepareName(record)));
  return queryKeys(prepareName(query)).some((k) => indexed.has(k));
};

describe('nameKeys', () => {
  it('brings transliteration and spelling variants together', () => {
    expect(found('Muammar Qadhafi', 'Moammar Gaddafi')).toBe(true);
    expect(found('Khadafy', 'Qaddafi')).toBe(true);
    expect(found('Муаммар Каддафи', 'Muammar Gaddafi')).toBe(true);
    expect(found('القذافي', 'Gaddafi')).toBe(true);
  });

  it('survives a typo in one consonant, and words written together', () => {
    expect(found('Lukashenko', 'Lukashnko')).toBe(true);
    expect(found('Hannibal', 'Gannibal')).toBe(true);
    expect(found('AlisherUsmanov', 'Alisher Usmanov')).toBe(true);
    expect(found('Alisher Usmanov', 'AlisherUsmanov')).toBe(true);
  });

  it('finds a name of common words only through a pair key, without looking up the common keys', () => {
    expect(found('Mohammed Zakaria Ahmed', 'Muhammad Ahmad')).toBe(true);
    expect(queryKeys(prepareName('Mohammed Zakaria Ahmed')).some((k) => k.startsWith(COMMON_KEY_PREFIX))).toBe(false);
    expect(queryKeys(prepareName('Mohammed')).some((k) => k.startsWith(COMMON_KEY_PREFIX))).toBe(true);
    expect(found('Mohd', 'Muhammad')).toBe(true);
  });

  it('gives no keys for initials and particles, and none for an empty name', () => {
    expect(nameKeys(prepareName('J. al bin'))).toEqual([]);
    expect(nameKeys(prepareName(''))).toEqual([]);
  });

  it('keeps unrelated names apart', () => {
    expect(found('George Bush', 'Pedro Sanchez')).toBe(false);
    expect(found('Habbash', 'Bush')).toBe(false);
  });
});
