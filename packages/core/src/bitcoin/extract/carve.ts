// File signatures for carving a file out of concatenated output data: the format's magic bytes, a
// check of the fields right after them (so two or three magic bytes in random hashes do not make a
// "file"), and where the format says the file ends (so padding after it is cut exactly). The
// scanner identifies the payload again on the server; this table only decides where it starts and
// ends and whether output data is worth reporting at all.

export interface FileSignature {
  /** Media type of the format. */
  type: string;
  /** Short name shown in notes. */
  name: string;
  /** True when the magic and its check are at the very start of data[at...]. */
  matches(data: Uint8Array, at: number): boolean;
  /** Length of the file starting at data[at], when the format says where it ends. */
  end?(data: Uint8Array, at: number): number | undefined;
}

function bytesAt(data: Uint8Array, at: number, magic: readonly number[]): boolean {
  if (at + magic.length > data.length) return false;
  for (let i = 0; i < magic.length; i++) if (data[at + i] !== magic[i]) return false;
  return true;
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function lastIndexOf(data: Uint8Array, from: number, magic: readonly number[]): number {
  for (let i = data.length - magic.length; i >= from; i--) if (bytesAt(data, i, magic)) return i;
  return -1;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IEND = ascii('IEND');
const PDF = ascii('%PDF-');
const EOF_MARK = ascii('%%EOF');
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_END = [0x50, 0x4b, 0x05, 0x06];
const SEVEN_Z = [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c];
const BZIP2_BLOCK = [0x31, 0x41, 0x59, 0x26, 0x53, 0x59];
const ELF = [0x7f, 0x45, 0x4c, 0x46];
const GIF87 = ascii('GIF87a');
const GIF89 = ascii('GIF89a');
const BZH = ascii('BZh');
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const GZIP = [0x1f, 0x8b, 0x08];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP_METHODS = new Set([0, 8, 9, 12, 14, 93, 95, 99]);

export const FILE_SIGNATURES: readonly FileSignature[] = [
  {
    type: 'image/png', name: 'PNG',
    matches: (d, at) => bytesAt(d, at, PNG),
    end: (d, at) => {
      const i = lastIndexOf(d, at + 8, IEND);
      return i >= 0 && i + 8 <= d.length ? i + 8 - at : undefined;
    },
  },
  {
    type: 'image/jpeg', name: 'JPEG',
    // SOI then a marker segment whose length leads to the next marker.
    matches: (d, at) => {
      if (!bytesAt(d, at, JPEG) || at + 6 > d.length) return false;
      const marker = d[at + 3]!;
      if (marker < 0xc0 || marker === 0xff) return false;
      const len = (d[at + 4]! << 8) | d[at + 5]!;
      if (len < 2) return false;
      const next = at + 4 + len;
      return next >= d.length || d[next] === 0xff;
    },
    end: (d, at) => {
      const i = lastIndexOf(d, at + 4, [0xff, 0xd9]);
      return i >= 0 ? i + 2 - at : undefined;
    },
  },
  {
    type: 'image/gif', name: 'GIF',
    matches: (d, at) => bytesAt(d, at, GIF87) || bytesAt(d, at, GIF89),
    end: (d, at) => {
      const i = lastIndexOf(d, at + 6, [0x3b]);
      return i >= 0 ? i + 1 - at : undefined;
    },
  },
  {
    type: 'application/pdf', name: 'PDF',
    matches: (d, at) => bytesAt(d, at, PDF) && at + 6 <= d.length && d[at + 5]! >= 0x31 && d[at + 5]! <= 0x32,
    end: (d, at) => {
      const i = lastIndexOf(d, at + 5, EOF_MARK);
      if (i < 0) return undefined;
      let e = i + EOF_MARK.length;
      if (d[e] === 0x0d) e++;
      if (d[e] === 0x0a) e++;
      return e - at;
    },
  },
  {
    type: 'application/zip', name: 'ZIP',
    // Local file header: version needed below 64, a known compression method.
    matches: (d, at) => bytesAt(d, at, ZIP) && at + 10 <= d.length && d[at + 4]! < 64 && d[at + 5] === 0 && d[at + 9] === 0 && ZIP_METHODS.has(d[at + 8]!),
    end: (d, at) => {
      const i = lastIndexOf(d, at + 4, ZIP_END);
      if (i < 0 || i + 22 > d.length) return undefined;
      const comment = d[i + 20]! | (d[i + 21]! << 8);
      return Math.min(d.length, i + 22 + comment) - at;
    },
  },
  {
    type: 'application/x-7z-compressed', name: '7z',
    matches: (d, at) => bytesAt(d, at, SEVEN_Z) && at + 8 <= d.length && d[at + 6] === 0,
    end: (d, at) => {
      // Start header: next header offset (u64 le) and size (u64 le) after 12 bytes of magic/version/CRC.
      if (at + 32 > d.length) return undefined;
      const view = new DataView(d.buffer, d.byteOffset + at, 32);
      const total = 32 + Number(view.getBigUint64(12, true)) + Number(view.getBigUint64(20, true));
      return total <= d.length - at ? total : undefined;
    },
  },
  {
    type: 'application/gzip', name: 'gzip',
    // Deflate method, reserved flag bits clear, a defined XFL and OS byte.
    matches: (d, at) => bytesAt(d, at, GZIP) && at + 10 <= d.length && (d[at + 3]! & 0xe0) === 0 && (d[at + 8] === 0 || d[at + 8] === 2 || d[at + 8] === 4) && (d[at + 9]! <= 13 || d[at + 9] === 255),
  },
  {
    type: 'application/x-bzip2', name: 'bzip2',
    matches: (d, at) => bytesAt(d, at, BZH) && d[at + 3]! >= 0x31 && d[at + 3]! <= 0x39 && bytesAt(d, at + 4, BZIP2_BLOCK),
  },
  {
    type: 'application/x-executable', name: 'ELF',
    matches: (d, at) => bytesAt(d, at, ELF) && (d[at + 4] === 1 || d[at + 4] === 2) && (d[at + 5] === 1 || d[at + 5] === 2) && d[at + 6] === 1,
  },
  {
    type: 'application/vnd.microsoft.portable-executable', name: 'PE',
    // MZ header whose e_lfanew points at "PE\0\0" inside the data.
    matches: (d, at) => {
      if (d[at] !== 0x4d || d[at + 1] !== 0x5a || at + 64 > d.length) return false;
      const lfanew = d[at + 60]! | (d[at + 61]! << 8) | (d[at + 62]! << 16) | (d[at + 63]! << 24);
      return lfanew >= 64 && lfanew < 4096 && bytesAt(d, at + lfanew, [0x50, 0x45, 0, 0]);
    },
  },
  {
    type: 'image/webp', name: 'WebP',
    matches: (d, at) => bytesAt(d, at, RIFF) && bytesAt(d, at + 8, WEBP),
    end: (d, at) => {
      if (at + 8 > d.length) return undefined;
      const size = 8 + (d[at + 4]! | (d[at + 5]! << 8) | (d[at + 6]! << 16) | (d[at + 7]! * 0x1000000));
      return size <= d.length - at ? size : undefined;
    },
  },
];

export interface Carved {
  signature: FileSignature;
  /** Offset of the file in the data (the length of the header before it). */
  offset: number;
  /** Length of the file, when its format says where it ends. */
  length?: number;
}

// First bytes of the signatures: most offsets of random data are passed over on one lookup.
export const FILE_FIRST_BYTES = new Uint8Array(256);
/** The same for the first two bytes (big-endian pair): one lookup rules out an offset. */
export const FILE_FIRST_PAIRS = new Uint8Array(65536);
for (const [a, b] of [[0x89, 0x50], [0xff, 0xd8], [0x47, 0x49], [0x25, 0x50], [0x50, 0x4b], [0x37, 0x7a], [0x1f, 0x8b], [0x42, 0x5a], [0x7f, 0x45], [0x4d, 0x5a], [0x52, 0x49]] as const) {
  FILE_FIRST_BYTES[a] = 1;
  FILE_FIRST_PAIRS[(a << 8) | b] = 1;
}

/** The first recognised file starting within the first maxHeader + 1 bytes of data. */
export function findFile(data: Uint8Array, maxHeader: number): Carved | undefined {
  const last = Math.min(maxHeader, data.length - 1);
  for (let at = 0; at <= last; at++) {
    if (FILE_FIRST_BYTES[data[at]!] === 0) continue;
    for (const signature of FILE_SIGNATURES) {
      if (signature.matches(data, at)) {
        const length = signature.end?.(data, at);
        return { signature, offset: at, ...(length !== undefined && length > 0 ? { length } : {}) };
      }
    }
  }
  return undefined;
}
