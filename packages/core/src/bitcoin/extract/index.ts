import type { Transaction } from '../transaction.js';
import { CLASSIC_EXTRACTORS } from './classic.js';
import { ENVELOPE_EXTRACTORS } from './envelopes.js';
import type { ExtractedPayload } from './payload.js';

export { EXTRACTION_METHODS, type ExtractionMethod, type ExtractedPayload, type Extractor, type PayloadPlace } from './payload.js';

const EXTRACTORS = [...CLASSIC_EXTRACTORS, ...ENVELOPE_EXTRACTORS];

/** Every payload every known method finds in one transaction, in method order. */
export function extractPayloads(tx: Transaction): ExtractedPayload[] {
  const found: ExtractedPayload[] = [];
  for (const extract of EXTRACTORS) {
    const some = extract(tx);
    for (let i = 0; i < some.length; i++) found.push(some[i]!);
  }
  return found;
}
