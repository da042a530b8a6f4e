import { describe, expect, it } from 'vitest';
import { checkDigitMatches, computeCheckDigit } from './check-digit.js';

describe('computeCheckDigit (7-3-1, < = 0, A = 10 … Z = 35)', () => {
  it('gives the Doc 9303 Part 3 worked examples', () => {
    expect(computeCheckDigit('520727')).toBe(3);
    expect(computeCheckDigit('AB2134<<<')).toBe(5);
    expect(computeCheckDigit('HA672242<658022549601086<<<<<<<<<<<<<<0')).toBe(8);
  });
  it('weights letters by their value', () => {
    expect(computeCheckDigit('A')).toBe(0); // 10 × 7 = 70
    expect(computeCheckDigit('Z')).toBe(5); // 35 × 7 = 245
    expect(computeCheckDigit('<<<')).toBe(0);
  });
  it('refuses empty input and characters the MRZ cannot hold', () => {
    for (const bad of ['', '0000 0', 'abc', 'AB-1', 'É']) expect(computeCheckDigit(bad)).toBeNull();
  });
  it('compares against a given digit', () => {
    expect(checkDigitMatches('520727', '3')).toBe(true);
    expect(checkDigitMatches('520727', '4')).toBe(false);
    expect(checkDigitMatches('520727', '<')).toBe(false);
  });
});
