import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { bearer, httpHarness } from '../../test/http-harness.js';
import { logSerializers } from '../metrics/log-fields.js';
import { RequestLog } from './request-log.js';

/** A server logging as the app does, at the default level (info) into an array, with one fast and one slow route. */
async function serverLoggingTo(lines: Record<string, unknown>[], slowMs: number) {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const l of chunk.toString().split('\n')) if (l.trim() !== '') lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  const app = Fastify({ logController: new RequestLog(slowMs), logger: { level: 'info', stream, serializers: logSerializers } });
  app.get('/fast', async () => ({ ok: true }));
  app.get('/slow', async () => {
    await new Promise((r) => setTimeout(r, slowMs + 20));
    return { ok: true };
  });
  app.get('/events', async (_request, reply) => {
    await new Promise((r) => setTimeout(r, slowMs + 20));
    return reply.type('text/event-stream').send('data: x\n\n');
  });
  await app.ready();
  return app;
}

describe('request logs', () => {
  it('write nothing at info level for a normal request, and one line for a slow one', async () => {
    const lines: Record<string, unknown>[] = [];
    const app = await serverLoggingTo(lines, 50);
    try {
      expect((await app.inject('/fast')).statusCode).toBe(200);
      expect((await app.inject('/events')).statusCode).toBe(200);
      expect((await app.inject('/nowhere')).statusCode).toBe(404);
      expect(lines).toEqual([]);
      expect((await app.inject('/slow')).statusCode).toBe(200);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 30, req: { method: 'GET', url: '/slow' }, res: { statusCode: 200 } });
      expect(lines[0]!.msg).toMatch(/^slow request: \d+ ms \(over 50 ms\)$/);
    } finally {
      await app.close();
    }
  });

  it('log every request at debug level', async () => {
    const lines: Record<string, unknown>[] = [];
    const app = await serverLoggingTo(lines, 1000);
    app.log.level = 'debug';
    try {
      await app.inject('/fast');
      expect(lines.map((l) => [l.level, l.msg])).toEqual([
        [20, 'incoming request'],
        [20, 'request completed'],
      ]);
      expect(lines[1]).toMatchObject({ req: { url: '/fast' }, res: { statusCode: 200 } });
    } finally {
      await app.close();
    }
  });

  it('name an unknown address by its method only, never its path or query string', async () => {
    const lines: Record<string, unknown>[] = [];
    const app = await serverLoggingTo(lines, 1000);
    app.log.level = 'debug';
    try {
      expect((await app.inject('/nowhere/QWZXQUOTAVIC?name=QWZXQUOTAVIC')).statusCode).toBe(404);
      const notFound = lines.find((l) => l.msg === 'no route for GET');
      expect(notFound).toMatchObject({ level: 20, method: 'GET', route: '(none)', reqId: expect.any(String) });
      expect(lines.map((l) => l.msg)).toContain('request completed');
      expect(lines.filter((l) => JSON.stringify(l).includes('QWZXQUOTAVIC'))).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('the server’s own log, at debug level', () => {
  it('never holds a request’s key or session cookie, whether the request succeeds or is refused', async () => {
    const h = await httpHarness('sqlite', [['FRA', 'bureau']], 64 * 1024, { logLevel: 'debug' });
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      const key = h.key('FRA');
      expect((await h.app.inject({ method: 'GET', url: '/api/v1/members', headers: bearer(key) })).statusCode).toBe(200);
      const wrong = `${key.slice(0, -4)}AAAA`;
      expect((await h.app.inject({ method: 'GET', url: '/api/v1/members', headers: bearer(wrong) })).statusCode).toBe(401);
      expect((await h.app.inject({ method: 'GET', url: '/api/v1/members', headers: { cookie: 'cc_session=not-a-real-session-token-1234567890' } })).statusCode).toBe(401);
    } finally {
      process.stdout.write = write;
      await h.close();
    }
    const log = written.join('');
    expect(log).toContain('incoming request');
    expect(log).not.toContain(h.key('FRA').slice(16));
    expect(log).not.toContain('not-a-real-session-token');
  });
});
