import type { Extractor } from './payload.js';

/** Methods that read scripts of inputs and outputs (coinbase, OP_RETURN, fake keys and hashes, P2SH inputs, Stamps). */
export const CLASSIC_EXTRACTORS: readonly Extractor[] = [];
