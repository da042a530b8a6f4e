import { describe, expect, it } from 'vitest';
import { canonicalJson, checkAck, checkBatch, keyIdOf, newSigningKey, requestDigest, signAck, signBatch, type BatchContent } from './signed-batch.js';

const key = newSigningKey();
const pin = { publicKeyPem: key.publicKeyPem, keyId: key.id, appliedTo: 10, member: 'DEU' };
const item = { seq: 12, alertId: 'a1', version: 1, action: 'created', at: '2026-01-01T00:00:00.000Z', owner: 'FRA', status: 'active', statusReason: null, alert: { kind: 'document' as const, document: { issuingState: 'FRA', type: 'passport', number: 'X1', status: 'stolen-issued' } } };
const content: BatchContent = { member: 'DEU', from: 10, to: 15, head: 20, items: [item as never], nonce: 'nonce-of-this-pull-1', issuedAt: new Date().toISOString(), fromMark: 'm10', toMark: 'm15' };
// What the copy receives: JSON on the wire.
const wire = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no spaces, whatever order the object was built in', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x', c: null }], é: true })).toBe('{"a":[{"c":null,"d":"x"}],"b":1,"é":true}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
  it('leaves out undefined properties, as JSON on the wire does, and refuses what JSON cannot carry', () => {
    expect(canonicalJson({ a: undefined, b: 'é\n"' })).toBe('{"b":"é\\n\\""}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/not finite/);
    expect(() => canonicalJson([undefined])).toThrow(/undefined in an array/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
  });
});

describe('signed batches', () => {
  it('verifies a batch after a trip through JSON, with keys in another order', () => {
    const signed = signBatch(content, key);
    const reordered = wire({ toMark: 'm15', fromMark: 'm10', issuedAt: signed.issuedAt, nonce: signed.nonce, signature: signed.signature, keyId: signed.keyId, items: signed.items, head: 20, to: 15, from: 10, member: 'DEU' });
    expect(checkBatch(reordered, pin).problem).toBeNull();
    expect(keyIdOf(key.publicKeyPem)).toBe(key.id);
  });

  it('refuses a batch whose items, bounds or member were changed after signing', () => {
    const signed = wire(signBatch(content, key)) as Record<string, unknown> & { items: { alert: { document: { number: string } } }[] };
    signed.items[0]!.alert.document.number = 'X2';
    expect(checkBatch(signed, pin).problem?.code).toBe('batch.bad-signature');
    const widened = wire({ ...signBatch(content, key), to: 16 });
    expect(checkBatch(widened, pin).problem?.code).toBe('batch.bad-signature');
  });

  it('stops on a batch signed by another key, naming both keys', () => {
    const other = newSigningKey();
    const p = checkBatch(wire(signBatch(content, other)), pin).problem;
    expect(p?.code).toBe('batch.key-changed');
    expect(p?.message).toContain(other.id);
    expect(p?.message).toContain(key.id);
  });

  it('refuses a batch that does not start where the copy stands, or is for another member', () => {
    expect(checkBatch(wire(signBatch(content, key)), { ...pin, appliedTo: 9 }).problem).toMatchObject({ code: 'batch.discontinuous', message: expect.stringContaining('applied up to 9') });
    expect(checkBatch(wire(signBatch({ ...content, member: 'ITA' }, key)), pin).problem?.code).toBe('batch.other-member');
  });

  it('names what is wrong with a malformed batch', () => {
    const bad = (v: unknown) => checkBatch(v, pin).problem;
    expect(bad('x')).toMatchObject({ code: 'batch.malformed' });
    expect(bad({ ...wire(signBatch(content, key)) as object, to: 5 })?.message).toMatch(/to \(5\) is before from \(10\)/);
    expect(bad(wire(signBatch({ ...content, items: [{ ...item, seq: 16 } as never] }, key)))?.message).toMatch(/items\[0\]\.seq: 16/);
    expect(bad(wire(signBatch({ ...content, items: [item, item] as never[] }, key)))?.message).toMatch(/items\[1\]\.seq/);
    expect(bad(wire(signBatch({ ...content, items: [{ ...item, alert: { kind: 'ship' } } as never] }, key)))?.message).toMatch(/items\[0\]\.alert/);
    expect(bad(wire(signBatch({ ...content, items: Array.from({ length: 1001 }, () => item) as never[] }, key)))?.message).toMatch(/more than 1000/);
  });

  it('refuses a batch answering another pull or issued too long ago (a replay), and one whose start is not the change the copy applied', () => {
    const signed = wire(signBatch(content, key));
    const now = Date.now();
    expect(checkBatch(signed, { ...pin, nonce: 'nonce-of-this-pull-1', now }).problem).toBeNull();
    expect(checkBatch(signed, { ...pin, nonce: 'nonce-of-next-pull-2', now }).problem?.code).toBe('batch.replayed');
    expect(checkBatch(signed, { ...pin, nonce: 'nonce-of-this-pull-1', now: now + 6 * 60_000 }).problem).toMatchObject({ code: 'batch.replayed', message: expect.stringContaining('more than 5 minutes') });
    expect(checkBatch(signed, { ...pin, appliedMark: 'm10' }).problem).toBeNull();
    expect(checkBatch(signed, { ...pin, appliedMark: 'another' }).problem).toMatchObject({ code: 'batch.diverged', message: expect.stringContaining('rebuild this copy') });
  });

  it("takes an acknowledgement only when the centre signed it for this request and these ids", () => {
    const request = requestDigest({ items: [{ id: 'i:1' }], nonce: 'n' });
    const ack = { replica: 'key:1', request, acknowledged: ['i:1'], stored: ['i:1'], alreadyHad: [], hitsRefused: 0, issuedAt: new Date().toISOString() };
    const expectFor = { publicKeyPem: key.publicKeyPem, request, ids: ['i:1'], now: Date.now() };
    expect(checkAck(wire(signAck(ack, key)), expectFor)).toBeNull();
    expect(checkAck(wire(ack), expectFor)).toMatch(/not signed/);
    expect(checkAck(wire(signAck(ack, newSigningKey())), expectFor)).toMatch(/does not verify/);
    expect(checkAck(wire(signAck(ack, key)), { ...expectFor, ids: ['i:1', 'i:2'] })).toMatch(/acknowledged 1 ids, not the 2 sent/);
    expect(checkAck(wire(signAck({ ...ack, issuedAt: '2020-01-01T00:00:00.000Z' }, key)), expectFor)).toMatch(/too far from now/);
  });
});
