/**
 * UN/EDIFACT PAXLST (Advance Passenger Information) in, a flight manifest out, pure and
 * synchronous: `parsePaxlst(text | bytes)` reads D02B, D05B (and other D releases by the same
 * rules) and the legacy US `PAXLST:001:000`; `toScreenQueries` makes one screening query per
 * traveller. Dirty input gives warnings naming the segment and line; a PaxlstError (a
 * DomainError) only for input over MAX_PAXLST_CHARS or MAX_PAXLST_TRAVELLERS, or with nothing to
 * read. Used by the flight screening endpoint and `crosscheck screen --paxlst`.
 */
export type { FlightManifest, PaxlstDialect, PaxlstDocument, PaxlstFlight, PaxlstHeader, PaxlstLeg, PaxlstPoint, PaxlstSex, PaxlstTraveller, PaxlstWarning, TravellerRole } from './types.js';
export { parsePaxlst, type ParsePaxlstOptions } from './parse-paxlst.js';
export { PaxlstError, type PaxlstFailure } from './errors.js';
export { MAX_PAXLST_CHARS, MAX_PAXLST_TRAVELLERS } from './limits.js';
export { toScreenQueries, toScreenQuery } from './screen-queries.js';
