import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readBlkFile } from '../blk-file.js';
import { parseBlock } from '../block.js';
import { parseTransaction, type Transaction } from '../transaction.js';
import { CLASSIC_EXTRACTORS } from './classic.js';
import { crc32 } from './crc32.js';
import { readJsonTransaction } from '../json-tx.js';
import { concatBytes, push, serialiseLegacy, type RawOutput } from './tx-builder-test-helper.js';
import type { ExtractedPayload } from './payload.js';

// The classic extractors on the real transactions of ../shared/testdata/chain (read in place,
// never copied): every MANIFEST payload of these methods comes out with its size and SHA-256.
const testdata = process.env.CROSSCHECK_TESTDATA ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../../shared/testdata');
const dir = join(testdata, 'chain');
const present = existsSync(join(dir, 'MANIFEST.json'));
if (!present) console.warn(`skipping classic extractor tests on real transactions: ${dir} is absent`);

interface Expected { size?: number; sha256?: string; gzip_size?: number; gzip_sha256?: string; text?: string; expected_file?: string }
interface ManifestTx { file: string | null; txid: string; insertion_method: string; expected_payload: Expected }
const manifest = present ? (JSON.parse(readFileSync(join(dir, 'MANIFEST.json'), 'utf8')) as { transactions: ManifestTx[] }) : { transactions: [] };

