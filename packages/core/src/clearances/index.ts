export { travellerIdentities, clearanceKey, clearanceKeysOf } from './traveller-key.js';
export { travellerLabel } from './traveller-label.js';
export { CLEARANCE_STATUSES, CLEARANCE_END_REASONS, clearanceStatus, clearanceHolds, listClearancesQuerySchema, endClearanceSchema, type ClearanceStatus, type ClearanceEndReason, type ListClearancesQuery } from './clearance-status.js';
export { clearanceVisibleTo } from './clearance-access.js';
