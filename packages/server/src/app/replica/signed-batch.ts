import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { ChangeItem } from '../list-changes.js';
import { ALERT_KINDS } from '@crosscheck/core/constants';

/**
 * A batch of the change feed for one member's national copy, signed by the centre.
 * `from` is the `after` asked for; `to` the highest change seq of the WHOLE feed the batch
 * accounts for (changes the member may not see included), so an empty batch still says "nothing
 * for you up to `to`" rather than leaving a gap; `head` the centre's feed head when it was made.
 */
export interface BatchContent {
  member: string;
  from: number;
  to: number;
  head: number;
  items: ChangeItem[];
  /**
   * The copy's random nonce for this pull, echoed; with `issuedAt`, an old signed batch (an idle
   * poll, say) cannot be replayed to freeze a copy on what it has.
   */
  nonce: string | null;
  issuedAt: string;
  /**
   * Fingerprints (`changeMark`) of the feed's changes at `from` and at `to` (null at 0). The copy
   * keeps the one at `to` and compares the next batch's `fromMark` with it: a centre restored from
   * an older backup reuses sequence numbers for other changes, and this is how the copy finds out.
   */
  fromMark: string | null;
  toMark: string | null;
}

export interface SignedBatch extends BatchContent {
  keyId: string;
  /** Ed25519 over `BATCH_CONTEXT + canonicalJson(content)`, base64. */
  signature: string;
}

/** Domain separation: a signature over a batch can never be replayed as one over something else. */
export const BATCH_CONTEXT = 'crosscheck replica batch v2\n';
/** The centre's acknowledgement of a forward (`signAck`), under the same key. */
export const ACK_CONTEXT = 'crosscheck replica forward-ack v1\n';

/** How old a signed batch or acknowledgement may be, and how far ahead the centre's clock may be. */
export const MAX_AGE_MS = 5 * 60_000;

export const MAX_BATCH_ITEMS = 1000;

/**
 * One byte sequence for one value: object keys sorted (by UTF-16 code unit), no spaces, numbers
 * and strings as JSON writes them. Values that JSON cannot carry faithfully are refused rather
 * than silently changed (undefined inside arrays, non-finite numbers); an undefined property is
 * left out, as JSON.stringify leaves it out on the wire.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error('canonical JSON: a number that is not finite');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value
          .map((v) => {
            if (v === undefined) throw new Error('canonical JSON: undefined in an array');
            return canonicalJson(v);
          })
          .join(',')}]`;
      }
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new Error(`canonical JSON: cannot carry a ${typeof value}`);
  }
}

const contentOf = (c: BatchContent): BatchContent => ({ member: c.member, from: c.from, to: c.to, head: c.head, items: c.items, nonce: c.nonce, issuedAt: c.issuedAt, fromMark: c.fromMark, toMark: c.toMark });
const signedBytes = (c: BatchContent): Buffer => Buffer.from(BATCH_CONTEXT + canonicalJson(contentOf(c)), 'utf8');

/** The identity of one change of the centre's feed: a sequence number reused for another change gives another mark. */
export function changeMark(c: { seq: number; alertId: string; version: number; at: string }): string {
  return createHash('sha256').update(canonicalJson({ seq: c.seq, alertId: c.alertId, version: c.version, at: c.at })).digest('hex');
}

/** The digest of a forward request as sent, which the centre's acknowledgement names. */
export const requestDigest = (body: unknown): string => createHash('sha256').update(canonicalJson(body)).digest('hex');

export interface SigningKey {
  id: string;
  publicKeyPem: string;
  privateKeyPem: string;
}

export function newSigningKey(): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return { id: keyIdOf(publicKeyPem), publicKeyPem, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

/** The first 16 bytes (hex) of the SHA-256 of the key's SPKI DER: short, and changes with the key. */
export function keyIdOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 32);
}

export function signBatch(content: BatchContent, key: SigningKey): SignedBatch {
  const signature = sign(null, signedBytes(content), createPrivateKey(key.privateKeyPem)).toString('base64');
  return { ...contentOf(content), keyId: key.id, signature };
}

