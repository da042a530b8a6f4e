/** What a member decided about a blockchain finding: not yet looked at, known to be bad, harmless. */
export const FINDING_STATUSES = ['new', 'known-bad', 'benign'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export { EXTRACTION_METHODS, type ExtractionMethod } from '../bitcoin/extract/payload.js';
