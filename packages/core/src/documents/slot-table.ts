/**
 * An open-addressing hash table of fixed-size records in one Uint32Array: no JavaScript objects
 * per record (a Map stops at 16.7 million entries and costs ~80 bytes each), so 100 million
 * records take 1.8–2.3 GB and no garbage-collector work.
 *
 * A slot is four words: P (position hash), F (tag hash, 0 = empty slot), E (exact-key hash),
 * H (the caller's handle). A record's home slot is P scaled to the capacity; collisions go to
 * the following slots (linear probing, cache-friendly: four slots per 64-byte line) kept in
 * Robin Hood order — a record never sits further from its home than the one it displaced — so
 * a lookup that misses stops as soon as it meets a record closer to its home than the lookup
 * is, instead of running to the next empty slot. Removal shifts the following records back
 * (no tombstones), so a table that follows a change feed for years does not silt up.
 *
 * A presence filter (presence-filter.ts, half a byte a slot) answers most lookups of
 * documents without a record before the table is read.
 *
 * Sizing: 16.5 bytes a slot with the filter. The table grows when it is 90% full and shrinks
 * when it is under 72% full, each time to 75%: between 18.3 and 22.9 bytes a record at any size
 * beyond the minimum capacity (16 slots, or the caller's capacity hint sized to 80%: 20.6 bytes
 * a record). While it grows the old and the new array both exist for a moment.
 */
import { PresenceFilter } from './presence-filter.js';

export const WORDS_PER_SLOT = 4;
const MAX_LOAD = 0.9;
const TARGET_LOAD = 0.75;
/** With the presence filter's half byte a slot, 16.5 bytes a slot / 0.72 = 22.9 bytes a record at most. */
const MIN_LOAD = 0.72;
/** A table sized from a capacity hint holds that many records at this load. */
export const HINT_LOAD = 0.8;
const MIN_CAPACITY = 16;
const TWO_TO_32 = 4294967296;

export class SlotTable {
  private words: Uint32Array;
  private capacity: number;
  /** capacity / 2^32: home(p) = floor(p · scale) is monotonic in p and always < capacity. */
  private scale: number;
  private count = 0;
  /** Records removed since the filter was built: their bits are still set in it. */
  private stale = 0;
  private filter: PresenceFilter;
  private readonly minCapacity: number;
  /** Slot numbers written by `matches`. */
  found = new Uint32Array(8);

  constructor(capacityHint = 0) {
    if (!Number.isFinite(capacityHint) || capacityHint < 0) throw new RangeError(`capacity hint must be a non-negative number, got ${capacityHint}`);
    this.minCapacity = Math.max(MIN_CAPACITY, Math.ceil(capacityHint / HINT_LOAD));
    this.capacity = this.minCapacity;
    this.scale = this.capacity / TWO_TO_32;
    this.words = new Uint32Array(this.capacity * WORDS_PER_SLOT);
    this.filter = new PresenceFilter(this.capacity);
  }

  get size(): number {
    return this.count;
  }

  /** The table and its presence filter. */
  get byteLength(): number {
    return this.words.byteLength + this.filter.byteLength;
  }

  get slotCount(): number {
    return this.capacity;
  }

  /**
   * Finds every record whose P and F equal the query's; returns how many and leaves their slot
   * numbers in `found` (valid until the next call, insert or delete).
   */
  matches(p: number, f: number): number {
    if (!this.filter.mayContain(p, f)) return 0;
    const w = this.words;
    const cap = this.capacity;
    const scale = this.scale;
    const home = Math.floor(p * scale);
    let count = 0;
    for (let i = home, d = 0; ; d++) {
      const o = i * WORDS_PER_SLOT;
      const tag = w[o + 1]!;
      if (tag === 0) return count;
      const sp = w[o]!;
      if (sp === p && tag === f) {
        if (count === this.found.length) this.growFound();
        this.found[count++] = i;
      } else if (d > 0) {
        // Robin Hood order: a record closer to its home than we are to ours ends the search.
        const other = Math.floor(sp * scale);
        if ((i >= other ? i - other : i + cap - other) < d) return count;
      }
      if (++i === cap) i = 0;
    }
  }

  private growFound(): void {
    const bigger = new Uint32Array(this.found.length * 2);
    bigger.set(this.found);
    this.found = bigger;
  }

  /**
   * Reads the home slot of each position hash without looking at the result, so the CPU can
   * fetch many of them from memory at once (a lookup at this scale waits for one cache miss;
   * a batch overlaps them). Returns a value only so that the reads are not optimised away.
   */
  touch(positions: Uint32Array, tags: Uint32Array, count: number): number {
    // First the filter words, then the slots of the records they let through.
    let sink = this.filter.touch(tags, count);
    const w = this.words;
    const scale = this.scale;
    const last = (this.capacity - 1) * WORDS_PER_SLOT + 1;
    for (let k = 0; k < count; k++) {
      if (!this.filter.mayContain(positions[k]!, tags[k]!)) continue;
      const o = Math.floor(positions[k]! * scale) * WORDS_PER_SLOT + 1;
      // The home slot's cache line, and the next one, where a probe often continues.
      sink ^= w[o]! ^ w[Math.min(o + 3 * WORDS_PER_SLOT, last)]!;
    }
    return sink;
  }

