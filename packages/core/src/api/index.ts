/**
 * The shapes of API answers that the server builds and the web app reads, written once. Types
 * and constants only, no zod: the browser imports this as `@crosscheck/core/api`.
 */
export * from './stats.js';
export * from './links.js';
export * from './hits.js';
export * from './alerts.js';
