import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { FindingDecoded, FindingText } from '@crosscheck/core/api';
import { textFacts, TEXT_RATIO } from './text-facts.js';

/**
 * Identification of one payload: its hashes, its media type found from the bytes (never from what
 * the transaction declares), whether it is text, and the same for its decompressed form when it
 * declares a content encoding or its bytes are a compressed stream. Decompression is capped: a
 * bomb stops at the cap and is reported as capped, never expanded in full.
 */

/** Capped decompression: at most capBytes of output, `capped` when the stream had more. */
export type Decompress = (bytes: Uint8Array, encoding: string, capBytes: number) =>
  { bytes: Uint8Array; capped: boolean } | Promise<{ bytes: Uint8Array; capped: boolean }>;

/** Default cap of a decompressed payload: far above any real inscription, far below a bomb's size. */
export const DEFAULT_DECODE_CAP = 16 * 1024 * 1024;

export interface IdentifyOptions {
  /** Absent: payloads are not decompressed (hashes and type of the bytes as carried only). */
  decompress?: Decompress;
  decodeCap?: number;
}

export interface Identified {
  size: number;
  sha256: string;
  md5: string;
  mediaType: string | null;
  text: FindingText | null;
  decoded: FindingDecoded | null;
  /** The decompressed bytes, for rule matching; not kept in the finding. */
  decodedBytes: Uint8Array | null;
  notes: string[];
}

export const sha256Hex = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
export const md5Hex = (b: Uint8Array): string => createHash('md5').update(b).digest('hex');

export async function identify(bytes: Uint8Array, contentEncoding: string | undefined, options: IdentifyOptions, sha256 = sha256Hex(bytes)): Promise<Identified> {
  const text = textFacts(bytes);
  const mediaType = await mediaTypeOf(bytes, text);
  const notes: string[] = [];
  let decoded: FindingDecoded | null = null;
  let decodedBytes: Uint8Array | null = null;
  const encoding = compressionOf(bytes, contentEncoding);
  if (encoding === 'bzip2') {
    // node:zlib has no bzip2 decoder; the stream is named so an investigator can unpack it.
    notes.push('bzip2 stream: not decompressed (no bzip2 decoder in the scanner)');
  } else if (encoding && options.decompress) {
    const cap = options.decodeCap ?? DEFAULT_DECODE_CAP;
    try {
      const out = await options.decompress(bytes, encoding, cap);
      decodedBytes = out.bytes;
      const decodedText = textFacts(out.bytes);
      decoded = {
        encoding,
        size: out.bytes.length,
        sha256: sha256Hex(out.bytes),
        md5: md5Hex(out.bytes),
        mediaType: await mediaTypeOf(out.bytes, decodedText),
        capped: out.capped,
      };
      if (out.capped) notes.push(`${encoding} decompression stopped at the cap of ${cap} bytes: a likely decompression bomb`);
    } catch (error) {
      notes.push(`${encoding}: not decompressed (${(error as Error).message})`);
    }
  } else if (encoding) {
    notes.push(`${encoding} content not decompressed`);
  }
  return { size: bytes.length, sha256, md5: md5Hex(bytes), mediaType, text, decoded, decodedBytes, notes };
}

/**
 * The compression to undo: the one the protocol declares (ordinals' content-encoding), else one
 * recognised from the first bytes. Brotli has no signature, so it is only ever undone when declared.
 */
export function compressionOf(bytes: Uint8Array, declared: string | undefined): string | undefined {
  const d = declared?.trim().toLowerCase();
  if (d === 'gzip' || d === 'x-gzip') return 'gzip';
  if (d === 'br' || d === 'brotli') return 'br';
  if (d === 'deflate' || d === 'zlib') return 'deflate';
  if (d === 'bzip2') return 'bzip2';
  if (bytes.length < 10) return undefined;
  const [a, b, c] = [bytes[0]!, bytes[1]!, bytes[2]!];
  if (a === 0x1f && b === 0x8b && c === 0x08) return 'gzip';
  if (a === 0x42 && b === 0x5a && c === 0x68 && bytes[3]! >= 0x31 && bytes[3]! <= 0x39 && bytes[4] === 0x31 && bytes[5] === 0x41 && bytes[6] === 0x59) return 'bzip2';
  // zlib: CMF 0x78 (deflate, 32 kB window) and a header checksum that holds.
  if (a === 0x78 && ((a << 8) | b) % 31 === 0 && (b & 0x20) === 0) return 'deflate';
  return undefined;
}

/** file-type's answer from the magic bytes, else a few text formats it leaves to the caller. */
export async function mediaTypeOf(bytes: Uint8Array, text: FindingText | null): Promise<string | null> {
  if (bytes.length >= 2) {
    try {
      const found = await fileTypeFromBuffer(bytes);
      if (found) return found.mime;
    } catch {
      // A parser of file-type tripping on odd bytes is no verdict: go on with the text checks.
    }
  }
  if (!text || text.printableRatio < TEXT_RATIO) return null;
  const head = text.preview.trimStart().slice(0, 200).toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'image/svg+xml';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(head|body|script|div|meta|title|style)\b/.test(head)) return 'text/html';
  if (head.startsWith('<?xml')) return 'application/xml';
  if ((head.startsWith('{') || head.startsWith('[')) && isJson(bytes)) return 'application/json';
  return 'text/plain';
}

function isJson(bytes: Uint8Array): boolean {
  if (bytes.length > 1024 * 1024) return false;
  try {
    JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return true;
  } catch {
    return false;
  }
}
