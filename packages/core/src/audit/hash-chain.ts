import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** One entry of the audit trail, as hashed. */
export interface AuditFields {
  seq: number;
  at: string;
  member: string;
  role: string;
  credential: string;
  action: string;
  target: string;
  requestId: string;
  outcome: string;
  detail: string;
}

export interface ChainedEntry extends AuditFields {
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The hash of an entry covers its sequence number, every field and the previous hash, so
 * altering, deleting or reordering any entry breaks every hash after it.
 */
export function hashEntry(fields: AuditFields, prevHash: string): string {
  // An array, not an object: the order of the fields is fixed by this code, not by a serializer.
  const canonical = JSON.stringify([
    fields.seq,
    fields.at,
    fields.member,
    fields.role,
    fields.credential,
    fields.action,
    fields.target,
    fields.requestId,
    fields.outcome,
    fields.detail,
    prevHash,
  ]);
  return bytesToHex(sha256(utf8ToBytes(canonical)));
}

export type ChainBreak =
  | { kind: 'altered'; seq: number; message: string }
  | { kind: 'deleted'; seq: number; message: string }
  | { kind: 'reordered'; seq: number; message: string };

export interface ChainState {
  /** The sequence number of the last entry checked (0 before the first). */
  lastSeq: number;
  lastHash: string;
}

export const chainStart = (): ChainState => ({ lastSeq: 0, lastHash: GENESIS_HASH });

/**
 * Checks the next entry against the chain so far. Verification is incremental so that the
 * store can stream millions of entries through it.
 */
export function checkNext(state: ChainState, entry: ChainedEntry): ChainBreak | null {
  if (entry.seq <= state.lastSeq) {
    // The entry that should be next carries an earlier number: the first broken place is the
    // next expected entry, not the number it claims.
    const seq = state.lastSeq + 1;
    return { kind: 'reordered', seq, message: `entry ${seq} is out of order: an entry numbered ${entry.seq} follows entry ${state.lastSeq}` };
  }
  if (entry.seq !== state.lastSeq + 1) {
    return { kind: 'deleted', seq: state.lastSeq + 1, message: `entry ${state.lastSeq + 1} is missing (deleted)` };
  }
  if (entry.prevHash !== state.lastHash) {
    // The link is broken. If this entry is consistent in itself, the one before it was edited
    // and re-hashed (its old hash is still quoted here); otherwise this entry was edited.
    if (state.lastSeq > 0 && hashEntry(entry, entry.prevHash) === entry.hash) {
      return {
        kind: 'altered',
        seq: state.lastSeq,
        message: `entry ${state.lastSeq} was altered and re-hashed: entry ${entry.seq} still quotes its original hash`,
      };
    }
    return {
      kind: 'altered',
      seq: entry.seq,
      message: `entry ${entry.seq} was altered, re-linked or moved: it does not follow entry ${state.lastSeq}`,
    };
  }
  if (hashEntry(entry, entry.prevHash) !== entry.hash) {
    return { kind: 'altered', seq: entry.seq, message: `entry ${entry.seq} was altered: its content does not match its hash` };
  }
  state.lastSeq = entry.seq;
  state.lastHash = entry.hash;
  return null;
}

/** Checks the end of the chain against the head the store keeps, which catches deleted last entries. */
export function checkHead(state: ChainState, head: { seq: number; hash: string }): ChainBreak | null {
  if (head.seq > state.lastSeq) {
    return { kind: 'deleted', seq: state.lastSeq + 1, message: `entry ${state.lastSeq + 1} is missing (deleted); the chain head is at ${head.seq}` };
  }
  if (head.seq < state.lastSeq || head.hash !== state.lastHash) {
    return { kind: 'altered', seq: state.lastSeq, message: `entry ${state.lastSeq} does not match the recorded chain head` };
  }
  return null;
}
