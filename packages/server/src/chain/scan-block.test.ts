import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hexToBytesChecked } from '@crosscheck/core/bitcoin';
import { decompress } from './decompress.js';
import { extractBlock, scanBlock } from './scan-block.js';

// The entry points the benchmark calls, on the genesis block of bitcoinjs' fixtures in
// ../shared/testdata/chain (read where it is); skipped, saying so, without it.
const testdata = process.env.CROSSCHECK_TESTDATA ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/testdata');
const fixture = join(testdata, 'chain/bitcoinjs/block.json');
const present = existsSync(fixture);
if (!present) console.warn(`skipping scanBlock tests: ${fixture} is absent`);

const TIMES = 'The Times 03/Jan/2009 Chancellor on brink of second bailout for banks';

describe.skipIf(!present)('scanBlock and extractBlock', () => {
  const genesis = present
    ? hexToBytesChecked((JSON.parse(readFileSync(fixture, 'utf8')) as { valid: { description: string; hex: string }[] }).valid.find((v) => v.description === 'Genesis Block')!.hex)
    : new Uint8Array();

  it('extractBlock gives the payloads with their txids; scanBlock the identified findings of the CLI', async () => {
    const extracted = extractBlock(genesis);
    expect(extracted.some((e) => e.payload.method === 'coinbase' && e.txid === '4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b')).toBe(true);
    const findings = await scanBlock(genesis, { decompress });
    const coinbase = findings.find((f) => f.method === 'coinbase');
    expect(coinbase?.text?.preview).toContain(TIMES);
    expect(coinbase?.locations).toEqual([{ txid: '4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b', height: null, blockHash: '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f', place: { kind: 'input', index: 0 } }]);
  });
});
