import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { EMPTY_MERKLE_ROOT, MerkleBuilder, inclusionProof, inclusionProofRanges, merkleLeafHash, merkleNodeHash, rootFromInclusionProof, verifyInclusion } from './merkle.js';

// The eight leaves of the Certificate Transparency reference implementation's Merkle tree tests,
// with the roots of the trees over the first 1..8 of them and some of their inclusion proofs.
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(hexToBytes);
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const PROOFS: { index: number; size: number; path: string[] }[] = [
  { index: 0, size: 1, path: [] },
  { index: 0, size: 8, path: ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'] },
  { index: 5, size: 8, path: ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
  { index: 2, size: 3, path: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  { index: 1, size: 5, path: ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'] },
];

const leafHashes = LEAVES.map(merkleLeafHash);

/** RFC 6962's MTH, written as the RFC states it (recursive, all leaves in memory), to compare against. */
function referenceRoot(hashes: Uint8Array[]): Uint8Array {
  if (hashes.length === 1) return hashes[0]!;
  let k = 1;
  while (k * 2 < hashes.length) k *= 2;
  return merkleNodeHash(referenceRoot(hashes.slice(0, k)), referenceRoot(hashes.slice(k)));
}

describe('Merkle tree (RFC 6962)', () => {
  it('gives the reference roots for 0 to 8 leaves', () => {
    const b = new MerkleBuilder();
    expect(bytesToHex(b.root())).toBe(EMPTY_MERKLE_ROOT);
    expect(EMPTY_MERKLE_ROOT).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    leafHashes.forEach((h, i) => {
      b.pushLeafHash(h);
      expect(bytesToHex(b.root())).toBe(ROOTS[i]);
    });
  });

  it('agrees with the recursive definition for every size up to 70', () => {
    const hashes = Array.from({ length: 70 }, (_, i) => merkleLeafHash(Uint8Array.of(i, i >> 8)));
    const b = new MerkleBuilder();
    hashes.forEach((h, i) => {
      b.pushLeafHash(h);
      expect(bytesToHex(b.root())).toBe(bytesToHex(referenceRoot(hashes.slice(0, i + 1))));
    });
  });

  it('gives the reference inclusion proofs, and they verify', () => {
    for (const p of PROOFS) {
      const path = inclusionProof(leafHashes.slice(0, p.size), p.index);
      expect(path.map(bytesToHex)).toEqual(p.path);
      expect(verifyInclusion(p.index, p.size, leafHashes[p.index]!, path, hexToBytes(ROOTS[p.size - 1]!))).toBe(true);
    }
  });

  it('verifies every proof of every leaf in trees up to 40 leaves, and refuses a wrong leaf, index or sibling', () => {
    const hashes = Array.from({ length: 40 }, (_, i) => merkleLeafHash(Uint8Array.of(i)));
    for (let size = 1; size <= 40; size++) {
      const root = referenceRoot(hashes.slice(0, size));
      for (let index = 0; index < size; index++) {
        const path = inclusionProof(hashes.slice(0, size), index);
        expect(path.length).toBe(inclusionProofRanges(index, size).length);
        expect(verifyInclusion(index, size, hashes[index]!, path, root)).toBe(true);
        expect(verifyInclusion(index, size, hashes[(index + 1) % 40]!, path, root)).toBe(false);
        if (size > 1) {
          expect(verifyInclusion((index + 1) % size, size, hashes[index]!, path, root)).toBe(false);
          const bent = path.map((h, i) => (i === 0 ? merkleLeafHash(h) : h));
          expect(verifyInclusion(index, size, hashes[index]!, bent, root)).toBe(false);
        }
      }
    }
  });

  it('refuses a proof of the wrong length and a leaf outside the tree', () => {
    const root = hexToBytes(ROOTS[7]!);
    const path = inclusionProof(leafHashes, 3);
    expect(rootFromInclusionProof(3, 8, leafHashes[3]!, path.slice(0, 2))).toBeNull();
    expect(rootFromInclusionProof(3, 8, leafHashes[3]!, [...path, path[0]!])).toBeNull();
    expect(verifyInclusion(8, 8, leafHashes[3]!, path, root)).toBe(false);
    expect(() => inclusionProofRanges(8, 8)).toThrow(/not in a tree of 8/);
  });
});
