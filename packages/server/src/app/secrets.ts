import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys and session tokens are 256-bit random strings, so a plain SHA-256 is enough to
 * store them (there is nothing to brute-force); passwords, chosen by people, use argon2id.
 */
export const sha256Hex = (value: string): string => createHash('sha256').update(value).digest('hex');

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `cc_<prefix>_<secret>`: the prefix finds the row, the secret is checked against its hash. */
export function newApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomToken(32);
  return { key: `cc_${prefix}_${secret}`, prefix, secretHash: sha256Hex(secret) };
}

export function splitApiKey(key: string): { prefix: string; secret: string } | null {
  const m = /^cc_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/.exec(key);
  return m ? { prefix: m[1]!, secret: m[2]! } : null;
}
