import { createHash } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { DocumentIndex, SnapshotError } from '@crosscheck/core';
import type { Kysely } from 'kysely';
import { allChangesAfter } from '../store/change-repo.js';
import type { DB } from '../store/schema.js';
import { activeAlertsSnapshot, changeFeedHead } from '../store/screening-repo.js';
import type { IndexedAlert } from './indexed-alert.js';
import type { DocumentAlertRecord, ScreeningIndex } from './screening-index.js';

/**
 * The screening index's snapshot file, so that a server holding millions of document alerts
 * starts from a file instead of reading every alert from the store. It holds:
 *
 *   - the document alerts (kind `document`, nearly all alerts at SLTD scale): their records in
 *     the document index (core index-snapshot.ts bytes, key hashes included, so nothing is
 *     re-hashed) and, per handle, what the index keeps of the alert (IndexedAlert) and its
 *     document, which a hit is presented and confirmed with;
 *   - the change-feed position they correspond to, and the change at that position (its alert,
 *     version and time, to recognise the feed: a snapshot from another database or an older
 *     backup is refused, not followed).
 *
 * Persons, vehicles and other alerts are few and carry most of the per-alert work (names): a
 * start from the snapshot reads them from the store (its position is at or after the
 * snapshot's), then applies the change feed from the snapshot's position. Re-applying a change
 * the store read already had is harmless: each change carries the alert's whole version, and the
 * last one wins, as in a start from the store.
 *
 * Layout: one JSON header line (padded to a multiple of 8 bytes, so the document records that
 * follow are word-aligned), then the document index bytes, then one JSON line per alert
 * `[handle, entry, issuingState, number]`. The header holds the lengths and a SHA-256 of
 * everything after it and of its own other fields: a file that is cut, damaged or from another
 * build's key format is refused (the core snapshot checks its own key format too), and the
 * server falls back to the full load. Written to a temporary file, flushed, then renamed over
 * the old one: a crash while writing leaves the previous snapshot.
 */
const FORMAT = 'crosscheck-index-snapshot';
const VERSION = 2;
const MAX_HEADER = 4096;
/** Alerts serialised, hashed and written at a time before the event loop gets its turn. */
const LINES_PER_CHUNK = 5000;
/** Document index bytes hashed and written at a time (a few milliseconds of hashing). */
const BYTES_PER_CHUNK = 4 * 1024 * 1024;
const PAGE = 2000;
const READ_CHUNK = 16 * 1024 * 1024;
/**
 * The longest alert line a reader holds while looking for its end. The longest line a writer
 * produces is about 10 KB (an action of 1,000 characters, each escaped to 6 bytes, and a
 * visibility of 300 members); a damaged file with its line breaks gone must not make the reader
 * gather the whole alert section.
 */
const MAX_LINE = 1024 * 1024;

/** The change at the snapshot's position, as the feed holds it: recognises the feed. */
interface PositionChange {
  alert: string;
  version: number;
  at: string;
}

interface Header {
  format: string;
  version: number;
  position: number;
  positionChange: PositionChange | null;
  alerts: number;
  documentBytes: number;
  alertBytes: number;
  sha256: string;
}

export interface IndexSnapshot {
  position: number;
  positionChange: PositionChange | null;
  documents: DocumentIndex;
  alerts: DocumentAlertRecord[];
}

/** Why a snapshot was not used; the server then loads every alert from the store. */
export type SnapshotRefusal = 'missing' | 'damaged' | 'key-format' | 'other-feed';

export type SnapshotRead = { ok: true; snapshot: IndexSnapshot } | { ok: false; reason: SnapshotRefusal; detail: string };

/**
 * Writes the index's document alerts at `position` (the feed position the index has applied:
 * the caller reads both in the same tick, before anything awaits). Only the capture of the
 * alerts and the document records is synchronous, so that the index cannot change under it (an
 * entry is replaced on upsert, never changed in place, so the captured list keeps describing
 * that moment); serialising, hashing and writing then go a chunk at a time, giving the event
 * loop its turn between chunks, and nothing but the captured records is held in memory.
 */
