/** A date read from an MRZ: ISO text, or null with the reason. */
export interface MrzDate {
  value: string | null;
  partial: boolean;
  problem?: string;
}

export interface Today {
  year: number;
  month: number;
  day: number;
}

/** Today's date as year, month and day (UTC): the reference for two-digit years. */
export function todayOf(today: Date | string | undefined): Today {
  let date = today === undefined ? new Date() : typeof today === 'string' ? new Date(today) : today;
  if (Number.isNaN(date.getTime())) date = new Date();
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

// The window an expiry date may lie in the future: passports run ten years, some documents
// (residence cards, seafarer documents) longer; beyond twenty years the year is the last century.
const EXPIRY_WINDOW_YEARS = 20;

const pad = (n: number): string => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function compare(a: Today, b: Today): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * A birth date YYMMDD. The date is in the past: a two-digit year that would put it after today
 * is read as 19YY. `<<` for the day, or for month and day, marks them unknown (Doc 9303 Part 3 4.5).
 */
export function readBirthDate(raw: string, today: Today): MrzDate {
  const m = /^(\d\d)(\d\d|<<)(\d\d|<<)$/.exec(raw);
  if (!m) return { value: null, partial: false, problem: 'not six digits (YYMMDD)' };
  const yy = Number(m[1]);
  const monthText = m[2]!;
  const dayText = m[3]!;
  if (monthText === '<<' && dayText !== '<<') return { value: null, partial: false, problem: 'day given but month unknown' };
  const month = monthText === '<<' ? undefined : Number(monthText);
  const day = dayText === '<<' ? undefined : Number(dayText);
  let year = 2000 + yy;
  if (compare({ year, month: month ?? 1, day: day ?? 1 }, today) > 0) year -= 100;
  if (month === undefined) return { value: String(year), partial: true };
  if (month < 1 || month > 12) return { value: null, partial: false, problem: `month ${monthText} does not exist` };
  if (day === undefined) return { value: `${year}-${pad(month)}`, partial: true };
  if (day < 1 || day > daysIn(year, month)) return { value: null, partial: false, problem: `day ${dayText} does not exist in ${year}-${pad(month)}` };
  return { value: `${year}-${pad(month)}-${pad(day)}`, partial: false };
}

/** An expiry date YYMMDD: 20YY unless that is more than twenty years after today, then 19YY. */
export function readExpiryDate(raw: string, today: Today): MrzDate {
  const m = /^(\d\d)(\d\d)(\d\d)$/.exec(raw);
  if (!m) return { value: null, partial: false, problem: 'not six digits (YYMMDD)' };
  const yy = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  let year = 2000 + yy;
  if (year > today.year + EXPIRY_WINDOW_YEARS) year -= 100;
  if (month < 1 || month > 12) return { value: null, partial: false, problem: `month ${m[2]} does not exist` };
  if (day < 1 || day > daysIn(year, month)) return { value: null, partial: false, problem: `day ${m[3]} does not exist in ${year}-${pad(month)}` };
  return { value: `${year}-${pad(month)}-${pad(day)}`, partial: false };
}

/** True when an ISO date (YYYY-MM-DD) is before today. */
export function isBefore(isoDate: string, today: Today): boolean {
  const [y, mo, d] = isoDate.split('-').map(Number);
  return compare({ year: y ?? 0, month: mo ?? 0, day: d ?? 0 }, today) < 0;
}

/** True when an ISO date (YYYY-MM-DD) is more than `years` years after today. */
export function isLaterThanYearsAhead(isoDate: string, today: Today, years: number): boolean {
  const [y, mo, d] = isoDate.split('-').map(Number);
  return compare({ year: y ?? 0, month: mo ?? 0, day: d ?? 0 }, { ...today, year: today.year + years }) > 0;
}
