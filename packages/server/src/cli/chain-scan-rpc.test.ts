import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readBlkFile } from '@crosscheck/core/bitcoin';
import { scannedFindingSchema } from '@crosscheck/core/api/schemas';
import { runCli, startCli } from '../../test/cli.js';
import { BitcoinRpc, RpcError } from '../chain/bitcoin-rpc.js';

// `crosscheck chain scan --rpc` against a small JSON-RPC server that answers getblockhash and
// getblock <hash> 0 the way Bitcoin Core does, serving mainnet blocks 1..255 from btcd's test
// data (bzip2-compressed blk framing, unpacked with the system bzip2). Skips without the data.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const testdata = process.env.CROSSCHECK_TESTDATA ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/testdata');
const file = join(testdata, 'chain/btcd/blocks1-256.bz2');
const haveBzip2 = (() => { try { execFileSync('bzip2', ['--help'], { stdio: 'ignore' }); return true; } catch { return false; } })();
const present = existsSync(file) && haveBzip2;
if (!present) console.warn(`skipping the chain scan RPC tests: ${file} or the bzip2 program is absent`);

interface FakeNode {
  url: string;
  /** Height at which getblockhash answers with an error (a node going away mid-scan). */
  failAt?: number;
  /** Method that never answers. */
  hang?: string;
  /** Pause before each answer, in ms (a slow node). */
  delayMs?: number;
  calls: string[];
}

function startNode(blocks: Map<number, { hash: string; hex: string }>): Promise<{ server: Server; node: FakeNode }> {
  const node: FakeNode = { url: '', calls: [] };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      if (req.headers.authorization !== `Basic ${Buffer.from('alice:s3cret').toString('base64')}`) {
        res.writeHead(401).end();
        return;
      }
      const { id, method, params } = JSON.parse(body) as { id: number; method: string; params: unknown[] };
      node.calls.push(`${method} ${JSON.stringify(params)}`);
      if (method === node.hang) return; // never answers
      const answer = (result: unknown, error: { code: number; message: string } | null = null) => {
        const send = () => res.writeHead(error ? 500 : 200, { 'content-type': 'application/json' }).end(JSON.stringify({ result, error, id }));
        if (node.delayMs) setTimeout(send, node.delayMs);
        else send();
      };
      if (method === 'getblockhash') {
        const h = params[0] as number;
        if (h === node.failAt) return answer(null, { code: -1, message: 'node shutting down' });
        const b = blocks.get(h);
        return b ? answer(b.hash) : answer(null, { code: -8, message: 'Block height out of range' });
      }
      if (method === 'getblock' && params[1] === 0) {
        const b = [...blocks.values()].find((x) => x.hash === params[0]);
        return b ? answer(b.hex) : answer(null, { code: -5, message: 'Block not found' });
      }
      return answer(null, { code: -32601, message: 'Method not found' });
    });
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => {
    node.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    done({ server, node });
  }));
}