export async function writeIndexSnapshot(db: Kysely<DB>, path: string, index: ScreeningIndex, position: number): Promise<{ bytes: number; alerts: number }> {
  const { documents, alerts } = index.documentAlertsSnapshot();
  const positionChange = await changeAt(db, position);
  const fields: Omit<Header, 'sha256'> = { format: FORMAT, version: VERSION, position, positionChange, alerts: alerts.length, documentBytes: documents.byteLength, alertBytes: 0 };
  // The header goes first but is known last (the alert section's length and the hash): its
  // room is reserved for the longest it can be, and it is written over that room at the end.
  const room = headerLine({ ...fields, alertBytes: Number.MAX_SAFE_INTEGER, sha256: '0'.repeat(64) }).byteLength;
  if (room > MAX_HEADER) throw new Error(`the index snapshot header would take ${room} bytes, a reader takes at most ${MAX_HEADER}`);
  const temporary = `${path}.${process.pid}.tmp`;
  const file = await open(temporary, 'w', 0o600);
  let at = room;
  try {
    const hash = createHash('sha256');
    const put = async (bytes: Uint8Array) => {
      hash.update(bytes);
      await writeAt(file, bytes, at);
      at += bytes.byteLength;
      await new Promise(setImmediate);
    };
    for (let start = 0; start < documents.byteLength; start += BYTES_PER_CHUNK) await put(documents.subarray(start, start + BYTES_PER_CHUNK));
    for (let start = 0; start < alerts.length; start += LINES_PER_CHUNK) {
      let text = '';
      for (let i = start; i < Math.min(start + LINES_PER_CHUNK, alerts.length); i++) {
        const a = alerts[i]!;
        text += `${JSON.stringify([a.handle, a.entry, a.issuingState, a.number])}\n`;
      }
      await put(Buffer.from(text, 'utf8'));
    }
    fields.alertBytes = at - room - documents.byteLength;
    hash.update(headerFieldsText(fields));
    await writeAt(file, headerLine({ ...fields, sha256: hash.digest('hex') }, room), 0);
    await file.sync();
  } catch (err) {
    await file.close();
    await rm(temporary, { force: true });
    throw err;
  }
  await file.close();
  await rename(temporary, path);
  return { bytes: at, alerts: alerts.length };
}

/** The change at `position` (none at 0, before the first change), or null when the feed lacks it. */
async function changeAt(db: Kysely<DB>, position: number): Promise<PositionChange | null> {
  if (position === 0) return null;
  const [row] = await allChangesAfter(db, position - 1, 1);
  return row && Number(row.seq) === position ? { alert: row.alert_id, version: Number(row.version), at: row.at } : null;
}

/**
 * What the SHA-256 covers of the header, after the body: every field but the hash itself, so
 * that a damaged position or change is refused like a damaged alert. The reader re-serialises
 * the fields it parsed, in the order the file gives them.
 */
function headerFieldsText(fields: Omit<Header, 'sha256'>): Buffer {
  return Buffer.from(JSON.stringify(fields), 'utf8');
}

/** The header as a line padded with spaces to a multiple of 8 bytes (or to `length`), so the document records that follow are word-aligned. */
function headerLine(header: Header, length?: number): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const size = length ?? json.byteLength + 1 + ((8 - ((json.byteLength + 1) % 8)) % 8);
  if (json.byteLength + 1 > size) throw new Error('the index snapshot header outgrew its room');
  const line = Buffer.alloc(size, 0x20);
  json.copy(line);
  line[size - 1] = 0x0a;
  return line;
}

async function writeAt(file: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < bytes.byteLength; ) {
    const { bytesWritten } = await file.write(bytes, done, bytes.byteLength - done, position + done);
    done += bytesWritten;
  }
}

/** Reads and checks a snapshot file, `chunkBytes` at a time; never answers anything doubtful. */
export async function readIndexSnapshot(path: string, chunkBytes = READ_CHUNK): Promise<SnapshotRead> {
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, reason: 'missing', detail: `no snapshot at ${path}` };
    throw err;
  }
  try {
    return await readOpen(file, chunkBytes);
  } finally {
    await file.close();
  }
}

