export type { FlightManifest, PaxlstDialect, PaxlstDocument, PaxlstFlight, PaxlstHeader, PaxlstLeg, PaxlstPoint, PaxlstSex, PaxlstTraveller, PaxlstWarning, TravellerRole } from './types.js';
export { parsePaxlst, type ParsePaxlstOptions } from './parse-paxlst.js';
export { PaxlstError, type PaxlstFailure } from './errors.js';
export { MAX_PAXLST_CHARS, MAX_PAXLST_TRAVELLERS } from './limits.js';
export { toScreenQueries, toScreenQuery } from './screen-queries.js';
