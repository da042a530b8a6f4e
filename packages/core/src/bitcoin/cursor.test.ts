import { describe, expect, it } from 'vitest';
import { ByteCursor } from './cursor.js';
import { ChainReadError } from './errors.js';
import { parseTransaction } from './transaction.js';

const bytes = (...b: number[]) => Uint8Array.from(b);

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ChainReadError);
    return (e as ChainReadError).code;
  }
  return 'none';
}

describe('ByteCursor', () => {
  it('reads little-endian integers and CompactSize varints of every width', () => {
    const c = new ByteCursor(bytes(0x01, 0x02, 0x03, 0x04, 0xfc, 0xfd, 0xfd, 0x00, 0xfe, 0x00, 0x00, 0x01, 0x00,
      0xff, 0, 0, 0, 0, 1, 0, 0, 0));
    expect(c.u32le()).toBe(0x04030201);
    expect(c.varint()).toBe(0xfc);
    expect(c.varint()).toBe(0xfd);
    expect(c.varint()).toBe(0x10000);
    expect(c.varint()).toBe(2 ** 32);
    expect(c.remaining).toBe(0);
  });

  it('refuses a varint written longer than needed', () => {
    expect(codeOf(() => new ByteCursor(bytes(0xfd, 0x10, 0x00)).varint())).toBe('non-canonical-varint');
  });

  it('names a read past the end with its offset', () => {
    const c = new ByteCursor(bytes(1, 2, 3), 1, 1000);
    try {
      c.u32le('sequence');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ChainReadError);
      expect((e as ChainReadError).code).toBe('truncated');
      expect((e as ChainReadError).offset).toBe(1001);
      expect((e as ChainReadError).message).toContain('sequence');
    }
  });

  it('refuses a push claiming 4 GB as a lying length, without allocating it', () => {
    const c = new ByteCursor(bytes(0xfe, 0xff, 0xff, 0xff, 0xff, 1, 2, 3));
    expect(codeOf(() => c.varBytes('witness item'))).toBe('length-too-large');
    const huge = new ByteCursor(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff));
    expect(codeOf(() => huge.varint())).toBe('length-too-large');
  });

  it('refuses a transaction whose input count claims more inputs than bytes remain', () => {
    // version 1, then an input count of 2^32 - 1 with nothing behind it.
    expect(codeOf(() => parseTransaction('01000000feffffffff'))).toBe('length-too-large');
    // segwit marker with a flag other than 1
    expect(codeOf(() => parseTransaction('010000000002'))).toBe('bad-segwit-flag');
    expect(codeOf(() => parseTransaction('01000000zz'))).toBe('bad-hex');
  });
});