// Read in pieces rather than whole: at 10 million alerts the file is larger than the 2 GiB
// Node reads into one buffer.
async function readOpen(file: FileHandle, chunkBytes: number): Promise<SnapshotRead> {
  const damaged = (detail: string): SnapshotRead => ({ ok: false, reason: 'damaged', detail });
  const size = (await file.stat()).size;
  const head = await readAt(file, 0, Math.min(MAX_HEADER, size));
  const end = head.indexOf(10);
  if (end < 0) return damaged('no header line');
  let header: Header;
  try {
    header = JSON.parse(head.subarray(0, end).toString('utf8')) as Header;
  } catch {
    return damaged('the header is not JSON');
  }
  if (header?.format !== FORMAT || header.version !== VERSION) return damaged(`not a version ${VERSION} index snapshot`);
  const counts = [header.position, header.alerts, header.documentBytes, header.alertBytes];
  if (!counts.every((n) => Number.isSafeInteger(n) && n >= 0) || typeof header.sha256 !== 'string' || !isPositionChange(header.positionChange, header.position)) return damaged('the header is malformed');
  const bodyStart = end + 1;
  if (size !== bodyStart + header.documentBytes + header.alertBytes) return damaged(`${size} bytes, the header announces ${bodyStart + header.documentBytes + header.alertBytes}`);
  const hash = createHash('sha256');
  const documentBytes = await readAt(file, bodyStart, header.documentBytes);
  hash.update(documentBytes);
  const lines = new AlertLines();
  let carry: Buffer = Buffer.alloc(0);
  for (let at = bodyStart + header.documentBytes; at < size; ) {
    const chunk = await readAt(file, at, Math.min(chunkBytes, size - at));
    at += chunk.byteLength;
    hash.update(chunk);
    const text = carry.byteLength === 0 ? chunk : Buffer.concat([carry, chunk]);
    const last = text.lastIndexOf(10);
    if (last >= 0) {
      const problem = lines.take(text.subarray(0, last + 1));
      if (problem) return damaged(problem);
    }
    // Only the unfinished line is kept between chunks (the lines of a chunk are in memory with
    // it anyway); past the bound, no line this build writes is that long.
    if (text.byteLength - (last + 1) > MAX_LINE) return damaged(`alert line ${lines.alerts.length + 1} is longer than ${MAX_LINE} bytes`);
    carry = Buffer.from(text.subarray(last + 1));
  }
  if (carry.byteLength > 0) return damaged('the last alert line is cut');
  const { sha256, ...fields } = header;
  hash.update(headerFieldsText(fields));
  // Checked before anything read is used: a damaged line may have parsed as another alert, a
  // damaged header field may name another position.
  if (hash.digest('hex') !== sha256) return damaged('checksum mismatch');
  let documents: DocumentIndex;
  try {
    documents = DocumentIndex.fromSnapshot(documentBytes);
  } catch (err) {
    if (err instanceof SnapshotError) return { ok: false, reason: err.problem === 'key-format' ? 'key-format' : 'damaged', detail: err.message };
    throw err;
  }
  const alerts = lines.alerts;
  // One record per document alert: anything else is not a snapshot this build wrote.
  if (alerts.length !== header.alerts || documents.size !== alerts.length) return damaged(`${alerts.length} alerts and ${documents.size} document records, the header announces ${header.alerts}`);
  return { ok: true, snapshot: { position: header.position, positionChange: header.positionChange, documents, alerts } };
}

/** A change as changeAt gives it: none before the first change. */
function isPositionChange(change: unknown, position: number): change is PositionChange | null {
  if (change === null) return true;
  if (typeof change !== 'object' || position === 0) return false;
  const { alert, version, at } = change as Partial<PositionChange>;
  return typeof alert === 'string' && Number.isSafeInteger(version) && typeof at === 'string';
}

/** `length` bytes from `position`, in a buffer of their own (word-aligned). */
async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.from(new ArrayBuffer(length));
  for (let done = 0; done < length; ) {
    const { bytesRead } = await file.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) throw new Error('the index snapshot file shrank while it was read');
    done += bytesRead;
  }
  return buffer;
}

/** The alert lines, checked as they are read. */
class AlertLines {
  readonly alerts: DocumentAlertRecord[] = [];
  private readonly ids = new Set<string>();
  private readonly handles = new Set<number>();

