import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChainReadError } from './errors.js';
import { MAX_TX_SIZE, readJsonTransaction, readJsonTransactions, TxJsonError } from './json-tx.js';

// Real transactions as JSON from ../shared/testdata/chain (Core's getrawtransaction … true and
// Esplora's /api/tx), read where they are; without them the tests on them skip and say so.
const testdata = process.env.CROSSCHECK_TESTDATA ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/testdata');
const dir = join(testdata, 'chain');
const present = existsSync(join(dir, 'MANIFEST.json'));
if (!present) console.warn(`skipping real JSON transaction tests: ${dir} is absent`);

const jsonFiles = (sub: string) => (present ? readdirSync(join(dir, sub)).filter((f) => f.endsWith('.json')).map((f) => join(dir, sub, f)) : []);
const esploraFiles = jsonFiles('ordpool-parser/tx');
const coreFiles = [...jsonFiles('data-carry-research/datastorage'), ...jsonFiles('data-carry-research/stamps')];
const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

/** Runs f and gives the code of the named error it throws ('ok' when none); anything else fails. */
function outcome(f: () => unknown): string {
  try {
    f();
    return 'ok';
  } catch (e) {
    if (e instanceof TxJsonError || e instanceof ChainReadError) return e.code;
    throw e;
  }
}

describe.skipIf(!present)('JSON transactions of ../shared/testdata/chain', () => {
  it('reads every Esplora /api/tx file: rebuilt bytes give the stated txid and size, height and block from status', () => {
    expect(esploraFiles.length).toBeGreaterThanOrEqual(25);
    for (const file of esploraFiles) {
      const json = load(file);
      const read = readJsonTransaction(json);
      expect(read.format).toBe('esplora');
      expect(read.tx.txid).toBe(json.txid);
      expect(read.tx.size).toBe(json.size);
      expect(read.bytes.length).toBe(json.size);
      const status = json.status as { block_height: number; block_hash: string };
      expect(read.height).toBe(status.block_height);
      expect(read.blockHash).toBe(status.block_hash);
    }
  });

  it('reads every getrawtransaction … true file: the hex gives the stated txid and wtxid', () => {
    expect(coreFiles.length).toBeGreaterThanOrEqual(9);
    for (const file of coreFiles) {
      const json = load(file);
      const read = readJsonTransaction(json);
      expect(read.format).toBe('bitcoind');
      expect(read.tx.txid).toBe(json.txid);
      if (json.hash !== undefined) expect(read.tx.wtxid).toBe(json.hash);
      expect(read.blockHash).toBe(json.blockhash ?? null);
    }
  });

  it('a witness item changed in Esplora JSON keeps the txid but not the size; a changed output script changes the txid: both named', () => {
    const file = esploraFiles.find((f) => f.includes('c1e013bd'))!;
    const json = load(file) as { vin: { witness: string[] }[]; vout: { scriptpubkey: string }[] };
    const longer = structuredClone(json);
    longer.vin[0]!.witness[0] = `${longer.vin[0]!.witness[0]}00`;
    expect(outcome(() => readJsonTransaction(longer))).toBe('size-mismatch');
    const other = structuredClone(json);
    other.vout[0]!.scriptpubkey = other.vout[0]!.scriptpubkey.replace(/.$/, (d) => (d === '0' ? '1' : '0'));
    const error = (() => { try { readJsonTransaction(other); } catch (e) { return e as TxJsonError; } })()!;
    expect(error).toBeInstanceOf(TxJsonError);
    expect(error.code).toBe('txid-mismatch');
    expect(error.path).toBe('txid');
    expect(error.message).toContain((json as unknown as { txid: string }).txid);
  });

  it('a getrawtransaction file whose txid was edited is refused, naming both txids', () => {
    const json = load(coreFiles[0]!);
    const edited = { ...json, txid: '00'.repeat(32) };
    expect(() => readJsonTransaction(edited)).toThrow(/txid-mismatch: hex hashes to [0-9a-f]{64}, JSON says 0{64}/);
  });

  it('reads an array and JSON lines of transactions, one entry each, a bad entry beside good ones', () => {
    const a = load(esploraFiles[0]!);
    const b = load(coreFiles[0]!);
    const asArray = readJsonTransactions(JSON.stringify([a, { vin: 'x' }, b]));
    expect(asArray.map((e) => e.ok)).toEqual([true, false, true]);
    const asLines = readJsonTransactions(`${JSON.stringify(a)}\n\n${JSON.stringify(b)}\n`);
    expect(asLines.map((e) => (e.ok ? e.value.tx.txid : e.error.message))).toEqual([a.txid, b.txid]);
  });
});

