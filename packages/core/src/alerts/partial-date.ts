import { z } from 'zod';

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * What is wrong with a date, when something is: each says something different to the person who
 * typed it, so the API (`params.date` of the field's issue) and the web forms (problem.date.*)
 * tell `30/01/1974` (format), `1974-02-30` (impossible), `1650` (range) and, for a birth date,
 * `2999-01-01` (future) apart.
 */
export const DATE_PROBLEMS = ['format', 'impossible', 'range', 'future'] as const;
export type DateProblem = (typeof DATE_PROBLEMS)[number];

/** The years a date of this system may name (births of living people, documents, alerts' dates). */
export const DATE_YEARS = { min: 1800, max: 2200 } as const;

/** The English wording of each problem, as the API's field errors give it. */
export const DATE_MESSAGES: Record<DateProblem, string> = {
  format: 'not a date as YYYY-MM-DD (or YYYY-MM, or YYYY when the day or month is unknown)',
  impossible: 'this day does not exist in the calendar',
  range: `the year must be between ${DATE_YEARS.min} and ${DATE_YEARS.max}`,
  future: 'a birth date cannot be in the future',
};

const FULL_DATE_MESSAGE = 'not a date as YYYY-MM-DD';

export interface DateRule {
  /** Only YYYY-MM-DD (no year or month alone). */
  full?: boolean;
  /** A birth date: not after today. */
  birth?: boolean;
  /** Today as YYYY-MM-DD; by default the date in the earliest time zone (birthToday). */
  today?: string;
}

/**
 * Today where the calendar is furthest ahead (UTC+14): a child born today anywhere in the world
 * is not refused as born in the future because the server's clock is in an earlier time zone.
 */
export function birthToday(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

/** The problem of a date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or null when it is right. */
export function dateProblem(value: string, rule: DateRule = {}): DateProblem | null {
  const m = PARTIAL_DATE.exec(value);
  if (!m || (rule.full && m[3] === undefined)) return 'format';
  // A day that does not exist is told so first (`2027-02-30` is impossible before it is future).
  const year = Number(m[1]);
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return 'impossible';
    if (m[3] !== undefined) {
      const day = Number(m[3]);
      if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return 'impossible';
    }
  }
  // Zero-padded dates compare as text: `2026-12` is after `2026-11-30`'s first seven characters.
  if (rule.birth && value > (rule.today ?? birthToday()).slice(0, value.length)) return 'future';
  if (year < DATE_YEARS.min || year > DATE_YEARS.max) return 'range';
  return null;
}

/** True for `1974`, `1974-08` or `1974-08-12` when the month and day exist in that year. */
export function isPartialDate(value: string): boolean {
  return dateProblem(value) === null;
}

/** The English wording of a date's problem for a field with this rule. */
export function dateMessage(problem: DateProblem, rule: DateRule = {}): string {
  return problem === 'format' && rule.full ? FULL_DATE_MESSAGE : DATE_MESSAGES[problem];
}

const dateSchema = (rule: DateRule) =>
  z.string().superRefine((value, ctx) => {
    // A birth date's "today" is read when the value is checked, not when the schema is built.
    const problem = dateProblem(value, rule);
    if (problem) ctx.addIssue({ code: 'custom', message: dateMessage(problem, rule), params: { date: problem } });
  });

/** A date of which only the year, or the year and month, may be known. */
export const partialDateSchema = dateSchema({});

/** A birth date: a partial date, and not in the future. */
export const birthDateSchema = dateSchema({ birth: true });

/** A full calendar date (YYYY-MM-DD). */
export const fullDateSchema = dateSchema({ full: true });
