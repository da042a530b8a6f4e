import { createHash } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
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
 *   - the change-feed position they correspond to, and the alert of the change at that position
 *     (to recognise the feed: a snapshot from another database is refused, not followed).
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
 * everything after it: a file that is cut, damaged or from another build's key format is
 * refused (the core snapshot checks its own key format too), and the server falls back to the
 * full load. Written to a temporary file, flushed, then renamed over the old one: a crash while
 * writing leaves the previous snapshot.
 */
const FORMAT = 'crosscheck-index-snapshot';
const VERSION = 1;
const MAX_HEADER = 4096;
const LINES_PER_CHUNK = 10_000;
const PAGE = 2000;

interface Header {
  format: string;
  version: number;
  position: number;
  positionAlert: string | null;
  alerts: number;
  documentBytes: number;
  alertBytes: number;
  sha256: string;
}

export interface IndexSnapshot {
  position: number;
  positionAlert: string | null;
  documents: DocumentIndex;
  alerts: DocumentAlertRecord[];
}

/** Why a snapshot was not used; the server then loads every alert from the store. */
export type SnapshotRefusal = 'missing' | 'damaged' | 'key-format' | 'other-feed';

export type SnapshotRead = { ok: true; snapshot: IndexSnapshot } | { ok: false; reason: SnapshotRefusal; detail: string };

/**
 * Writes the index's document alerts at `position` (the feed position the index has applied:
 * the caller reads both in the same tick, before anything awaits). The file is built in memory
 * first, synchronously, so that the index cannot change under it.
 */
export async function writeIndexSnapshot(db: Kysely<DB>, path: string, index: ScreeningIndex, position: number): Promise<{ bytes: number; alerts: number }> {
  const { documents, alerts } = index.documentAlertsSnapshot();
  const chunks: Buffer[] = [];
  for (let start = 0; start < alerts.length; start += LINES_PER_CHUNK) {
    let text = '';
    for (const a of alerts.slice(start, start + LINES_PER_CHUNK)) text += `${JSON.stringify([a.handle, a.entry, a.issuingState, a.number])}\n`;
    chunks.push(Buffer.from(text, 'utf8'));
  }
  const hash = createHash('sha256').update(documents);
  let alertBytes = 0;
  for (const c of chunks) {
    hash.update(c);
    alertBytes += c.byteLength;
  }
  const positionAlert = position > 0 ? ((await allChangesAfter(db, position - 1, 1))[0]?.alert_id ?? null) : null;
  const header: Header = { format: FORMAT, version: VERSION, position, positionAlert, alerts: alerts.length, documentBytes: documents.byteLength, alertBytes, sha256: hash.digest('hex') };
  const headerBytes = headerLine(header);
  const temporary = `${path}.${process.pid}.tmp`;
  const file = await open(temporary, 'w', 0o600);
  try {
    await file.write(headerBytes);
    await file.write(documents);
    for (const c of chunks) await file.write(c);
    await file.sync();
  } catch (err) {
    await file.close();
    await rm(temporary, { force: true });
    throw err;
  }
  await file.close();
  await rename(temporary, path);
  return { bytes: headerBytes.byteLength + documents.byteLength + alertBytes, alerts: alerts.length };
}

function headerLine(header: Header): Buffer {
  const json = JSON.stringify(header);
  const padded = json.length + 1 + ((8 - ((json.length + 1) % 8)) % 8);
  return Buffer.from(`${json.padEnd(padded - 1, ' ')}\n`, 'utf8');
}

