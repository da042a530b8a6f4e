/**
 * Typed domain errors. Each has a stable `code` that clients can rely on; the HTTP layer maps
 * the `kind` to a status in one place, the CLI to an exit code.
 */
import type { DateProblem } from '../alerts/partial-date.js';
import type { NotFoundSubject, ProblemCode } from './problem-codes.js';
import type { WalletErrorCode } from '../wallets/wallet-types.js';
import type { AssetErrorCode } from '../assets/asset-problems.js';

export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'rate-limited';

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `person.names.0.family`. */
  field: string;
  message: string;
  /**
   * What is wrong, for the problems a client words itself (in the reader's language): `required`,
   * or a date's `date.format`, `date.impossible`, `date.range`, `date.future` (partial-date.ts),
   * or what is wrong with a wallet address (`wallet.bech32-checksum`…, wallets/wallet-types.ts).
   */
  code?: FieldProblemCode;
  /** With `out-of-bounds`: the values this server allows (a screening's own threshold or weights). */
  bounds?: { min: number; max: number };
}

export type FieldProblemCode = 'required' | 'out-of-bounds' | `date.${DateProblem}` | WalletErrorCode | AssetErrorCode;

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: ProblemCode,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** The first offending field, if the error is about one. */
  get field(): string | undefined {
    return this.problems[0]?.field;
  }
}

export const validationError = (field: string, message: string, code: ProblemCode = 'validation.invalid'): DomainError =>
  new DomainError('validation', code, `${field}: ${message}`, [{ field, message }]);

/**
 * Used for every record the caller may not see, so that "hidden" and "absent" look the same.
 * `name` is what the caller asked for (its own input, so naming it reveals nothing): an operator
 * told `member "XXA" not found` sees the typo at once.
 */
export const notFound = (what: NotFoundSubject, name?: string): DomainError =>
  new DomainError('not-found', `${what}.not-found`, name === undefined ? `${what} not found` : `${what} ${JSON.stringify(name.slice(0, 100))} not found`);

/** A refusal that is not about the role (whose alert, which member): `you may not <action>`. Refusals by role say the role (access/permission-words.ts). */
export const forbidden = (action: string): DomainError =>
  new DomainError('forbidden', 'access.forbidden', `you may not ${action}`);

export const unauthenticated = (message = 'a valid API key or session is required'): DomainError =>
  new DomainError('unauthenticated', 'auth.required', message);

export const conflict = (code: ProblemCode, message: string): DomainError => new DomainError('conflict', code, message);

/** The figures of a rate limit, stated in its refusal so that a client can pace itself. */
export interface RateFigures {
  /** How many requests the limit allows per window. */
  limit: number;
  windowSeconds: number;
}

/** A refusal because the caller went too fast: it says when to try again, and, for a rate, the rate. */
export class RateLimitedError extends DomainError {
  constructor(
    code: ProblemCode,
    message: string,
    /** Whole seconds to wait before the next attempt can succeed (at least 1). */
    readonly retryAfterSeconds: number,
    readonly figures?: RateFigures,
  ) {
    super('rate-limited', code, message);
    this.name = 'RateLimitedError';
  }
}
