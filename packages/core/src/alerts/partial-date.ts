import { z } from 'zod';

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for `1974`, `1974-08` or `1974-08-12` when the month and day exist in that year. */
export function isPartialDate(value: string): boolean {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1800 || year > 2200) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/** A date of which only the year, or the year and month, may be known. */
export const partialDateSchema = z
  .string()
  .refine(isPartialDate, 'a date as YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar');

/** A full calendar date (YYYY-MM-DD). */
export const fullDateSchema = z
  .string()
  .refine((v) => v.length === 10 && isPartialDate(v), 'a date as YYYY-MM-DD that exists in the calendar');
