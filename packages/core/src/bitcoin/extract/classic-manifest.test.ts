import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBlock } from '../block.js';
import { parseTransaction, type Transaction } from '../transaction.js';
import { CLASSIC_EXTRACTORS } from './classic.js';
import { serialiseEsplora } from './esplora-test-helper.js';
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
  const json = JSON.parse(text) as { hex?: string };
  return parseTransaction(json.hex ?? serialiseEsplora(json));
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