describe('JSON transaction readers on bad input', () => {
  it('names what is wrong: not JSON, not a transaction, a bad field with its path, a text over the limit', () => {
    expect(() => readJsonTransactions('{"a": ')).toThrow(TxJsonError);
    expect(outcome(() => readJsonTransactions('{"a": '))).toBe('not-json');
    expect(outcome(() => readJsonTransaction([1, 2]))).toBe('not-a-transaction');
    expect(outcome(() => readJsonTransaction({ txid: 'ab' }))).toBe('not-a-transaction');
    const bad = { version: 1, locktime: 0, vin: [{ txid: '11'.repeat(32), vout: 0, scriptsig: 'zz', sequence: 0 }], vout: [] };
    expect(() => readJsonTransaction(bad)).toThrow(/bad-field: .* \(at vin\[0\]\.scriptsig\)/);
    expect(outcome(() => readJsonTransaction({ ...bad, version: 1.5 }))).toBe('bad-field');
    expect(outcome(() => readJsonTransactions(' '.repeat(101), 100))).toBe('too-large');
    expect(outcome(() => readJsonTransaction({ hex: 'ab'.repeat(MAX_TX_SIZE + 1) }))).toBe('too-large');
    expect(outcome(() => readJsonTransaction({ hex: '0100' }))).toBe('truncated');
  });

  it('an Esplora transaction whose outputs add up past the largest transaction is refused before it is built', () => {
    const script = 'ab'.repeat(100_000);
    const tx = { version: 1, locktime: 0, vin: [], vout: Array.from({ length: 50 }, () => ({ value: 0, scriptpubkey: script })) };
    expect(outcome(() => readJsonTransaction(tx))).toBe('too-large');
  });

  it('any JSON value gives a transaction or a named error, never another exception', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      outcome(() => readJsonTransaction(v));
    }), { numRuns: 500 });
  });

  it('Esplora-shaped objects with random fields give a transaction or a named error', () => {
    const hex = fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('hex'));
    const field = fc.oneof(hex, fc.integer(), fc.double(), fc.constant(null), fc.string({ maxLength: 8 }), fc.array(hex, { maxLength: 3 }));
    const input = fc.record({ txid: fc.oneof(field, fc.constant('00'.repeat(32))), vout: field, scriptsig: field, sequence: field, witness: field }, { requiredKeys: [] });
    const output = fc.record({ value: field, scriptpubkey: field }, { requiredKeys: [] });
    const tx = fc.record({ version: field, locktime: field, vin: fc.array(input, { maxLength: 3 }), vout: fc.array(output, { maxLength: 3 }), txid: field, size: field }, { requiredKeys: ['vin', 'vout'] });
    fc.assert(fc.property(tx, (t) => {
      outcome(() => readJsonTransaction(t));
    }), { numRuns: 500 });
  });

  it('random text gives entries or a named error, never another exception', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.jsonValue().map((v) => JSON.stringify(v))).map((l) => l.join('\n'))), (text) => {
      try {
        readJsonTransactions(text);
      } catch (e) {
        expect(e).toBeInstanceOf(TxJsonError);
      }
    }), { numRuns: 300 });
  });
});
