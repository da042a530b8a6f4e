import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { ChangeItem } from '../app/list-changes.js';

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
}

export interface SignedBatch extends BatchContent {
  keyId: string;
  /** Ed25519 over `BATCH_CONTEXT + canonicalJson(content)`, base64. */
  signature: string;
}

/** Domain separation: a signature over a batch can never be replayed as one over something else. */
export const BATCH_CONTEXT = 'crosscheck replica batch v1\n';

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

const signedBytes = (c: BatchContent): Buffer => Buffer.from(BATCH_CONTEXT + canonicalJson({ member: c.member, from: c.from, to: c.to, head: c.head, items: c.items }), 'utf8');

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
  return { member: content.member, from: content.from, to: content.to, head: content.head, items: content.items, keyId: key.id, signature };
}

/** Why a received batch cannot be applied; `null` when it can. */
export type BatchProblem = { code: 'batch.malformed' | 'batch.key-changed' | 'batch.bad-signature' | 'batch.discontinuous' | 'batch.other-member'; message: string };

/**
 * Checks a batch as received (parsed JSON of unknown shape) against the pinned public key, the
 * position already applied and the member this copy belongs to. Nothing is applied unless this
 * returns null: a batch is taken whole or not at all.
 */
export function checkBatch(raw: unknown, expect: { publicKeyPem: string; keyId: string; appliedTo: number; member: string | null }): { batch: SignedBatch; problem: null } | { batch: null; problem: BatchProblem } {
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
  if (b.from !== expect.appliedTo) return bad('batch.discontinuous', `the batch starts after change ${b.from}, but this copy has applied up to ${expect.appliedTo}`);
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
    if (typeof alert !== 'object' || alert === null || !['person', 'document', 'vehicle'].includes(alert.kind as string)) return `items[${i}].alert: missing or of no known kind`;
  }
  return null;
}
