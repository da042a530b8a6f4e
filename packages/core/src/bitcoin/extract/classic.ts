import { extractCoinbase } from './coinbase.js';
import { extractOpReturn } from './op-return.js';
import { extractOutputPayloads } from './output-data.js';
import { extractP2shInputs } from './p2sh-input.js';
import type { Extractor } from './payload.js';

/**
 * Methods that read scripts of inputs and outputs (coinbase, OP_RETURN, fake keys and hashes, P2SH inputs, Stamps).
 * The output methods (output-data, satoshi-uploader, stamp, src-20, stamp-olga) are one extractor,
 * because a stamp's outputs must not be reported again as output data.
 */
export const CLASSIC_EXTRACTORS: readonly Extractor[] = [extractCoinbase, extractOpReturn, extractOutputPayloads, extractP2shInputs];
