import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  BlkReader, ChainReadError, hexToBytesChecked, MAX_BLOCK_SIZE, MAX_TX_JSON_TEXT, NETWORK_MAGIC, parseBlock,
  parseTransaction, readJsonTransaction, readJsonTransactions, TxJsonError, type Block, type Transaction,
} from '@crosscheck/core/bitcoin';
import { nativeSha256, SCAN_PARSE } from './native-sha256.js';

/**
 * What the scanner reads from files and folders, the format found from the content (never from
 * the name alone): Bitcoin Core blk*.dat files (with the folder's xor.dat), any file of
 * magic-framed blocks, a raw block or transaction in binary or hex, and transactions as JSON
 * (getrawtransaction … true or Esplora, one object, an array or JSON lines). blk files and JSON
 * lines are streamed: memory stays that of one block (or line), whatever the file size. A
 * malformed block is an error item naming where it is, and reading goes on with the next one.
 */

export type ScanItem =
  | { kind: 'block'; block: Block; height: number | null; source: string }
  | { kind: 'tx'; tx: Transaction; height: number | null; blockHash: string | null; source: string }
  | { kind: 'error'; source: string; message: string }
  /** A file of a folder that is not chain data (a README, an image…): said, not an error. */
  | { kind: 'skipped'; source: string; reason: string };

export type InputFormat = 'blk' | 'json' | 'hex' | 'raw';

/** An input that cannot be read at all (missing, or of no known format when named alone). */
export class ScanInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScanInputError';
  }
}

const HEAD_BYTES = 64 * 1024;
/** Hex text of the largest block, with room for line breaks. */
const MAX_HEX_BYTES = 2 * MAX_BLOCK_SIZE + 64 * 1024;
const BLK_CHUNK = 4 * 1024 * 1024;
const MAGICS = Object.values(NETWORK_MAGIC);
const COMPRESSED: [string, number[]][] = [['gzip', [0x1f, 0x8b]], ['bzip2', [0x42, 0x5a, 0x68]], ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a]], ['zstd', [0x28, 0xb5, 0x2f, 0xfd]]];

