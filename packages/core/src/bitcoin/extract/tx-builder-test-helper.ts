import type { Transaction } from '../transaction.js';

// Test-only: serialises a legacy (no witness) transaction from its scripts, for synthetic layouts.
export interface RawInput { prevTxid?: Uint8Array; vout?: number; scriptSig: Uint8Array }
export interface RawOutput { value?: bigint; script: Uint8Array }

function varint(n: number): number[] {
  if (n < 0xfd) return [n];
  if (n <= 0xffff) return [0xfd, n & 0xff, n >> 8];
  return [0xfe, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
}

export function serialiseLegacy(inputs: RawInput[], outputs: RawOutput[]): Uint8Array {
  const out: number[] = [1, 0, 0, 0, ...varint(inputs.length)];
  for (const input of inputs) {
    const vout = input.vout ?? 0;
    out.push(...(input.prevTxid ?? new Uint8Array(32).fill(7)), vout & 0xff, (vout >> 8) & 0xff, (vout >> 16) & 0xff, (vout >>> 24) & 0xff);
    out.push(...varint(input.scriptSig.length), ...input.scriptSig, 0xff, 0xff, 0xff, 0xff);
  }
  out.push(...varint(outputs.length));
  for (const o of outputs) {
    let v = o.value ?? 1n;
    for (let i = 0; i < 8; i++) { out.push(Number(v & 0xffn)); v >>= 8n; }
    out.push(...varint(o.script.length), ...o.script);
  }
  out.push(0, 0, 0, 0);
  return Uint8Array.from(out);
}

/** A transaction object straight from scripts (no serialisation), for property tests. */
export function fakeTransaction(inputs: RawInput[], outputs: RawOutput[]): Transaction {
  return {
    version: 1, segwit: false, locktime: 0, txid: '00'.repeat(32), wtxid: '00'.repeat(32), offset: 0, size: 0,
    inputs: inputs.map((i, k) => ({ prevTxid: Array.from(i.prevTxid ?? new Uint8Array(32).fill(7), (b) => b.toString(16).padStart(2, '0')).join(''), prevVout: i.vout ?? k, scriptSig: i.scriptSig, sequence: 0xffffffff, witness: [], offset: 0 })),
    outputs: outputs.map((o) => ({ value: o.value ?? 1n, scriptPubKey: o.script, offset: 0 })),
  };
}

export function concatBytes(...parts: (Uint8Array | number[])[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/** A push of data with the shortest opcode for its length. */
export function push(data: Uint8Array): Uint8Array {
  const n = data.length;
  if (n < 0x4c) return concatBytes([n], data);
  if (n <= 0xff) return concatBytes([0x4c, n], data);
  if (n <= 0xffff) return concatBytes([0x4d, n & 0xff, n >> 8], data);
  return concatBytes([0x4e, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24], data);
}
