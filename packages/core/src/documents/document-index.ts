import type { DocumentMatch } from './document-number.js';
import { decodeSnapshot, encodeSnapshot, SnapshotError } from './index-snapshot.js';
import { hashDocument, KEY_FORMAT_VERSION } from './key-hash.js';
import { HINT_LOAD, SlotTable, WORDS_PER_SLOT } from './slot-table.js';

export interface DocumentHit {
  handle: number;
  match: DocumentMatch;
}

// Reused between calls, so that a lookup that misses allocates nothing.
const HASHES = new Uint32Array(3);
const NO_HITS: readonly DocumentHit[] = Object.freeze([]);
/** Lookups hashed ahead in lookupMany: enough to overlap memory latency, few enough to stay in L1. */
const BATCH = 32;
const BATCH_P = new Uint32Array(BATCH);
const BATCH_F = new Uint32Array(BATCH);
const BATCH_E = new Uint32Array(BATCH);

function checkHandle(handle: number): void {
  if (!Number.isInteger(handle) || handle < 0 || handle > 0xffffffff) {
    throw new RangeError(`a document handle is an integer from 0 to 4294967295, got ${handle}`);
  }
}

/**
 * The in-memory index of alerted travel documents: issuing state + number → the caller's
 * handles (uint32, which the caller maps to alert ids), finding exact numbers and their OCR
 * misreadings (document-number.ts) in one probe. Sized for INTERPOL SLTD: 100 million records
 * in 18–23 bytes each (slot-table.ts).
 *
 * The index stores hashes, not numbers, so a hit must be confirmed by the caller against the
 * alert (compareDocuments): a record with another number turns up with probability ~5e-12 per
 * lookup at 100 million records, and an OCR variant is labelled exact with probability 2^-32
 * (key-hash.ts). The other way round is exact: a record that was added and not removed is
 * always found, by its own number and by every number with the same folded key.
 *
 * Adding the same (handle, state, number) twice keeps one record; one handle may have several
 * documents and one document several handles.
 */
export class DocumentIndex {
  private readonly table: SlotTable;
  /** Keeps the reads of `touch` observable, so that they are not optimised away. */
  private sink = 0;

  constructor(capacityHint?: number) {
    this.table = new SlotTable(capacityHint ?? 0);
  }

  add(handle: number, issuingState: string, number: string): void {
    checkHandle(handle);
    hashDocument(issuingState, number, HASHES);
    this.table.insert(HASHES[0]!, HASHES[1]!, HASHES[2]!, handle);
  }

  /** Removes the record added with these values (an alert cancelled or its number changed). True when it was there. */
  remove(handle: number, issuingState: string, number: string): boolean {
    checkHandle(handle);
    hashDocument(issuingState, number, HASHES);
    return this.table.delete(HASHES[0]!, HASHES[1]!, HASHES[2]!, handle);
  }

  /** Every record with this document's key (`exact`) or its folded key (`ocr-variant`): exact ones first, then by handle. */
  lookup(issuingState: string, number: string): readonly DocumentHit[] {
    hashDocument(issuingState, number, HASHES);
    return this.collect(this.table.matches(HASHES[0]!, HASHES[1]!), HASHES[2]!);
  }

  /**
   * lookup() for many documents at once (a passenger manifest, a file to screen): the same
   * answers, faster, because the memory reads of up to 32 lookups are started before any of them
   * is examined. One result per document, in order.
   */
  lookupMany(documents: readonly { issuingState: string; number: string }[]): (readonly DocumentHit[])[] {
    const results: (readonly DocumentHit[])[] = [];
    const table = this.table;
    for (let start = 0; start < documents.length; start += BATCH) {
      const end = Math.min(start + BATCH, documents.length);
      for (let k = start; k < end; k++) {
        const doc = documents[k]!;
        hashDocument(doc.issuingState, doc.number, HASHES);
        BATCH_P[k - start] = HASHES[0]!;
        BATCH_F[k - start] = HASHES[1]!;
        BATCH_E[k - start] = HASHES[2]!;
      }
      this.sink ^= table.touch(BATCH_P, BATCH_F, end - start);
      for (let k = 0; k < end - start; k++) results.push(this.collect(table.matches(BATCH_P[k]!, BATCH_F[k]!), BATCH_E[k]!));
    }
    return results;
  }

  /**
   * The hits found by `matches`: exact ones first, then by handle, so that the answer does not
   * depend on the order records were added in (or on a restart from a snapshot).
   */
  private collect(count: number, e: number): readonly DocumentHit[] {
    if (count === 0) return NO_HITS;
    const table = this.table;
    const found = table.found;
    if (count === 1) return [{ handle: table.handleAt(found[0]!), match: table.exactHashAt(found[0]!) === e ? 'exact' : 'ocr-variant' }];
    const hits: DocumentHit[] = [];
    for (let k = 0; k < count; k++) {
      hits.push({ handle: table.handleAt(found[k]!), match: table.exactHashAt(found[k]!) === e ? 'exact' : 'ocr-variant' });
    }
    return hits.sort((a, b) => (a.match === b.match ? a.handle - b.handle : a.match === 'exact' ? -1 : 1));
  }

  get size(): number {
    return this.table.size;
  }

  /** Bytes of the typed array divided by the number of records (0 when empty). */
  get bytesPerRecord(): number {
    return this.table.size === 0 ? 0 : this.table.byteLength / this.table.size;
  }

  /** The records, or with `keep` only those whose handle it accepts, as snapshot bytes (index-snapshot.ts). */
  toSnapshot(keep?: (handle: number) => boolean): Uint8Array {
    let count = this.table.size;
    if (keep) {
      count = 0;
      this.table.forEach((_p, _f, _e, handle) => {
        if (keep(handle)) count++;
      });
    }
    return encodeSnapshot(KEY_FORMAT_VERSION, this.table.slotCount, count, (records) => {
      let o = 0;
      this.table.forEach((p, f, e, handle) => {
        if (keep && !keep(handle)) return;
        records[o] = p;
        records[o + 1] = f;
        records[o + 2] = e;
        records[o + 3] = handle;
        o += WORDS_PER_SLOT;
      });
    });
  }

  /** Rebuilds an index from toSnapshot's bytes; throws SnapshotError when they are damaged or from another format. */
  static fromSnapshot(bytes: Uint8Array): DocumentIndex {
    const { slotCount, records } = decodeSnapshot(bytes, KEY_FORMAT_VERSION);
    const count = records.length / WORDS_PER_SLOT;
    // The writer's slot count gives the same layout (fast, sequential re-insertion); a value no
    // writer produces is ignored rather than trusted with an allocation.
    const hint = slotCount >= count && slotCount <= 2 * count + 16 ? Math.floor(slotCount * HINT_LOAD) : count;
    const index = new DocumentIndex(hint);
    for (let o = 0; o < records.length; o += WORDS_PER_SLOT) {
      if (!index.table.insert(records[o]!, records[o + 1]!, records[o + 2]!, records[o + 3]!)) {
        throw new SnapshotError('malformed', `record ${o / WORDS_PER_SLOT} is a duplicate`);
      }
    }
    return index;
  }
}
