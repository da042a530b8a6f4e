import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { ICAO_STATE_CODES, isKnownStateCode } from './state-codes.js';

describe('ICAO state codes', () => {
  it('holds every ISO 3166-1 alpha-3 country', () => {
    const iso = Object.keys(countries.getAlpha3Codes());
    expect(iso.filter((code) => !ICAO_STATE_CODES.has(code))).toEqual([]);
  });
  it('holds the Doc 9303 special codes, with or without fillers', () => {
    for (const code of ['D', 'D<<', 'GBD', 'UNO', 'XXA', 'XXX', 'EUE', 'XPO', 'XOM']) expect(isKnownStateCode(code)).toBe(true);
  });
  it('does not hold the specimen state Utopia or made-up codes', () => {
    for (const code of ['UTO', 'BOS', 'ASU', 'COU', '']) expect(isKnownStateCode(code)).toBe(false);
  });
});
