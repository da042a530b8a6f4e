/**
 * From screening to the owner's event stream: a server in its own process (SQLite), FRA's bureau
 * connected to `GET /api/v1/events`, DEU's frontline screening a stolen French passport again and
 * again (each screening is a hit). For every hit: the time from sending the screening to the
 * `hit.created` event arriving on FRA's stream, beside the baseline measured in the same run, the
 * screening's own round trip. Prints a JSON line.
 *
 *   node packages/server/bin/run-ts.js bench/events.ts [--n 1000]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server-process.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const cli = join(root, 'packages/server/bin/crosscheck.js');
const argN = process.argv.indexOf('--n');
const n = argN > 0 ? Number(process.argv[argN + 1]) : 1000;

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-events-bench-'));
const db = join(dir, 'bench.db');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args, '--db', db], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
  if (r.status !== 0) throw new Error(`crosscheck ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim().split('\n').pop()!;
};
run(['db', 'migrate']);
const fra = run(['keys', 'create', '--member', 'FRA', '--role', 'bureau']);
const deu = run(['keys', 'create', '--member', 'DEU', '--role', 'frontline']);

const { url, server } = await startServer(cli, db);
const headers = (key: string) => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });
const pctl = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

try {
  const created = await fetch(`${url}/api/v1/alerts`, {
    method: 'POST',
    headers: headers(fra),
    body: JSON.stringify({ kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: '12AB34567', status: 'stolen-issued' }, visibility: { mode: 'all' } }),
  });
  if (created.status !== 201) throw new Error(`creating the alert: ${created.status} ${await created.text()}`);

  // FRA's stream: every hit.created event, by screening id, with the time it arrived.
  const arrived = new Map<string, number>();
  const waiting = new Map<string, () => void>();
  const stream = await fetch(`${url}/api/v1/events`, { headers: { authorization: `Bearer ${fra}` } });
  if (stream.status !== 200 || !stream.body) throw new Error(`opening the event stream: ${stream.status}`);
  const reader = stream.body.getReader();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((l) => l.startsWith('data:'));
        if (!block.includes('event: hit.created') || !data) continue;
        const screeningId = (JSON.parse(data.slice(5)) as { screeningId: string }).screeningId;
        arrived.set(screeningId, performance.now());
        waiting.get(screeningId)?.();
      }
    }
  })();

  const body = JSON.stringify({ documents: [{ number: '12AB34567', issuingState: 'FRA' }] });
  const toEvent: number[] = [];
  const roundTrip: number[] = [];
  for (let i = 0; i < n; i++) {
    const sent = performance.now();
    const r = await fetch(`${url}/api/v1/screen`, { method: 'POST', headers: headers(deu), body });
    const answered = performance.now();
    const { screeningId } = (await r.json()) as { screeningId: string };
    if (!arrived.has(screeningId)) {
      await new Promise<void>((res, rej) => {
        const timer = setTimeout(() => rej(new Error(`no hit.created event for screening ${screeningId} within 5 s`)), 5000);
        waiting.set(screeningId, () => {
          clearTimeout(timer);
          res();
        });
      });
    }
    toEvent.push(arrived.get(screeningId)! - sent);
    roundTrip.push(answered - sent);
  }
  await reader.cancel();
  const round = (x: number) => Number(x.toFixed(2));
  console.log(
    JSON.stringify({
      bench: 'events.hit-to-stream',
      n,
      p50Ms: round(pctl(toEvent, 0.5)),
      p99Ms: round(pctl(toEvent, 0.99)),
      maxMs: round(Math.max(...toEvent)),
      baseline: 'the screening request round trip',
      baselineP50Ms: round(pctl(roundTrip, 0.5)),
      baselineP99Ms: round(pctl(roundTrip, 0.99)),
      ratio: round(pctl(toEvent, 0.5) / pctl(roundTrip, 0.5)),
    }),
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  rmSync(dir, { recursive: true, force: true });
}
