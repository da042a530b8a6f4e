import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw, type Gunzip } from 'node:zlib';

// Payloads found on chain may declare a content encoding (an inscription's tag 9: gzip, br). The
// data is hostile: a 790-byte brotli inscription expands to about 800 MB. Decompression streams
// and stops at a cap, so a bomb costs the time to produce the cap and, in memory, the cap's chunks
// and then their joined copy (twice the cap for a moment), never its full size.
//
// The default cap is 16 MiB, not the 1 MiB ordpool uses: a block holds at most 4 MB of witness,
// and real compressed inscriptions (JavaScript libraries, HTML, SVG) expand 5-20 times, so a
// legitimate payload can pass 1 MiB, and what is cut cannot be hashed or identified as a whole.
// 16 MiB keeps a few concurrent decompressions within a small server's memory. A caller
// (the scanner's configuration) may choose another cap.

export const DEFAULT_DECOMPRESS_CAP = 16 * 1024 * 1024;

/** Encodings understood, as protocols name them ("deflate" is zlib-wrapped, as in HTTP). */
export const DECOMPRESS_ENCODINGS = ['gzip', 'br', 'deflate', 'deflate-raw', 'identity'] as const;
export type DecompressEncoding = (typeof DECOMPRESS_ENCODINGS)[number];

export type DecompressErrorCode =
  | 'unsupported-encoding' // an encoding not in DECOMPRESS_ENCODINGS
  | 'corrupt' // the data is not valid for its encoding, or ends early
  | 'bad-cap'; // a cap that is not a positive whole number of bytes

export class DecompressError extends Error {
  readonly code: DecompressErrorCode;
  constructor(code: DecompressErrorCode, message: string) {
    super(message);
    this.name = 'DecompressError';
    this.code = code;
  }
}

export interface Decompressed {
  /** The decompressed bytes, at most the cap. */
  bytes: Uint8Array;
  /** True when the data would expand beyond the cap: `bytes` are its first `cap` bytes. */
  capped: boolean;
  /** Input bytes the decompressor consumed before it finished or was stopped at the cap. */
  inputRead: number;
}

const ALIASES: Record<string, DecompressEncoding> = { 'x-gzip': 'gzip', brotli: 'br', zlib: 'deflate', '': 'identity' };

/** The encoding a protocol declared, as one of ours, or undefined when unknown. */
export function encodingOf(declared: string): DecompressEncoding | undefined {
  const name = declared.trim().toLowerCase();
  if ((DECOMPRESS_ENCODINGS as readonly string[]).includes(name)) return name as DecompressEncoding;
  return ALIASES[name];
}

/**
 * Decompresses `bytes` declared as `encoding`, keeping at most `capBytes` of output. A bomb is
 * not an error: it is `capped`, with its first bytes (enough to identify it). Data that is not
 * valid for its encoding is a DecompressError 'corrupt'; an unknown encoding is 'unsupported-encoding'.
 */
export function decompress(bytes: Uint8Array, encoding: string, capBytes = DEFAULT_DECOMPRESS_CAP): Promise<Decompressed> {
  if (!Number.isSafeInteger(capBytes) || capBytes <= 0) {
    return Promise.reject(new DecompressError('bad-cap', `decompression cap must be a positive number of bytes, not ${capBytes}`));
  }
  const kind = encodingOf(encoding);
  if (!kind) return Promise.reject(new DecompressError('unsupported-encoding', `unsupported content encoding ${JSON.stringify(encoding.slice(0, 64))}`));
  if (kind === 'identity') {
    const capped = bytes.length > capBytes;
    return Promise.resolve({ bytes: capped ? bytes.slice(0, capBytes) : bytes, capped, inputRead: capped ? capBytes : bytes.length });
  }
  // Output comes in chunks of at most 1 MiB (few hops to the thread pool: a loaded machine makes
  // each hop slow), never more than the cap needs, so memory past the cap is one chunk at most.
  const options = { chunkSize: Math.min(Math.max(capBytes + 1, 16 * 1024), 1024 * 1024) };
  const stream: Gunzip =
    kind === 'gzip' ? createGunzip(options)
    : kind === 'br' ? createBrotliDecompress(options)
    : kind === 'deflate' ? createInflate(options)
    : createInflateRaw(options);

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const finish = (capped: boolean) => {
      if (settled) return;
      settled = true;
      const inputRead = stream.bytesWritten;
      stream.destroy();
      resolve({ bytes: new Uint8Array(Buffer.concat(chunks, total)), capped, inputRead });
    };
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      const room = capBytes - total;
      if (chunk.length > room) {
        // One more byte than the cap allows: stop producing now, keep the first capBytes.
        chunks.push(chunk.subarray(0, room));
        total += room;
        finish(true);
        return;
      }
      chunks.push(chunk);
      total += chunk.length;
    });
    stream.on('end', () => finish(false));
    stream.on('error', (e: Error & { code?: string }) => {
      if (settled) return;
      settled = true;
      stream.destroy();
      reject(new DecompressError('corrupt', `${kind} data is corrupt: ${e.message}${e.code ? ` (${e.code})` : ''}`));
    });
    stream.end(bytes);
  });
}