/** Every item of the inputs, in order: files as given, folders walked in name order. */
export async function* readInputs(paths: string[]): AsyncGenerator<ScanItem> {
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      throw new ScanInputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message}`);
    }
    if (info.isDirectory()) yield* readFolder(path);
    else yield* readFileInput(path, true);
  }
}

async function* readFolder(dir: string): AsyncGenerator<ScanItem> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name));
  // A Bitcoin Core blocks folder: its blk files only (rev*.dat are undo data, index/ is LevelDB).
  const blk = entries.filter((e) => e.isFile() && /^blk\d+\.dat$/.test(e.name));
  if (blk.length > 0) {
    for (const e of blk) yield* readFileInput(join(dir, e.name), false);
    return;
  }
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) yield* readFolder(full);
    else if (e.isFile()) yield* readFileInput(full, false);
  }
}

/** The xor.dat beside a blk file, when there is one (Bitcoin Core 28 and later). */
async function xorKeyFor(file: string): Promise<Uint8Array | undefined> {
  try {
    const key = await readFile(join(dirname(file), 'xor.dat'));
    return key.length > 0 && key.length <= 64 ? new Uint8Array(key) : undefined;
  } catch {
    return undefined;
  }
}

/** The format of a file from its first bytes; a reason when it is none the scanner reads. */
export function detectFormat(head: Uint8Array, xorKey?: Uint8Array): { format: InputFormat } | { reason: string } {
  if (head.length === 0) return { reason: 'empty file' };
  const unxored = (i: number) => (xorKey ? head[i]! ^ xorKey[i % xorKey.length]! : head[i]!);
  if (head.length >= 8 && MAGICS.some((m) => m.every((b, i) => unxored(i) === b))) return { format: 'blk' };
  for (const [name, magic] of COMPRESSED) {
    if (magic.every((b, i) => head[i] === b)) return { reason: `${name}-compressed: decompress it first` };
  }
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0; // UTF-8 byte order mark
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i++;
  if (head[i] === 0x7b || head[i] === 0x5b) return { format: 'json' };
  let hexDigits = 0;
  let hex = true;
  for (let k = i; k < head.length; k++) {
    const c = head[k]!;
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)) hexDigits++;
    else if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) { hex = false; break; }
  }
  if (hex && hexDigits >= 120) return { format: 'hex' };
  if (hex) return { reason: 'text too short to be a transaction' };
  // Binary without a magic: a raw block or transaction starts with its version, a small number
  // (transactions, early blocks) or BIP 9 version bits (top bits 001). Anything else is not chain data.
  if (looksLikeText(head)) return { reason: 'text that is neither hex nor JSON' };
  const version = head.length >= 4 ? (head[0]! | (head[1]! << 8) | (head[2]! << 16) | (head[3]! << 24)) >>> 0 : 0;
  if (head.length >= 60 && ((version >= 1 && version <= 4) || version >>> 29 === 1)) return { format: 'raw' };
  return { reason: 'not a blk file, raw block or transaction, hex or JSON' };
}

/** Printable ASCII (and UTF-8 lead/continuation bytes) nearly throughout: prose, not a block. */
function looksLikeText(head: Uint8Array): boolean {
  const n = Math.min(head.length, 1024);
  let printable = 0;
  for (let i = 0; i < n; i++) {
    const c = head[i]!;
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09 || c >= 0x80) printable++;
  }
  return n > 0 && printable / n > 0.97;
}

async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
    return new Uint8Array(buf.buffer, buf.byteOffset, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * One file. `explicit`: named on the command line, so an unknown format is an error; found in a
 * folder, it is skipped with the reason (a folder of test data holds README files and images).
 */
export async function* readFileInput(file: string, explicit: boolean): AsyncGenerator<ScanItem> {
  let head: Uint8Array;
  try {
    head = await readHead(file);
  } catch (error) {
    throw new ScanInputError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const xorKey = basename(file) === 'xor.dat' ? undefined : await xorKeyFor(file);
  if (basename(file) === 'xor.dat' && !explicit) return;
  const found = detectFormat(head, xorKey);
  if ('reason' in found) {
    if (explicit) throw new ScanInputError(`${file}: not a format the scanner reads (${found.reason}); it reads blk*.dat files, raw blocks or transactions (binary or hex), and transactions as getrawtransaction … true or Esplora /api/tx JSON`);
    yield { kind: 'skipped', source: file, reason: found.reason };
    return;
  }
  const size = (await stat(file)).size;
  switch (found.format) {
    case 'blk':
      yield* readBlk(file, xorKey);
      return;
    case 'json':
      yield* size > MAX_TX_JSON_TEXT ? readJsonLines(file) : readJsonFile(file);
      return;
    case 'hex':
    case 'raw': {
      const limit = found.format === 'hex' ? MAX_HEX_BYTES : MAX_BLOCK_SIZE;
      if (size > limit) {
        const message = `${file}: ${size} bytes, more than the largest ${found.format === 'hex' ? 'hex ' : ''}block (${limit} bytes)`;
        if (explicit) throw new ScanInputError(message);
        yield { kind: 'skipped', source: file, reason: message };
        return;
      }
      const bytes = await readFile(file);
      yield readRaw(file, found.format === 'hex' ? bytes.toString('latin1') : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
      return;
    }
  }
}

async function* readBlk(file: string, xorKey: Uint8Array | undefined): AsyncGenerator<ScanItem> {
  const reader = new BlkReader({ xorKey, parse: SCAN_PARSE });
  const stream = createReadStream(file, { highWaterMark: BLK_CHUNK });
  const entries = function* (): Generator<ScanItem> {
    for (const e of reader.drain()) {
      if (e.ok) yield { kind: 'block', block: e.block, height: bip34Height(e.block), source: file };
      else yield { kind: 'error', source: file, message: describeError(e.error) };
    }
  };
  for await (const chunk of stream) {
    reader.push(chunk as Buffer);
    yield* entries();
  }
  reader.end();
  yield* entries();
}

/** A raw block or a raw transaction, whichever the bytes are. */
export function readRaw(source: string, raw: Uint8Array | string): ScanItem {
  let bytes: Uint8Array;
  try {
    bytes = typeof raw === 'string' ? hexToBytesChecked(raw) : raw;
  } catch (error) {
    return { kind: 'error', source, message: describeError(error) };
  }
  // A transaction is tried first: its parse has to use every byte, which a block never passes.
  let txError: unknown;
  try {
    const tx = parseTransaction(bytes, nativeSha256);
    return { kind: 'tx', tx, height: null, blockHash: null, source };
  } catch (error) {
    txError = error;
  }
  try {
    const block = parseBlock(bytes, SCAN_PARSE);
    return { kind: 'block', block, height: bip34Height(block), source };
  } catch (blockError) {
    return { kind: 'error', source, message: `neither a raw block (${describeError(blockError)}) nor a raw transaction (${describeError(txError)})` };
  }
}

async function* readJsonFile(file: string): AsyncGenerator<ScanItem> {
  const text = await readFile(file, 'utf8');
  let entries;
  try {
    entries = readJsonTransactions(text.replace(/^\ufeff/, ''));
  } catch (error) {
    yield { kind: 'error', source: file, message: describeError(error) };
    return;
  }
  const many = entries.length > 1;
  for (const e of entries) {
    const source = many ? `${file} [${e.index}]` : file;
    if (e.ok) yield { kind: 'tx', tx: e.value.tx, height: e.value.height, blockHash: e.value.blockHash, source };
    else yield { kind: 'error', source, message: describeError(e.error) };
  }
}

/** JSON lines too large to read whole: one transaction per line, a line at a time. */
async function* readJsonLines(file: string): AsyncGenerator<ScanItem> {
  let parts: Buffer[] = [];
  let size = 0;
  let number = 0;
  const finish = function* (): Generator<ScanItem> {
    number++;
    const source = `${file}:${number}`;
    const tooLong = size > MAX_TX_JSON_TEXT;
    const text = tooLong ? '' : Buffer.concat(parts).toString('utf8');
    parts = [];
    size = 0;
    if (tooLong) {
      yield { kind: 'error', source, message: `line longer than ${MAX_TX_JSON_TEXT} bytes` };
      return;
    }
    if (text.trim() === '') return;
    try {
      const read = readJsonTransaction(JSON.parse(text));
      yield { kind: 'tx', tx: read.tx, height: read.height, blockHash: read.blockHash, source };
    } catch (error) {
      yield { kind: 'error', source, message: error instanceof SyntaxError ? `not JSON: ${error.message}` : describeError(error) };
    }
  };
  for await (const chunk of createReadStream(file)) {
    let buf = chunk as Buffer;
    for (;;) {
      const nl = buf.indexOf(10);
      const piece = nl === -1 ? buf : buf.subarray(0, nl);
      size += piece.length;
      // Past the limit the line is only counted, never held: a file without line breaks costs nothing.
      if (size <= MAX_TX_JSON_TEXT) parts.push(piece);
      else parts = [];
      if (nl === -1) break;
      yield* finish();
      buf = buf.subarray(nl + 1);
    }
  }
  if (size > 0) yield* finish();
}

/** The message of a reader's error; anything but the named errors is a bug and is thrown on. */
export function describeError(error: unknown): string {
  if (error instanceof ChainReadError || error instanceof TxJsonError) return error.message;
  throw error;
}

/**
 * The height a block states in its coinbase (BIP 34: the first push of the coinbase scriptSig, in
 * every block of version 2 and later). Version 1 blocks do not state it: null.
 */
export function bip34Height(block: Block): number | null {
  if (block.header.version < 2) return null;
  const script = block.transactions[0]?.inputs[0]?.scriptSig;
  if (!script || script.length === 0) return null;
  const n = script[0]!;
  if (n >= 0x51 && n <= 0x60) return n - 0x50;
  if (n < 1 || n > 4 || script.length < 1 + n) return null;
  if ((script[n]! & 0x80) !== 0) return null; // negative: not a height
  let h = 0;
  for (let i = n; i >= 1; i--) h = h * 256 + script[i]!;
  return h;
}
