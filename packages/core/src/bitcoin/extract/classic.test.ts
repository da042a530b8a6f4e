import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseTransaction } from '../transaction.js';
import { arc4 } from './arc4.js';
import { analyse } from './analyse.js';
import { decodeBase64 } from './base64.js';
import { findFile } from './carve.js';
import { extractCoinbase } from './coinbase.js';
import { crc32 } from './crc32.js';
import { MAX_OP_RETURN, extractOpReturn } from './op-return.js';
import { extractOutputPayloads } from './output-data.js';
import { extractP2shInputs } from './p2sh-input.js';
import { isValidPublicKey } from './pubkey.js';
import { isPushOnly, newOp, parseScript, readOp } from './script.js';
import { concatBytes, fakeTransaction, push, serialiseLegacy } from './tx-builder-test-helper.js';

const enc = (s: string) => new TextEncoder().encode(s);
const hex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'));
const G = '0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798';
const G_UNCOMPRESSED = '0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8';
const sig = concatBytes([0x30, 0x44], new Uint8Array(0x44).fill(0x11), [0x01]);
const p2pkh = (h: string) => concatBytes([0x76, 0xa9, 0x14], hex(h), [0x88, 0xac]);
const RANDOM_HASHES = ['62e907b15cbf27d5425399ebf6f0fb50ebb88f18', '031c79236ff3017496cf8d9a883f494458f245f2', '9a60246537feefd119999e8a3075b2d62eef365c'];

describe('script push reader', () => {
  it('reads direct pushes, PUSHDATA1/2/4 and reports a truncated push with the bytes present', () => {
    const script = concatBytes([0x02, 0xaa, 0xbb], [0x4c, 0x01, 0xcc], [0x4d, 0x01, 0x00, 0xdd], [0x4e, 0x01, 0, 0, 0, 0xee], [0x4c, 0x09, 0x01, 0x02]);
    const { ops } = parseScript(script);
    expect(ops.map((o) => [o.opcode, o.start, o.end, o.truncated])).toEqual([
      [0x02, 1, 3, false], [0x4c, 5, 6, false], [0x4d, 9, 10, false], [0x4e, 15, 16, false], [0x4c, 18, 20, true],
    ]);
    expect(ops[4]!.claimed).toBe(9);
    expect(isPushOnly(script)).toBe(false);
    expect(isPushOnly(script.subarray(0, 16))).toBe(true);
  });

  it('ends a PUSHDATA whose length field is cut, and reads non-push opcodes as one byte', () => {
    const op = newOp();
    expect(readOp(hex('4d01'), 0, op)).toBe(true);
    expect(op).toMatchObject({ truncated: true, next: 2 });
    expect(readOp(hex('ac'), 0, op)).toBe(true);
    expect(op).toMatchObject({ push: false, next: 1 });
    expect(readOp(hex(''), 0, op)).toBe(false);
  });
});

describe('small primitives', () => {
  it('CRC32 of "123456789" is cbf43926', () => expect(crc32(enc('123456789'))).toBe(0xcbf43926));
  it('ARC4 test vector (key "Key", "Plaintext")', () => expect(Buffer.from(arc4(enc('Key'), enc('Plaintext'))).toString('hex')).toBe('bbf316e8d940af0ad3'));
  it('base64 with and without padding; other characters refused', () => {
    expect(new TextDecoder().decode(decodeBase64(enc('aGVsbG8=')))).toBe('hello');
    expect(new TextDecoder().decode(decodeBase64(enc('aGVsbG8')))).toBe('hello');
    expect(decodeBase64(enc('aGV*bG8='))).toBeUndefined();
  });
  it('secp256k1: the generator in both forms is a key; a changed y, another x, a wrong prefix and zeros are not', () => {
    expect(isValidPublicKey(hex(G))).toBe(true);
    expect(isValidPublicKey(hex(G_UNCOMPRESSED))).toBe(true);
    expect(isValidPublicKey(hex(G_UNCOMPRESSED.slice(0, -2) + 'b9'))).toBe(false);
    expect(isValidPublicKey(hex('05' + G.slice(2)))).toBe(false);
    expect(isValidPublicKey(new Uint8Array(33))).toBe(false);
    // About half of all x are on the curve; G.x + 4 is not (x³ + 7 is no square mod p).
    expect(isValidPublicKey(hex(G.slice(0, -2) + '9c'))).toBe(false);
  });
});

