import { pureSha256, sha256d } from './hash.js';
import { merkleRoot } from './merkle.js';
import { NETWORK_MAGIC } from './blk-file.js';

/**
 * Transactions, blocks and blk*.dat records written byte by byte, for tests and the fuzzer's
 * seeds where the real blocks of ../shared/testdata are absent. Each carries data the way the
 * scanner's methods look for it (an OP_RETURN, fake multisig keys, an Ordinals envelope).
 */

export interface TxSpec {
  version?: number;
  inputs: { prevHash?: Uint8Array; vout?: number; scriptSig?: Uint8Array; sequence?: number; witness?: Uint8Array[] }[];
  outputs: { value?: bigint; script: Uint8Array }[];
  locktime?: number;
}

function compactSize(n: number): number[] {
  if (n < 0xfd) return [n];
  if (n <= 0xffff) return [0xfd, n & 0xff, n >>> 8];
  return [0xfe, n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24];
}

const u32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

function u64(v: bigint): number[] {
  const out: number[] = [];
  for (let i = 0n; i < 8n; i++) out.push(Number((v >> (8n * i)) & 0xffn));
  return out;
}

export function concatBytes(...parts: ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const withLength = (b: Uint8Array): Uint8Array => concatBytes(compactSize(b.length), b);

/** The serialisation Bitcoin nodes use (segwit when any input has a witness). */
export function serializeTx(spec: TxSpec): Uint8Array {
  const segwit = spec.inputs.some((i) => (i.witness ?? []).length > 0);
  const parts: ArrayLike<number>[] = [u32(spec.version ?? 2)];
  if (segwit) parts.push([0x00, 0x01]);
  parts.push(compactSize(spec.inputs.length));
  for (const i of spec.inputs) {
    parts.push(i.prevHash ?? new Uint8Array(32).fill(7), u32(i.vout ?? 0), withLength(i.scriptSig ?? new Uint8Array(0)), u32(i.sequence ?? 0xffffffff));
  }
  parts.push(compactSize(spec.outputs.length));
  for (const o of spec.outputs) parts.push(u64(o.value ?? 0n), withLength(o.script));
  if (segwit) {
    for (const i of spec.inputs) {
      const w = i.witness ?? [];
      parts.push(compactSize(w.length));
      for (const item of w) parts.push(withLength(item));
    }
  }
  parts.push(u32(spec.locktime ?? 0));
  return concatBytes(...parts);
}

/** The txid in internal byte order: the hash of the serialisation without witnesses. */
function txidHash(spec: TxSpec): Uint8Array {
  return sha256d(serializeTx({ ...spec, inputs: spec.inputs.map((i) => ({ ...i, witness: [] })) }));
}

/** A block over these transactions with a correct merkle root (no proof of work). */
export function buildBlock(txs: TxSpec[], time = 1_700_000_000): Uint8Array {
  const root = merkleRoot(txs.map(txidHash), pureSha256);
  const header = concatBytes(u32(0x20000000), new Uint8Array(32), root, u32(time), u32(0x1d00ffff), u32(0));
  return concatBytes(header, compactSize(txs.length), ...txs.map(serializeTx));
}

/** One blk*.dat record: network magic, length, block. */
export function blkRecord(block: Uint8Array): Uint8Array {
  return concatBytes(NETWORK_MAGIC.mainnet, u32(block.length), block);
}

/** A push of data with the shortest opcode for its length (direct, PUSHDATA1, 2 or 4). */
export function push(data: Uint8Array): Uint8Array {
  const n = data.length;
  if (n < 0x4c) return concatBytes([n], data);
  if (n <= 0xff) return concatBytes([0x4c, n], data);
  if (n <= 0xffff) return concatBytes([0x4d, n & 0xff, n >>> 8], data);
  return concatBytes([0x4e], u32(n), data);
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

export const coinbaseTx = (message: string): TxSpec => ({
  inputs: [{ prevHash: new Uint8Array(32), vout: 0xffffffff, scriptSig: concatBytes([0x03, 0x01, 0x02, 0x03], push(text(message))) }],
  outputs: [{ value: 625_000_000n, script: concatBytes([0x76, 0xa9, 0x14], new Uint8Array(20).fill(1), [0x88, 0xac]) }],
});

export const opReturnTx = (message: string): TxSpec => ({
  inputs: [{}],
  outputs: [{ script: concatBytes([0x6a], push(text(message))) }, { value: 1000n, script: concatBytes([0x00, 0x14], new Uint8Array(20).fill(2)) }],
});

/** Text written into the keys of 1-of-3 bare multisig outputs, 65 bytes a key (the 2013 way). */
export function multisigDataTx(message: string): TxSpec {
  const data = text(message);
  const outputs: TxSpec['outputs'] = [];
  for (let at = 0; at < data.length; at += 130) {
    const key = (k: number) => {
      const chunk = new Uint8Array(65);
      chunk.set(data.subarray(at + k * 65, at + (k + 1) * 65));
      return push(chunk);
    };
    outputs.push({ value: 1n, script: concatBytes([0x51], push(concatBytes([0x04], new Uint8Array(64).fill(9))), key(0), key(1), [0x53, 0xae]) });
  }
  return { inputs: [{}], outputs };
}

/** An Ordinals envelope (content type and body) in a taproot script-path witness. */
export function inscriptionTx(contentType: string, body: Uint8Array): TxSpec {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < body.length; at += 520) chunks.push(push(body.subarray(at, at + 520)));
  const tapscript = concatBytes(
    push(new Uint8Array(32).fill(3)),
    [0xac, 0x00, 0x63],
    push(text('ord')),
    [0x01, 0x01],
    push(text(contentType)),
    [0x00],
    ...chunks,
    [0x68],
  );
  const control = concatBytes([0xc0], new Uint8Array(32).fill(4));
  return { inputs: [{ witness: [new Uint8Array(64).fill(5), tapscript, control] }], outputs: [{ value: 546n, script: concatBytes([0x51, 0x20], new Uint8Array(32).fill(6)) }] };
}

/** A small block carrying one of each: coinbase text, OP_RETURN, multisig keys, an inscription. */
export function sampleBlock(): Uint8Array {
  return buildBlock([
    coinbaseTx('crosscheck test block'),
    opReturnTx('hello from an OP_RETURN output'),
    multisigDataTx('A text written into fake public keys, long enough to need more than one output of three keys.'),
    inscriptionTx('text/plain;charset=utf-8', text('Hello, inscription!')),
  ]);
}
