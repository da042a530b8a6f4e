/**
 * The API contract as zod schemas, for the server (OpenAPI response schemas) and tests (parsing
 * real answers). Not for the browser: it loads zod.
 */
export * from './screening.js';
export * from './stats.js';
export * from './links.js';
export * from './hits.js';
export * from './clearances.js';
export * from './alert-subject.js';
export * from './alerts.js';
export * from './photos.js';
export * from './review.js';
export * from './messages.js';
export * from './chain.js';
export * from './carrier.js';