describe.skipIf(!present)('crosscheck chain scan --rpc', () => {
  let server: Server;
  let node: FakeNode;
  let work: string;
  const withAuth = () => node.url.replace('http://', 'http://alice:s3cret@');

  beforeAll(async () => {
    const raw = new Uint8Array(execFileSync('bzip2', ['-dc', file], { maxBuffer: 1 << 26 }));
    const blocks = new Map<number, { hash: string; hex: string }>();
    let height = 1;
    for (const e of readBlkFile(raw)) {
      if (!e.ok) throw e.error;
      blocks.set(height++, { hash: e.block.header.hash, hex: Buffer.from(raw.subarray(e.offset + 8, e.offset + 8 + e.block.size)).toString('hex') });
    }
    // Two later mainnet blocks at their own heights, for findings to come out of the range scan.
    const later = join(testdata, 'chain/btcd/block-0000000000000000001602407ac49862a7bca9d00f7f402db20b7be2f5de59d2.blk');
    blocks.set(574200, { hash: '0000000000000000001602407ac49862a7bca9d00f7f402db20b7be2f5de59d2', hex: readFileSync(later).toString('hex') });
    ({ server, node } = await startNode(blocks));
    work = mkdtempSync(join(tmpdir(), 'crosscheck-chain-rpc-'));
  });

  afterAll(() => {
    server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('scans a height range with credentials from a cookie file, each finding with its height and block hash', async () => {
    const cookie = join(work, '.cookie');
    writeFileSync(cookie, 'alice:s3cret');
    const early = await runCli(['chain', 'scan', '--rpc', node.url, '--rpc-cookie', cookie, '--from', '1', '--to', '20']);
    expect(early.stderr).toContain('scanned 20 blocks');
    expect(early.code).toBe(0);
    const r = await runCli(['chain', 'scan', '--rpc', node.url, '--rpc-cookie', cookie, '--from', '574200', '--to', '574200']);
    expect(r.code, r.stderr).toBe(0);
    const findings = r.stdout.split('\n').filter((l) => l).map((l) => scannedFindingSchema.parse(JSON.parse(l)));
    const locations = findings.flatMap((f) => f.locations);
    expect(findings.filter((f) => f.method === 'op-return').length).toBeGreaterThan(100);
    expect(new Set(locations.map((l) => `${l.height} ${l.blockHash}`))).toEqual(new Set(['574200 0000000000000000001602407ac49862a7bca9d00f7f402db20b7be2f5de59d2']));
  });

  it('refuses wrong credentials and a bad range, with a message and a failing exit code', async () => {
    const wrong = await runCli(['chain', 'scan', '--rpc', node.url.replace('http://', 'http://alice:nope@'), '--from', '1', '--to', '2']);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('refused the credentials');
    const backwards = await runCli(['chain', 'scan', '--rpc', withAuth(), '--from', '9', '--to', '2']);
    expect(backwards.code).not.toBe(0);
    expect(backwards.stderr).toContain('--from 9 is after --to 2');
    const both = await runCli(['chain', 'scan', 'x.dat', '--rpc', withAuth(), '--from', '1', '--to', '2']);
    expect(both.stderr).toContain('not both');
    const past = await runCli(['chain', 'scan', '--rpc', withAuth(), '--from', '250', '--to', '300']);
    expect(past.code).not.toBe(0);
    expect(past.stderr).toContain('Block height out of range');
  });

  it('stops when the node fails, records the last height done, and --resume goes on from there', async () => {
    const state = join(work, 'scan.state');
    node.failAt = 25;
    const first = await runCli(['chain', 'scan', '--rpc', withAuth(), '--from', '1', '--to', '40', '--state', state]);
    expect(first.code).not.toBe(0);
    expect(first.stderr).toContain('node shutting down');
    expect(first.stderr).toContain('resume with --resume');
    expect(JSON.parse(readFileSync(state, 'utf8'))).toMatchObject({ rpc: node.url, from: 1, to: 40, lastDone: 24 });
    expect(first.stderr).not.toContain('s3cret');
    node.failAt = undefined;
    const second = await runCli(['chain', 'scan', '--rpc', withAuth(), '--resume', '--state', state]);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('scanned 16 blocks');
    expect(JSON.parse(readFileSync(state, 'utf8'))).toMatchObject({ lastDone: 40 });
    expect(first.stderr).toContain('scanned 24 blocks');
  });

  it('on Ctrl-C finishes the block in hand, writes its findings and state, and exits 130', async () => {
    const state = join(work, 'interrupted.state');
    node.delayMs = 100;
    node.calls.length = 0;
    try {
      const child = startCli(['chain', 'scan', '--rpc', withAuth(), '--from', '1', '--to', '255', '--state', state]);
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout!.resume();
      // Interrupted once a few blocks have been asked for.
      await vi.waitFor(() => expect(node.calls.filter((c) => c.startsWith('getblock ')).length).toBeGreaterThan(3), { timeout: 60_000, interval: 100 });
      child.kill('SIGINT');
      const code = await new Promise<number | null>((done) => child.on('close', done));
      expect(code).toBe(130);
      expect(stderr).toContain('resume with --resume');
      const saved = JSON.parse(readFileSync(state, 'utf8')) as { lastDone: number };
      expect(saved.lastDone).toBeGreaterThanOrEqual(3);
      expect(saved.lastDone).toBeLessThan(255);
      expect(stderr).toContain(`last height done: ${saved.lastDone}`);
    } finally {
      node.delayMs = undefined;
    }
  });

  it('bounds what one answer may be and how long it may take', async () => {
    const small = await BitcoinRpc.open({ url: withAuth(), maxResponseBytes: 200, tries: 1 });
    const hash = await small.getBlockHash(1);
    await expect(small.getBlockHex(hash)).rejects.toThrow(/more than the limit of 200|longer than the limit of 200/);
    node.hang = 'getblock';
    try {
      const impatient = await BitcoinRpc.open({ url: withAuth(), timeoutMs: 300, tries: 2, retryDelayMs: 10 });
      await expect(impatient.getBlockHex(hash)).rejects.toThrow(RpcError);
      await expect(impatient.getBlockHex(hash)).rejects.toThrow(/no answer within 300 ms/);
    } finally {
      node.hang = undefined;
    }
  });
});
