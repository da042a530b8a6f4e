import { createHash } from 'node:crypto';
import type { FindingLocation, ScannedFinding } from '@crosscheck/core/api';

const hash = (algorithm: string, bytes: Buffer) => createHash(algorithm).update(bytes).digest('hex');

/** A 64-hex txid or block hash derived from a word, so tests name their transactions. */
export const hex64 = (word: string): string => hash('sha256', Buffer.from(word));

export const location = (tx: string, height: number | null, place: FindingLocation['place'] = { kind: 'output', index: 0 }): FindingLocation => ({
  txid: hex64(tx),
  height,
  blockHash: height === null ? null : hex64(`block ${height}`),
  place,
});

/** A scanned finding of these bytes, as the scanner would give it, with whatever `over` says. */
export function scanned(bytes: Buffer, over: Partial<ScannedFinding> = {}): ScannedFinding {
  return {
    method: 'op-return',
    size: bytes.length,
    sha256: hash('sha256', bytes),
    md5: hash('md5', bytes),
    mediaType: null,
    declaredType: null,
    decoded: null,
    text: null,
    matches: [],
    locations: [location(`tx of ${bytes.toString('hex').slice(0, 20)}`, 800_000)],
    fields: {},
    notes: [],
    ...over,
  };
}

/** The first bytes of a PNG (signature and an IHDR chunk): what a PNG is recognised by. */
export const pngBytes = (tag: string): Buffer =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]), Buffer.from(tag)]);

/** A text finding: the bytes, and the text facts the scanner gives. */
export function textFinding(text: string, over: Partial<ScannedFinding> = {}): { finding: ScannedFinding; content: Buffer } {
  const content = Buffer.from(text, 'utf8');
  const urls = [...text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
  const onions = [...text.matchAll(/\b[a-z2-7]{56}\.onion\b/g)].map((m) => m[0]);
  return { content, finding: scanned(content, { mediaType: 'text/plain', text: { printableRatio: 1, language: 'en', urls, onions, preview: text.slice(0, 200) }, ...over }) };
}
