/**
 * The byte format of a DocumentIndex snapshot, so a border process can start from a file in
 * seconds instead of re-reading 100 million alerts. Little-endian 32-bit words:
 *
 *   0  magic "CCDX"             4  format version (SNAPSHOT_VERSION)
 *   8  key format version       12 record count
 *   16 slot count when written (a sizing hint for the reader)
 *   20 records: 4 words each (P, F, E, handle; see key-hash.ts), in slot order
 *   end-8  checksum: two 32-bit lanes over every word before it
 *
 * The records, not the table, are stored: the reader re-inserts them, so the table's layout and
 * load factors can change without a new format, and a snapshot cannot describe a table whose
 * records are unreachable. Slot order makes that re-insertion nearly sequential in memory.
 *
 * The checksum detects accidental damage (any change of a single word is always detected; other
 * damage with probability 1 - 2^-64), not tampering: a snapshot is trusted as much as the place
 * it is kept. Key hashes depend on the key format version, so a snapshot written by a build
 * with other normalisation rules is refused rather than silently missing records.
 */
export const SNAPSHOT_VERSION = 1;
const MAGIC = 0x58444343; // "CCDX" read as a little-endian word
const HEADER_WORDS = 5;
const TRAILER_WORDS = 2;

export type SnapshotProblem = 'truncated' | 'not-a-snapshot' | 'unsupported-version' | 'key-format' | 'checksum' | 'malformed';

export class SnapshotError extends Error {
  constructor(
    readonly problem: SnapshotProblem,
    message: string,
  ) {
    super(`document index snapshot: ${message}`);
    this.name = 'SnapshotError';
  }
}

export interface SnapshotContents {
  keyFormat: number;
  slotCount: number;
  /** 4 words per record. */
  records: Uint32Array;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A bijective mix of each word into two independent lanes, then the length. */
function checksum(words: Uint32Array, length: number): [number, number] {
  let a = 0x6a09e667;
  let b = 0xbb67ae85;
  for (let i = 0; i < length; i++) {
    const w = words[i]!;
    a = Math.imul((a ^ Math.imul(w, 0xcc9e2d51)) >>> 0, 0x1b873593);
    a = (a << 13) | (a >>> 19);
    b = Math.imul((b ^ Math.imul(w, 0x85ebca77)) >>> 0, 0xc2b2ae3d) + 0x27d4eb2f;
    b = (b << 17) | (b >>> 15);
  }
  a = Math.imul(a ^ length, 0x85ebca6b);
  b = Math.imul(b ^ length, 0xc2b2ae35);
  return [(a ^ (a >>> 15)) >>> 0, (b ^ (b >>> 13)) >>> 0];
}

/** Words of the snapshot in host order; copies when the bytes are misaligned or the host is big-endian. */
function wordsOf(bytes: Uint8Array): Uint32Array {
  const n = bytes.byteLength >>> 2;
  if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, n);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const words = new Uint32Array(n);
  for (let i = 0; i < n; i++) words[i] = view.getUint32(i * 4, true);
  return words;
}

function toLittleEndianBytes(words: Uint32Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
  const bytes = new Uint8Array(words.byteLength);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < words.length; i++) view.setUint32(i * 4, words[i]!, true);
  return bytes;
}

/** Writes the snapshot; `fill` receives the array to write the records into (4 words each, in order). */
export function encodeSnapshot(keyFormat: number, slotCount: number, recordCount: number, fill: (records: Uint32Array) => void): Uint8Array {
  const total = HEADER_WORDS + recordCount * 4 + TRAILER_WORDS;
  const words = new Uint32Array(total);
  words.set([MAGIC, SNAPSHOT_VERSION, keyFormat, recordCount, slotCount]);
  fill(words.subarray(HEADER_WORDS, HEADER_WORDS + recordCount * 4));
  const [a, b] = checksum(words, total - TRAILER_WORDS);
  words[total - 2] = a;
  words[total - 1] = b;
  return toLittleEndianBytes(words);
}

/** Reads and checks a snapshot; throws SnapshotError rather than return anything doubtful. */
export function decodeSnapshot(bytes: Uint8Array, expectedKeyFormat: number): SnapshotContents {
  if (!(bytes instanceof Uint8Array)) throw new SnapshotError('not-a-snapshot', 'expected a Uint8Array');
  if (bytes.byteLength < (HEADER_WORDS + TRAILER_WORDS) * 4) {
    throw new SnapshotError('truncated', `${bytes.byteLength} bytes is shorter than the header and checksum`);
  }
  const words = wordsOf(bytes);
  if (words[0] !== MAGIC) throw new SnapshotError('not-a-snapshot', 'the bytes do not start with the snapshot signature');
  const version = words[1]!;
  if (version !== SNAPSHOT_VERSION) {
    throw new SnapshotError('unsupported-version', `format version ${version}, this build reads version ${SNAPSHOT_VERSION}`);
  }
  const recordCount = words[3]!;
  const expectedBytes = (HEADER_WORDS + recordCount * 4 + TRAILER_WORDS) * 4;
  if (bytes.byteLength < expectedBytes) {
    throw new SnapshotError('truncated', `${bytes.byteLength} bytes, the header announces ${recordCount} records (${expectedBytes} bytes)`);
  }
  if (bytes.byteLength > expectedBytes) {
    throw new SnapshotError('malformed', `${bytes.byteLength - expectedBytes} bytes beyond the announced ${recordCount} records`);
  }
  const total = words.length;
  const [a, b] = checksum(words, total - TRAILER_WORDS);
  if (words[total - 2] !== a || words[total - 1] !== b) throw new SnapshotError('checksum', 'checksum mismatch: the snapshot is damaged');
  // Checked after the checksum, so that a damaged version field is reported as damage.
  const keyFormat = words[2]!;
  if (keyFormat !== expectedKeyFormat) {
    throw new SnapshotError('key-format', `keys hashed with key format ${keyFormat}, this build uses ${expectedKeyFormat}: rebuild the index from the alerts`);
  }
  const records = words.subarray(HEADER_WORDS, HEADER_WORDS + recordCount * 4);
  for (let o = 1; o < records.length; o += 4) {
    if (records[o] === 0) throw new SnapshotError('malformed', `record ${(o - 1) / 4} has a zero tag hash, which no key produces`);
  }
  return { keyFormat, slotCount: words[4]!, records };
}
