import { extractCoinbase } from './coinbase.js';
import { extractOpReturn } from './op-return.js';
import { extractOutputPayloads } from './output-data.js';
import { extractP2shInputs } from './p2sh-input.js';
import type { Extractor } from './payload.js';

/**
 * Methods that read scripts of inputs and outputs (coinbase, OP_RETURN, fake keys and hashes, P2SH inputs, Stamps).
 *
 * When each reports (the full rules are in each file):
 * - coinbase (coinbase.ts): the coinbase scriptSig holds ≥ 8 printable characters inside a push
 *   (or after the pushes end), or a recognised file; the bytes from the first text to the last.
 * - op-return (op-return.ts): every OP_RETURN with data, pushes concatenated, 100,000 bytes at most;
 *   not the coinbase's witness commitment.
 * - output-data / satoshi-uploader / stamp / src-20 / stamp-olga (output-data.ts, stamps.ts): one
 *   extractor, because a stamp's outputs must not come out again as output data. Keys that are
 *   not secp256k1 points are always data; hashes only when they verify as an uploader record,
 *   hold a checked file signature, or are text (analyse.ts, carve.ts, text.ts).
 * - p2sh-input (p2sh-input.ts): push-only scriptSigs whose pushes are not signatures, keys, short
 *   values or a standard redeem script add up to ≥ 33 bytes.
 */
export const CLASSIC_EXTRACTORS: readonly Extractor[] = [extractCoinbase, extractOpReturn, extractOutputPayloads, extractP2shInputs];