describe('carving', () => {
  const gzip = concatBytes(hex('1f8b0800000000000003'), enc('deflate data'), hex('8f2a11ee00000500'));
  it('finds a gzip stream after an 8-byte header and keeps the zero bytes its length field may end in', () => {
    const data = concatBytes(hex('bb3a01000e0d2803'), gzip, new Uint8Array(21));
    const result = analyse(data);
    expect(result.kind).toBe('file');
    // Without inflating, the end of a gzip member is unknown: up to three zeros after the last
    // other byte are kept (ISIZE 0x00050000 ends in one; two padding zeros come along).
    expect(Buffer.from(result.bytes).equals(Buffer.from(concatBytes(gzip, [0, 0])))).toBe(true);
    expect(result.fields).toMatchObject({ carveOffset: 8, rawSize: data.length, detectedType: 'application/gzip' });
  });
  it('cuts a PNG at the end of its IEND chunk, however much padding follows', () => {
    const png = concatBytes(hex('89504e470d0a1a0a0000000d49484452'), new Uint8Array(17).fill(3), hex('0000000049454e44ae426082'));
    const result = analyse(concatBytes(hex('0102'), png, new Uint8Array(40).fill(0xff)));
    expect(Buffer.from(result.bytes).equals(Buffer.from(png))).toBe(true);
  });
  it('does not take two magic bytes in random data for a file', () => {
    expect(findFile(hex('1f8b' + '77'.repeat(18)), 8)).toBeUndefined();
    expect(findFile(hex('ffd8ff' + '12'.repeat(17)), 8)).toBeUndefined();
    expect(findFile(hex('4d5a' + '12'.repeat(80)), 8)).toBeUndefined();
  });
});

describe('coinbase', () => {
  const coinbaseTx = (scriptSig: Uint8Array) => fakeTransaction([{ prevTxid: new Uint8Array(32), vout: 0xffffffff, scriptSig }], [{ script: p2pkh(RANDOM_HASHES[0]!) }]);
  it('reports the text of a push, not the push length byte before it', () => {
    const found = extractCoinbase(coinbaseTx(concatBytes(push(hex('f8c208')), push(enc('Hello from the miner')))));
    expect(found).toHaveLength(1);
    expect(new TextDecoder().decode(found[0]!.bytes)).toBe('Hello from the miner');
  });
  it('reports nothing for height and extra nonce alone', () => {
    expect(extractCoinbase(coinbaseTx(concatBytes(push(hex('f8c208')), push(hex('a1b2c3d4e5f60718')))))).toEqual([]);
  });
  it('is only for coinbase transactions', () => {
    expect(extractCoinbase(fakeTransaction([{ scriptSig: push(enc('Hello from the miner')) }], []))).toEqual([]);
  });
});

