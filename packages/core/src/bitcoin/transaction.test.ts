import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { ChainReadError } from './errors.js';
import { displayHex } from './hash.js';
import { parseTransaction } from './transaction.js';

// A segwit transaction built here byte by byte (no test data needed): its txid and wtxid are
// computed independently from the two serialisations.
function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24];
}
const item = new Uint8Array(500_000).map((_, i) => i % 251);
const prevout = Array.from({ length: 32 }, (_, i) => i);
const input = [...prevout, ...u32(3), 0x00, ...u32(0xfffffffd)];
const output = [...[0x10, 0x27, 0, 0, 0, 0, 0, 0], 0x02, 0x6a, 0x00];
const witness = [0x02, 0x00, 0xfe, ...u32(item.length)];
const version = u32(2);
const locktime = u32(840_000);

function concat(...parts: ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}
const sha256d = (b: Uint8Array) => sha256(sha256(b));

describe('parseTransaction', () => {
  const full = concat(version, [0x00, 0x01, 0x01], input, [0x01], output, witness, item, locktime);
  const stripped = concat(version, [0x01], input, [0x01], output, locktime);

  it('reads a segwit transaction with a 500 kB witness item: txid without witnesses, wtxid with them', () => {
    const tx = parseTransaction(full);
    expect(tx.segwit).toBe(true);
    expect(tx.txid).toBe(displayHex(sha256d(stripped)));
    expect(tx.wtxid).toBe(displayHex(sha256d(full)));
    expect(tx.txid).not.toBe(tx.wtxid);
    expect(tx.size).toBe(full.length);
    expect(tx.inputs[0]).toMatchObject({ prevVout: 3, sequence: 0xfffffffd, offset: 7 });
    expect(tx.inputs[0]!.prevTxid).toBe(displayHex(Uint8Array.from(prevout)));
    expect(tx.inputs[0]!.witness.map((w) => w.length)).toEqual([0, 500_000]);
    // The item is a view of the input, not a copy.
    expect(tx.inputs[0]!.witness[1]!.buffer).toBe(full.buffer);
    expect(tx.inputs[0]!.witness[1]!.byteOffset).toBe(tx.inputs[0]!.witnessOffset! + 1 + 1 + 5);
    expect(tx.outputs.map((o) => ({ value: o.value, scriptPubKey: o.scriptPubKey, offset: o.offset }))).toEqual([{ value: 10_000n, scriptPubKey: Uint8Array.from([0x6a, 0x00]), offset: 7 + 41 + 1 }]);
    expect(tx.locktime).toBe(840_000);
  });

  it('gives the same txid to the legacy serialisation, where txid and wtxid are equal', () => {
    const tx = parseTransaction(stripped);
    expect(tx.segwit).toBe(false);
    expect(tx.txid).toBe(parseTransaction(full).txid);
    expect(tx.wtxid).toBe(tx.txid);
  });

  it('names the witness item that claims more than is left, with its offset', () => {
    const cut = full.subarray(0, full.length - 10);
    try {
      parseTransaction(cut);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ChainReadError);
      expect((e as ChainReadError).code).toBe('length-too-large');
      expect((e as ChainReadError).offset).toBe(full.length - 4 - item.length - 5);
    }
  });
});
