import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fullDateSchema, isPartialDate, partialDateSchema } from './partial-date.js';

describe('isPartialDate', () => {
  it.each(['1974', '1974-08', '1974-08-12'])('accepts %s', (value) => {
    expect(isPartialDate(value)).toBe(true);
  });

  it.each([
    ['1974-02-30', 'a day that does not exist in that month'],
    ['1974-13', 'a month 13'],
    ['1974-00', 'a month 0'],
    ['1974-08-00', 'a day 0'],
    ['1974-08-32', 'a day 32'],
    ['74', 'a two-digit year'],
    ['1974-8', 'a one-digit month'],
    ['1974-08-1', 'a one-digit day'],
    ['19740812', 'a date without dashes'],
    ['1974/08/12', 'slashes'],
    ['12-08-1974', 'day first'],
    ['1974-08-12T00:00:00Z', 'a timestamp'],
    [' 1974', 'leading space'],
    ['', 'an empty string'],
  ])('refuses %s (%s)', (value) => {
    expect(isPartialDate(value)).toBe(false);
  });

  it('knows leap years', () => {
    expect(isPartialDate('2000-02-29')).toBe(true);
    expect(isPartialDate('1976-02-29')).toBe(true);
    expect(isPartialDate('1974-02-29')).toBe(false);
    expect(isPartialDate('1900-02-29')).toBe(false);
  });

  it('knows 30-day months', () => {
    expect(isPartialDate('1974-04-30')).toBe(true);
    expect(isPartialDate('1974-04-31')).toBe(false);
    expect(isPartialDate('1974-12-31')).toBe(true);
  });

  it('refuses years outside 1800 to 2200', () => {
    expect(isPartialDate('1799')).toBe(false);
    expect(isPartialDate('1800')).toBe(true);
    expect(isPartialDate('2200-12-31')).toBe(true);
    expect(isPartialDate('2201')).toBe(false);
  });

  it('accepts every real calendar day, and its month and year alone', () => {
    const from = Date.UTC(1800, 0, 1);
    const to = Date.UTC(2200, 11, 31);
    fc.assert(
      fc.property(fc.integer({ min: from / 86_400_000, max: to / 86_400_000 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(isPartialDate(iso)).toBe(true);
        expect(isPartialDate(iso.slice(0, 7))).toBe(true);
        expect(isPartialDate(iso.slice(0, 4))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses any day past the end of its month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1800, max: 2200 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
        const mm = String(month).padStart(2, '0');
        expect(isPartialDate(`${year}-${mm}-${String(last).padStart(2, '0')}`)).toBe(true);
        if (last < 31) expect(isPartialDate(`${year}-${mm}-${String(last + 1).padStart(2, '0')}`)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('partialDateSchema and fullDateSchema', () => {
  it('lets a birth date be known only to the year or month', () => {
    expect(partialDateSchema.safeParse('1974').success).toBe(true);
    expect(partialDateSchema.safeParse('1974-08').success).toBe(true);
    expect(partialDateSchema.safeParse('1974-02-30').success).toBe(false);
  });

  it('requires a full day for a full date', () => {
    expect(fullDateSchema.safeParse('2030-01-31').success).toBe(true);
    expect(fullDateSchema.safeParse('2030-01').success).toBe(false);
    expect(fullDateSchema.safeParse('2030').success).toBe(false);
    expect(fullDateSchema.safeParse('2030-02-30').success).toBe(false);
  });

  it('refuses values that are not strings', () => {
    expect(partialDateSchema.safeParse(1974).success).toBe(false);
    expect(fullDateSchema.safeParse(null).success).toBe(false);
  });
});