describe('OP_RETURN', () => {
  const tx = (...scripts: Uint8Array[]) => fakeTransaction([{ scriptSig: new Uint8Array() }], scripts.map((script) => ({ script })));
  it('concatenates every push, PUSHDATA2 included, and counts small-number opcodes as one byte', () => {
    const big = new Uint8Array(300).fill(0x41);
    const [p] = extractOpReturn(tx(concatBytes([0x6a, 0x5d], push(enc('rune')), push(big))));
    expect(p!.bytes.length).toBe(1 + 4 + 300);
    expect(p!.bytes[0]).toBe(13);
    expect(p!.place).toEqual({ kind: 'output', index: 0 });
  });
  it('stops at a non-push opcode and at a truncated push, with notes', () => {
    const [a] = extractOpReturn(tx(concatBytes([0x6a], push(enc('abc')), [0xac], push(enc('def')))));
    expect(new TextDecoder().decode(a!.bytes)).toBe('abc');
    expect(a!.notes![0]).toMatch(/opcode 0xac at offset 5 ends the data/);
    const [b] = extractOpReturn(tx(hex('6a4c10616263')));
    expect(new TextDecoder().decode(b!.bytes)).toBe('abc');
    expect(b!.notes![0]).toMatch(/claims 16 bytes, 3 present/);
  });
  it('keeps 100,000 bytes of a larger OP_RETURN and says so', () => {
    const [p] = extractOpReturn(tx(concatBytes([0x6a], push(new Uint8Array(70_000).fill(1)), push(new Uint8Array(70_000).fill(2)))));
    expect(p!.bytes.length).toBe(MAX_OP_RETURN);
    expect(p!.bytes[MAX_OP_RETURN - 1]).toBe(2);
    expect(p!.notes).toContain('truncated at 100000 bytes (140000 pushed)');
  });
  it('leaves out empty OP_RETURNs and the coinbase witness commitment', () => {
    expect(extractOpReturn(tx(hex('6a'), hex('6a00')))).toEqual([]);
    const commitment = concatBytes(hex('6a24aa21a9ed'), new Uint8Array(32).fill(5));
    const coinbase = fakeTransaction([{ prevTxid: new Uint8Array(32), vout: 0xffffffff, scriptSig: hex('03f8c208') }], [{ script: commitment }]);
    expect(extractOpReturn(coinbase)).toEqual([]);
  });
});

describe('output data', () => {
  it('ordinary payments give nothing: P2PKH, P2SH, P2WSH, P2PK and multisig with real keys', () => {
    const outputs = [
      p2pkh(RANDOM_HASHES[0]!), p2pkh(RANDOM_HASHES[1]!),
      concatBytes([0xa9, 0x14], hex(RANDOM_HASHES[2]!), [0x87]),
      concatBytes([0x00, 0x20], hex(RANDOM_HASHES[0]! + RANDOM_HASHES[1]!.slice(0, 24))),
      concatBytes([0x21], hex(G), [0xac]),
      concatBytes([0x51], push(hex(G)), push(hex(G_UNCOMPRESSED)), [0x52, 0xae]),
    ];
    expect(extractOutputPayloads(fakeTransaction([{ scriptSig: new Uint8Array() }], outputs.map((script) => ({ script }))))).toEqual([]);
  });
  it('reports text written across consecutive P2PKH hashes, change output left out', () => {
    const text = 'Data in fake key hashes is text too, padded.';
    const data = concatBytes(enc(text), new Uint8Array(60 - text.length));
    const outputs = [0, 1, 2].map((i) => ({ script: concatBytes([0x76, 0xa9, 0x14], data.subarray(i * 20, i * 20 + 20), [0x88, 0xac]) }));
    outputs.push({ script: p2pkh(RANDOM_HASHES[0]!) });
    const found = extractOutputPayloads(fakeTransaction([{ scriptSig: new Uint8Array() }], outputs));
    expect(found).toHaveLength(1);
    expect(new TextDecoder().decode(found[0]!.bytes)).toBe(text);
    expect(found[0]!.place).toEqual({ kind: 'outputs', first: 0, last: 2 });
  });
  it('reports a verified uploader record in P2PKH hashes as satoshi-uploader', () => {
    const body = new Uint8Array(50).map((_, i) => (i * 37 + 11) & 0xff);
    const record = concatBytes(new Uint8Array(new Uint32Array([50, crc32(body)]).buffer), body, new Uint8Array(2));
    const outputs = [0, 1, 2].map((i) => ({ script: concatBytes([0x76, 0xa9, 0x14], record.subarray(i * 20, i * 20 + 20), [0x88, 0xac]) }));
    const found = extractOutputPayloads(fakeTransaction([{ scriptSig: new Uint8Array() }], outputs));
    expect(found.map((p) => p.method)).toEqual(['satoshi-uploader']);
    expect(Buffer.from(found[0]!.bytes).equals(Buffer.from(body))).toBe(true);
  });
  it('finds an uploader record in fake multisig keys after a real P2PK output', () => {
    const body = enc('#!/usr/bin/python3\nprint("a file stored in fake multisig keys")\n');
    const record = concatBytes(new Uint8Array(new Uint32Array([body.length, crc32(body)]).buffer), body);
    const keys = concatBytes(record, new Uint8Array(195 - record.length));
    const multisig = concatBytes([0x51], push(keys.subarray(0, 65)), push(keys.subarray(65, 130)), push(keys.subarray(130)), [0x53, 0xae]);
    const found = extractOutputPayloads(fakeTransaction([{ scriptSig: new Uint8Array() }], [{ script: concatBytes([0x21], hex(G), [0xac]) }, { script: multisig }]));
    expect(found.map((p) => [p.method, new TextDecoder().decode(p.bytes)])).toEqual([['satoshi-uploader', new TextDecoder().decode(body)]]);
    expect(found[0]!.place).toEqual({ kind: 'outputs', first: 1, last: 1 });
  });
  it('does not report a lone random P2WSH as an OLGA stamp, even when its length prefix fits', () => {
    const program = hex('0010' + 'c3'.repeat(30));
    expect(extractOutputPayloads(fakeTransaction([{ scriptSig: new Uint8Array() }], [{ script: concatBytes([0, 0x20], program) }]))).toEqual([]);
  });
});

