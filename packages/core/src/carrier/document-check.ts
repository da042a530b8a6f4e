import { z } from 'zod';
import type { AlertAccess } from '../access/alert-access.js';
import { DOCUMENT_TYPES, type AlertKind } from '../constants/alerts.js';
import { MAX_CHECK_DOCUMENTS, type CheckResult } from '../constants/carrier.js';
import type { StoredReason } from '../reasons/match-reason.js';
import { typedCode } from '../validation/typed-code.js';

export { CARRIER_CHECK_ROUTE, CHECK_RESULTS, HIT_ORIGINS, MAX_CHECK_DOCUMENTS, type CheckResult, type HitOrigin } from '../constants/carrier.js';

const number = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((v) => !v.includes('\u0000'), 'must not contain a NUL character');

/**
 * One travel document as a carrier reads it from the passenger's passport or its MRZ. All three
 * fields are required: a carrier always holds the document. The type is checked against the
 * alerts' document types but does not narrow the match (the document index keys on issuing state
 * and number, as screening does): a stolen blank recorded as `other`, or a passport checked as an
 * identity card, is still the same document.
 */
export const checkedDocumentSchema = z
  .object({
    issuingState: typedCode('[A-Za-z]{1,3}', 'an ICAO 9303 state code'),
    number,
    type: z.enum(DOCUMENT_TYPES),
  })
  .strict();

/** `POST /api/v1/check/documents`: 1 to MAX_CHECK_DOCUMENTS documents, answered in the same order. */
export const documentCheckSchema = z
  .object({
    documents: z.array(checkedDocumentSchema).min(1, 'at least one document').max(MAX_CHECK_DOCUMENTS, `at most ${MAX_CHECK_DOCUMENTS} documents in one check`),
  })
  .strict();

export type CheckedDocument = z.infer<typeof checkedDocumentSchema>;
export type DocumentCheck = z.infer<typeof documentCheckSchema>;

/** What the rules below weigh of a result the document index found for a checked document. */
export interface CheckCandidate {
  kind: AlertKind;
  reasons: readonly StoredReason[];
}

/**
 * Whether a result found for a carrier's document is a hit, recorded for the alert's owner with a
 * notice to the carrier's bureau. Like I-Checkit, which checks INTERPOL's SLTD database only:
 * document alerts (stolen, lost, revoked… travel documents), never a person alert that lists the
 * document (that alert's action is about a person the carrier cannot weigh without names), and
 * only on the same number and issuing state: a number that differs by characters OCR confuses is,
 * to a carrier holding the document, another document, and referring its innocent holder is what
 * the check must not do. The caller has already applied the carrier member's visibility and the
 * alert's dates (the same search screening runs).
 */
export function carrierHit(found: CheckCandidate): boolean {
  return found.kind === 'document' && found.reasons.some((r) => typeof r !== 'string' && r.code === 'document.same-number');
}

/**
 * What the carrier is told of a document with these hits, each with what `alertAccess` lets the
 * carrier read of its alert. An alert the carrier may not read in full (one its owner hid from the
 * frontline: the carrier role is held to the frontline's limits, access/alert-access.ts) still has
 * its hit recorded and its owner told, but the carrier hears `no-hit`, so that neither it nor the
 * traveller learns of the alert.
 */
export function carrierResult(hits: readonly (CheckCandidate & { access: AlertAccess })[]): CheckResult {
  return hits.some((h) => carrierHit(h) && h.access === 'full') ? 'refer' : 'no-hit';
}