  /** Whole lines; answers what is wrong with them, if anything. */
  take(bytes: Buffer): string | null {
    // A JSON line holds no raw line break, so the lines joined by commas are one JSON array:
    // one parse for a chunk of lines rather than a parse and a string a line.
    let lines: unknown;
    try {
      lines = JSON.parse(`[${bytes.toString('utf8', 0, bytes.byteLength - 1).replaceAll('\n', ',')}]`);
    } catch {
      return `alert lines ${this.alerts.length + 1}… are not JSON`;
    }
    for (const line of lines as unknown[]) {
      const n = this.alerts.length + 1;
      if (!Array.isArray(line) || line.length !== 4) return `alert line ${n} is malformed`;
      const [handle, entry, issuingState, number] = line as [unknown, IndexedAlert | null, unknown, unknown];
      if (typeof handle !== 'number' || !Number.isInteger(handle) || handle < 0 || handle > 0xffffffff || typeof issuingState !== 'string' || typeof number !== 'string') return `alert line ${n} is malformed`;
      if (typeof entry !== 'object' || entry === null || typeof entry.id !== 'string' || entry.kind !== 'document') return `alert line ${n} is not a document alert`;
      if (this.ids.has(entry.id) || this.handles.has(handle)) return `alert ${entry.id} or handle ${handle} appears twice`;
      this.ids.add(entry.id);
      this.handles.add(handle);
      this.alerts.push({ handle, entry, issuingState, number });
    }
    return null;
  }
}

export type SnapshotStart = { ok: true; position: number; alerts: number } | { ok: false; reason: SnapshotRefusal; detail: string };

/**
 * Fills the empty `index` from the snapshot file and the store, and answers the feed position
 * to follow from; or answers why not, having left the index untouched. Refused, besides a
 * missing or damaged file: a snapshot whose position the feed does not hold (another
 * database, or one restored from an older backup) or after which the feed has a gap.
 */
export async function startFromSnapshot(db: Kysely<DB>, index: ScreeningIndex, path: string): Promise<SnapshotStart> {
  const read = await readIndexSnapshot(path);
  if (!read.ok) return read;
  const { position, positionChange, documents, alerts } = read.snapshot;
  const otherFeed = (detail: string): SnapshotStart => ({ ok: false, reason: 'other-feed', detail });
  const head = await changeFeedHead(db);
  if (position > head) return otherFeed(`the snapshot is at change ${position}, the feed ends at ${head}`);
  if (position > 0) {
    const at = await changeAt(db, position);
    if (!at || !positionChange || at.alert !== positionChange.alert || at.version !== positionChange.version || at.at !== positionChange.at) return otherFeed(`change ${position} of the feed is not the snapshot's`);
  }
  if (position < head) {
    const [next] = await allChangesAfter(db, position, 1);
    if (!next || Number(next.seq) !== position + 1) return otherFeed(`the feed no longer holds change ${position + 1}`);
  }
  index.restoreDocumentAlerts(documents, alerts);
  await activeAlertsSnapshot(db, (alert) => index.upsert(alert), PAGE, { exceptKind: 'document' });
  return { ok: true, position, alerts: alerts.length };
}

/** What the index follower offers a snapshot writer. */
export interface SnapshotSource {
  readonly index: ScreeningIndex;
  readonly position: number;
}

/**
 * Writes the snapshot every `everyMs` when the index has moved on, and once more at stop, so the
 * next start has little of the feed to apply. One write at a time.
 */
export function startSnapshotWriter(db: Kysely<DB>, source: SnapshotSource, path: string, everyMs: number, onError: (err: unknown) => void): { stop(): Promise<void> } {
  let written = -1;
  let writing: Promise<void> | null = null;
  const write = (): Promise<void> => {
    writing ??= (async () => {
      const position = source.position;
      if (position === written) return;
      await writeIndexSnapshot(db, path, source.index, position);
      written = position;
    })().finally(() => {
      writing = null;
    });
    return writing;
  };
  const timer = setInterval(() => {
    write().catch(onError);
  }, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await writing?.catch(() => {});
      await write().catch(onError);
    },
  };
}