describe('P2SH input data', () => {
  const key = hex(G);
  it('reports data dropped in a redeem script (<data> OP_DROP <key> OP_CHECKSIG) and pushed before it', () => {
    const data = enc('A message stored in a P2SH redeem script, dropped before the check.');
    const redeem = concatBytes(push(data), [0x75], push(key), [0xac]);
    const stash = enc('and a second piece pushed before the redeem script itself.');
    const found = extractP2shInputs(fakeTransaction([{ scriptSig: concatBytes(push(stash), push(sig), push(redeem)) }], []));
    expect(found).toHaveLength(1);
    expect(new TextDecoder().decode(found[0]!.bytes)).toBe(new TextDecoder().decode(stash) + new TextDecoder().decode(data));
    expect(found[0]!.place).toEqual({ kind: 'input', index: 0 });
  });
  it('gives nothing for P2PKH, P2SH multisig and P2SH-wrapped segwit spends', () => {
    const multisig = concatBytes([0x52], push(key), push(hex(G_UNCOMPRESSED)), push(key), [0x53, 0xae]);
    const inputs = [
      { scriptSig: concatBytes(push(sig), push(key)) },
      { scriptSig: concatBytes([0x00], push(sig), push(sig), push(multisig)) },
      { scriptSig: push(concatBytes([0x00, 0x14], new Uint8Array(20).fill(4))) },
      { scriptSig: push(concatBytes([0x00, 0x20], new Uint8Array(32).fill(4))) },
    ];
    expect(extractP2shInputs(fakeTransaction(inputs, []))).toEqual([]);
  });
});

describe('a whole raw transaction', () => {
  it('parses and extracts an OP_RETURN and fake-key text from serialised bytes', () => {
    const text = enc('midasrezerv.com/reports/amst-iss-00001.zip');
    const keys = concatBytes(new Uint8Array(20), text, new Uint8Array(37));
    const multisig = concatBytes([0x51], push(keys.subarray(0, 33)), push(keys.subarray(33, 66)), push(keys.subarray(66, 99)), [0x53, 0xae]);
    const raw = serialiseLegacy([{ scriptSig: concatBytes(push(sig), push(hex(G))) }], [{ script: multisig }, { script: concatBytes([0x6a], push(enc('hi there'))) }]);
    const tx = parseTransaction(raw);
    const out = extractOutputPayloads(tx);
    expect(out.map((p) => [p.method, new TextDecoder().decode(p.bytes)])).toEqual([['output-data', 'midasrezerv.com/reports/amst-iss-00001.zip']]);
    expect(createHash('sha256').update(out[0]!.bytes).digest('hex')).toBe('023013f4c599c41705e1c7f3a59ba62449b71851edf23087072f295a1ebbb8dc');
    expect(extractOpReturn(tx).map((p) => new TextDecoder().decode(p.bytes))).toEqual(['hi there']);
  });
});
