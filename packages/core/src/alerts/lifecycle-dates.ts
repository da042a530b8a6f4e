/**
 * When an alert's dates end it. Days are YYYY-MM-DD strings (which compare as text in date
 * order); `today` is the current UTC day. Each rule's SQL translation is beside it in
 * `lifecycle-dates.sql.ts`, held equal to it by the table-driven test of the rules.
 */

/** The dates an alert carries: the owner's end date and the retention review date. */
export interface AlertDates {
  expiresAt: string | null;
  reviewDate: string | null;
}

/** Past its end date: an alert is active through the day it names, and ends the day after. */
export function isPastEndDate(expiresAt: string | null, today: string): boolean {
  return expiresAt !== null && expiresAt < today;
}

/** At (or past) its review date: unless the owner extended it, the alert ends on that day. */
export function isAtReviewDate(reviewDate: string | null, today: string): boolean {
  return reviewDate !== null && reviewDate <= today;
}

/**
 * Past its dates: no longer to be hit by screening, even before the scheduler has expired it
 * (a national copy cut off from the centre must not keep hitting alerts their owners ended).
 */
export function isPastDates(dates: AlertDates, today: string): boolean {
  return isPastEndDate(dates.expiresAt, today) || isAtReviewDate(dates.reviewDate, today);
}

/** Why an active alert ends today, in the words its expiry records; null while it runs. */
export function endReason(dates: AlertDates, today: string): string | null {
  if (isPastEndDate(dates.expiresAt, today)) return `expiry date ${dates.expiresAt} passed`;
  if (isAtReviewDate(dates.reviewDate, today)) return `review date ${dates.reviewDate} passed`;
  return null;
}

/**
 * The owner is warned once per review date, `warnMonths` before it: an active alert whose review
 * date is on or before `until` and whose owner was not yet warned of that date.
 */
export function needsReviewWarning(alert: { status: string; reviewDate: string | null; reviewWarnedFor: string | null }, until: string): boolean {
  return alert.status === 'active' && alert.reviewDate !== null && alert.reviewDate <= until && alert.reviewWarnedFor !== alert.reviewDate;
}
