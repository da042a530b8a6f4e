/**
 * A national copy beside its centre, both in processes of their own on SQLite (loopback).
 *
 * 1. Catch-up: the centre holds `--n` alerts (20,000); a new copy pulls signed batches of 1,000 and
 *    applies them. Changes per second, beside two baselines read in the same run: the same
 *    changes through the plain `GET /api/v1/changes` (no signature, nothing applied) and the
 *    signed batches pulled and verified but not applied.
 * 2. Lag: the centre takes one new alert every 10 ms (100 changes/s) for `--seconds` (30). For
 *    each change, the time from the centre's answer to the copy reporting it applied, and how
 *    many changes the copy is behind at each 10 ms sample; beside the same lag of a plain
 *    follower polling `GET /api/v1/changes` every 250 ms (the copy's own poll interval).
 *
 *   node packages/server/bin/run-ts.js bench/replica.ts [--n 20000] [--seconds 30]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkBatch } from '../packages/server/src/app/replica/signed-batch.js';
import { startServer } from './server-process.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const cli = join(root, 'packages/server/bin/crosscheck.js');
const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const n = arg('--n', 20_000);
const seconds = arg('--seconds', 30);

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-replica-bench-'));
const centreDb = join(dir, 'centre.db');
const copyDb = join(dir, 'copy.db');
const run = (args: string[], db: string, input?: string) => {
  const r = spawnSync(process.execPath, [cli, ...args, '--db', db], { encoding: 'utf8', input, maxBuffer: 1 << 26, env: { ...process.env, DATABASE_URL: '' } });
  if (r.status !== 0) throw new Error(`crosscheck ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim().split('\n').pop()!;
};
const pctl = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const round = (x: number) => Number(x.toFixed(1));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const doc = (number: string) => ({ kind: 'document', document: { issuingState: 'FRA', type: 'passport', number, status: 'stolen-issued' }, visibility: { mode: 'all' } });

run(['db', 'migrate'], centreDb);
run(['db', 'migrate'], copyDb);
const fra = run(['keys', 'create', '--member', 'FRA', '--role', 'bureau'], centreDb);
const deuBureau = run(['keys', 'create', '--member', 'DEU', '--role', 'bureau'], centreDb);
const deuReplica = run(['keys', 'create', '--member', 'DEU', '--role', 'replica'], centreDb);
const local = run(['keys', 'create', '--member', 'DEU', '--role', 'bureau'], copyDb);
run(['alerts', 'import', '-', '--member', 'FRA', '--batch', '1000'], centreDb, Array.from({ length: n }, (_, i) => JSON.stringify(doc(`BENCH${String(i).padStart(7, '0')}`))).join('\n'));

const { url, server } = await startServer(cli, centreDb);
let copy: ChildProcess | undefined;
const get = async (base: string, key: string, path: string) => {
  const r = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${key}` } });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as Record<string, unknown>;
};

try {
  // Baselines: the same n changes through the plain feed, and as signed batches verified only.
  let t = performance.now();
  let after = 0;
  for (;;) {
    const page = (await get(url, deuBureau, `/api/v1/changes?after=${after}&limit=1000`)) as { next: number | null };
    if (page.next === null) break;
    after = page.next;
  }
  const feedRate = n / ((performance.now() - t) / 1000);
  const key = (await get(url, deuReplica, '/api/v1/replica/key')) as { publicKey: string; keyId: string };
  t = performance.now();
  after = 0;
  for (;;) {
    const raw = await get(url, deuReplica, `/api/v1/replica/batch?after=${after}&limit=1000`);
    const checked = checkBatch(raw, { publicKeyPem: key.publicKey, keyId: key.keyId, appliedTo: after, member: 'DEU' });
    if (!checked.batch) throw new Error(checked.problem.message);
    after = checked.batch.to;
    if (after >= checked.batch.head) break;
  }
  const verifiedRate = n / ((performance.now() - t) / 1000);

  // Catch-up: a new copy, measured from the first status that shows it under way.
  copy = spawn(process.execPath, [cli, 'replica', '--from', url, '--key', deuReplica, '--trust-on-first-use', '--port', '0', '--db', copyDb], {
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const copyUrl = await new Promise<string>((res, rej) => {
    let out = '';
    copy!.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/localhost:\d+)/.exec(out);
      if (m) res(m[1]!);
    });
    copy!.on('exit', (c) => rej(new Error(`copy exited ${c}`)));
  });
  const status = async () => (await get(copyUrl, local, '/api/v1/replica/status')) as { appliedTo: number; centreHead: number };
  const first = await status();
  const t0 = performance.now();
  let s = first;
  while (s.appliedTo < n) {
    await sleep(5);
    s = await status();
  }
  const catchUpRate = (n - first.appliedTo) / ((performance.now() - t0) / 1000);
  console.log(
    JSON.stringify({
      bench: 'replica.catch-up',
      changes: n,
      measuredChanges: n - first.appliedTo,
      changesPerSecond: Math.round(catchUpRate),
      baseline: 'the same changes read with GET /api/v1/changes (limit 1000), and as signed batches pulled and verified without applying',
      baselineFeedPerSecond: Math.round(feedRate),
      baselineVerifiedPerSecond: Math.round(verifiedRate),
      ratioToFeed: Number((catchUpRate / feedRate).toFixed(2)),
    }),
  );

  // Lag under 100 changes per second, for the copy and for a plain feed follower.
  const head0 = n;
  const published: number[] = []; // answer time of seq head0 + i + 1
  const copySeen: number[] = [];
  const plainSeen: number[] = [];
  const behindSamples: number[] = [];
  let publishing = true;
  const watchCopy = (async () => {
    while (publishing || (copySeen.length < published.length)) {
      const st = await status();
      const now = performance.now();
      for (let i = copySeen.length; i < published.length && head0 + i + 1 <= st.appliedTo; i++) copySeen.push(now);
      behindSamples.push(Math.max(0, head0 + published.length - st.appliedTo));
      await sleep(10);
    }
  })();
  const watchPlain = (async () => {
    let pos = head0;
    while (publishing || plainSeen.length < published.length) {
      for (;;) {
        const page = (await get(url, deuBureau, `/api/v1/changes?after=${pos}&limit=1000`)) as { items: { seq: number }[] };
        const now = performance.now();
        for (const it of page.items) {
          pos = it.seq;
          if (pos - head0 - 1 === plainSeen.length) plainSeen.push(now);
        }
        if (page.items.length < 1000) break;
      }
      await sleep(250);
    }
  })();
  const start = performance.now();
  for (let i = 0; i < seconds * 100; i++) {
    const due = start + i * 10;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const r = await fetch(`${url}/api/v1/alerts`, { method: 'POST', headers: { authorization: `Bearer ${fra}`, 'content-type': 'application/json' }, body: JSON.stringify(doc(`LAG${String(i).padStart(7, '0')}`)) });
    if (r.status !== 201) throw new Error(`publishing: ${r.status} ${await r.text()}`);
    await r.arrayBuffer();
    published.push(performance.now());
  }
  const achieved = published.length / ((performance.now() - start) / 1000);
  publishing = false;
  await Promise.all([watchCopy, watchPlain]);
  const lag = copySeen.map((at, i) => Math.max(0, at - published[i]!));
  const plainLag = plainSeen.map((at, i) => Math.max(0, at - published[i]!));
  console.log(
    JSON.stringify({
      bench: 'replica.lag',
      seconds,
      changesPerSecond: round(achieved),
      p50Ms: round(pctl(lag, 0.5)),
      p99Ms: round(pctl(lag, 0.99)),
      maxMs: round(Math.max(...lag)),
      behindP50Changes: pctl(behindSamples, 0.5),
      behindP99Changes: pctl(behindSamples, 0.99),
      baseline: 'a plain follower polling GET /api/v1/changes every 250 ms (the copy polls as often), measured the same way',
      baselineP50Ms: round(pctl(plainLag, 0.5)),
      baselineP99Ms: round(pctl(plainLag, 0.99)),
    }),
  );
} finally {
  copy?.kill('SIGTERM');
  server.kill('SIGTERM');
  await sleep(500);
  rmSync(dir, { recursive: true, force: true });
}
