/**
 * How long slow or hostile clients hold a connection of `crosscheck serve` with its default limits
 * (a server in its own process on SQLite, default environment): a body trickled at one byte per
 * 10 s, headers promising a body that never comes, headers that never end, an idle kept-alive
 * connection, and how fast a wrong key with a slow body is refused. Prints JSON lines.
 *
 *   node packages/server/bin/run-ts.js bench/slow-clients.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server-process.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const cli = join(root, 'packages/server/bin/crosscheck.js');
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-slow-bench-'));
const { url, server } = await startServer(cli, join(dir, 'bench.db'));
const port = Number(new URL(url).port);

interface Held {
  /** Until the server answered (first byte), or null if it never did. */
  answeredMs: number | null;
  /** Until the server closed the connection, or null if it was still open at the cap. */
  closedMs: number | null;
  status: string | null;
}

/** Opens a connection, sends `head`, then `drip` one byte every `everyMs`; measures the server's answer and hang-up. */
function hold(head: string, everyMs: number | null, capMs = 120_000): Promise<Held> {
  return new Promise((done) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const start = Date.now();
    let answeredMs: number | null = null;
    let received = '';
    let drip: NodeJS.Timeout | undefined;
    const cap = setTimeout(() => finish(null), capMs);
    const finish = (closedMs: number | null): void => {
      clearInterval(drip);
      clearTimeout(cap);
      socket.destroy();
      done({ answeredMs, closedMs, status: /^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? null });
    };
    socket.on('connect', () => {
      socket.write(head);
      if (everyMs !== null) drip = setInterval(() => socket.write('x'), everyMs);
    });
    socket.on('data', (d: Buffer) => {
      answeredMs ??= Date.now() - start;
      received += d.toString('latin1');
    });
    socket.on('error', () => {});
    socket.on('close', () => finish(Date.now() - start));
  });
}

const post = (path: string, extra = '') => `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n${extra}\r\n`;
const badKey = `Authorization: Bearer cc_${'0'.repeat(12)}_${'A'.repeat(43)}\r\n`;
const cases: [string, Promise<Held>][] = [
  ['body trickled at 1 byte / 10 s, unauthenticated, POST /public/notices/v1/red', hold(post('/public/notices/v1/red'), 10_000)],
  ['headers promising a body that never comes, POST /public/notices/v1/red', hold(post('/public/notices/v1/red'), null)],
  ['headers that never end, GET /health', hold('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n', null)],
  ['idle kept-alive connection after GET /health', hold('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', null)],
  ['wrong key with a body trickled at 1 byte / 10 s, POST /api/v1/screen', hold(post('/api/v1/screen', badKey), 10_000)],
];
try {
  for (const [scenario, held] of cases) console.log(JSON.stringify({ bench: 'slow-clients', scenario, ...(await held) }));
} finally {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
