import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The webhook signature scheme (documented for receivers in docs/webhooks.md):
 * `x-crosscheck-signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
 * The timestamp is inside the signed text, so a captured delivery cannot be replayed later with a
 * fresh timestamp; the receiver refuses timestamps outside its tolerance.
 */
export function signPayload(secret: string, body: string, unixSeconds: number): string {
  const t = Math.floor(unixSeconds);
  return `t=${t},v1=${hmacHex(secret, t, body)}`;
}

/** True when `header` is a valid signature of `body` made within `toleranceSeconds` of now. */
export function verifySignature(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  let t: number | null = null;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) t = Number(value);
    // Several v1 values may be present while a secret is being rotated.
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) candidates.push(value);
  }
  if (t === null || candidates.length === 0) return false;
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, t, body), 'hex');
  let ok = false;
  // Every candidate is compared, so the time taken does not say which one matched.
  for (const c of candidates) ok = timingSafeEqual(expected, Buffer.from(c, 'hex')) || ok;
  return ok;
}

const hmacHex = (secret: string, t: number, body: string): string => createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
