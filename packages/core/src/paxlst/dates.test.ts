import { describe, expect, it } from 'vitest';
import { readDate, todayOf } from './dates.js';

const today = todayOf('2024-06-01');

describe('readDate', () => {
  it('reads the formats PAXLST senders use', () => {
    expect(readDate('850412', '', 'birth', today).value).toBe('1985-04-12');
    expect(readDate('19850412', '102', 'birth', today).value).toBe('1985-04-12');
    expect(readDate('120485', '2', 'birth', today).value).toBe('1985-04-12');
    expect(readDate('2403011030', '201', 'flight', today).value).toBe('2024-03-01T10:30');
    expect(readDate('202403011030', '203', 'flight', today).value).toBe('2024-03-01T10:30');
    expect(readDate('20240301103059', '204', 'flight', today).value).toBe('2024-03-01T10:30');
  });

  it('gives partial birth dates for 00 and for the year and month formats', () => {
    expect(readDate('780000', '', 'birth', today).value).toBe('1978');
    expect(readDate('19780700', '102', 'birth', today).value).toBe('1978-07');
    expect(readDate('1978', '602', 'birth', today).value).toBe('1978');
    expect(readDate('197807', '610', 'birth', today).value).toBe('1978-07');
    expect(readDate('780012', '', 'birth', today)).toEqual({ value: null, problem: '"780012" gives a day but no month' });
    expect(readDate('300000', '', 'expiry', today).problem).toBe('"300000" has no month');
  });

  it('puts two-digit years in the right century for each kind of date', () => {
    expect(readDate('240531', '', 'birth', today).value).toBe('2024-05-31');
    expect(readDate('240602', '', 'birth', today).value).toBe('1924-06-02'); // not born tomorrow
    expect(readDate('440101', '', 'expiry', today).value).toBe('2044-01-01');
    expect(readDate('450101', '', 'expiry', today).value).toBe('1945-01-01');
    expect(readDate('7401011200', '', 'flight', today).value).toBe('2074-01-01T12:00');
    expect(readDate('7501011200', '', 'flight', today).value).toBe('1975-01-01T12:00');
  });

  it('refuses dates that do not exist, naming why', () => {
    expect(readDate('850230', '', 'birth', today)).toEqual({ value: null, problem: 'day 30 does not exist in 1985-02' });
    expect(readDate('851312', '', 'birth', today)).toEqual({ value: null, problem: 'month 13 does not exist' });
    expect(readDate('85-04-12', '', 'birth', today).problem).toBe('"85-04-12" is not a date of digits');
    expect(readDate('1234567', '', 'birth', today).problem).toBe('"1234567" has 7 digits, which no date format has');
    expect(readDate('', '', 'birth', today).problem).toBe('the date is empty');
    expect(readDate('2403012575', '201', 'flight', today)).toEqual({ value: '2024-03-01', problem: 'time 25:75 does not exist; the date alone is kept' });
  });

  it('reads by length when the format qualifier does not fit the digits', () => {
    expect(readDate('19850412', '101', 'birth', today).value).toBe('1985-04-12');
  });
});
