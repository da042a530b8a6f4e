import { pureSha256, sha256d, type Sha256 } from './hash.js';

/**
 * Bitcoin's merkle root over internal-order hashes: pairs hashed level by level, an odd last
 * hash paired with itself. (The duplicate-pair weakness, CVE-2012-2459, is for a validator to
 * care about; a reader only checks that the header and the transactions agree.)
 */
export function merkleRoot(hashes: Uint8Array[], hash: Sha256 = pureSha256): Uint8Array {
  if (hashes.length === 0) return new Uint8Array(32);
  let level = hashes;
  const pair = new Uint8Array(64);
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) {
      pair.set(level[i]!, 0);
      pair.set(level[i + 1] ?? level[i]!, 32);
      next.push(sha256d(pair, hash));
    }
    level = next;
  }
  return level[0]!;
}
