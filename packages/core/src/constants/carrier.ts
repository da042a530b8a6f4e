// Carrier checks (I-Checkit style): an airline's or a shipping line's key checks its passengers'
// travel documents and learns, for each, only whether to refer the traveller to the authorities.
// Zod-free, so the web app can word the hits they create.

/** The most documents one check may hold: a full wide-body flight or a cruise ship's embarkation batch. */
export const MAX_CHECK_DOCUMENTS = 1000;

/** The one answer a carrier gets per document: refer the traveller to the authorities, or nothing found. */
export const CHECK_RESULTS = ['refer', 'no-hit'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

/**
 * Where a hit came from when it was not an officer's or a border system's screening. Stored on the
 * screening and on its hits (null for an ordinary screening), shown to both bureaus of the hit.
 */
export const HIT_ORIGINS = ['carrier-check'] as const;
export type HitOrigin = (typeof HIT_ORIGINS)[number];

/** The one route a carrier key may call; every other answers it 403 (http/carrier-confinement.ts). */
export const CARRIER_CHECK_ROUTE = { method: 'POST', url: '/api/v1/check/documents' } as const;
