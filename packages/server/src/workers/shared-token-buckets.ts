import { TokenBuckets } from '../app/limits/token-buckets.js';

// Credentials are keys and users, made by administrators and checked before any token is taken:
// their number is bounded by the database, not by what clients send. A slot whose bucket was last
// touched a minute ago is full again, as good as absent, and is taken over by the next newcomer.
const SLOTS = 1 << 14;
const PROBES = 64;
const REFILL_MS = 60_000;

// The lock is held for a few dozen arithmetic operations. A thread can still die holding it
// (ended by force at the stop deadline, out of memory): one that finds the lock held by the same
// holder this long presumes that holder dead and takes the lock over, rather than spinning for
// ever with its event loop blocked. The clock is read once in this many spins.
const STALE_LOCK_MS = 100;
const SPINS_PER_CLOCK_READ = 1024;

// Layout of the shared memory: the lock word (0: free, else the ticket of its holder), the last
// ticket handed out, then per slot two Float64 (tokens, last take) and a 64-bit fingerprint of
// the credential as two Int32 (0, 0: never used).
const LOCK = 0;
const TICKETS = 1;
const LOCK_BYTES = 8;
// take()'s answer from inside the lock when the table has no room: the credential's bucket is then this thread's own.
const OVERFLOW = -1;
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
 * connections land on several of them. A take is a short critical section under one lock word,
 * taken over from a holder that keeps it too long (STALE_LOCK_MS): a thread that died in it.
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
    this.lock = new Int32Array(memory, 0, 2);
    this.values = new Float64Array(memory, LOCK_BYTES, SLOTS * 2);
    this.keys = new Int32Array(memory, LOCK_BYTES + FLOAT_BYTES, SLOTS * 2);
    this.overflow = new TokenBuckets(Math.max(1, Math.floor(perMinute / threads)));
  }

  take(id: string, now: number): { ok: true } | { ok: false; retryAfterMs: number } {
    const a = fnv(id, 0x811c9dc5);
    const b = fnv(id, 0x2f3a5b7d) | 1; // never 0, so (a, b) is never the mark of an unused slot
    const ticket = this.acquire();
    // Inside the lock only arithmetic on the shared arrays: nothing that allocates or may throw.
    let wait: number;
    try {
      const slot = this.find(a, b, now);
      wait = slot < 0 ? OVERFLOW : this.takeFrom(slot, now);
    } finally {
      this.release(ticket);
    }
    if (wait === OVERFLOW) return this.overflow.take(id, now);
    return wait === 0 ? { ok: true } : { ok: false, retryAfterMs: wait };
  }

  /**
   * Takes the lock and returns the ticket it is held under. Every acquisition has a ticket of its
   * own, so a waiter that sees one ticket in the lock word for STALE_LOCK_MS of its own clock knows
   * no one took and released the lock meanwhile: its holder is presumed dead and the lock is
   * taken over (compare-exchange from that ticket, so one waiter wins). What a dead holder left
   * half written is one slot's bucket: at worst a credential finds it full, or empty, once.
   */
  private acquire(): number {
    const ticket = Atomics.add(this.lock, TICKETS, 1) + 1 || Atomics.add(this.lock, TICKETS, 1) + 1;
    let seen = 0;
    let seenSince = 0;
    for (let spins = 0; ; spins++) {
      const holder = Atomics.compareExchange(this.lock, LOCK, 0, ticket);
      if (holder === 0) return ticket;
      if (spins % SPINS_PER_CLOCK_READ !== 0) continue;
      const clock = Date.now();
      if (holder !== seen) {
        seen = holder;
        seenSince = clock;
      } else if (clock - seenSince >= STALE_LOCK_MS && Atomics.compareExchange(this.lock, LOCK, holder, ticket) === holder) {
        return ticket;
      }
    }
  }

  /** Frees the lock if it is still ours: a holder presumed dead that was only slow must not free its successor's. */
  private release(ticket: number): void {
    Atomics.compareExchange(this.lock, LOCK, ticket, 0);
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

  /** Takes a token from the slot's bucket: 0 when there was one, else the milliseconds until there is. */
  private takeFrom(slot: number, now: number): number {
    const perMs = this.perMinute / 60_000;
    const tokens = Math.min(this.perMinute, this.values[slot * 2]! + Math.max(0, now - this.values[slot * 2 + 1]!) * perMs);
    this.values[slot * 2 + 1] = now;
    if (tokens >= 1) {
      this.values[slot * 2] = tokens - 1;
      return 0;
    }
    this.values[slot * 2] = tokens;
    // 1 - tokens > 0, so at least 1 ms: never the 0 of a token taken.
    return Math.ceil((1 - tokens) / perMs);
  }
}
