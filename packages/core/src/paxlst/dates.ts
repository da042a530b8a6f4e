import { todayOf, type Today } from '../mrz/mrz-dates.js';

export { todayOf, type Today };

/**
 * EDIFACT dates (DTM, format qualifier 2379) as ISO text. Birth dates may be partial: senders
 * write `00` for an unknown month or day (`780000`), and formats 602 (CCYY) and 610 (CCYYMM)
 * give only the year or month; the result is then `YYYY` or `YYYY-MM`, as core's partial dates.
 * Two-digit years follow the MRZ rules: a birth date is not after today, an expiry is at most
 * twenty years ahead, a flight at most fifty.
 */
export type DateKind = 'birth' | 'expiry' | 'flight';

export interface DateReading {
  value: string | null;
  problem?: string;
}

// Format qualifier → the layout of the digits. Y2 = two-digit year, Y4 = four.
const LAYOUTS: Readonly<Record<string, string>> = {
  '2': 'DDMMYY',
  '101': 'YYMMDD',
  '102': 'CCYYMMDD',
  '201': 'YYMMDDHHMM',
  '203': 'CCYYMMDDHHMM',
  '204': 'CCYYMMDDHHMMSS',
  '602': 'CCYY',
  '610': 'CCYYMM',
};

// Without a format qualifier (or with one the digits do not fit), the length decides.
const BY_LENGTH: Readonly<Record<number, string>> = { 4: 'CCYY', 6: 'YYMMDD', 8: 'CCYYMMDD', 10: 'YYMMDDHHMM', 12: 'CCYYMMDDHHMM', 14: 'CCYYMMDDHHMMSS' };

const pad = (n: number): string => String(n).padStart(2, '0');
const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

function fullYear(yy: number, month: number, day: number, kind: DateKind, today: Today): number {
  const year = 2000 + yy;
  if (kind === 'birth') {
    const after = year > today.year || (year === today.year && (month > today.month || (month === today.month && day > today.day)));
    return after ? year - 100 : year;
  }
  return year > today.year + (kind === 'expiry' ? 20 : 50) ? year - 100 : year;
}

function field(layout: string, digits: string, name: string): number | undefined {
  const at = layout.indexOf(name);
  return at < 0 ? undefined : Number(digits.slice(at, at + name.length));
}

/** Reads `raw` written in `format` (a 2379 code, or '' when absent). Never throws. */
export function readDate(raw: string, format: string, kind: DateKind, today: Today): DateReading {
  const digits = raw.trim();
  if (digits === '') return { value: null, problem: 'the date is empty' };
  if (!/^\d+$/.test(digits) || digits.length > 14) return { value: null, problem: `"${digits.slice(0, 20)}" is not a date of digits` };
  let layout = LAYOUTS[format.trim()];
  if (layout === undefined || layout.length !== digits.length) layout = BY_LENGTH[digits.length];
  if (layout === undefined) return { value: null, problem: `"${digits}" has ${digits.length} digits, which no date format has` };
  let month = field(layout, digits, 'MM') ?? 0;
  let day = field(layout, digits, 'DD') ?? 0;
  const hour = field(layout, digits, 'HH');
  const minute = layout.indexOf('HHMM') >= 0 ? Number(digits.slice(layout.indexOf('HHMM') + 2, layout.indexOf('HHMM') + 4)) : undefined;
  const year = layout.includes('CCYY') ? field(layout, digits, 'CCYY')! : fullYear(field(layout, digits, 'YY')!, month, day, kind, today);
  if (layout === 'CCYY') month = 0;
  if (layout === 'CCYYMM') day = 0;

  if (year < 1800 || year > 2200) return { value: null, problem: `year ${year} is out of range` };
  if (month === 0 || day === 0) {
    const declaredPartial = layout === 'CCYY' || layout === 'CCYYMM';
    if (kind !== 'birth' && !declaredPartial) return { value: null, problem: `"${digits}" has no ${month === 0 ? 'month' : 'day'}` };
    if (month === 0 && day !== 0) return { value: null, problem: `"${digits}" gives a day but no month` };
  }
  if (month > 12) return { value: null, problem: `month ${pad(month)} does not exist` };
  if (month === 0) return { value: String(year) };
  if (day > daysIn(year, month)) return { value: null, problem: `day ${pad(day)} does not exist in ${year}-${pad(month)}` };
  const date = day === 0 ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
  if (hour === undefined || minute === undefined || kind === 'birth' || day === 0) return { value: date };
  if (hour > 24 || minute > 59 || (hour === 24 && minute > 0)) return { value: date, problem: `time ${pad(hour)}:${pad(minute)} does not exist; the date alone is kept` };
  return { value: `${date}T${pad(hour)}:${pad(minute)}` };
}
