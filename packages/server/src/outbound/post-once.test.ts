import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { afterEach, describe, expect, it } from 'vitest';
import { NAME_REFUSED, OutboundRefused, type Resolve } from './pinned-lookup.js';
import { postOnce } from './post-once.js';

interface Receiver {
  port: number;
  got: { headers: IncomingHttpHeaders; body: string }[];
  close(): Promise<void>;
}

const servers: Receiver[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** A receiver on loopback; `answer` sets the status and headers (or never answers when it returns null). */
async function receiver(answer: () => { status: number; headers?: Record<string, string> } | null = () => ({ status: 200 })): Promise<Receiver> {
  const got: Receiver['got'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      const a = answer();
      if (a === null) return;
      res.writeHead(a.status, a.headers ?? {});
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const r: Receiver = {
    port: (server.address() as AddressInfo).port,
    got,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(r);
  return r;
}

/** A resolver that answers from a script, one answer per call, and counts the calls. */
function scripted(...answers: (LookupAddress[] | Error)[]): Resolve & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string): Promise<LookupAddress[]> => {
    calls.push(hostname);
    const a = answers[Math.min(calls.length, answers.length) - 1]!;
    if (a instanceof Error) throw a;
    return a;
  };
  return Object.assign(resolve, { calls });
}

const LOOPBACK: LookupAddress[] = [{ address: '127.0.0.1', family: 4 }];
const PUBLIC: LookupAddress[] = [{ address: '93.184.215.14', family: 4 }];
const post = (url: string, allowPrivate: boolean, resolve: Resolve, timeoutMs = 2000) => postOnce(url, { 'content-type': 'application/json' }, '{"a":1}', { allowPrivate, timeoutMs, resolve });

describe('postOnce', () => {
  it('never connects to a name that resolves to loopback, and says the same when the name does not resolve at all', async () => {
    const r = await receiver();
    const toLoopback = scripted(LOOPBACK);
    // The refusal comes out of the socket's lookup as itself, so the log can tell it from a network error.
    const refused = await post(`http://receiver.test:${r.port}/hook`, false, toLoopback).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OutboundRefused);
    expect((refused as Error).message).toBe(NAME_REFUSED);
    const mixed = scripted([...PUBLIC, { address: '::ffff:7f00:1', family: 6 }]);
    await expect(post(`http://receiver.test:${r.port}/hook`, false, mixed)).rejects.toThrow(new OutboundRefused(NAME_REFUSED));
    const missing = scripted(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    await expect(post(`http://nowhere.test:${r.port}/hook`, false, missing)).rejects.toThrow(new OutboundRefused(NAME_REFUSED));
    expect(r.got).toEqual([]);
    expect([toLoopback.calls, mixed.calls, missing.calls]).toEqual([['receiver.test'], ['receiver.test'], ['nowhere.test']]);
  });

  it('resolves a name once per request and connects to the address it checked: a second, different answer is never used', async () => {
    const r = await receiver();
    // Rebinding: private first, public after; and public first, private after, when allowed.
    const rebinding = scripted(LOOPBACK, PUBLIC);
    await expect(post(`http://receiver.test:${r.port}/hook`, false, rebinding)).rejects.toThrow(new OutboundRefused(NAME_REFUSED));
    expect(rebinding.calls).toEqual(['receiver.test']);
    expect(r.got).toEqual([]);

    // Allowed (a closed network): the socket goes where the resolver said, with the name as Host.
    const pinned = scripted(LOOPBACK, PUBLIC);
    expect(await post(`http://receiver.test:${r.port}/hook`, true, pinned)).toBe(200);
    expect(pinned.calls).toEqual(['receiver.test']);
    expect(r.got).toHaveLength(1);
    expect(r.got[0]!.headers.host).toBe(`receiver.test:${r.port}`);
    expect(r.got[0]!.body).toBe('{"a":1}');
  });

  it('refuses an address written in the URL before resolving or connecting, in its IPv6 forms too', async () => {
    const r = await receiver();
    const resolve = scripted(LOOPBACK);
    for (const host of ['127.0.0.1', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[64:ff9b::7f00:1]', '[2002:7f00:1::]', '2130706433', '0x7f.1', '0177.0.0.1', 'localhost', '[::1]']) {
      await expect(post(`http://${host}:${r.port}/hook`, false, resolve), host).rejects.toBeInstanceOf(OutboundRefused);
    }
    expect(resolve.calls).toEqual([]);
    expect(r.got).toEqual([]);
  });

  it('does not follow a redirect: the 3xx is the answer', async () => {
    const elsewhere = await receiver();
    const r = await receiver(() => ({ status: 307, headers: { location: `http://127.0.0.1:${elsewhere.port}/stolen` } }));
    expect(await post(`http://127.0.0.1:${r.port}/hook`, true, scripted(LOOPBACK))).toBe(307);
    expect(r.got).toHaveLength(1);
    expect(elsewhere.got).toEqual([]);
  });

  it('gives up on a receiver that does not answer within the time given', async () => {
    const r = await receiver(() => null);
    const started = Date.now();
    await expect(post(`http://127.0.0.1:${r.port}/hook`, true, scripted(LOOPBACK), 300)).rejects.toMatchObject({ name: expect.stringMatching(/AbortError|TimeoutError/) });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
