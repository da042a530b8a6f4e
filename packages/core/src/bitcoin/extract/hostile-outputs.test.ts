import { describe, expect, it } from 'vitest';
import { serializeTx } from '../test-fixtures.js';
import { parseTransaction } from '../transaction.js';
import { extractPayloads } from './index.js';

// A transaction of 29,000 outputs (about 1 MB) whose hashes each begin with a file signature:
// every output is a candidate start of a file. The file screen must read the run of hashes once,
// not once per candidate (it once took minutes). A regression hangs past the test's timeout.
const p2pkh = (h: Uint8Array) => Uint8Array.from([0x76, 0xa9, 0x14, ...h, 0x88, 0xac]);

describe('outputs whose hashes all look like the start of a file', () => {
  for (const [name, sig] of [['JPEG', [0xff, 0xd8, 0x00]], ['MZ', [0x4d, 0x5a]]] as const) {
    it(`reads 29,000 P2PKH outputs starting ${name} within the test's time`, () => {
      const outputs = Array.from({ length: 29_000 }, (_, i) => {
        const h = new Uint8Array(20).fill(0x11);
        h.set(sig, 0);
        h[19] = i & 0xff;
        return { value: 1n, script: p2pkh(h) };
      });
      const tx = parseTransaction(serializeTx({ inputs: [{ scriptSig: Uint8Array.of(0x51) }], outputs }));
      const found = extractPayloads(tx);
      for (const p of found) expect(p.bytes.length).toBeLessThanOrEqual(tx.size);
    });
  }
});
