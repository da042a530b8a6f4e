import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { detectFormat, readInputs, ScanInputError, type ScanItem } from './file-sources.js';

// Real blocks and transactions of ../shared/testdata/chain, written to a temporary folder in the
// layouts a scan meets (a Bitcoin Core blocks folder with xor.dat, hex files, JSON lines); the
// data itself stays outside the repository. Without it (or bzip2) these tests skip and say so.
const testdata = process.env.CROSSCHECK_TESTDATA ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/testdata');
const dir = join(testdata, 'chain');
const haveBzip2 = (() => { try { execFileSync('bzip2', ['--help'], { stdio: 'ignore' }); return true; } catch { return false; } })();
const present = existsSync(join(dir, 'MANIFEST.json')) && haveBzip2;
if (!present) console.warn(`skipping chain file source tests: ${dir} or the bzip2 program is absent`);

const work = mkdtempSync(join(tmpdir(), 'crosscheck-sources-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function all(paths: string[]): Promise<ScanItem[]> {
  const out: ScanItem[] = [];
  for await (const item of readInputs(paths)) out.push(item);
  return out;
}
const summary = (items: ScanItem[]) => items.map((i) => (i.kind === 'block' ? `block ${i.block.header.hash.slice(-8)}` : i.kind === 'tx' ? `tx ${i.tx.txid.slice(0, 8)}` : `${i.kind}`));

describe('format detection', () => {
  it('tells blk framing (also obfuscated), JSON, hex and raw apart, and names what it refuses', () => {
    const magic = Uint8Array.of(0xf9, 0xbe, 0xb4, 0xd9, 1, 0, 0, 0);
    expect(detectFormat(magic)).toEqual({ format: 'blk' });
    const key = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8);
    expect(detectFormat(magic.map((b, i) => b ^ key[i]!), key)).toEqual({ format: 'blk' });
    expect(detectFormat(new TextEncoder().encode('\n [{"txid": 1}]'))).toEqual({ format: 'json' });
    expect(detectFormat(new TextEncoder().encode('0100'.repeat(40)))).toEqual({ format: 'hex' });
    expect(detectFormat(Uint8Array.from({ length: 100 }, (_, i) => (i < 4 ? [2, 0, 0, 0][i]! : 7)))).toEqual({ format: 'raw' });
    expect(detectFormat(Uint8Array.of(0x1f, 0x8b, 8, 0))).toEqual({ reason: 'gzip-compressed: decompress it first' });
    expect(detectFormat(new TextEncoder().encode('# A README file, not chain data at all, written by someone for people to read.'))).toHaveProperty('reason');
    expect(detectFormat(new Uint8Array(0))).toEqual({ reason: 'empty file' });
  });
});

describe('inputs that cannot be read', () => {
  it('a missing path, or a file of no known format named alone, is a ScanInputError saying what is read', async () => {
    await expect(all([join(work, 'missing.dat')])).rejects.toThrow(/cannot read .*missing\.dat: no such file or folder/);
    const readme = join(work, 'README.md');
    writeFileSync(readme, '# Notes about this folder, in plain words, with nothing from a blockchain in them.\n');
    await expect(all([readme])).rejects.toThrow(ScanInputError);
    await expect(all([readme])).rejects.toThrow(/not a format the scanner reads/);
  });
});

describe.skipIf(!present)('chain files of ../shared/testdata/chain', () => {
  const blocks = present ? new Uint8Array(execFileSync('bzip2', ['-dc', join(dir, 'btcd/blocks1-256.bz2')], { maxBuffer: 1 << 26 })) : new Uint8Array();

  it('reads a Bitcoin Core blocks folder: blk files de-obfuscated with its xor.dat, rev files and index left alone', async () => {
    const core = join(work, 'blocks');
    mkdirSync(join(core, 'index'), { recursive: true });
    const key = Uint8Array.of(0x9c, 0x00, 0x41, 0xe7, 0x01, 0xfe, 0x33, 0x80);
    writeFileSync(join(core, 'xor.dat'), key);
    writeFileSync(join(core, 'blk00000.dat'), blocks.map((b, i) => b ^ key[i % key.length]!));
    writeFileSync(join(core, 'rev00000.dat'), Uint8Array.of(1, 2, 3));
    writeFileSync(join(core, 'index', 'CURRENT'), 'MANIFEST-000001\n');
    const items = await all([core]);
    expect(items).toHaveLength(255);
    expect(items.every((i) => i.kind === 'block' && i.height === null)).toBe(true); // version 1 blocks state no height
    expect(summary(items)[0]).toBe('block 18eb6048'); // block 1, 00000000839a8e6886ab5951d76f411475428afc90947ee320161bbf18eb6048
  });

  it('reports a damaged block with its place and goes on with the next one', async () => {
    const damaged = blocks.slice();
    // Block 3's record starts after the first two; its first transaction's version byte region is overwritten.
    const second = 8 + (blocks[4]! | (blocks[5]! << 8));
    const third = second + 8 + (blocks[second + 4]! | (blocks[second + 5]! << 8));
    damaged.fill(0xff, third + 8 + 81, third + 8 + 90);
    const file = join(work, 'damaged.dat');
    writeFileSync(file, damaged);
    const items = await all([file]);
    expect(items).toHaveLength(255);
    const errors = items.filter((i) => i.kind === 'error');
    expect(errors).toHaveLength(1);
    expect(items[2]!.kind).toBe('error');
    expect(errors[0]).toMatchObject({ source: file });
    expect((errors[0] as { message: string }).message).toMatch(/block [0-9a-f]{64}.*tx 0.*offset \d+/);
  });

  it('reads raw blocks, hex transactions and JSON lines of transactions, with the height and block they state', async () => {
    const jsonDir = join(dir, 'ordpool-parser/tx');
    const a = JSON.parse(readFileSync(join(jsonDir, 'tx_c1e013bdd1434450c6e1155417c81eb888e20cbde2e0cde37ec238d91cf37045.json'), 'utf8'));
    const b = JSON.parse(readFileSync(join(dir, 'data-carry-research/datastorage/nulldata_9cf7c3fc.json'), 'utf8'));
    const lines = join(work, 'txs.jsonl');
    writeFileSync(lines, `${JSON.stringify(a)}\n${JSON.stringify(b)}\n`);
    const hexTx = join(work, 'tx.hex');
    writeFileSync(hexTx, `${b.hex}\n`);
    const raw = join(dir, 'rust-bitcoin/mainnet_block_000000000000000000000c835b2adcaedc20fdf6ee440009c249452c726dafae.raw');
    const items = await all([lines, hexTx, raw]);
    expect(summary(items)).toEqual(['tx c1e013bd', 'tx 9cf7c3fc', 'tx 9cf7c3fc', 'block 726dafae']);
    expect(items[0]).toMatchObject({ height: 779778, blockHash: a.status.block_hash });
    expect(items[3]).toMatchObject({ height: 702861 }); // from the coinbase (BIP 34)
  });
});
