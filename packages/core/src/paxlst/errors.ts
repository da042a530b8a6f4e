import { DomainError } from '../errors/domain-error.js';
import type { ProblemCode } from '../errors/problem-codes.js';

/**
 * Why a PAXLST input could not be read at all. Dirty but readable input never throws: its
 * problems are warnings on the manifest. Thrown only when nothing usable is there, or the input
 * is over the limits (checked before any parsing).
 */
export type PaxlstFailure = Extract<ProblemCode, `paxlst.${string}`>;

/**
 * A DomainError, so that the HTTP layer answers it as a problem (422, or 413 for the limits) and
 * the CLI names it, with the segment (1-based, UNB is 1) and line where the reading stopped.
 */
export class PaxlstError extends DomainError {
  constructor(
    code: PaxlstFailure,
    message: string,
    readonly segment: number,
    readonly line?: number,
  ) {
    const tooLarge = code === 'paxlst.too-large' || code === 'paxlst.too-many-travellers';
    const where = line === undefined ? `segment ${segment}` : `segment ${segment} (line ${line})`;
    super(tooLarge ? 'too-large' : 'validation', code, `${where}: ${message}`, [{ field: where, message }]);
    this.name = 'PaxlstError';
  }
}
