import { describe, expect, it } from 'vitest';
import { fillDays, lastDays, minutesLate, utcDay, windowStart } from './day-buckets.js';

describe('dashboard day buckets', () => {
  it('counts days in UTC, whatever the hour', () => {
    expect(utcDay(new Date('2026-03-01T23:59:59.999Z'))).toBe('2026-03-01');
    expect(lastDays(new Date('2026-03-02T00:00:00.000Z'), 3)).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
    expect(lastDays(new Date('2024-03-01T12:00:00.000Z'), 2)).toEqual(['2024-02-29', '2024-03-01']);
    expect(lastDays(new Date('2026-01-01T05:00:00.000Z'), 1)).toEqual(['2026-01-01']);
  });

  it('starts the window at midnight UTC of its first day', () => {
    expect(windowStart(new Date('2026-03-02T15:00:00.000Z'), 30)).toBe('2026-02-01T00:00:00.000Z');
    // Stored timestamps compare as text: the first hit of that day is in, the last of the day before is out.
    expect('2026-02-01T00:00:00.000Z' >= windowStart(new Date('2026-03-02T15:00:00.000Z'), 30)).toBe(true);
    expect('2026-01-31T23:59:59.999Z' >= windowStart(new Date('2026-03-02T15:00:00.000Z'), 30)).toBe(false);
  });

  it('fills days without hits with zeros and ignores rows outside the window', () => {
    const days = ['2026-03-01', '2026-03-02', '2026-03-03'];
    expect(
      fillDays(days, {
        onOurAlerts: [{ day: '2026-03-02', count: 4 }, { day: '2026-02-27', count: 9 }],
        byOurScreening: [{ day: '2026-03-01', count: 1 }, { day: '2026-03-03', count: 2 }],
      }),
    ).toEqual([
      { day: '2026-03-01', onOurAlerts: 0, byOurScreening: 1 },
      { day: '2026-03-02', onOurAlerts: 4, byOurScreening: 0 },
      { day: '2026-03-03', onOurAlerts: 0, byOurScreening: 2 },
    ]);
  });

  it('says how late a reply is in whole minutes', () => {
    expect(minutesLate('2026-03-01T20:00:00.000Z', new Date('2026-03-01T21:30:59.000Z'))).toBe(90);
    expect(minutesLate('2026-03-01T20:00:00.000Z', new Date('2026-03-01T19:00:00.000Z'))).toBe(0);
  });
});
