import { serializeTx } from '../test-fixtures.js';
import type { Transaction } from '../transaction.js';

export { concatBytes, push } from '../test-fixtures.js';

// Test-only: serialises a legacy (no witness) transaction from its scripts, for synthetic layouts.
export interface RawInput { prevTxid?: Uint8Array; vout?: number; scriptSig: Uint8Array }
export interface RawOutput { value?: bigint; script: Uint8Array }

/** A legacy (version 1) transaction from its scripts, written by the shared test writer. */
export function serialiseLegacy(inputs: RawInput[], outputs: RawOutput[]): Uint8Array {
  return serializeTx({
    version: 1,
    inputs: inputs.map((i) => ({ prevHash: i.prevTxid, vout: i.vout ?? 0, scriptSig: i.scriptSig })),
    outputs: outputs.map((o) => ({ value: o.value ?? 1n, script: o.script })),
  });
}

/** A transaction object straight from scripts (no serialisation), for property tests. */
export function fakeTransaction(inputs: RawInput[], outputs: RawOutput[]): Transaction {
  return {
    version: 1, segwit: false, locktime: 0, txid: '00'.repeat(32), wtxid: '00'.repeat(32), txidHash: new Uint8Array(32), offset: 0, size: 0,
    inputs: inputs.map((i, k) => ({ prevHash: i.prevTxid ?? new Uint8Array(32).fill(7), prevTxid: Array.from(i.prevTxid ?? new Uint8Array(32).fill(7), (b) => b.toString(16).padStart(2, '0')).join(''), prevVout: i.vout ?? k, scriptSig: i.scriptSig, sequence: 0xffffffff, witness: [], offset: 0 })),
    outputs: outputs.map((o) => ({ value: o.value ?? 1n, scriptPubKey: o.script, offset: 0 })),
  };
}
