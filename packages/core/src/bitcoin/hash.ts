import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { ChainReadError } from './errors.js';

/**
 * SHA-256 of the concatenation of some byte ranges. The core's own is pure JavaScript; a caller
 * with a native one (node:crypto hashes several times faster) passes it to the readers, which
 * hash through it.
 */
export type Sha256 = (parts: readonly Uint8Array[]) => Uint8Array;

export const pureSha256: Sha256 = (parts) => {
  if (parts.length === 1) return sha256(parts[0]!);
  const h = sha256.create();
  for (const p of parts) h.update(p);
  return h.digest();
};

/** Bitcoin's hash: SHA-256 applied twice. */
export function sha256d(bytes: Uint8Array, hash: Sha256 = pureSha256): Uint8Array {
  return hash([hash([bytes])]);
}

/** Hashes are shown byte-reversed (txids, block hashes), as every Bitcoin tool shows them. */
export function displayHex(hash: Uint8Array): string {
  return bytesToHex(Uint8Array.from(hash).reverse());
}

/** Hex text (whitespace around it allowed) to bytes; anything else is a named error. */
export function hexToBytesChecked(hex: string): Uint8Array {
  const text = hex.trim();
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) {
    const bad = text.search(/[^0-9a-fA-F]/);
    throw new ChainReadError('bad-hex', bad >= 0 ? `not hex at character ${bad}` : 'odd number of hex digits', { offset: bad >= 0 ? bad : text.length });
  }
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}
