import { describe, expect, it } from 'vitest';
import { decimalOf } from './decimal.ts';

describe('a threshold or weight as typed on the screening page', () => {
  // Unicode's Arabic block: U+0660–0669 Arabic-Indic digits, U+066B the Arabic decimal separator, U+06F0–06F9 Eastern Arabic-Indic digits.
  it.each([
    ['0.75', 0.75],
    [' 0,75 ', 0.75],
    ['٠٫٧٥', 0.75],
    ['۰٫۸', 0.8],
    ['٢', 2],
    ['1', 1],
  ])('reads %j as %d', (typed, value) => {
    expect(decimalOf(typed)).toBe(value);
  });

  it('hands back what is no number, for the server to refuse beside its field', () => {
    expect(decimalOf('high')).toBe('high');
  });
});
