import { describe, expect, it } from 'vitest';
import { calendarDay, dateTime } from './dates.ts';

describe('dates as an officer reads them', () => {
  it('names the month and the time zone, so no reader can swap day and month', () => {
    const text = dateTime('en', '2026-12-06T09:05:00Z');
    expect(text).toMatch(/Dec/);
    expect(text).toMatch(/2026/);
    expect(text).toMatch(/UTC|GMT|[A-Z]{3,4}|[+-]\d/);
    expect(text).not.toMatch(/^\d{1,2}\/\d{1,2}\/\d{2}\b/);
  });
  it('shows a calendar day in the reader’s language without shifting it by a time zone', () => {
    expect(calendarDay('en', '1974-01-30')).toMatch(/30/);
    expect(calendarDay('en', '1974-01-30')).toMatch(/Jan/);
    expect(calendarDay('fr', '1974-01-30')).toMatch(/janv/);
    expect(calendarDay('en', 'not a day')).toBe('not a day');
  });
});

describe('partial dates', () => {
  it('reads a day, a month or a year as the record gives it', async () => {
    const { partialDate } = await import('./dates.ts');
    expect(partialDate('en', '1974-01-30')).toMatch(/30 Jan 1974|Jan 30, 1974/);
    expect(partialDate('en', '1974-01')).toBe('January 1974');
    expect(partialDate('en', '1974')).toBe('1974');
  });
});
