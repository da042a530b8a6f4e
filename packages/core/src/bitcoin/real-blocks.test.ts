import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBlock } from './block.js';
import { pureSha256, type Sha256 } from './hash.js';
import { ChainReadError } from './errors.js';
import { parseTransaction } from './transaction.js';

// Real blocks and transactions in ../shared/testdata/chain, read where they are and never copied
// into the repository. Without them these tests are skipped, and say so.
const testdata = process.env.CROSSCHECK_TESTDATA ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/testdata');
const dir = join(testdata, 'chain');
const present = existsSync(join(dir, 'MANIFEST.json'));
if (!present) console.warn(`skipping real Bitcoin block tests: ${dir} is absent`);

interface ManifestBlock { file: string; format: string; hash?: string; tx_count?: number }
interface ManifestTx { file?: string; txid: string; expected_payload?: { raw_tx_size?: number } }
const manifest = present
  ? (JSON.parse(readFileSync(join(dir, 'MANIFEST.json'), 'utf8')) as { blocks: ManifestBlock[]; transactions: ManifestTx[] })
  : { blocks: [], transactions: [] };

describe.skipIf(!present)('real Bitcoin blocks of ../shared/testdata/chain', () => {
  const rawBlocks = manifest.blocks.filter((b) => b.format === 'raw block');

  it('lists the raw blocks it reads', () => {
    expect(rawBlocks.map((b) => b.file).sort()).toEqual([
      expect.stringMatching(/^btcd\/block-0+1602407a.*\.blk$/),
      expect.stringMatching(/^rust-bitcoin\/mainnet_block_0+c835b2a.*\.raw$/),
    ]);
  });

  it('hashes nothing while reading without the merkle check, and names a txid through the SHA-256 it was given', () => {
    const expected = rawBlocks[0]!;
    const bytes = new Uint8Array(readFileSync(join(dir, expected.file)));
    let calls = 0;
    const counting: Sha256 = (parts) => {
      calls++;
      return pureSha256(parts);
    };
    const lazy = parseBlock(bytes, { verifyMerkle: false, sha256: counting });
    expect(calls).toBe(2); // the header's hash only
    const checked = parseBlock(bytes);
    const last = lazy.transactions.length - 1;
    expect(lazy.transactions[last]!.txid).toBe(checked.transactions[last]!.txid);
    expect(calls).toBe(4);
    expect(lazy.transactions[last]!.txid).toBe(checked.transactions[last]!.txid); // computed once
    expect(calls).toBe(4);
  });

  for (const expected of rawBlocks) {
    it(`parses ${expected.file}: hash, transaction count, every txid through the merkle root`, () => {
      const bytes = new Uint8Array(readFileSync(join(dir, expected.file)));
      const block = parseBlock(bytes); // throws merkle-mismatch if any txid were wrong
      expect(block.header.hash).toBe(expected.hash);
      expect(expected.file).toContain(block.header.hash);
      expect(block.transactions).toHaveLength(expected.tx_count!);
      expect(block.size).toBe(bytes.length);
      // Transactions tile the block after header and count; input/output offsets point at their bytes.
      let at = block.transactions[0]!.offset;
      for (const tx of block.transactions) {
        expect(tx.offset).toBe(at);
        at += tx.size;
        for (const out of tx.outputs) {
          const view = new DataView(bytes.buffer, bytes.byteOffset + out.offset, 8);
          expect(view.getBigUint64(0, true)).toBe(out.value);
        }
        for (const input of tx.inputs) {
          expect(Uint8Array.from(bytes.subarray(input.offset, input.offset + 32)).reverse().toString()).toBe(hexBytes(input.prevTxid).toString());
        }
      }
      expect(at).toBe(bytes.length);
      expect(new Set(block.transactions.map((t) => t.txid)).size).toBe(block.transactions.length);
      // A segwit block: wtxid differs from txid exactly for transactions with witnesses.
      for (const tx of block.transactions) expect(tx.wtxid === tx.txid).toBe(!tx.segwit);
    });

    it(`refuses ${expected.file} with one output value changed, naming the merkle mismatch`, () => {
      const bytes = new Uint8Array(readFileSync(join(dir, expected.file)));
      const tx = parseBlock(bytes).transactions[7]!;
      const at = tx.outputs[0]!.offset;
      bytes[at] = bytes[at]! ^ 1;
      try {
        parseBlock(bytes);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ChainReadError);
        expect((e as ChainReadError).code).toBe('merkle-mismatch');
      }
    });
  }

  it('parses the bitcoinjs genesis and witness-commit blocks from hex, with their ids and the genesis coinbase txid', () => {
    const fixtures = JSON.parse(readFileSync(join(dir, 'bitcoinjs/block.json'), 'utf8')) as { valid: { description: string; id: string; hex: string; merkleRoot: string }[] };
    const blocks = fixtures.valid.filter((v) => v.description === 'Genesis Block' || v.description.startsWith('Block'));
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const v of blocks) {
      const block = parseBlock(v.hex);
      expect(block.header.hash).toBe(v.id);
      expect(block.header.merkleRoot).toBe(Buffer.from(v.merkleRoot, 'hex').reverse().toString('hex'));
    }
    const genesis = parseBlock(blocks.find((v) => v.description === 'Genesis Block')!.hex);
    const coinbase = manifest.transactions.find((t) => t.file === 'bitcoinjs/block.json')!;
    expect(genesis.transactions.map((t) => t.txid)).toEqual([coinbase.txid]);
    expect(new TextDecoder().decode(genesis.transactions[0]!.inputs[0]!.scriptSig)).toContain('The Times 03/Jan/2009 Chancellor on brink of second bailout for banks');
  });

  it('parses the 500 kB witness transaction with its 500,003 witness items and its txid', () => {
    const entry = manifest.transactions.find((t) => t.file === 'rust-bitcoin/huge_witness.hex')!;
    const tx = parseTransaction(readFileSync(join(dir, entry.file!), 'utf8'));
    expect(tx.txid).toBe(entry.txid);
    expect(tx.size).toBe(entry.expected_payload!.raw_tx_size);
    expect(tx.inputs[0]!.witness).toHaveLength(500_003);
    expect(new TextDecoder().decode(tx.outputs[0]!.scriptPubKey.subarray(2))).toBe("you'll run cln. and you'll be happy.");
  });

  it('gives every getrawtransaction fixture its txid, wtxid, size and output values', () => {
    const files = ['datastorage', 'stamps'].flatMap((sub) =>
      readdirSync(join(dir, 'data-carry-research', sub)).filter((f) => f.endsWith('.json')).map((f) => join(dir, 'data-carry-research', sub, f)));
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const file of files) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { hex: string; txid: string; hash: string; size: number; vout: { value: number; scriptPubKey: { hex: string } }[] };
      const tx = parseTransaction(json.hex);
      expect(tx.txid, file).toBe(json.txid);
      expect(tx.wtxid, file).toBe(json.hash);
      expect(tx.size).toBe(json.size);
      expect(tx.outputs.map((o) => o.value)).toEqual(json.vout.map((o) => BigInt(Math.round(o.value * 1e8))));
      expect(tx.outputs.map((o) => Buffer.from(o.scriptPubKey).toString('hex'))).toEqual(json.vout.map((o) => o.scriptPubKey.hex));
    }
  });
});

function hexBytes(displayHex: string): Uint8Array {
  return new Uint8Array(Buffer.from(displayHex, 'hex'));
}
