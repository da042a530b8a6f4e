import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBlkFile } from './blk-file.js';
import { parseBlock } from './block.js';
import { ChainReadError } from './errors.js';
import { hexToBytesChecked } from './hash.js';
import { parseTransaction } from './transaction.js';

// Real blocks from ../shared/testdata/chain, truncated and flipped at random: the reader must
// answer with a block or a ChainReadError, never another exception, and quickly.
const testdata = process.env.CROSSCHECK_TESTDATA ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/testdata');
const fixtureFile = join(testdata, 'chain/bitcoinjs/block.json');
const present = existsSync(fixtureFile);
if (!present) console.warn(`skipping Bitcoin reader robustness tests: ${fixtureFile} is absent`);

function realBlocks(): Uint8Array[] {
  const valid = (JSON.parse(readFileSync(fixtureFile, 'utf8')) as { valid: { description: string; hex: string }[] }).valid;
  return ['Block with witness commit', 'Block (~3 KiB)'].map((d) => hexToBytesChecked(valid.find((v) => v.description === d)!.hex));
}

/**
 * Runs f; returns 'ok' or the ChainReadError code; any other exception fails the property. A hang
 * is caught by the test's own timeout, not by a time measured here (the machine is shared).
 */
function outcome(f: () => unknown): string {
  try {
    f();
    return 'ok';
  } catch (e) {
    if (!(e instanceof ChainReadError)) throw e;
    expect(e.offset === undefined || e.offset >= 0).toBe(true);
    return e.code;
  }
}

describe.skipIf(!present)('Bitcoin reader on damaged real blocks', () => {
  const blocks = present ? realBlocks() : [];

  it('a truncated block is always a named error (truncated or a lying count), never a crash', () => {
    fc.assert(fc.property(fc.constantFrom(...blocks), fc.nat(), (block, n) => {
      const cut = block.subarray(0, n % block.length);
      expect(['truncated', 'length-too-large']).toContain(outcome(() => parseBlock(cut)));
    }), { numRuns: 300 });
  });

  it('random byte flips give a parsed block or a ChainReadError', () => {
    fc.assert(fc.property(fc.constantFrom(...blocks), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }), (block, flips) => {
      const damaged = Uint8Array.from(block);
      for (const [at, x] of flips) damaged[at % damaged.length] = damaged[at % damaged.length]! ^ x;
      outcome(() => parseBlock(damaged));
    }), { numRuns: 300 });
  });

  it('a huge length written anywhere (up to 2^64) is refused without allocating it', () => {
    fc.assert(fc.property(fc.constantFrom(...blocks), fc.nat(), fc.bigInt({ min: 0xfdn, max: 2n ** 64n - 1n }), (block, n, big) => {
      const damaged = Uint8Array.from(block);
      const at = 80 + (n % (damaged.length - 89));
      damaged[at] = 0xff;
      new DataView(damaged.buffer).setBigUint64(at + 1, big, true);
      outcome(() => parseBlock(damaged));
      outcome(() => parseTransaction(damaged.subarray(81)));
    }), { numRuns: 300 });
  });

  it('a blk file of damaged records yields entries, each a block or a ChainReadError', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom(...blocks), fc.nat(), fc.nat(255)), { minLength: 1, maxLength: 4 }), (records) => {
      const parts = records.map(([block, at, x]) => {
        const r = new Uint8Array(8 + block.length);
        r.set([0xf9, 0xbe, 0xb4, 0xd9]);
        new DataView(r.buffer).setUint32(4, block.length, true);
        r.set(block, 8);
        r[at % r.length] = r[at % r.length]! ^ x;
        return r;
      });
      const file = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
      let pos = 0;
      for (const p of parts) { file.set(p, pos); pos += p.length; }
      const entries = [...readBlkFile(file)];
      for (const e of entries) if (!e.ok) expect(e.error).toBeInstanceOf(ChainReadError);
      // A record whose damage spared its magic and length is read, so at least one entry each.
      expect(entries.length).toBeGreaterThan(0);
    }), { numRuns: 100 });
  });
});
