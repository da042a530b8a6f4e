/**
 * Match reasons: codes with parameters and their English text. No zod and no I/O: the browser
 * imports this as `@crosscheck/core/reasons`; the schema for reasons from outside is exported by
 * the core's main entry only.
 */
export * from './match-reason.js';
export { reasonText, SCRIPT_NAMES_EN } from './reason-text-en.js';
export { ROMANISATION_SYSTEMS, systemLabel, type RomanisationSystem } from '../names/systems/romanisation-systems.js';
