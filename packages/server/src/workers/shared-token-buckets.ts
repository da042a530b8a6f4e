import { TokenBuckets } from '../app/limits/token-buckets.js';

// Credentials are keys and users, made by administrators and checked before any token is taken:
// their number is bounded by the database, not by what clients send. A slot whose bucket was last
// touched a minute ago is full again, as good as absent, and is taken over by the next newcomer.
const SLOTS = 1 << 14;
const PROBES = 64;
const REFILL_MS = 60_000;

// Layout of the shared memory: a lock word, then per slot two Float64 (tokens, last take) and a
// 64-bit fingerprint of the credential as two Int32 (0, 0: never used).
const LOCK_BYTES = 8;
const FLOAT_BYTES = SLOTS * 2 * 8;
const KEY_BYTES = SLOTS * 2 * 4;

/** The memory one rate's buckets need, made by the main thread and handed to every worker. */
export function sharedRateMemory(): SharedArrayBuffer {
  return new SharedArrayBuffer(LOCK_BYTES + FLOAT_BYTES + KEY_BYTES);
}

/** FNV-1a over UTF-16 code units from a given basis: two bases give a 64-bit fingerprint. */
function fnv(text: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * The token buckets of one rate (app/limits/token-buckets.ts: same refill, same answer) kept in
 * memory every worker thread of a server sees, so that a credential gets its rate once in all,
 * not once per thread: the kernel spreads connections over the threads, and one client's
 * connections land on several of them. A take is a short critical section under one lock word.
 * Should the table ever be full of live buckets, a newcomer falls back to buckets of this thread
 * alone at rate/N, which together still allow no more than the rate.
 */
export class SharedTokenBuckets {
  private readonly lock: Int32Array;
  private readonly values: Float64Array;
  private readonly keys: Int32Array;
  private readonly overflow: TokenBuckets;

  constructor(
    readonly perMinute: number,
    memory: SharedArrayBuffer,
    threads: number,
  ) {
    this.lock = new Int32Array(memory, 0, 1);
    this.values = new Float64Array(memory, LOCK_BYTES, SLOTS * 2);
    this.keys = new Int32Array(memory, LOCK_BYTES + FLOAT_BYTES, SLOTS * 2);
    this.overflow = new TokenBuckets(Math.max(1, Math.floor(perMinute / threads)));
  }

  take(id: string, now: number): { ok: true } | { ok: false; retryAfterMs: number } {
    const a = fnv(id, 0x811c9dc5);
    const b = fnv(id, 0x2f3a5b7d) | 1; // never 0, so (a, b) is never the mark of an unused slot
    while (Atomics.compareExchange(this.lock, 0, 0, 1) !== 0) {
      // Another thread holds the lock for a few arithmetic operations: try again.
    }
    try {
      const slot = this.find(a, b, now);
      if (slot < 0) return this.overflow.take(id, now);
      return this.takeFrom(slot, now);
    } finally {
      Atomics.store(this.lock, 0, 0);
    }
  }

  /** The credential's slot, or one to start its bucket in (marked as its own), or -1. */
  private find(a: number, b: number, now: number): number {
    let free = -1;
    for (let p = 0; p < PROBES; p++) {
      const slot = (a + p) & (SLOTS - 1);
      const ka = this.keys[slot * 2]!;
      const kb = this.keys[slot * 2 + 1]!;
      if (ka === a && kb === b) return slot;
      const unused = ka === 0 && kb === 0;
      if (free < 0 && (unused || now - this.values[slot * 2 + 1]! >= REFILL_MS)) free = slot;
      // No credential was ever placed past an unused slot: the search can stop.
      if (unused) break;
    }
    if (free >= 0) {
      this.keys[free * 2] = a;
      this.keys[free * 2 + 1] = b;
      this.values[free * 2] = this.perMinute;
      this.values[free * 2 + 1] = now;
    }
    return free;
  }

  private takeFrom(slot: number, now: number): { ok: true } | { ok: false; retryAfterMs: number } {
    const perMs = this.perMinute / 60_000;
    const tokens = Math.min(this.perMinute, this.values[slot * 2]! + Math.max(0, now - this.values[slot * 2 + 1]!) * perMs);
    this.values[slot * 2 + 1] = now;
    if (tokens >= 1) {
      this.values[slot * 2] = tokens - 1;
      return { ok: true };
    }
    this.values[slot * 2] = tokens;
    return { ok: false, retryAfterMs: Math.ceil((1 - tokens) / perMs) };
  }
}
