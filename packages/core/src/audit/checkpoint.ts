import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { validationError } from '../errors/domain-error.js';
import { chainStart, checkHead, checkNext, hashEntry, type ChainBreak, type ChainedEntry } from './hash-chain.js';
import { MerkleBuilder, merkleLeafHash, rootFromInclusionProof } from './merkle.js';

/**
 * A signed checkpoint of the audit trail, as Certificate Transparency's signed tree head: the
 * number of entries, the chain hash of the last, and the Merkle root over the chain hashes of
 * entries 1..size. The head hash alone already commits to every earlier entry; the root adds
 * what the chain cannot give: a short proof that one entry is in the trail, without the others.
 */
export interface CheckpointBody {
  size: number;
  headHash: string;
  root: string;
  /** When it was signed (ISO 8601, UTC). */
  at: string;
  /** Which key signed it (the first 16 bytes of the SHA-256 of its public key, hex). */
  keyId: string;
}

export interface SignedCheckpoint extends CheckpointBody {
  algorithm: 'Ed25519';
  /** Ed25519 over `checkpointSignedText`, base64. */
  signature: string;
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex digits');

export const signedCheckpointSchema = z.object({
  size: z.number().int().min(0),
  headHash: hex64,
  root: hex64,
  at: z.string().datetime({ message: 'an ISO 8601 date-time' }),
  keyId: z.string().regex(/^[0-9a-f]{32}$/, '32 lower-case hex digits'),
  algorithm: z.literal('Ed25519'),
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'a base64 Ed25519 signature'),
});

/**
 * The exact bytes signed: one field a line, in a fixed order, with a version line first so a
 * signature can never be taken for one over some other message of this or another program.
 */
export function checkpointSignedText(c: CheckpointBody): string {
  return `crosscheck audit checkpoint v1\n${c.size}\n${c.headHash}\n${c.root}\n${c.at}\n${c.keyId}\n`;
}

/** Reads a checkpoint given from outside (a file, a response), naming the first wrong field. */
export function parseCheckpoint(value: unknown, source = 'checkpoint'): SignedCheckpoint {
  const parsed = signedCheckpointSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw validationError(`${source}${issue.path.length ? `.${issue.path.join('.')}` : ''}`, issue.message);
  }
  const c = parsed.data;
  if ((c.size === 0) !== (c.headHash === '0'.repeat(64))) throw validationError(`${source}.headHash`, `does not fit size ${c.size}`);
  return c;
}

/** The Merkle leaf of an audit entry: its chain hash, which covers its number, every field and the hash before it. */
export const auditLeafHash = (entryHash: string): Uint8Array => merkleLeafHash(hexToBytes(entryHash));

/** A break the chain alone cannot show, found by comparing the trail with a signed checkpoint. */
export interface CheckpointBreak {
  kind: 'cut' | 'rewritten';
  seq: number;
  message: string;
}

export type TrailBreak = ChainBreak | CheckpointBreak;

/** What a scan of the trail found: its size, head and root, and the first break. */
export interface TrailScanResult {
  entries: number;
  headHash: string;
  root: string;
  problem: TrailBreak | null;
}

/**
 * One pass over the trail, oldest first: the chain check, the Merkle root, and — when a
 * checkpoint is given — the root and head as they stood at the checkpoint's size. Holds
 * O(log n) state, so the store can stream any number of entries through it.
 */
export class TrailScan {
  private readonly chain = chainStart();
  private readonly merkle = new MerkleBuilder();
  private atCheckpoint: { root: string; headHash: string } | null = null;
  private problem: TrailBreak | null = null;

  constructor(private readonly checkpoint: CheckpointBody | null = null) {
    if (checkpoint?.size === 0) this.atCheckpoint = { root: bytesToHex(this.merkle.root()), headHash: this.chain.lastHash };
  }

  /** False once a break is found: nothing after it needs reading. */
  push(entry: ChainedEntry): boolean {
    if (this.problem) return false;
    const broken = checkNext(this.chain, entry);
    if (broken) {
      this.problem = broken;
      return false;
    }
    this.merkle.pushLeafHash(auditLeafHash(entry.hash));
    if (this.checkpoint && this.merkle.size === this.checkpoint.size) {
      this.atCheckpoint = { root: bytesToHex(this.merkle.root()), headHash: entry.hash };
    }
    return true;
  }