function classic(tx: Transaction): ExtractedPayload[] {
  return CLASSIC_EXTRACTORS.flatMap((extract) => extract(tx));
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function load(file: string): Transaction {
  const text = readFileSync(join(dir, file), 'utf8');
  if (file.endsWith('.hex')) return parseTransaction(text);
  // Either JSON shape, read (and its txid checked) by the scanner's own reader.
  return readJsonTransaction(JSON.parse(text)).tx;
}

/** MANIFEST entries carried by a classic method, with the method expected. */
function expectedMethod(t: ManifestTx): string | undefined {
  const m = t.insertion_method;
  if (m.startsWith('stamps (OLGA')) return m.includes('SRC-20') ? 'src-20' : 'stamp-olga';
  if (m.startsWith('stamps/SRC-20')) return 'src-20';
  if (m.startsWith('stamps (classic)')) return 'stamp';
  if (m.includes('Satoshi uploader')) return 'satoshi-uploader';
  // The Linpyro gzip also sits in an uploader record (length 80,571 and its CRC32 are the 8-byte header).
  if (m.startsWith('bare multisig P2MS (414 x')) return 'satoshi-uploader';
  if (m.startsWith('bare multisig')) return 'output-data';
  if (m.startsWith('coinbase (scriptSig')) return 'coinbase';
  if (m.includes('+ OP_RETURN') && t.file?.endsWith('.hex')) return 'op-return';
  return undefined;
}

describe.skipIf(!present)('classic extractors on the MANIFEST transactions', () => {
  const entries = manifest.transactions.filter((t) => t.file !== null && expectedMethod(t) !== undefined);

  it('covers every classic MANIFEST entry that has a transaction', () => {
    expect(entries.length).toBe(20);
  });

  for (const t of entries) {
    it(`${t.txid.slice(0, 12)}… (${t.insertion_method.slice(0, 50)}) → ${expectedMethod(t)}`, () => {
      let tx: Transaction;
      if (t.file === 'bitcoinjs/block.json') {
        const valid = (JSON.parse(readFileSync(join(dir, t.file), 'utf8')) as { valid: { description: string; hex: string }[] }).valid;
        tx = parseBlock(valid.find((v) => v.description === 'Genesis Block')!.hex).transactions[0]!;
      } else tx = load(t.file!);
      expect(tx.txid).toBe(t.txid);
      const found = classic(tx);
      const want = t.expected_payload;
      const sha = want.gzip_sha256 ?? want.sha256!;
      const size = want.gzip_size ?? want.size!;
      const hit = found.filter((p) => sha256(p.bytes) === sha);
      expect(hit.map((p) => p.method), JSON.stringify(found.map((p) => ({ m: p.method, n: p.bytes.length, place: p.place, notes: p.notes })))).toEqual([expectedMethod(t)]);
      expect(hit[0]!.bytes.length).toBe(size);
      if (want.text !== undefined) expect(new TextDecoder().decode(hit[0]!.bytes)).toBe(want.text);
      // One finding per payload: a stamp's outputs are not reported again as output data.
      expect(found.filter((p) => p.method === 'output-data' || p.method === 'satoshi-uploader').length).toBeLessThanOrEqual(1);
      if (expectedMethod(t)!.startsWith('st') || expectedMethod(t) === 'src-20') expect(found.filter((p) => p.method === 'output-data')).toEqual([]);
    });
  }
});

describe.skipIf(!present)('the Bitcoin whitepaper upload (tx 54e48e5f…, raw transaction not in the test data)', () => {
  // The real layout, from the transaction as published: 945 outputs 1-of-3 bare multisig with three
  // 65-byte "keys" and one 1-of-1 with a 33-byte key, 1 satoshi each, then two P2PKH outputs. The
  // keys hold an uploader record (uint32le length 184,292, uint32le CRC32 0x13af7d06, the PDF)
  // and 8 zero bytes of padding: 945 × 195 + 33 = 184,308 = 8 + 184,292 + 8.
  const entry = manifest.transactions.find((t) => t.txid.startsWith('54e48e5f'));
  const pdf = entry ? new Uint8Array(readFileSync(join(dir, entry.expected_payload.expected_file!))) : new Uint8Array();

  function whitepaperTx(mutate?: (data: Uint8Array) => void): Transaction {
    const data = new Uint8Array(945 * 195 + 33);
    new DataView(data.buffer).setUint32(0, pdf.length, true);
    new DataView(data.buffer).setUint32(4, crc32(pdf), true);
    data.set(pdf, 8);
    mutate?.(data);
    const outputs: RawOutput[] = [];
    for (let i = 0; i < 945; i++) {
      const k = (j: number) => data.subarray(i * 195 + j * 65, i * 195 + (j + 1) * 65);
      outputs.push({ script: concatBytes([0x51], push(k(0)), push(k(1)), push(k(2)), [0x53, 0xae]) });
    }
    outputs.push({ script: concatBytes([0x51], push(data.subarray(945 * 195)), [0x51, 0xae]) });
    // The two P2PKH outputs of the real transaction (donation address, change).
    const p2pkh = (h: string) => concatBytes([0x76, 0xa9, 0x14], Buffer.from(h, 'hex'), [0x88, 0xac]);
    outputs.push({ script: p2pkh('62e907b15cbf27d5425399ebf6f0fb50ebb88f18') }, { script: p2pkh('031c79236ff3017496cf8d9a883f494458f245f2'), value: 5_000_000n });
    const sig = concatBytes([0x30, 0x44], new Uint8Array(0x44).fill(1), [0x01]);
    const key = concatBytes([0x02], new Uint8Array(32).fill(9));
    return parseTransaction(serialiseLegacy([{ scriptSig: concatBytes(push(sig), push(key)) }], outputs));
  }

  it('gives the PDF byte-exact as a satoshi-uploader payload over outputs 0–945', () => {
    expect(pdf.length).toBe(entry!.expected_payload.size);
    const tx = whitepaperTx();
    expect(tx.outputs).toHaveLength(948);
    const found = classic(tx);
    expect(found.map((p) => p.method)).toEqual(['satoshi-uploader']);
    expect(sha256(found[0]!.bytes)).toBe(entry!.expected_payload.sha256);
    expect(found[0]!.place).toEqual({ kind: 'outputs', first: 0, last: 945 });
    expect(found[0]!.fields).toMatchObject({ declaredLength: 184_292, crc32: '13af7d06' });
  });

  it('carves the same PDF out of the 8-byte header when the CRC32 does not verify (output-data)', () => {
    const tx = whitepaperTx((data) => { data[4] = data[4]! ^ 0xff; });
    const found = classic(tx);
    expect(found.map((p) => p.method)).toEqual(['output-data']);
    expect(sha256(found[0]!.bytes)).toBe(entry!.expected_payload.sha256);
    expect(found[0]!.fields).toMatchObject({ carveOffset: 8, rawSize: 945 * 195 + 33, detectedType: 'application/pdf' });
  });
});

describe.skipIf(!present)('classic extractors on real blocks: only OP_RETURN and coinbase data', () => {
  function counts(file: string): { counts: Record<string, number>; coinbase: string } {
    const block = parseBlock(new Uint8Array(readFileSync(join(dir, file))));
    const tally: Record<string, number> = {};
    let coinbase = '';
    for (const tx of block.transactions) {
      for (const p of classic(tx)) {
        tally[p.method] = (tally[p.method] ?? 0) + 1;
        if (p.method === 'coinbase') coinbase = new TextDecoder().decode(p.bytes);
      }
    }
    return { counts: tally, coinbase };
  }

  it('block 574,200 (3,315 transactions): its 976 OP_RETURN outputs less the witness commitment, and the pool tag', () => {
    // 544 VeriBlock proofs, 418 Omni, 13 others; the coinbase's aa21a9ed commitment is left out.
    // 4,035 P2PKH, 2,601 P2SH, 58 P2WSH and 38 P2PK outputs (one real pool key) give nothing.
    const { counts: c, coinbase } = counts('btcd/block-0000000000000000001602407ac49862a7bca9d00f7f402db20b7be2f5de59d2.blk');
    expect(c).toEqual({ coinbase: 1, 'op-return': 975 });
    expect(coinbase).toBe('/BTC.COM/');
  });

  it('block 702,861 (2,500 transactions): 23 OP_RETURN outputs less the witness commitment, and the pool tag', () => {
    // MANIFEST counts 14 "bare multisig" outputs: they are P2WPKH/P2WSH outputs whose last byte
    // happens to be 0xae (OP_CHECKMULTISIG); none is multisig and none gives a finding.
    const { counts: c, coinbase } = counts('rust-bitcoin/mainnet_block_000000000000000000000c835b2adcaedc20fdf6ee440009c249452c726dafae.raw');
    expect(c).toEqual({ coinbase: 1, 'op-return': 22 });
    expect(coinbase).toBe('binance/fr214');
  });
});

const haveBzip2 = (() => { try { execFileSync('bzip2', ['--help'], { stdio: 'ignore' }); return true; } catch { return false; } })();
if (present && !haveBzip2) console.warn('skipping classic extractors on btcd blk files: no bzip2 program');

describe.skipIf(!present || !haveBzip2)('classic extractors on btcd blk files (blocks 1–255 and 277,647)', () => {
  function tally(file: string): { counts: Record<string, number>; texts: string[]; txs: number } {
    const plain = new Uint8Array(execFileSync('bzip2', ['-dc', join(dir, file)], { maxBuffer: 1 << 24 }));
    const counts: Record<string, number> = {};
    const texts: string[] = [];
    let txs = 0;
    for (const entry of readBlkFile(plain)) {
      if (!entry.ok) continue;
      for (const tx of entry.block.transactions) {
        txs++;
        for (const p of classic(tx)) {
          counts[p.method] = (counts[p.method] ?? 0) + 1;
          texts.push(new TextDecoder().decode(p.bytes));
        }
      }
    }
    return { counts, texts, txs };
  }

  it('blocks 1–255: 262 transactions, P2PK outputs with real keys and short coinbases, nothing found', () => {
    const { counts, txs } = tally('btcd/blocks1-256.bz2');
    expect(txs).toBe(262);
    expect(counts).toEqual({});
  });

  it('block 277,647: only its coinbase pool tag', () => {
    const { counts, texts } = tally('btcd/277647.dat.bz2');
    expect(counts).toEqual({ coinbase: 1 });
    expect(texts[0]).toMatch(/^Mined by BTC Guild/);
  });
});

describe.skipIf(!present)('the negative coinbase fixture (afbac5…, block 821,303)', () => {
  it('gives no OP_RETURN finding for its witness commitment, only the coinbase text if any', () => {
    const tx = load('ordpool-parser/tx/tx_afbac5a72d789123b003a0c5b14d1a37301932937d124bab5794201827daf057.json');
    expect(tx.txid).toBe('afbac5a72d789123b003a0c5b14d1a37301932937d124bab5794201827daf057');
    expect(tx.outputs.some((o) => o.scriptPubKey[0] === 0x6a)).toBe(true);
    const methods = classic(tx).map((p) => p.method);
    expect(methods.filter((m) => m !== 'coinbase')).toEqual([]);
  });
});
