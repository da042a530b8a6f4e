/**
 * Limits, checked before the work they bound. A PAXLST of a wide-body flight is about 100 kB for
 * 500 travellers; the largest aircraft carry under 900. These leave ample room for several
 * messages in one interchange while keeping a hostile input from holding a worker.
 */

/** Input longer than this (characters of text, or bytes before decoding) is refused before parsing. */
export const MAX_PAXLST_CHARS = 5_000_000;

/** More travellers than this in one interchange are refused. */
export const MAX_PAXLST_TRAVELLERS = 10_000;

/** Warnings of one code after which the rest are counted in a single summary warning. */
export const MAX_WARNINGS_PER_CODE = 20;
