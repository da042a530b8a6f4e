import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

/**
 * The Merkle tree of RFC 6962 / RFC 9162 (Certificate Transparency): leaves and interior nodes
 * are hashed with different one-byte prefixes, so a leaf can never pass for a node (second
 * preimage). The tree over n leaves splits at the largest power of two below n, which fixes its
 * shape by n alone: a root signed for n leaves names exactly one sequence of leaves.
 */

const LEAF = Uint8Array.of(0);
const NODE = Uint8Array.of(1);

/** SHA-256(0x00 || leaf). */
export function merkleLeafHash(leaf: Uint8Array): Uint8Array {
  return sha256.create().update(LEAF).update(leaf).digest();
}

/** SHA-256(0x01 || left || right). */
export function merkleNodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha256.create().update(NODE).update(left).update(right).digest();
}

/** The root of the empty tree: SHA-256 of nothing. */
export const EMPTY_MERKLE_ROOT = bytesToHex(sha256(new Uint8Array(0)));

/**
 * Builds a root from leaf hashes pushed in order, holding only the roots of the complete
 * subtrees so far: one per bit of the count, so O(log n) memory whatever the number of leaves.
 */
export class MerkleBuilder {
  // Complete subtrees, largest (leftmost) first; sizes are distinct, decreasing powers of two.
  private readonly hashes: Uint8Array[] = [];
  private readonly sizes: number[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds a leaf already hashed with `merkleLeafHash`. */
  pushLeafHash(leafHash: Uint8Array): void {
    let hash = leafHash;
    let size = 1;
    while (this.sizes.length > 0 && this.sizes[this.sizes.length - 1] === size) {
      hash = merkleNodeHash(this.hashes.pop()!, hash);
      size += this.sizes.pop()!;
    }
    this.hashes.push(hash);
    this.sizes.push(size);
    this.count++;
  }

  /**
   * The root over the leaves so far. The complete subtrees joined right to left are the tree
   * RFC 6962 defines: its left part is always the largest complete subtree.
   */
  root(): Uint8Array {
    if (this.hashes.length === 0) return hexToBytes(EMPTY_MERKLE_ROOT);
    let root = this.hashes[this.hashes.length - 1]!;
    for (let i = this.hashes.length - 2; i >= 0; i--) root = merkleNodeHash(this.hashes[i]!, root);
    return root;
  }
}

/** The largest power of two strictly below n (n > 1). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The leaf ranges [start, end) whose subtree roots make up the inclusion proof of leaf `index`
 * in a tree of `size` leaves, in the order of the proof (nearest the leaf first), as RFC 6962's
 * PATH(m, D[n]) lists them. A proof is then computed by hashing each range, in one pass over
 * the leaves since the ranges do not overlap.
 */
export function inclusionProofRanges(index: number, size: number): [number, number][] {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size) {
    throw new RangeError(`leaf ${index} is not in a tree of ${size} leaves`);
  }
  const ranges: [number, number][] = [];
  let start = 0;
  let end = size;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (index - start < k) {
      ranges.push([start + k, end]);
      end = start + k;
    } else {
      ranges.push([start, start + k]);
      start += k;
    }
  }
  return ranges.reverse();
}

/**
 * Computes the inclusion proof of leaf `index` from leaf hashes streamed in order (0, 1, …),
 * with one builder per proof range: O(log n) memory, one pass.
 */
export class InclusionProofBuilder {
  private readonly ranges: [number, number][];
  private readonly builders: (MerkleBuilder | null)[];
  private position = 0;
  private leaf: Uint8Array | null = null;

  constructor(
    readonly index: number,
    readonly size: number,
  ) {
    this.ranges = inclusionProofRanges(index, size);
    this.builders = this.ranges.map(() => null);
  }

  pushLeafHash(leafHash: Uint8Array): void {
    const at = this.position++;
    if (at >= this.size) return;
    if (at === this.index) {
      this.leaf = leafHash;
      return;
    }
    const r = this.ranges.findIndex(([s, e]) => at >= s && at < e);
    (this.builders[r] ??= new MerkleBuilder()).pushLeafHash(leafHash);
  }

  /** The leaf's hash and its proof, once every leaf up to `size` has been pushed. */
  result(): { leafHash: Uint8Array; path: Uint8Array[] } {
    if (this.position < this.size || this.leaf === null) throw new RangeError(`only ${this.position} of ${this.size} leaves were given`);
    return { leafHash: this.leaf, path: this.builders.map((b) => b!.root()) };
  }
}

/** The inclusion proof of leaf `index` among `leafHashes` (all in memory: for tests and small trees). */
export function inclusionProof(leafHashes: readonly Uint8Array[], index: number): Uint8Array[] {
  const builder = new InclusionProofBuilder(index, leafHashes.length);
  for (const h of leafHashes) builder.pushLeafHash(h);
  return builder.result().path;
}

/**
 * Recomputes the root from a leaf hash and its inclusion proof (RFC 9162 section 2.1.3.2);
 * null when the proof has the wrong length for this index and size.
 */
export function rootFromInclusionProof(index: number, size: number, leafHash: Uint8Array, path: readonly Uint8Array[]): Uint8Array | null {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = merkleNodeHash(p, r);
      // Climb past the levels where this node is the right-most and has no sibling.
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = merkleNodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

/** Whether `path` proves that `leafHash` is leaf `index` of the tree of `size` leaves with this root. */
export function verifyInclusion(index: number, size: number, leafHash: Uint8Array, path: readonly Uint8Array[], root: Uint8Array): boolean {
  const computed = rootFromInclusionProof(index, size, leafHash, path);
  return computed !== null && bytesToHex(computed) === bytesToHex(root);
}
