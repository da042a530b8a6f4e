import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scannedFindingSchema, type ScannedFinding } from '@crosscheck/core/api/schemas';
import { parseBlock } from '@crosscheck/core/bitcoin';
import { runCli, type CliResult } from '../../test/cli.js';

// Ground truth: every payload MANIFEST.json lists for the transaction fixtures of
// ../shared/testdata/chain must come out of `crosscheck chain scan` with the expected SHA-256
// (as carried, or after decompression), in the transaction it names. The blocks are scanned in
// the same run. The data is read where it is, never copied into the repository; without it (or
// without the bzip2 program for btcd's compressed blk files) the test skips and says why.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const testdata = process.env.CROSSCHECK_TESTDATA ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/testdata');
const dir = join(testdata, 'chain');
const haveBzip2 = (() => { try { execFileSync('bzip2', ['--help'], { stdio: 'ignore' }); return true; } catch { return false; } })();
const present = existsSync(join(dir, 'MANIFEST.json')) && haveBzip2;
if (!present) console.warn(`skipping the chain scan ground-truth test: ${dir} or the bzip2 program is absent`);

interface Expected { sha256?: string; size?: number; hex?: string; gzip_sha256?: string; decompressed_sha256?: string; count?: number; checked?: Expected[]; type?: string }
interface ManifestTx { file: string | null; txid: string; insertion_method: string; expected_payload: Expected; raw_tx_available?: boolean }
interface ManifestBlock { file: string; format: string; hash?: string }
const manifest = present ? (JSON.parse(readFileSync(join(dir, 'MANIFEST.json'), 'utf8')) as { transactions: ManifestTx[]; blocks: ManifestBlock[] }) : { transactions: [], blocks: [] };

/** One payload the manifest expects: its hash, where, and under which insertion method. */
interface Want { txid: string; sha256: string; label: string; group: string }

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The manifest's insertion method, reduced to a family for the found / expected table. */
function family(method: string): string {
  if (method.startsWith('stamps (OLGA')) return 'stamp-olga (P2WSH)';
  if (method.startsWith('stamps')) return 'stamp (ARC4 multisig)';
  if (method.startsWith('atomicals')) return 'atomicals';
  if (method.startsWith('witness/ordinals')) return 'ordinals';
  if (method.startsWith('bare multisig')) return 'multisig output data';
  if (method.startsWith('coinbase')) return 'coinbase';
  if (method.startsWith('witness')) return 'op-return';
  return method;
}

function wants(): { list: Want[]; capped: string[]; negative: string[]; unavailable: string[] } {
  const list: Want[] = [];
  const capped: string[] = [];
  const negative: string[] = [];
  const unavailable: string[] = [];
  for (const t of manifest.transactions) {
    const e = t.expected_payload;
    const group = family(t.insertion_method);
    if (t.file === null) {
      unavailable.push(`${t.txid} (${e.type ?? t.insertion_method}): no raw transaction in the test data`);
      continue;
    }
    if (e.type?.startsWith('NEGATIVE')) negative.push(t.txid);
    else if (e.type?.includes('decompression bomb')) capped.push(t.txid);
    else if (e.gzip_sha256 && e.decompressed_sha256) {
      list.push({ txid: t.txid, sha256: e.gzip_sha256, label: 'gzip as carried', group });
      list.push({ txid: t.txid, sha256: e.decompressed_sha256, label: 'after gunzip', group });
    } else if (e.checked) {
      for (const [i, c] of e.checked.entries()) list.push({ txid: t.txid, sha256: c.sha256!, label: `#${i} ${c.type ?? ''}`, group });
    } else if (e.sha256) list.push({ txid: t.txid, sha256: e.sha256, label: e.type ?? '', group });
    else if (e.hex) list.push({ txid: t.txid, sha256: sha256(Buffer.from(e.hex, 'hex')), label: e.type ?? '', group });
  }
  return { list, capped, negative, unavailable };
}

