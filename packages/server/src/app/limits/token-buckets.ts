/**
 * A token bucket per credential, in this process's memory: each holds up to `perMinute` tokens
 * and refills at `perMinute` a minute, so a credential may spend a minute's allowance at once
 * (a flight's batch) and then goes at the steady rate. Nothing is read or written in the
 * database, so the check costs the screening path a map look-up.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(readonly perMinute: number) {}

  /** Takes one token for `id`; when there is none, how many milliseconds until there is. */
  take(id: string, now: number): { ok: true } | { ok: false; retryAfterMs: number } {
    const perMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(id);
    const tokens = bucket ? Math.min(this.perMinute, bucket.tokens + Math.max(0, now - bucket.at) * perMs) : this.perMinute;
    if (tokens >= 1) {
      this.buckets.set(id, { tokens: tokens - 1, at: now });
      return { ok: true };
    }
    this.buckets.set(id, { tokens, at: now });
    return { ok: false, retryAfterMs: Math.ceil((1 - tokens) / perMs) };
  }
}
