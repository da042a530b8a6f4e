import { isRecastCategory } from '../constants/recast.js';
import type { AlertInput } from './alert-schemas.js';
import { CHILD_SUBJECTS, MAJORITY_AGE, type Preventive, type ReturnDecision } from './recast-sections.js';
import { defaultReviewDate, type RetentionYears, DEFAULT_RETENTION_YEARS } from './retention.js';

/**
 * The review dates of the SIS recast's person categories: shorter than a person alert's 5 years,
 * and never beyond it (CROSSCHECK_RETENTION_PERSON_YEARS stays the ceiling). The owner is warned
 * before the date as for any alert and extends it with a recorded reason, or the alert expires.
 *
 * - return-decision: reviewed on the deadline for leaving (`leaveBy`). When the period for
 *   voluntary departure ends the issuing state decides what follows (enforcement, an entry ban, or
 *   keeping the alert: Regulation (EU) 2018/1860 Art. 7 and 14), so the record does not outlive
 *   that decision unnoticed. A decision entered on or after its deadline gets 30 days before its
 *   review. An extension reaches at most a year ahead. A reported departure ("left-territory") is
 *   the confirmation of return on which the owner deletes (cancels) the alert (Art. 6 and 14).
 * - inquiry-check: one year (Regulation (EU) 2018/1862 Art. 53(4): alerts for discreet, inquiry and
 *   specific checks are reviewed within one year); extensions a year at a time.
 * - preventive: one year (the same article for alerts under Art. 32(1)(c)–(e)), and for a child
 *   never past the day they turn 18: an alert that protects a minor ends with their minority (the
 *   owner may then enter a vulnerable-person alert if protection is still needed). With a partial
 *   birth date the latest possible 18th birthday counts.
 *
 * The choices are ours, read from the regulations' review periods: an installation with other
 * rules changes them here (and the tests beside them).
 */

/** Days a return decision whose deadline has passed is kept before its review. */
export const RETURN_DECISION_GRACE_DAYS = 30;
/** Months of an inquiry check's or a preventive alert's review period, and of any recast extension. */
export const RECAST_REVIEW_MONTHS = 12;

/**
 * The review date of a recast alert created (or extended, with `extending`) on `day`, or null for
 * any other alert (whose review date is `defaultReviewDate`).
 */
export function recastReviewDate(input: AlertInput, day: string, years: RetentionYears = DEFAULT_RETENTION_YEARS, extending = false): string | null {
  if (input.kind !== 'person' || !isRecastCategory(input.category)) return null;
  const ceiling = defaultReviewDate('person', day, years);
  const yearOn = addMonths(day, RECAST_REVIEW_MONTHS);
  let date: string;
  switch (input.category) {
    case 'return-decision': {
      const r = (input as { returnDecision?: ReturnDecision }).returnDecision;
      date = extending || !r ? yearOn : later(r.leaveBy, addDays(day, RETURN_DECISION_GRACE_DAYS));
      break;
    }
    case 'inquiry-check':
      date = yearOn;
      break;
    case 'preventive': {
      const p = (input as { preventive?: Preventive }).preventive;
      const born = input.person.birthDate;
      date = p && CHILD_SUBJECTS.includes(p.subject) && born !== undefined ? earlier(yearOn, latestAdultOn(born)) : yearOn;
      break;
    }
  }
  return earlier(date, ceiling);
}

/** The last day on which someone born on `born` (YYYY, YYYY-MM or YYYY-MM-DD) may still be a minor, plus one: the latest 18th birthday. */
export function latestAdultOn(born: string): string {
  const [y, m, d] = born.split('-').map(Number) as [number, number | undefined, number | undefined];
  const month = m ?? 12;
  // Day 0 of the next month is the month's last day.
  const day = d ?? new Date(Date.UTC(y, month, 0)).getUTCDate();
  const at = new Date(Date.UTC(y + MAJORITY_AGE, month - 1, day));
  if (at.getUTCMonth() !== month - 1) at.setUTCDate(0);
  return at.toISOString().slice(0, 10);
}

const earlier = (a: string, b: string) => (a < b ? a : b);
const later = (a: string, b: string) => (a > b ? a : b);

function addDays(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1 + months, d));
  if (at.getUTCDate() !== d) at.setUTCDate(0);
  return at.toISOString().slice(0, 10);
}
