import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { z } from 'zod';
import { queryBirthDateSchema } from '../screening/screen-query.js';
import { birthDateSchema, birthToday, dateProblem, fullDateSchema, isPartialDate, partialDateSchema } from './partial-date.js';

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

describe('a date’s problem, told apart', () => {
  const issue = (schema: z.ZodType, value: unknown) => {
    const r = schema.safeParse(value);
    if (r.success) throw new Error(`${String(value)} was accepted`);
    const first = r.error.issues[0] as { message: string; params?: { date?: string } };
    return { message: first.message, problem: first.params?.date };
  };

  it.each([
    ['30/01/1974', 'format'],
    ['1974-2-3', 'format'],
    ['', 'format'],
    ['1974-02-30', 'impossible'],
    ['1974-13', 'impossible'],
    ['1650-01-01', 'range'],
    ['2999-01-01', 'future'],
    // A day that does not exist is impossible before it is in the future.
    ['2027-02-30', 'impossible'],
    ['2026-12-32', 'impossible'],
  ])('a birth date %s is %s', (value, problem) => {
    expect(issue(birthDateSchema, value).problem).toBe(problem);
    expect(dateProblem(value, { birth: true, today: '2026-12-06' })).toBe(problem);
  });

  it('gives the impossible date, the future birth date and the wrong format three different messages', () => {
    const messages = ['1974-02-30', '2999-01-01', '30/01/1974'].map((v) => issue(birthDateSchema, v).message);
    expect(new Set(messages).size).toBe(3);
    expect(messages[0]).toBe('this day does not exist in the calendar');
    expect(messages[1]).toBe('a birth date cannot be in the future');
    expect(messages[2]).toContain('YYYY-MM-DD');
  });

  it('accepts a birth today and this year or month, refuses tomorrow and next year', () => {
    const today = '2026-12-06';
    for (const v of ['2026-12-06', '2026-12', '2026', '1974-08-12']) expect(dateProblem(v, { birth: true, today }), v).toBeNull();
    for (const v of ['2026-12-07', '2027', '2027-01']) expect(dateProblem(v, { birth: true, today }), v).toBe('future');
  });

  it('does not refuse a child born today in the earliest time zone', () => {
    // 11:00 UTC on 6 December is already 7 December at UTC+14.
    expect(birthToday(new Date('2026-12-06T11:00:00Z'))).toBe('2026-12-07');
    expect(birthToday(new Date('2026-12-06T09:00:00Z'))).toBe('2026-12-06');
  });

  it('lets other dates lie ahead (an event date, an expiry), within the years of the system', () => {
    expect(partialDateSchema.safeParse('2150-01-01').success).toBe(true);
    expect(issue(partialDateSchema, '2999-01-01').problem).toBe('range');
    expect(issue(fullDateSchema, '2030-01')).toEqual({ message: 'not a date as YYYY-MM-DD', problem: 'format' });
  });

  it('holds the screening query’s birth date to the same rule, after reading the sloppy 1965-7-16', () => {
    expect(queryBirthDateSchema.parse('1965-7-16')).toBe('1965-07-16');
    expect(issue(queryBirthDateSchema, '1974-02-30').problem).toBe('impossible');
    expect(issue(queryBirthDateSchema, '2999-01-01').problem).toBe('future');
    expect(issue(queryBirthDateSchema, '30/01/1974').problem).toBe('format');
  });
});
