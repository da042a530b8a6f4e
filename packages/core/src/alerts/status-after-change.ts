import { conflict } from '../errors/domain-error.js';
import { CHANGEABLE_STATUSES, type AlertStatus } from '../constants/alerts.js';
import { preChecks } from '../review/pre-checks.js';
import type { AlertInput } from './alert-schemas.js';
import { needsReview } from './lifecycle.js';

export { CHANGEABLE_STATUSES };

export function isChangeableStatus(status: string): boolean {
  return (CHANGEABLE_STATUSES as readonly string[]).includes(status);
}

/** The owner's change is refused once the alert is history (cancelled, expired). */
export function requireChangeable(status: AlertStatus): void {
  if (!isChangeableStatus(status)) throw conflict('alert.not-active', `the alert is ${status} and can no longer change`);
}

/** How a change is written in the alert's history: a corrected rejected alert is resubmitted. */
export function changeAction(status: AlertStatus): 'updated' | 'resubmitted' {
  return status === 'rejected' ? 'resubmitted' : 'updated';
}

/**
 * The status an alert has after its owner changed it (the one state transition of an edit).
 *
 * - Rejected: the owner corrected it, so it goes back to review, whatever its category now is:
 *   turning a refused arrest alert into another category must not publish it unreviewed.
 * - Under review: it stays under review.
 * - Active, of a reviewed category: back to review when the change touches what the reviewer
 *   judged — its category, the person, the offence — or raises a pre-check flag the approved
 *   version did not have; a reviewer approved what was shown, not what was written afterwards.
 *   Other fields (action, remarks, visibility) do not. An active alert moved into a reviewed
 *   category goes to review too.
 */
export function statusAfterChange(status: AlertStatus, before: AlertInput, after: AlertInput, owner: string): AlertStatus {
  if (status === 'rejected') return 'pending-review';
  if (status === 'pending-review' || !needsReview(after)) return status;
  if (!needsReview(before)) return 'pending-review';
  if (before.kind === 'person' && after.kind === 'person') {
    const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
    if (before.category !== after.category || !same(before.person, after.person) || !same(before.offence, after.offence)) return 'pending-review';
  }
  const key = (f: { code: string; word?: string }) => `${f.code}:${f.word ?? ''}`;
  const approved = new Set(preChecks(before, owner).map(key));
  return preChecks(after, owner).some((f) => !approved.has(key(f))) ? 'pending-review' : status;
}