describe.skipIf(!present)('crosscheck chain scan against MANIFEST.json', () => {
  let work: string;
  let run: CliResult;
  let findings: ScannedFinding[];
  const blocks = { blk1to255: '', block277647: '' };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'crosscheck-chain-truth-'));
    const inputs: string[] = [];
    for (const t of manifest.transactions) {
      if (t.file === null) continue;
      if (t.file === 'bitcoinjs/block.json') {
        // The genesis block is one entry of bitcoinjs' fixture file: scanned as a hex raw block.
        const valid = (JSON.parse(readFileSync(join(dir, t.file), 'utf8')) as { valid: { description: string; hex: string }[] }).valid;
        const genesis = join(work, 'genesis.hex');
        writeFileSync(genesis, valid.find((v) => v.description === 'Genesis Block')!.hex);
        inputs.push(genesis);
      } else inputs.push(join(dir, t.file));
    }
    for (const b of manifest.blocks.filter((x) => x.format === 'raw block')) inputs.push(join(dir, b.file));
    blocks.blk1to255 = join(work, 'blk00000.dat');
    writeFileSync(blocks.blk1to255, execFileSync('bzip2', ['-dc', join(dir, 'btcd/blocks1-256.bz2')], { maxBuffer: 1 << 26 }));
    blocks.block277647 = join(work, '277647.dat');
    writeFileSync(blocks.block277647, execFileSync('bzip2', ['-dc', join(dir, 'btcd/277647.dat.bz2')], { maxBuffer: 1 << 26 }));
    inputs.push(blocks.blk1to255, blocks.block277647);
    run = await runCli(['chain', 'scan', '--no-progress', ...inputs]);
    findings = run.stdout.split('\n').filter((l) => l !== '').map((l) => scannedFindingSchema.parse(JSON.parse(l)));
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('reads every input without an error and ends with a summary', () => {
    expect(run.stderr).toContain('errors: 0');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/scanned 259 blocks/); // genesis, 574200, 702861, 1..255, 277647
  });

  it('finds every listed payload with its SHA-256 (as carried or decompressed), in its transaction', () => {
    const { list, unavailable } = wants();
    const found = (w: Want) => findings.some((f) => (f.sha256 === w.sha256 || f.decoded?.sha256 === w.sha256) && f.locations.some((l) => l.txid === w.txid));
    const table = new Map<string, { found: number; expected: number }>();
    const missing: string[] = [];
    for (const w of list) {
      const row = table.get(w.group) ?? { found: 0, expected: 0 };
      row.expected++;
      if (found(w)) row.found++;
      else missing.push(`${w.group}: ${w.txid} ${w.label} sha256 ${w.sha256}`);
      table.set(w.group, row);
    }
    console.log(['found / expected per insertion method:', ...[...table].map(([g, r]) => `  ${g}: ${r.found} / ${r.expected}`),
      ...unavailable.map((u) => `  not scannable: ${u}`)].join('\n'));
    expect(missing, `payloads not found:\n${missing.join('\n')}`).toEqual([]);
  });

  it('merges the gzip tar carried by two transactions into one finding with both locations', () => {
    const linpyro = manifest.transactions.filter((t) => t.expected_payload.gzip_sha256);
    expect(linpyro).toHaveLength(2);
    const f = findings.filter((x) => x.sha256 === linpyro[0]!.expected_payload.gzip_sha256 || x.decoded?.sha256 === linpyro[0]!.expected_payload.decompressed_sha256);
    expect(f, 'one finding for the Linpyro tar').toHaveLength(1);
    expect(new Set(f[0]!.locations.map((l) => l.txid))).toEqual(new Set(linpyro.map((t) => t.txid)));
  });

  it('finds every inscription of the batch and multi-input transactions', () => {
    for (const t of manifest.transactions.filter((x) => x.expected_payload.count !== undefined)) {
      const inTx = findings.filter((f) => f.method === 'ordinals' && f.locations.some((l) => l.txid === t.txid));
      const locations = inTx.flatMap((f) => f.locations.filter((l) => l.txid === t.txid));
      expect(locations.length, `${t.txid}: inscriptions found`).toBe(t.expected_payload.count);
    }
  });

  it('reports decompression bombs as capped, and finds no inscription in the coinbase-only negative', () => {
    const { capped, negative } = wants();
    expect(capped.length).toBeGreaterThan(0);
    for (const txid of capped) {
      const bomb = findings.filter((f) => f.locations.some((l) => l.txid === txid) && f.decoded?.capped === true);
      expect(bomb.length, `${txid}: a capped finding`).toBeGreaterThan(0);
      expect(bomb[0]!.notes.join(' ')).toMatch(/cap/);
    }
    for (const txid of negative) {
      expect(findings.filter((f) => f.method === 'ordinals' && f.locations.some((l) => l.txid === txid))).toEqual([]);
    }
  });

  it('finds the OP_RETURN outputs of block 574200, each located in its block with the height its coinbase states', () => {
    const file = manifest.blocks.find((b) => b.file.includes('1602407a'))!;
    const block = parseBlock(new Uint8Array(readFileSync(join(dir, file.file))));
    const opReturns = block.transactions.flatMap((t) => t.outputs).filter((o) => o.scriptPubKey[0] === 0x6a && o.scriptPubKey.length > 1).length;
    const located = findings.filter((f) => f.method === 'op-return').flatMap((f) => f.locations).filter((l) => l.blockHash === block.header.hash).length;
    expect(located, 'OP_RETURN outputs with data found').toBeGreaterThanOrEqual(Math.floor(opReturns * 0.95));
    const heights = new Set(findings.flatMap((f) => f.locations).filter((l) => l.blockHash === block.header.hash).map((l) => l.height));
    expect(heights).toEqual(new Set([574200]));
  });
});
