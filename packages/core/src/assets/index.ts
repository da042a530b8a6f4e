/**
 * Asset identifiers (issue 16): IBAN (SWIFT registry lengths, MOD 97), BIC, IMO, aircraft
 * registration marks, their normalised forms (what screening compares) and the doubts about valid
 * ones. No zod and no I/O: the browser imports this as `@crosscheck/core/assets`; the schemas are
 * in asset-schema.ts.
 */
export * from './asset-problems.js';
export * from './iban.js';
export * from './bic.js';
export * from './imo.js';
export * from './aircraft.js';
export * from '../constants/assets.js';
export { assetSubjectParts } from './asset-subject.js';
