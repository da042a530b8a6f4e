import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { extractPayloads, readJsonTransaction } from '@crosscheck/core/bitcoin';
import { describe, expect, it } from 'vitest';
import { decompress, DecompressError, DEFAULT_DECOMPRESS_CAP, encodingOf } from './decompress.js';

const testdata = process.env.CROSSCHECK_TESTDATA ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/testdata');
const ordpool = join(testdata, 'chain', 'ordpool-parser');
const present = existsSync(join(ordpool, 'bombs'));
if (!present) console.warn(`skipping decompression bomb tests: ${ordpool} is absent`);

const MiB = 1024 * 1024;

async function refused(p: Promise<unknown>): Promise<DecompressError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DecompressError);
    return e as DecompressError;
  }
  throw new Error('expected a DecompressError');
}

describe('decompress', () => {
  const text = Buffer.from('crosscheck '.repeat(5000));

  it('gives back what gzip, brotli, zlib deflate and raw deflate compressed, uncapped', async () => {
    for (const [encoding, packed] of [['gzip', gzipSync(text)], ['br', brotliCompressSync(text)], ['deflate', deflateSync(text)], ['deflate-raw', deflateRawSync(text)]] as const) {
      const out = await decompress(packed, encoding);
      expect(out.capped).toBe(false);
      expect(Buffer.from(out.bytes).equals(text)).toBe(true);
      expect(out.inputRead).toBe(packed.length);
    }
  });

  it('takes encodings as protocols write them, case and spaces aside', () => {
    expect(encodingOf(' GZIP ')).toBe('gzip');
    expect(encodingOf('x-gzip')).toBe('gzip');
    expect(encodingOf('br')).toBe('br');
    expect(encodingOf('lzma')).toBeUndefined();
  });

  it('caps a gzip that expands 1,000 times, keeping its first bytes, after reading a small part of it', async () => {
    const zeros = Buffer.alloc(8 * MiB);
    const packed = gzipSync(zeros, { level: 9 });
    expect(zeros.length / packed.length).toBeGreaterThan(1000);
    const out = await decompress(packed, 'gzip', MiB);
    expect(out.capped).toBe(true);
    expect(out.bytes.length).toBe(MiB);
    expect(out.bytes.every((b) => b === 0)).toBe(true);
    expect(out.inputRead).toBeLessThan(packed.length);
  });

  it('is not capped when the output is exactly the cap', async () => {
    const data = randomBytes(100_000);
    const out = await decompress(gzipSync(data), 'gzip', data.length);
    expect(out.capped).toBe(false);
    expect(Buffer.from(out.bytes).equals(data)).toBe(true);
    const less = await decompress(gzipSync(data), 'gzip', data.length - 1);
    expect(less.capped).toBe(true);
    expect(Buffer.from(less.bytes).equals(data.subarray(0, data.length - 1))).toBe(true);
  });

  it('caps identity data too', async () => {
    const out = await decompress(Uint8Array.of(1, 2, 3, 4), 'identity', 3);
    expect(out).toEqual({ bytes: Uint8Array.of(1, 2, 3), capped: true, inputRead: 3 });
  });

  it('names corrupt data: garbage, a cut stream, a wrong encoding', async () => {
    const packed = gzipSync(text);
    for (const [bytes, encoding] of [
      [randomBytes(1000), 'gzip'],
      [packed.subarray(0, packed.length - 20), 'gzip'],
      [Buffer.from('not brotli at all, just words'), 'br'],
      [packed, 'deflate'],
      [Buffer.alloc(0), 'gzip'],
    ] as const) {
      const e = await refused(decompress(bytes, encoding));
      expect(e.code).toBe('corrupt');
      expect(e.message).toMatch(new RegExp(`^${encoding === 'br' ? 'br' : encoding} data is corrupt`));
    }
  });

  it('refuses an unknown encoding and a cap that is not a size', async () => {
    expect((await refused(decompress(text, 'lzma'))).code).toBe('unsupported-encoding');
    expect((await refused(decompress(text, 'gzip', 0))).code).toBe('bad-cap');
    expect((await refused(decompress(text, 'gzip', 1.5))).code).toBe('bad-cap');
  });
});

describe.skipIf(!present)('decompression bombs of ordpool-parser', () => {
  // Each expands to 1 GB. Stopped at the cap, they cost the cap in memory and stop after
  // consuming a small part of their input.
  for (const [file, encoding] of [['gzip-decompression-bomb.txt.gz', 'gzip'], ['brotli-decompression-bomb.txt.br', 'br']] as const) {
    it(`caps ${file} at the default cap, its first bytes the bomb's text`, async () => {
      const bomb = readFileSync(join(ordpool, 'bombs', file));
      const before = process.memoryUsage().rss;
      const out = await decompress(bomb, encoding);
      expect(out.capped).toBe(true);
      expect(out.bytes.length).toBe(DEFAULT_DECOMPRESS_CAP);
      expect(Buffer.from(out.bytes.subarray(0, 20)).toString()).toBe('HAHAHAHAHAHAHAHAHAHA');
      if (encoding === 'gzip') expect(out.inputRead).toBeLessThan(bomb.length / 10);
      // Far below the gigabyte the bomb holds: the cap plus the decompressor's buffers.
      expect(process.memoryUsage().rss - before).toBeLessThan(256 * MiB);
    });
  }

  it('caps the brotli bomb inscribed on chain (08770f…) at a 1 MiB cap', async () => {
    // Esplora JSON has no raw hex: the scanner's reader rebuilds the transaction (txid checked).
    const { tx } = readJsonTransaction(JSON.parse(readFileSync(join(ordpool, 'tx', 'tx_08770f28ab15ec0acf1103ce6af34c57c05ba7db5df783b3b75058725e0bd480.json'), 'utf8')));
    const [inscription] = extractPayloads(tx).filter((p) => p.method === 'ordinals');
    expect(inscription?.contentEncoding).toBe('br');
    const out = await decompress(inscription!.bytes, inscription!.contentEncoding!, MiB);
    expect(out).toMatchObject({ capped: true });
    expect(out.bytes.length).toBe(MiB);
  });
});
