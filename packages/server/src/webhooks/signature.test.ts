import { describe, expect, it } from 'vitest';
import { signPayload, verifySignature } from './signature.js';

const secret = 'whsec_test-secret';
const body = '{"id":7,"type":"hit.created","member":"FRA","at":"2026-01-01T00:00:00.000Z","data":{"hitId":"h","alertId":"a"}}';
const now = 1_800_000_000;

describe('webhook signatures', () => {
  it('verifies its own signature, in the documented form', () => {
    const header = signPayload(secret, body, now);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, header, body, now + 10)).toBe(true);
  });

  it('is the HMAC-SHA256 of "<t>.<body>"', async () => {
    const { createHmac } = await import('node:crypto');
    const expected = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
    expect(signPayload(secret, body, now)).toBe(`t=${now},v1=${expected}`);
  });

  it('rejects a tampered body, another secret, and a changed timestamp', () => {
    const header = signPayload(secret, body, now);
    expect(verifySignature(secret, header, body.replace('FRA', 'DEU'), now)).toBe(false);
    expect(verifySignature('whsec_other', header, body, now)).toBe(false);
    expect(verifySignature(secret, header.replace(`t=${now}`, `t=${now + 1}`), body, now)).toBe(false);
  });

  it('rejects a timestamp older (or further ahead) than the tolerance: a replay', () => {
    const header = signPayload(secret, body, now);
    expect(verifySignature(secret, header, body, now + 301)).toBe(false);
    expect(verifySignature(secret, header, body, now - 301)).toBe(false);
    expect(verifySignature(secret, header, body, now + 300)).toBe(true);
    expect(verifySignature(secret, header, body, now + 60, 30)).toBe(false);
  });

  it('rejects malformed headers', () => {
    for (const header of ['', 'v1=abc', `t=${now}`, `t=soon,v1=${'0'.repeat(64)}`, `t=${now},v1=${'0'.repeat(63)}`]) {
      expect(verifySignature(secret, header, body, now), header).toBe(false);
    }
  });
});
