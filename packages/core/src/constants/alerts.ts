import { RECAST_ACTIONS } from './recast.js';

// The alert vocabularies. The zod schemas (alerts/alert-schemas.ts) are built from these arrays,
// and the browser shell reads them here, without zod.

export const ALERT_KINDS = ['person', 'document', 'vehicle', 'asset'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

// pending-review: a person alert waiting for a reviewer (seen by its owner only, not screened);
// rejected: refused by review, kept as history. In the order screens list them: the live ones first.
export const ALERT_STATUSES = ['active', 'pending-review', 'rejected', 'cancelled', 'expired'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const PERSON_CATEGORIES = [
  'arrest',
  'missing',
  'locate',
  'warning',
  'unidentified-body',
  'threat',
  'modus-operandi',
  'un-sanctions',
  'discreet-check',
  'terrorist-fighter',
  // The SIS recast's person categories (see constants/recast.ts and alerts/recast-sections.ts).
  'return-decision',
  'inquiry-check',
  'preventive',
] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];

export const DISCREET_CHECK = 'discreet-check';

/** The only thing a frontline officer is told of a discreet check, wherever it is read (the web app words it in the reader's language). */
export const DISCREET_ACTION = 'discreet check: do not alert the person; report to your bureau';

/**
 * The instructions the core itself writes into an answer (an owner's own `action` is the owner's
 * text and is shown as written): each has text in every language of the web app.
 */
export const CORE_ACTIONS = [DISCREET_ACTION, ...RECAST_ACTIONS] as const;

/** Person alerts that can lead to coercive action are reviewed before anyone else sees them. */
export const REVIEWED_CATEGORIES: readonly PersonCategory[] = ['arrest', 'locate', 'warning', 'threat', 'terrorist-fighter'];

/**
 * The statuses in which the owner may still change an alert: a live one, one waiting for review,
 * and one review refused (the owner corrects it and sends it back to review). Cancelled and
 * expired alerts are history. The web shows the Edit button from this list.
 */
export const CHANGEABLE_STATUSES: readonly AlertStatus[] = ['active', 'pending-review', 'rejected'];

export const DOCUMENT_TYPES = ['passport', 'identity-card', 'visa', 'residence-permit', 'other'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_STATUSES = ['stolen-blank', 'stolen-issued', 'lost', 'revoked'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const WARNING_FLAGS = ['armed', 'violent', 'escape-risk', 'suicide-risk', 'public-health-risk', 'terrorism'] as const;
export type WarningFlag = (typeof WARNING_FLAGS)[number];

export const NAME_TYPES = ['primary', 'alias', 'birth', 'former'] as const;
export type NameType = (typeof NAME_TYPES)[number];

/** ICAO 9303's sex field: male, female, unspecified (X), and unknown (U, for records from lists). */
export const SEXES = ['M', 'F', 'X', 'U'] as const;
export type Sex = (typeof SEXES)[number];