/** Reads and checks a snapshot file; never answers anything doubtful. */
export async function readIndexSnapshot(path: string): Promise<SnapshotRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, reason: 'missing', detail: `no snapshot at ${path}` };
    throw err;
  }
  const damaged = (detail: string): SnapshotRead => ({ ok: false, reason: 'damaged', detail });
  const end = bytes.subarray(0, MAX_HEADER).indexOf(10);
  if (end < 0) return damaged('no header line');
  let header: Header;
  try {
    header = JSON.parse(bytes.subarray(0, end).toString('utf8')) as Header;
  } catch {
    return damaged('the header is not JSON');
  }
  if (header?.format !== FORMAT || header.version !== VERSION) return damaged(`not a version ${VERSION} index snapshot`);
  const counts = [header.position, header.alerts, header.documentBytes, header.alertBytes];
  if (!counts.every((n) => Number.isSafeInteger(n) && n >= 0) || typeof header.sha256 !== 'string') return damaged('the header is malformed');
  const bodyStart = end + 1;
  if (bytes.byteLength !== bodyStart + header.documentBytes + header.alertBytes) return damaged(`${bytes.byteLength} bytes, the header announces ${bodyStart + header.documentBytes + header.alertBytes}`);
  const body = bytes.subarray(bodyStart);
  if (createHash('sha256').update(body).digest('hex') !== header.sha256) return damaged('checksum mismatch');
  let documents: DocumentIndex;
  try {
    documents = DocumentIndex.fromSnapshot(body.subarray(0, header.documentBytes));
  } catch (err) {
    if (err instanceof SnapshotError) return { ok: false, reason: err.problem === 'key-format' ? 'key-format' : 'damaged', detail: err.message };
    throw err;
  }
  const alerts = parseAlerts(body.subarray(header.documentBytes));
  if (typeof alerts === 'string') return damaged(alerts);
  // One record per document alert: anything else is not a snapshot this build wrote.
  if (alerts.length !== header.alerts || documents.size !== alerts.length) return damaged(`${alerts.length} alerts and ${documents.size} document records, the header announces ${header.alerts}`);
  return { ok: true, snapshot: { position: header.position, positionAlert: header.positionAlert ?? null, documents, alerts } };
}

/** The alert lines, or what is wrong with them. */
function parseAlerts(bytes: Buffer): DocumentAlertRecord[] | string {
  const alerts: DocumentAlertRecord[] = [];
  const ids = new Set<string>();
  const handles = new Set<number>();
  let start = 0;
  while (start < bytes.byteLength) {
    const end = bytes.indexOf(10, start);
    if (end < 0) return 'the last alert line is cut';
    let line: unknown;
    try {
      line = JSON.parse(bytes.subarray(start, end).toString('utf8'));
    } catch {
      return `alert line ${alerts.length + 1} is not JSON`;
    }
    start = end + 1;
    if (!Array.isArray(line) || line.length !== 4) return `alert line ${alerts.length + 1} is malformed`;
    const [handle, entry, issuingState, number] = line as [unknown, IndexedAlert | null, unknown, unknown];
    if (!Number.isInteger(handle) || (handle as number) < 0 || (handle as number) > 0xffffffff || typeof issuingState !== 'string' || typeof number !== 'string') return `alert line ${alerts.length + 1} is malformed`;
    if (typeof entry !== 'object' || entry === null || typeof entry.id !== 'string' || entry.kind !== 'document') return `alert line ${alerts.length + 1} is not a document alert`;
    if (ids.has(entry.id) || handles.has(handle as number)) return `alert ${entry.id} or handle ${String(handle)} appears twice`;
    ids.add(entry.id);
    handles.add(handle as number);
    alerts.push({ handle: handle as number, entry, issuingState, number });
  }
  return alerts;
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
  const { position, positionAlert, documents, alerts } = read.snapshot;
  const otherFeed = (detail: string): SnapshotStart => ({ ok: false, reason: 'other-feed', detail });
  const head = await changeFeedHead(db);
  if (position > head) return otherFeed(`the snapshot is at change ${position}, the feed ends at ${head}`);
  if (position > 0) {
    const [at] = await allChangesAfter(db, position - 1, 1);
    if (!at || Number(at.seq) !== position || at.alert_id !== positionAlert) return otherFeed(`change ${position} of the feed is not the snapshot's`);
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
