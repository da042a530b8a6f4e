import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BlkReader, readBlkFile } from './blk-file.js';

// btcd's real blk-framed test files in ../shared/testdata/chain/btcd are bzip2-compressed: the test
// decompresses them with the system bzip2 in memory and skips, saying why, without it or the data.
const testdata = process.env.CROSSCHECK_TESTDATA ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/testdata');
const dir = join(testdata, 'chain/btcd');
const haveBzip2 = (() => { try { execFileSync('bzip2', ['--help'], { stdio: 'ignore' }); return true; } catch { return false; } })();
const present = existsSync(join(dir, 'blocks1-256.bz2')) && haveBzip2;
if (!present) console.warn(`skipping real blk file tests: ${dir} or the bzip2 program is absent`);

const bunzip = (file: string) => new Uint8Array(execFileSync('bzip2', ['-dc', join(dir, file)], { maxBuffer: 1 << 24 }));
const GENESIS = '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f';

describe.skipIf(!present)('real blk-framed files from btcd', () => {
  it('reads mainnet blocks 1..255 as a chain, each linked to the one before, also when obfuscated', () => {
    const plain = bunzip('blocks1-256.bz2');
    const key = Uint8Array.from([0x9c, 0x00, 0x41, 0xe7, 0x01, 0xfe, 0x33, 0x80]);
    const obfuscated = plain.map((b, i) => b ^ key[i % key.length]!);
    for (const [file, xorKey] of [[plain, undefined], [obfuscated, key]] as const) {
      const entries = [...readBlkFile(file, { xorKey })];
      expect(entries).toHaveLength(255);
      let prev = GENESIS;
      for (const e of entries) {
        if (!e.ok) throw e.error;
        expect(e.network).toBe('mainnet');
        expect(e.block.header.prevHash).toBe(prev);
        prev = e.block.header.hash;
      }
    }
  });

  it('reads the same 255 blocks from 4 kB chunks, as a scan of a large file would', () => {
    const plain = bunzip('blocks1-256.bz2');
    const reader = new BlkReader();
    const hashes: string[] = [];
    for (let at = 0; at < plain.length; at += 4096) {
      reader.push(plain.subarray(at, at + 4096));
      for (const e of reader.drain()) hashes.push(e.ok ? e.block.header.hash : e.error.message);
    }
    reader.end();
    for (const e of reader.drain()) hashes.push(e.ok ? e.block.header.hash : e.error.message);
    expect(hashes).toEqual([...readBlkFile(plain)].map((e) => (e.ok ? e.block.header.hash : '')));
    expect(hashes).toHaveLength(255);
  });

  it('reads block 277647 with its 213 transactions and merkle root', () => {
    const entries = [...readBlkFile(bunzip('277647.dat.bz2'))];
    expect(entries).toHaveLength(1);
    const e = entries[0]!;
    if (!e.ok) throw e.error;
    expect(e.block.header.hash).toBe('0000000000000000054a714e580b16c583701712ab91060e92dbde6eb1e052a8');
    expect(e.block.transactions).toHaveLength(213);
  });
});
