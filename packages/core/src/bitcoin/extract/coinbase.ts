import type { Transaction } from '../transaction.js';
import { findFile } from './carve.js';
import type { ExtractedPayload } from './payload.js';
import { newOp, readOp } from './script.js';
import { textRuns } from './text.js';

// The coinbase input's scriptSig: the block height (BIP 34), extra nonce, and whatever the miner
// wrote (the genesis block's newspaper headline, pool names, merge-mining tags). Reported when it
// holds text of at least MIN_TEXT printable characters or a recognised file. The script is read
// as pushes so that a push's length byte, often a printable character itself (0x45 is "E"), is
// not taken as text; from the first non-push or truncated push on, the rest is read as raw
// bytes. The payload is the carried bytes from the first text to the end of the last (one run
// for most blocks), or the file.

export const MIN_TEXT = 8;

export function isCoinbase(tx: Transaction): boolean {
  if (tx.inputs.length !== 1) return false;
  const input = tx.inputs[0]!;
  return input.prevVout === 0xffffffff && /^0+$/.test(input.prevTxid);
}

export function extractCoinbase(tx: Transaction): ExtractedPayload[] {
  if (!isCoinbase(tx)) return [];
  const script = tx.inputs[0]!.scriptSig;
  const op = newOp();
  let pos = 0;
  let first = -1;
  let last = -1;
  while (readOp(script, pos, op)) {
    const raw = !op.push || op.truncated;
    // A failed push is read again as raw bytes from its opcode on; a non-push opcode is skipped.
    const from = op.push ? (op.truncated ? op.at : op.start) : op.at + 1;
    const to = raw ? script.length : op.end;
    const data = script.subarray(from, to);
    const file = findFile(data, 0);
    if (file) {
      const end = file.length ?? data.length;
      return [{
        method: 'coinbase', place: { kind: 'input', index: 0 }, bytes: data.subarray(0, end),
        fields: { scriptSigSize: script.length, offset: from, detectedType: file.signature.type },
        notes: [`${file.signature.name} file in the coinbase scriptSig`],
      }];
    }
    for (const run of textRuns(script, MIN_TEXT, from, to)) {
      if (first < 0) first = run.start;
      last = run.end;
    }
    if (raw) break;
    pos = op.next;
  }
  if (first < 0) return [];
  return [{
    method: 'coinbase', place: { kind: 'input', index: 0 }, bytes: script.subarray(first, last),
    fields: { scriptSigSize: script.length, offset: first },
  }];
}
