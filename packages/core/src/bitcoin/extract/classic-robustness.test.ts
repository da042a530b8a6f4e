import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTransaction, type Transaction } from '../transaction.js';
import { analyse } from './analyse.js';
import { CLASSIC_EXTRACTORS } from './classic.js';
import { readOpReturn } from './op-return.js';
import { p2shData } from './p2sh-input.js';
import { parseScript } from './script.js';
import { concatBytes, fakeTransaction, push } from './tx-builder-test-helper.js';

// Random and damaged scripts: the extractors never throw, and what they return is bounded by the
// transaction (no payload is larger than the scripts it came from).

function scriptBytes(tx: Transaction): number {
  let n = 0;
  for (const i of tx.inputs) n += i.scriptSig.length;
  for (const o of tx.outputs) n += o.scriptPubKey.length;
  return n;
}

function checkBounded(tx: Transaction): void {
  let total = 0;
  for (const extract of CLASSIC_EXTRACTORS) {
    for (const p of extract(tx)) {
      total += p.bytes.length;
      expect(p.bytes).toBeInstanceOf(Uint8Array);
      if (p.place.kind === 'outputs') expect(p.place.first).toBeLessThanOrEqual(p.place.last);
    }
  }
  expect(total).toBeLessThanOrEqual(scriptBytes(tx));
}

const bytes = (max: number) => fc.uint8Array({ maxLength: max });
// Scripts shaped like the templates the extractors look at, with random contents.
const templated = fc.oneof(
  bytes(120),
  bytes(20).map((h) => concatBytes([0x76, 0xa9, 0x14], h, [0x88, 0xac])),
  bytes(32).map((h) => concatBytes([0x00, 0x20], h)),
  fc.array(bytes(80), { minLength: 1, maxLength: 4 }).map((keys) => concatBytes([0x51], ...keys.map((k) => push(k)), [0x50 + keys.length, 0xae])),
  fc.array(bytes(90), { maxLength: 4 }).map((pushes) => concatBytes([0x6a], ...pushes.map((d) => push(d)))),
  bytes(65).map((k) => concatBytes([k.length], k, [0xac])),
);

describe('classic extractors on random and damaged input', () => {
  it('script reading never throws and never reads past the end', () => {
    fc.assert(fc.property(bytes(400), (s) => {
      const { ops } = parseScript(s);
      for (const op of ops) expect(op.end).toBeLessThanOrEqual(s.length);
      readOpReturn(concatBytes([0x6a], s));
      p2shData(s);
      analyse(s);
    }), { numRuns: 3000 });
  });

  it('transactions of random and template-shaped scripts', () => {
    fc.assert(fc.property(
      fc.array(templated, { maxLength: 8 }), fc.array(bytes(200), { minLength: 1, maxLength: 3 }), fc.boolean(),
      (outputs, scriptSigs, coinbase) => {
        const inputs = scriptSigs.map((scriptSig) => ({ scriptSig, ...(coinbase ? { prevTxid: new Uint8Array(32), vout: 0xffffffff } : {}) }));
        checkBounded(fakeTransaction(coinbase ? inputs.slice(0, 1) : inputs, outputs.map((script) => ({ script }))));
      },
    ), { numRuns: 2000 });
  });

  const testdata = process.env.CROSSCHECK_TESTDATA ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../../shared/testdata');
  const files = ['wikileaks_python_6c53cd98.json', 'url_embedding.json', 'ascii_message_4a3574cd.json']
    .map((f) => join(testdata, 'chain/data-carry-research/datastorage', f))
    .concat(join(testdata, 'chain/data-carry-research/stamps/31a96a3bd86600b4af3c81bc960b15e89e506f855e93fbbda6f701963b1936ac.json'));
  const present = files.every((f) => existsSync(f));
  if (!present) console.warn('skipping mutated real data-carrying transactions: test data absent');

  it.skipIf(!present)('real data-carrying transactions with bytes of their scripts changed or cut', () => {
    const txs = present ? files.map((f) => parseTransaction((JSON.parse(readFileSync(f, 'utf8')) as { hex: string }).hex)) : [];
    fc.assert(fc.property(
      fc.nat(txs.length - 1), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), fc.option(fc.tuple(fc.nat(), fc.nat())),
      (which, flips, cut) => {
        const tx = txs[which]!;
        const outputs = tx.outputs.map((o) => Uint8Array.from(o.scriptPubKey));
        for (const [o, at, value] of flips) {
          const s = outputs[o % outputs.length]!;
          if (s.length > 0) s[at % s.length] = value;
        }
        if (cut) {
          const k = cut[0] % outputs.length;
          outputs[k] = outputs[k]!.subarray(0, cut[1] % (outputs[k]!.length + 1));
        }
        const mutated = fakeTransaction(tx.inputs.map((i) => ({ scriptSig: i.scriptSig, prevTxid: Uint8Array.from(Buffer.from(i.prevTxid, 'hex')), vout: i.prevVout })), outputs.map((script) => ({ script })));
        checkBounded(mutated);
      },
    ), { numRuns: 300 });
  });
});
