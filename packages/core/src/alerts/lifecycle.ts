import { conflict, validationError } from '../errors/domain-error.js';
import { parseInput } from '../validation/parse-input.js';
import { REVIEWED_CATEGORIES } from '../constants/alerts.js';
import { alertInputSchema, type Alert, type AlertInput, type AlertPatch, type AlertStatus } from './alert-schemas.js';

/**
 * Statuses only the owner's member may see: an alert under review is not yet published, and a
 * rejected one never was.
 */
export const OWNER_ONLY_STATUSES: readonly AlertStatus[] = ['pending-review', 'rejected'];

export function isOwnerOnlyStatus(status: string): boolean {
  return (OWNER_ONLY_STATUSES as readonly string[]).includes(status);
}

// Person alerts that can lead to coercive action are reviewed before anyone else sees them; the
// list is in constants/ so the web editor can say so before publishing.
export { REVIEWED_CATEGORIES };

export function needsReview(input: AlertInput): boolean {
  return input.kind === 'person' && REVIEWED_CATEGORIES.includes(input.category);
}

/** Only active alerts change; cancelled and expired ones are history. */
export function requireActive(status: AlertStatus): void {
  if (status !== 'active') throw conflict('alert.not-active', `the alert is ${status} and can no longer change`);
}

const KIND_SECTIONS = ['person', 'document', 'vehicle', 'asset'] as const;

/** The alert body without the server-managed fields. */
export function inputOf(alert: Alert): AlertInput {
  const { id: _id, owner: _o, status: _s, version: _v, createdAt: _c, updatedAt: _u, statusReason: _r, reviewDate: _d, ...input } = alert;
  return input;
}

/**
 * Applies a one-level merge patch to an alert's body and validates the result as a whole,
 * so a patch can never produce a record that could not have been created.
 */
export function applyPatch(current: AlertInput, patch: AlertPatch): AlertInput {
  for (const section of KIND_SECTIONS) {
    if (patch[section] !== undefined && section !== current.kind) {
      throw validationError(section, `a ${current.kind} alert has no ${section} section`);
    }
  }
  if (patch.category !== undefined && current.kind !== 'person' && current.kind !== 'asset') {
    throw validationError('category', 'only person and asset alerts have a category');
  }
  if (patch.persons != null && current.kind !== 'asset') {
    throw validationError('persons', 'only asset alerts name persons');
  }
  if (patch.offence != null && current.kind !== 'person') {
    throw validationError('offence', 'only person alerts have an offence');
  }
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = value;
  }
  return parseInput(alertInputSchema, merged);
}
