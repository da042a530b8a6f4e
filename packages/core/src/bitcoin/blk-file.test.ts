import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlkReader, readBlkFile, type BlkEntry, type BlkOptions } from './blk-file.js';
import { parseBlock } from './block.js';
import { hexToBytesChecked } from './hash.js';

// A hand-made blk*.dat built in the test from real blocks of ../shared/testdata/chain (never
// copied into the repository): skipped, with a message, when that data is absent.
const testdata = process.env.CROSSCHECK_TESTDATA ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/testdata');
const fixtureFile = join(testdata, 'chain/bitcoinjs/block.json');
const present = existsSync(fixtureFile);
if (!present) console.warn(`skipping blk*.dat tests: ${fixtureFile} is absent`);

const MAINNET = [0xf9, 0xbe, 0xb4, 0xd9];
const TESTNET3 = [0x0b, 0x11, 0x09, 0x07];

function blocks(): Record<'genesis' | 'small' | 'witness', Uint8Array> {
  const valid = (JSON.parse(readFileSync(fixtureFile, 'utf8')) as { valid: { description: string; hex: string }[] }).valid;
  const hex = (d: string) => hexToBytesChecked(valid.find((v) => v.description === d)!.hex);
  return { genesis: hex('Genesis Block'), small: hex('Block (~3 KiB)'), witness: hex('Block with witness commit') };
}

function record(magic: number[], block: Uint8Array, length = block.length): Uint8Array {
  const out = new Uint8Array(8 + block.length);
  out.set(magic, 0);
  new DataView(out.buffer).setUint32(4, length, true);
  out.set(block, 8);
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** Obfuscate as Bitcoin Core does: XOR with the key at file offset modulo its length. */
function xor(file: Uint8Array, key: Uint8Array): Uint8Array {
  return file.map((b, i) => b ^ key[i % key.length]!);
}

const summary = (entries: BlkEntry[]) =>
  entries.map((e) => e.ok
    ? { ok: true, offset: e.offset, hash: e.block.header.hash }
    : { ok: false, offset: e.offset, code: e.error.code, blockHash: e.error.blockHash, txIndex: e.error.txIndex, errorOffset: e.error.offset });

/** The hand-made obfuscated file of the first test, with the key and where its parts start. */
function handMade() {
  const { genesis, small, witness } = blocks();
  const smallParsed = parseBlock(small);
  // Corrupt block: transaction 1's first scriptSig claims 4 GB.
  const corrupt = Uint8Array.from(small);
  const lenAt = smallParsed.transactions[1]!.inputs[0]!.offset + 36;
  corrupt.set([0xfe, 0xff, 0xff, 0xff, 0xff], lenAt);
  const r1 = record(MAINNET, genesis);
  const r2 = record(MAINNET, corrupt);
  const garbage = Uint8Array.from([1, 2, 3, 4, 5, 6, 7]);
  const r3 = record(MAINNET, witness);
  const plain = concat(r1, r2, garbage, r3, new Uint8Array(4096));
  const key = Uint8Array.from([0x5a, 0x13, 0xc4, 0x00, 0xff, 0x81, 0x27, 0x9e]);
  return { file: xor(plain, key), key, smallParsed, lenAt, r2at: r1.length, garbageAt: r1.length + r2.length, garbage };
}

/** Feeds a file to BlkReader in the given chunk sizes; checks the reader never holds more than
 *  one record plus one chunk. */
function readInChunks(file: Uint8Array, sizes: number[], options: BlkOptions): BlkEntry[] {
  const reader = new BlkReader(options);
  const entries: BlkEntry[] = [];
  let at = 0;
  for (let k = 0; at < file.length; k++) {
    const size = sizes[k % sizes.length]!;
    reader.push(file.subarray(at, at + size));
    at += size;
    entries.push(...reader.drain());
    expect(reader.buffered).toBeLessThanOrEqual(8 + 4000 + size);
  }
  reader.end();
  entries.push(...reader.drain());
  return entries;
}

describe.skipIf(!present)('Bitcoin Core blk*.dat framing', () => {
  it('gives the same entries when the file arrives in chunks of any size, holding at most one record', () => {
    const { file, key } = handMade();
    const whole = summary([...readBlkFile(file, { xorKey: key })]);
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 5 }), (sizes) => {
      expect(summary(readInChunks(file, sizes, { xorKey: key, maxBlockSize: 4000 }))).toEqual(whole);
    }), { numRuns: 100 });
  });

  it('reads an obfuscated file: a good block, a corrupt one named by offset, hash and tx, garbage skipped to the next magic, padding ignored', () => {
    const { file, key, smallParsed, lenAt, r2at, garbageAt, garbage } = handMade();
    const entries = [...readBlkFile(file, { xorKey: key })];
    expect(summary(entries)).toEqual([
      { ok: true, offset: 0, hash: '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f' },
      { ok: false, offset: r2at, code: 'length-too-large', blockHash: smallParsed.header.hash, txIndex: 1, errorOffset: r2at + 8 + lenAt },
      { ok: false, offset: garbageAt, code: 'bad-magic', blockHash: undefined, txIndex: undefined, errorOffset: garbageAt },
      { ok: true, offset: garbageAt + garbage.length, hash: '000000000000000000143a2c56c0214236dadfd30df41d4a0345492ad6d861ec' },
    ]);
    const first = entries[0]!;
    expect(first.ok && first.network).toBe('mainnet');
    // Offsets inside a block are file offsets.
    expect(first.ok && first.block.transactions[0]!.offset).toBe(8 + 81);
    const bad = entries[1]!;
    expect(!bad.ok && bad.error.message).toMatch(new RegExp(`block ${smallParsed.header.hash}, tx 1, offset ${r2at + 8 + lenAt}`));
  });

  it('reads the same file without xor.dat when the key is all zero, and names the record whose length lies', () => {
    const { genesis, small } = blocks();
    const lying = record(TESTNET3, genesis, 0xffffffff);
    const file = concat(lying, record(TESTNET3, small));
    const entries = [...readBlkFile(file, { xorKey: new Uint8Array(8) })];
    expect(summary(entries).map((e) => [e.ok, e.offset, 'code' in e ? e.code : undefined])).toEqual([
      [false, 0, 'bad-block-length'],
      [true, lying.length, undefined],
    ]);
    expect(entries[1]!.ok && entries[1]!.network).toBe('testnet3');
  });

  it('reports an obfuscated file read without its key as bad magic, never as a crash', () => {
    const { genesis } = blocks();
    const key = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const entries = [...readBlkFile(xor(record(MAINNET, genesis), key))];
    expect(entries.every((e) => !e.ok)).toBe(true);
    expect(entries[0]!.ok ? '' : entries[0]!.error.code).toBe('bad-magic');
  });
});
