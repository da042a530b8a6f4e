import { credentialChangeCount } from '../store/credential-changes.js';

/** When a credential's look-up began: real time, and this process's count of credential changes. */
export interface CheckStart {
  at: number;
  generation: number;
}

/**
 * Credentials that were accepted in the last second, so that a client sending many requests
 * costs the database its key's (or session's) look-ups once a second rather than on every request.
 *
 * - An entry is found only by the SHA-256 of the whole credential (the key with its secret, or
 *   the session token), never by a key's public prefix: a wrong secret misses and goes through
 *   the full check, which refuses it.
 * - Only acceptances are kept; every refusal is checked (and recorded) each time.
 * - An entry is used for at most `ttlMs` of real time after the database said yes, so a key
 *   revoked, a user disabled, a session ended or a member suspended by another process (a second
 *   worker, the CLI) stops working within that time. A change written by this process
 *   (store/credential-changes.ts) empties the cache once it is committed, before the call that
 *   wrote it returns: from then on no entry read before the commit is used.
 */
export class CredentialCache<T> {
  private readonly entries = new Map<string, { value: T; at: number }>();
  private generation = credentialChangeCount();

  constructor(
    private readonly ttlMs = 1000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** What was accepted under `hash` less than `ttlMs` ago, if nothing was revoked here since. */
  get(hash: string): T | undefined {
    this.forgetIfChanged();
    const entry = this.entries.get(hash);
    if (entry === undefined) return undefined;
    if (this.now() - entry.at >= this.ttlMs) {
      this.entries.delete(hash);
      return undefined;
    }
    return entry.value;
  }

  /** Marks the start of a look-up in the database: its answer is as old as this. */
  startCheck(): CheckStart {
    this.forgetIfChanged();
    return { at: this.now(), generation: this.generation };
  }

  /**
   * Keeps an accepted credential, dated from when its look-up began; not when a credential
   * change was committed here meanwhile, as the look-up may have read what was there before it.
   */
  keep(hash: string, value: T, check: CheckStart): void {
    if (this.forgetIfChanged() || check.generation !== this.generation) return;
    if (this.entries.size >= this.maxEntries) this.sweep();
    this.entries.set(hash, { value, at: check.at });
  }

  private forgetIfChanged(): boolean {
    const current = credentialChangeCount();
    if (current === this.generation) return false;
    this.entries.clear();
    this.generation = current;
    return true;
  }

  // Expired entries go first; when every entry is still fresh (that many clients in one
  // second), all go: the cache only saves work, and must not grow without bound.
  private sweep(): void {
    const now = this.now();
    for (const [hash, entry] of this.entries) if (now - entry.at >= this.ttlMs) this.entries.delete(hash);
    if (this.entries.size >= this.maxEntries) this.entries.clear();
  }
}
