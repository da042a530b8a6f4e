/**
 * Match reasons: codes with parameters and their English text. No zod and no I/O: the browser
 * imports this as `@crosscheck/core/reasons`.
 */
export * from './match-reason.js';
export { reasonText, SCRIPT_NAMES_EN } from './reason-text-en.js';
