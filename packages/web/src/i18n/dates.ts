/**
 * Dates and times as an officer reads them: in the reader's language, month in words (so
 * 6/12 and 12/6 can never be confused), and every time with its time zone named, since a hit
 * recorded in one country is read in another.
 */

/** A moment (ISO timestamp or Date), e.g. "6 Dec 2026, 14:05 CET". */
export function dateTime(language: string, at: string | Date, withSeconds = false): string {
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' as const } : {}),
    timeZoneName: 'short',
  }).format(typeof at === 'string' ? new Date(at) : at);
}

/** A calendar day with no time (a birth date, a theft date: YYYY-MM-DD), e.g. "30 Jan 1974". Never shifted by the reader's zone. */
export function calendarDay(language: string, day: string): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(d);
}

/**
 * A date a record gives, which may be partial (YYYY, YYYY-MM or YYYY-MM-DD, as the core's
 * partial-date.ts allows): a day as `calendarDay`, a month in words with its year, a year as it is.
 */
export function partialDate(language: string, value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return calendarDay(language, value);
  if (/^\d{4}-\d{2}$/.test(value)) {
    const d = new Date(`${value}-01T00:00:00Z`);
    if (!Number.isNaN(d.getTime())) return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(d);
  }
  return value;
}
