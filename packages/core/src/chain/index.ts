/**
 * `@crosscheck/core/chain`: rules and formats of blockchain findings (who sees one, how it is
 * shared as STIX 2.1). Pure: the server stores and serves, these decide and build.
 */
export * from './finding-access.js';
export * from './stix.js';
export { base64, canonicalJson, uuidv5 } from './uuid5.js';
export * from './taxii.js';
