import type { LinkColor } from '../api/links.js';

/**
 * The verdicts an analyst may give an identity link (yellow is only ever the detector's): white,
 * the same person; green, different people legitimately sharing data; red, a false or stolen identity.
 */
export const LINK_DECISIONS = ['white', 'green', 'red'] as const satisfies readonly LinkColor[];
export type LinkDecision = (typeof LINK_DECISIONS)[number];

/** The longest reason for a verdict, in characters. */
export const LINK_REASON_MAX = 1000;