/**
 * What the centre says it did with a forward request: the ids it acknowledges (stored now or
 * already had), for the request whose digest is `request`. Signed, so that nothing but the centre
 * can make a copy move its outbox on (and lose hits and entries that never arrived).
 */
export interface AckContent {
  replica: string;
  request: string;
  acknowledged: string[];
  stored: string[];
  alreadyHad: string[];
  hitsRefused: number;
  issuedAt: string;
}

const ackBytes = (a: AckContent): Buffer =>
  Buffer.from(ACK_CONTEXT + canonicalJson({ replica: a.replica, request: a.request, acknowledged: a.acknowledged, stored: a.stored, alreadyHad: a.alreadyHad, hitsRefused: a.hitsRefused, issuedAt: a.issuedAt }), 'utf8');

export function signAck(content: AckContent, key: SigningKey): AckContent & { keyId: string; signature: string } {
  return { ...content, keyId: key.id, signature: sign(null, ackBytes(content), createPrivateKey(key.privateKeyPem)).toString('base64') };
}

/**
 * Checks the centre's answer to a forward: signed by the pinned key, about this very request
 * (digest), acknowledging exactly the ids sent, and recent. The reason, or null when it holds.
 */
export function checkAck(raw: unknown, expect: { publicKeyPem: string; request: string; ids: string[]; now: number }): string | null {
  if (typeof raw !== 'object' || raw === null) return 'the answer is not a JSON object';
  const a = raw as Record<string, unknown>;
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (typeof a.signature !== 'string' || typeof a.request !== 'string' || typeof a.replica !== 'string' || typeof a.issuedAt !== 'string') return 'the acknowledgement is not signed';
  if (!strings(a.acknowledged) || !strings(a.stored) || !strings(a.alreadyHad) || !Number.isSafeInteger(a.hitsRefused)) return 'the acknowledgement is malformed';
  let ok = false;
  try {
    ok = verify(null, ackBytes(a as unknown as AckContent), createPublicKey(expect.publicKeyPem), Buffer.from(a.signature, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) return "the acknowledgement's signature does not verify with the centre's pinned key";
  if (a.request !== expect.request) return 'the acknowledgement is for another request';
  const acked = [...(a.acknowledged as string[])].sort();
  const sent = [...expect.ids].sort();
  if (acked.length !== sent.length || acked.some((id, i) => id !== sent[i])) return `the centre acknowledged ${acked.length} ids, not the ${sent.length} sent`;
  const age = expect.now - Date.parse(a.issuedAt);
  if (!(age <= MAX_AGE_MS && age >= -MAX_AGE_MS)) return `the acknowledgement was issued at ${a.issuedAt}, too far from now`;
  return null;
}

/** Why a received batch cannot be applied; `null` when it can. */
export type BatchProblem = { code: 'batch.malformed' | 'batch.key-changed' | 'batch.bad-signature' | 'batch.discontinuous' | 'batch.other-member' | 'batch.replayed' | 'batch.diverged'; message: string };

/**
 * Checks a batch as received (parsed JSON of unknown shape) against the pinned public key, the
 * position already applied and the member this copy belongs to. Nothing is applied unless this
 * returns null: a batch is taken whole or not at all.
 */
export function checkBatch(
  raw: unknown,
  expect: {
    publicKeyPem: string;
    keyId: string;
    appliedTo: number;
    member: string | null;
    /** The nonce sent with this pull; the batch must echo it (a copy always gives it). */
    nonce?: string;
    /** The copy's clock (ms): the batch must have been issued within MAX_AGE_MS of it. */
    now?: number;
    /** The mark of the last change applied (null: none kept yet, e.g. a copy made before marks). */
    appliedMark?: string | null;
  },
): { batch: SignedBatch; problem: null } | { batch: null; problem: BatchProblem } {
  const bad = (code: BatchProblem['code'], message: string) => ({ batch: null, problem: { code, message } }) as const;
  const shape = shapeProblem(raw);
  if (shape) return bad('batch.malformed', shape);
  const b = raw as SignedBatch;
  if (b.keyId !== expect.keyId) return bad('batch.key-changed', `the batch is signed with key ${b.keyId}, but this copy pinned the centre's key ${expect.keyId}: sync stopped; if the centre's key really changed, start again with --central-key`);
  let ok = false;
  try {
    ok = verify(null, signedBytes(b), createPublicKey(expect.publicKeyPem), Buffer.from(b.signature, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) return bad('batch.bad-signature', `the signature of the batch from ${b.from} to ${b.to} does not verify with the centre's key ${expect.keyId}`);
  if (expect.member !== null && b.member !== expect.member) return bad('batch.other-member', `the batch is for member ${b.member}, this copy is ${expect.member}'s`);
  if (expect.nonce !== undefined && b.nonce !== expect.nonce) return bad('batch.replayed', `the batch answers another pull (nonce ${String(b.nonce)}, not ${expect.nonce}): an old batch replayed?`);
  if (expect.now !== undefined) {
    const age = expect.now - Date.parse(b.issuedAt);
    if (!(age <= MAX_AGE_MS && age >= -MAX_AGE_MS)) return bad('batch.replayed', `the batch was issued at ${b.issuedAt}, more than ${MAX_AGE_MS / 60_000} minutes from this copy's clock`);
  }
  if (b.from !== expect.appliedTo) return bad('batch.discontinuous', `the batch starts after change ${b.from}, but this copy has applied up to ${expect.appliedTo}`);
  if (expect.appliedMark !== undefined && expect.appliedMark !== null && b.fromMark !== expect.appliedMark) {
    return bad('batch.diverged', `the centre's change ${b.from} is not the change ${b.from} this copy applied: the centre's feed was rewritten (restored from an older backup?); sync stopped, rebuild this copy from a new --db`);
  }
  return { batch: b, problem: null };
}

/** The structure a batch must have, or the first thing wrong with it (named). */
function shapeProblem(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'the batch is not a JSON object';
  const b = raw as Record<string, unknown>;
  const isSeq = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
  if (typeof b.member !== 'string' || !/^[A-Z]{3}$/.test(b.member)) return 'member: not a three-letter member code';
  for (const f of ['from', 'to', 'head'] as const) if (!isSeq(b[f])) return `${f}: not a sequence number`;
  if ((b.to as number) < (b.from as number)) return `to (${String(b.to)}) is before from (${String(b.from)})`;
  if ((b.head as number) < (b.to as number)) return `head (${String(b.head)}) is before to (${String(b.to)})`;
  if (typeof b.keyId !== 'string' || typeof b.signature !== 'string') return 'keyId, signature: missing';
  if (typeof b.issuedAt !== 'string' || Number.isNaN(Date.parse(b.issuedAt))) return 'issuedAt: not a time';
  for (const f of ['nonce', 'fromMark', 'toMark'] as const) if (b[f] !== null && typeof b[f] !== 'string') return `${f}: not a string or null`;
  if (!Array.isArray(b.items)) return 'items: not a list';
  if (b.items.length > MAX_BATCH_ITEMS) return `items: ${b.items.length} items, more than ${MAX_BATCH_ITEMS}`;
  let previous = b.from as number;
  for (const [i, item] of (b.items as unknown[]).entries()) {
    if (typeof item !== 'object' || item === null) return `items[${i}]: not an object`;
    const it = item as Record<string, unknown>;
    if (!isSeq(it.seq) || (it.seq as number) <= previous || (it.seq as number) > (b.to as number)) return `items[${i}].seq: ${String(it.seq)} is not after ${previous} and at most ${String(b.to)}`;
    previous = it.seq as number;
    if (typeof it.alertId !== 'string' || it.alertId.length === 0 || it.alertId.length > 40) return `items[${i}].alertId: missing or too long`;
    if (!Number.isSafeInteger(it.version) || (it.version as number) < 1) return `items[${i}].version: not a version number`;
    if (typeof it.at !== 'string') return `items[${i}].at: missing`;
    if (it.action === 'withdrawn') continue;
    if (typeof it.action !== 'string' || typeof it.owner !== 'string' || typeof it.status !== 'string') return `items[${i}]: action, owner or status missing`;
    const alert = it.alert as Record<string, unknown> | undefined;
    if (typeof alert !== 'object' || alert === null || !(ALERT_KINDS as readonly unknown[]).includes(alert.kind)) return `items[${i}].alert: missing or of no known kind`;
  }
  return null;
}
