import type { AlertKind } from './alert-schemas.js';

/** Years until an alert's review date, per kind (SIS: persons 5, objects 10). */
export interface RetentionYears {
  person: number;
  document: number;
  vehicle: number;
  /**
   * Asset alerts: 5 years, as persons. An asset alert names whom the asset belongs to (an account
   * holder, a company's owners), so it is personal data kept no longer than a person alert, and an
   * asset tracing order (INTERPOL's Silver Notice) is case-bound like a search for a person.
   */
  asset: number;
}

export const DEFAULT_RETENTION_YEARS: RetentionYears = { person: 5, document: 10, vehicle: 10, asset: 5 };

/** The review date of an alert created on `day` (YYYY-MM-DD): the same day `years` later (29 Feb → 28 Feb). */
export function defaultReviewDate(kind: AlertKind, day: string, years: RetentionYears = DEFAULT_RETENTION_YEARS): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years[kind], m - 1, d));
  // Date.UTC rolls 29 February into 1 March in a common year: step back to the 28th.
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}
