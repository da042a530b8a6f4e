import type { AlertInput } from '@crosscheck/core';

const PURGED = '[purged]';

/**
 * What is kept of an alert once its personal data is purged: what kind of alert it was and every
 * fact `alertAccess` weighs (category, visibility, hidden from the frontline), so it is shown to
 * no one it was not shown to before, with placeholders where names and numbers were, so reads and
 * history still parse.
 */
export function tombstoneOf(input: AlertInput): AlertInput {
  const access = { visibility: input.visibility, ...(input.hiddenFromFrontline === true ? { hiddenFromFrontline: true } : {}) };
  switch (input.kind) {
    case 'person':
      return { kind: 'person', category: input.category, person: { names: [{ full: PURGED }] }, ...access };
    case 'document':
      return { kind: 'document', document: { issuingState: input.document.issuingState, type: input.document.type, number: PURGED, status: input.document.status }, ...access };
    case 'vehicle':
      return { kind: 'vehicle', vehicle: { plate: PURGED }, ...access };
    case 'asset':
      // No placeholder passes an IBAN's, IMO's or wallet's check, and a made-up valid one would name
      // a real account: the purged asset is kept as a nameless company, its category and access kept.
      return { kind: 'asset', category: input.category, asset: { type: 'company', name: PURGED }, ...access };
  }
}
