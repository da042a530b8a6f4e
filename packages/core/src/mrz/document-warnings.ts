import type { MrzParseResult } from './types.js';

/** The Doc 9303 specimen state ("Utopia"): printed on sample documents, never on a real one. */
export const SPECIMEN_STATE = 'UTO';

/**
 * What a zone says about the document itself, as a border officer must be told before trusting
 * it: the parser's findings (parseMrz) restated as coded warnings with their parameters, so the
 * API and the console word the same facts. Stable codes; `message` is English for API readers.
 */
export type MrzDocumentWarning =
  | { code: 'mrz.expired'; message: string; field: 'expiryDate'; date: string }
  | { code: 'mrz.not-yet-valid'; message: string; field: 'expiryDate'; date: string }
  | { code: 'mrz.check-digit'; message: string; checks: string[] }
  | { code: 'mrz.ocr-suggestion'; message: string; field: string; from: string; to: string }
  | { code: 'mrz.unknown-state'; message: string; field: string; state: string }
  | { code: 'mrz.specimen-state'; message: string; field: string; state: string };

/**
 * The document warnings of a parsed zone, in a fixed order: validity, check digits, suggested
 * corrections, states. Every failing check digit is named in one warning (`checks`, in the
 * order of the zone). A zone that could not be read at all has none (it is refused elsewhere).
 */
export function mrzDocumentWarnings(result: MrzParseResult): MrzDocumentWarning[] {
  if (result.format === null || result.fields === null) return [];
  const out: MrzDocumentWarning[] = [];
  const expiry = result.fields.expiryDate;
  for (const w of result.warnings) {
    if (w.code === 'mrz.expired' && expiry) out.push({ code: 'mrz.expired', message: w.message, field: 'expiryDate', date: expiry });
    if (w.code === 'mrz.not-yet-valid' && expiry) out.push({ code: 'mrz.not-yet-valid', message: w.message, field: 'expiryDate', date: expiry });
  }
  const failed = Object.entries(result.checks).filter(([, ok]) => !ok).map(([name]) => name);
  if (failed.length > 0) out.push({ code: 'mrz.check-digit', message: `check digit wrong: ${failed.join(', ')}`, checks: failed });
  for (const s of result.suggestions) {
    out.push({ code: 'mrz.ocr-suggestion', message: `${s.field}: read ${s.from} as ${s.to}? ${s.reason}`, field: s.field, from: s.from, to: s.to });
  }
  // The parser names each state field it does not know; the specimen state is told apart, since
  // a specimen presented at a border is a test document or a forgery, not a foreign passport.
  const stateOf: Record<string, string> = { issuingState: result.fields.issuingState, nationality: result.fields.nationality };
  let specimenTold = false;
  for (const w of result.warnings) {
    if (w.code !== 'mrz.unknown-state' || !w.field) continue;
    const state = stateOf[w.field] ?? '';
    if (state === SPECIMEN_STATE && specimenTold) continue;
    specimenTold ||= state === SPECIMEN_STATE;
    if (state === SPECIMEN_STATE) out.push({ code: 'mrz.specimen-state', message: `${w.field} ${state} is the ICAO Doc 9303 specimen state: this is a sample document`, field: w.field, state });
    else out.push({ code: 'mrz.unknown-state', message: w.message, field: w.field, state });
  }
  return out;
}