  exactHashAt(slot: number): number {
    return this.words[slot * WORDS_PER_SLOT + 2]!;
  }

  handleAt(slot: number): number {
    return this.words[slot * WORDS_PER_SLOT + 3]!;
  }

  /** Adds the record unless the same four words are already there. True when added. */
  insert(p: number, f: number, e: number, handle: number): boolean {
    if (this.count + 1 > this.capacity * MAX_LOAD) {
      if (this.find(p, f, e, handle) >= 0) return false;
      this.resize(this.capacityFor(this.count + 1));
    }
    if (!this.place(p, f, e, handle)) return false;
    this.filter.add(p, f);
    this.count++;
    return true;
  }

  /** Removes the record with these four words. True when it was there. */
  delete(p: number, f: number, e: number, handle: number): boolean {
    let i = this.find(p, f, e, handle);
    if (i < 0) return false;
    const w = this.words;
    const cap = this.capacity;
    // Backward shift: pull each following displaced record one slot closer to its home.
    for (;;) {
      const next = i + 1 === cap ? 0 : i + 1;
      const n = next * WORDS_PER_SLOT;
      if (w[n + 1] === 0 || this.distance(next, w[n]!) === 0) break;
      w.copyWithin(i * WORDS_PER_SLOT, n, n + WORDS_PER_SLOT);
      i = next;
    }
    w.fill(0, i * WORDS_PER_SLOT, (i + 1) * WORDS_PER_SLOT);
    this.count--;
    if (this.count < this.capacity * MIN_LOAD && this.capacity > this.minCapacity) this.resize(this.capacityFor(this.count));
    else if (++this.stale > this.count / 4 && this.stale > MIN_CAPACITY) this.rebuildFilter();
    return true;
  }

  /** Calls `visit` with each record's four words, in slot order. */
  forEach(visit: (p: number, f: number, e: number, handle: number) => void): void {
    const w = this.words;
    for (let o = 0; o < w.length; o += WORDS_PER_SLOT) {
      if (w[o + 1] !== 0) visit(w[o]!, w[o + 1]!, w[o + 2]!, w[o + 3]!);
    }
  }

  /** Slots between slot i and the home of a record whose position hash is p, wrapping around. */
  private distance(i: number, p: number): number {
    const home = Math.floor(p * this.scale);
    return i >= home ? i - home : i + this.capacity - home;
  }

  private find(p: number, f: number, e: number, handle: number): number {
    const w = this.words;
    const cap = this.capacity;
    let i = Math.floor(p * this.scale);
    for (let d = 0; ; d++) {
      const o = i * WORDS_PER_SLOT;
      const tag = w[o + 1]!;
      if (tag === 0) return -1;
      const sp = w[o]!;
      if (sp === p && tag === f) {
        if (w[o + 2] === e && w[o + 3] === handle) return i;
      } else if (this.distance(i, sp) < d) {
        return -1;
      }
      if (++i === cap) i = 0;
    }
  }

  /**
   * Robin Hood insertion: take the slot of any record that is closer to its home, carry it on.
   * False, with nothing changed, when the same record is already there: until the first record
   * is displaced, the walk passes every slot where find() would look for it (a record with the
   * same P has the same home, so it sits no closer to it than the walk has come), which spares
   * a separate find() walk per insertion.
   */
  private place(p: number, f: number, e: number, handle: number): boolean {
    const w = this.words;
    const cap = this.capacity;
    let i = Math.floor(p * this.scale);
    let carrying = false;
    for (let d = 0; ; d++) {
      const o = i * WORDS_PER_SLOT;
      if (w[o + 1] === 0) {
        w[o] = p;
        w[o + 1] = f;
        w[o + 2] = e;
        w[o + 3] = handle;
        return true;
      }
      if (!carrying && w[o] === p && w[o + 1] === f && w[o + 2] === e && w[o + 3] === handle) return false;
      const sd = this.distance(i, w[o]!);
      if (sd < d) {
        carrying = true;
        const sp = w[o]!;
        const sf = w[o + 1]!;
        const se = w[o + 2]!;
        const sh = w[o + 3]!;
        w[o] = p;
        w[o + 1] = f;
        w[o + 2] = e;
        w[o + 3] = handle;
        p = sp;
        f = sf;
        e = se;
        handle = sh;
        d = sd;
      }
      if (++i === cap) i = 0;
    }
  }

  private capacityFor(records: number): number {
    return Math.max(this.minCapacity, Math.ceil(records / TARGET_LOAD));
  }

  private resize(capacity: number): void {
    const old = this.words;
    this.capacity = capacity;
    this.scale = capacity / TWO_TO_32;
    this.words = new Uint32Array(capacity * WORDS_PER_SLOT);
    for (let o = 0; o < old.length; o += WORDS_PER_SLOT) {
      if (old[o + 1] !== 0) this.place(old[o]!, old[o + 1]!, old[o + 2]!, old[o + 3]!);
    }
    this.rebuildFilter();
  }

  private rebuildFilter(): void {
    const w = this.words;
    this.filter = new PresenceFilter(this.capacity);
    for (let o = 0; o < w.length; o += WORDS_PER_SLOT) if (w[o + 1] !== 0) this.filter.add(w[o]!, w[o + 1]!);
    this.stale = 0;
  }
}
