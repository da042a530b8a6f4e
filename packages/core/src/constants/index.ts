/**
 * `@crosscheck/core/constants`: the core's value lists and the roles table, with no zod behind
 * them. The schemas are built from these arrays, so the web app's selects and checks show exactly
 * the values the API accepts, and the browser shell imports them without downloading zod (whose
 * `new Function` probe the page's Content-Security-Policy refuses). Nothing imported from here
 * may import zod or any other package: constants.test.ts walks the imports to hold that.
 */
export * from './alerts.js';
export * from './hits.js';
export * from './links.js';
export * from './review.js';
export * from './chain.js';
export * from './recast.js';
export * from './assets.js';
export { ROLES, isRole, roleMay, rolesWith, type Actor, type Permission, type Role } from '../access/roles.js';
export { LINK_COLORS, type LinkColor } from '../api/link-colors.js';
export { AUDIT_ACTIONS, isAuditAction, type AuditAction } from '../audit/audit-actions.js';
export { currentAuditAction } from '../audit/audit-actions.js';
export { formatCredential, parseCredential, type Credential, type CredentialText } from '../credentials/credential.js';
export * from './carrier.js';
