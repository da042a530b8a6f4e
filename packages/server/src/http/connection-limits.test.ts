import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionLimits } from './connection-limits.js';
import { appendEvent } from '../store/event-repo.js';
import { inWriteTransaction } from '../store/write-transaction.js';
import { ENGINES } from '../../test/engines.js';
import { httpHarness, type Harness } from '../../test/http-harness.js';
import { openRaw, within, type RawConnection } from '../../test/raw-http.js';

// Short deadlines, so that each case shows its limit working in well under a second.
const SHORT: ConnectionLimits = { headersTimeoutMs: 400, requestTimeoutMs: 800, keepAliveTimeoutMs: 300, maxConnections: 50 };
// What a deadline may overrun by: Node sweeps for late requests every tenth of the shortest one,
// and a busy machine runs the sweep late; still far from what is held without the limits (minutes).
const SLACK_MS = 1500;

describe.each(ENGINES)('connections on %s', (engine) => {
  let h: Harness;
  let port: number;
  const open: RawConnection[] = [];

  async function start(limits: ConnectionLimits): Promise<void> {
    h = await httpHarness(engine, [['FRA', 'frontline'], ['FRA', 'bureau']], 64 * 1024, { connections: limits });
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
    port = address.port;
  }
  async function raw(): Promise<RawConnection> {
    const c = await openRaw(port);
    open.push(c);
    return c;
  }
  afterEach(async () => {
    for (const c of open.splice(0)) c.socket.destroy();
    h.app.server.closeAllConnections();
    await h.close();
  });

  const screenHead = (key: string, length: number) =>
    `POST /api/v1/screen HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

  it('cuts off a body trickled at one byte per 100 ms when the request deadline passes, with a 408 problem', async () => {
    await start(SHORT);
    const c = await raw();
    c.socket.write(screenHead(h.key('FRA', 'frontline'), 1000));
    c.trickle(1000, 100);
    const closedAfter = await within(c.closed, 5000);
    expect(closedAfter).not.toBeNull();
    expect(closedAfter!).toBeGreaterThanOrEqual(SHORT.requestTimeoutMs - 50);
    expect(closedAfter!).toBeLessThan(SHORT.requestTimeoutMs + SLACK_MS);
    expect(c.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(c.received()).toContain('application/problem+json');
    expect(c.received()).toContain('"code":"request.timeout"');
  });

  it('cuts off an unauthenticated trickle on the public pages at the same deadline', async () => {
    await start(SHORT);
    const c = await raw();
    c.socket.write('POST /public/notices/v1/red HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n');
    c.trickle(1000, 100);
    const closedAfter = await within(c.closed, 5000);
    expect(closedAfter).not.toBeNull();
    expect(closedAfter!).toBeLessThan(SHORT.requestTimeoutMs + SLACK_MS);
  });

  it('cuts off headers that promise a body which never comes', async () => {
    await start(SHORT);
    const c = await raw();
    c.socket.write(screenHead(h.key('FRA', 'frontline'), 50));
    const closedAfter = await within(c.closed, 5000);
    expect(closedAfter).not.toBeNull();
    expect(closedAfter!).toBeLessThan(SHORT.requestTimeoutMs + SLACK_MS);
    expect(c.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('cuts off headers that never end at the headers deadline', async () => {
    await start(SHORT);
    const c = await raw();
    c.socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const closedAfter = await within(c.closed, 5000);
    expect(closedAfter).not.toBeNull();
    expect(closedAfter!).toBeLessThan(SHORT.headersTimeoutMs + SLACK_MS);
    expect(c.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('refuses a wrong key at once, before reading a slow body, and hangs up', async () => {
    // A long deadline, so that the answer cannot be the deadline's.
    await start({ ...SHORT, headersTimeoutMs: 10_000, requestTimeoutMs: 20_000 });
    const c = await raw();
    c.socket.write(screenHead('cc_live_notakey.notasecret', 60_000));
    c.socket.write('{"person":');
    c.trickle(60_000, 50);
    const answeredAfter = await c.receivedText('\r\n\r\n', 3000);
    expect(answeredAfter).toBeLessThan(1000);
    expect(c.received()).toMatch(/^HTTP\/1\.1 401 /);
    expect(c.received()).toMatch(/connection: close/i);
    expect(await within(c.closed, 1000)).not.toBeNull();
  });

  it('refuses a request without credentials at once, before reading its body', async () => {
    await start({ ...SHORT, headersTimeoutMs: 10_000, requestTimeoutMs: 20_000 });
    const c = await raw();
    c.socket.write('POST /api/v1/screen/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n[');
    c.trickle(60_000, 50);
    expect(await c.receivedText('\r\n\r\n', 3000)).toBeLessThan(1000);
    expect(c.received()).toMatch(/^HTTP\/1\.1 401 /);
    expect(await within(c.closed, 1000)).not.toBeNull();
  });

  it('closes an idle kept-alive connection after the keep-alive timeout', async () => {
    await start(SHORT);
    const c = await raw();
    c.socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const answered = await c.receivedText('"status":"ok"');
    const closedAfter = await within(c.closed, 5000);
    expect(closedAfter).not.toBeNull();
    // Node gives an idle connection a second's grace past the keep-alive timeout it announces.
    expect(closedAfter! - answered).toBeLessThan(SHORT.keepAliveTimeoutMs + 1000 + SLACK_MS);
  });

  it('closes connections beyond the cap as they arrive, and serves again once one is freed', async () => {
    await start({ ...SHORT, headersTimeoutMs: 10_000, requestTimeoutMs: 20_000, keepAliveTimeoutMs: 10_000, maxConnections: 3 });
    const held = [await raw(), await raw(), await raw()];
    // The server counts a connection when it accepts it, which may come after the client's 'connect'.
    await new Promise((r) => setTimeout(r, 100));
    const refused = await raw();
    refused.socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(await within(refused.closed, 2000)).not.toBeNull();
    expect(refused.received()).toBe('');

    held[0]!.socket.destroy();
    await held[0]!.closed;
    await new Promise((r) => setTimeout(r, 100));
    const next = await raw();
    next.socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await next.receivedText('"status":"ok"');
    // The held ones are still open: the cap closes only the newcomers.
    expect(held[1]!.socket.destroyed).toBe(false);
  });

  it('keeps an event stream open well past the request deadline, and delivers on it', async () => {
    await start(SHORT);
    const c = await raw();
    c.socket.write(`GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${h.key('FRA', 'bureau')}\r\n\r\n`);
    await c.receivedText(': stream open');
    await new Promise((r) => setTimeout(r, SHORT.requestTimeoutMs * 3));
    expect(c.socket.destroyed).toBe(false);
    await inWriteTransaction(h.t.deps.db, (tx) => appendEvent(tx, { member: 'FRA', type: 'message.received', data: { messageId: 'm-1', from: 'DEU', subject: 'Query' }, at: new Date().toISOString() }));
    h.t.deps.bus.published();
    await c.receivedText('event: message.received');
  });
});
