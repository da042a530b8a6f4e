import type { AlertInput } from '@crosscheck/core';

const PURGED = '[purged]';

/**
 * What is kept of an alert once its personal data is purged: what kind of alert it was and who
 * could see it, with placeholders where names and numbers were, so reads and history still parse.
 */
export function tombstoneOf(input: AlertInput): AlertInput {
  switch (input.kind) {
    case 'person':
      return { kind: 'person', category: input.category, person: { names: [{ full: PURGED }] }, visibility: input.visibility };
    case 'document':
      return { kind: 'document', document: { issuingState: input.document.issuingState, type: input.document.type, number: PURGED, status: input.document.status }, visibility: input.visibility };
    case 'vehicle':
      return { kind: 'vehicle', vehicle: { plate: PURGED }, visibility: input.visibility };
  }
}
