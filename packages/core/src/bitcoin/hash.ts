import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { ChainReadError } from './errors.js';

/** Bitcoin's hash: SHA-256 applied twice. */
export function sha256d(bytes: Uint8Array): Uint8Array {
  return sha256(sha256(bytes));
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
