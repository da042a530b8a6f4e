import { extractAtomicals } from './atomicals.js';
import { extractOrdinals } from './ordinals.js';
import type { Extractor } from './payload.js';

/** Methods that read envelopes in taproot witnesses (Ordinals, Atomicals). */
export const ENVELOPE_EXTRACTORS: readonly Extractor[] = [extractOrdinals, extractAtomicals];
