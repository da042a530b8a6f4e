// The vocabularies and limits of hits and their forms. The zod schemas
// (cooperation/hit-schemas.ts) are built from them; the web checks the limits before sending.

// left-territory: a return decision's person was seen leaving (SIS recast; only on a return-decision hit, see constants/recast.ts).
export const HIT_OUTCOMES = ['confirmed', 'not-same-person', 'action-taken', 'action-not-possible', 'left-territory'] as const;
export type HitOutcome = (typeof HIT_OUTCOMES)[number];

/** G: hit report; H: the requested action is not possible; M: other information. */
export const HIT_FORMS = ['G', 'H', 'M'] as const;
export type HitForm = (typeof HIT_FORMS)[number];

/** Restrictions on how the receiving bureau may use the information (H0 none … H3 most restricted). */
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];
export const SOURCE_GRADES = ['A', 'B', 'C', 'X'] as const;
export const INFO_GRADES = ['1', '2', '3', '4'] as const;

/** Longest texts, in characters: a form's text, an H form's reason, an outcome's note. */
export const FORM_TEXT_MAX = 8000;
export const FORM_REASON_MAX = 2000;
export const OUTCOME_NOTE_MAX = 2000;