  /** Ends the scan against the head counter the store keeps, then against the checkpoint. */
  finish(head: { seq: number; hash: string } | null): TrailScanResult {
    const result = (problem: TrailBreak | null): TrailScanResult => ({ entries: this.chain.lastSeq, headHash: this.chain.lastHash, root: bytesToHex(this.merkle.root()), problem });
    if (this.problem) return result(this.problem);
    const headBreak = head ? checkHead(this.chain, head) : null;
    if (headBreak) return result(headBreak);
    return result(this.checkpoint ? compareWithCheckpoint(this.chain.lastSeq, this.atCheckpoint, this.checkpoint) : null);
  }
}

function compareWithCheckpoint(entries: number, atCheckpoint: { root: string; headHash: string } | null, c: CheckpointBody): CheckpointBreak | null {
  if (atCheckpoint === null) {
    return {
      kind: 'cut',
      seq: entries + 1,
      message: `the trail ends at entry ${entries}, but the checkpoint signed at ${c.at} covers ${c.size} entries: entries ${entries + 1} to ${c.size} were removed`,
    };
  }
  if (atCheckpoint.root !== c.root || atCheckpoint.headHash !== c.headHash) {
    return {
      kind: 'rewritten',
      seq: c.size,
      message: `entries 1 to ${c.size} are not those the checkpoint signed at ${c.at} covers (its Merkle root differs): the trail was rewritten and re-hashed up to entry ${c.size} or before`,
    };
  }
  return null;
}

/** A proof, downloadable by an auditor, that one entry is in the trail a checkpoint signed. */
export interface InclusionProof {
  format: 'crosscheck-audit-inclusion-proof/1';
  /** The entry itself, so its hash can be recomputed from its content. */
  entry: ChainedEntry;
  /** Leaf index (seq - 1) and tree size, as RFC 9162 counts them. */
  leafIndex: number;
  treeSize: number;
  /** Sibling subtree roots, nearest the leaf first (hex). */
  path: string[];
  checkpoint: SignedCheckpoint;
}

const chainedEntrySchema = z.object({
  seq: z.number().int().min(1),
  at: z.string(),
  member: z.string(),
  role: z.string(),
  credential: z.string(),
  action: z.string(),
  target: z.string(),
  requestId: z.string(),
  outcome: z.string(),
  detail: z.string(),
  prevHash: hex64,
  hash: hex64,
});

const inclusionProofSchema = z.object({
  format: z.literal('crosscheck-audit-inclusion-proof/1'),
  entry: chainedEntrySchema,
  leafIndex: z.number().int().min(0),
  treeSize: z.number().int().min(1),
  path: z.array(hex64).max(64),
  checkpoint: z.unknown(),
});

export function parseInclusionProof(value: unknown, source = 'proof'): InclusionProof {
  const parsed = inclusionProofSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw validationError(`${source}${issue.path.length ? `.${issue.path.join('.')}` : ''}`, issue.message);
  }
  return { ...parsed.data, checkpoint: parseCheckpoint(parsed.data.checkpoint, `${source}: checkpoint`) };
}

/**
 * Checks a proof against a checkpoint the verifier trusts (its signature checked by the caller):
 * the entry's content gives its hash, the hash and the path give the checkpoint's root. Null
 * when it holds; otherwise what is wrong.
 */
export function checkInclusionProof(proof: InclusionProof, trusted: CheckpointBody): string | null {
  const { entry } = proof;
  if (hashEntry(entry, entry.prevHash) !== entry.hash) return `entry ${entry.seq}: its content does not match its hash`;
  if (proof.leafIndex !== entry.seq - 1) return `the proof is for leaf ${proof.leafIndex}, but entry ${entry.seq} is leaf ${entry.seq - 1}`;
  if (proof.treeSize !== trusted.size) return `the proof is for a trail of ${proof.treeSize} entries, the checkpoint covers ${trusted.size}: ask for a proof against this checkpoint`;
  const root = rootFromInclusionProof(proof.leafIndex, proof.treeSize, auditLeafHash(entry.hash), proof.path.map((h) => hexToBytes(h)));
  if (root === null) return `the proof has ${proof.path.length} hashes, which is not the length of a proof for leaf ${proof.leafIndex} of ${proof.treeSize}`;
  if (bytesToHex(root) !== trusted.root) return `entry ${entry.seq} is not in the trail the checkpoint signed at ${trusted.at} covers: the proof leads to another root`;
  return null;
}
