import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTracing } from './tracing.js';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
  status?: { code?: number };
}

/** A stand-in OpenTelemetry collector: keeps every OTLP/HTTP JSON export it is sent. */
function collector(): Promise<{ server: Server; url: string; spans: OtlpSpan[]; paths: string[] }> {
  const spans: OtlpSpan[] = [];
  const paths: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      paths.push(`${req.method} ${req.url} ${req.headers['content-type']}`);
      const body = JSON.parse(Buffer.concat(chunks).toString()) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
      for (const r of body.resourceSpans) for (const s of r.scopeSpans) spans.push(...s.spans);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, paths })));
}

const attribute = (span: OtlpSpan, key: string) => {
  const v = span.attributes.find((a) => a.key === key)?.value;
  return v?.stringValue ?? (v?.intValue !== undefined ? Number(v.intValue) : undefined);
};

describe('request traces', () => {
  let c: Awaited<ReturnType<typeof collector>>;
  beforeAll(async () => {
    c = await collector();
    const tracing = await startTracing({ endpoint: c.url, sampleRatio: 1 });
    const app = Fastify();
    tracing.instrument(app);
    app.get('/api/v1/alerts/:id', async () => ({ ok: true }));
    app.get('/boom', async () => {
      throw new Error('down');
    });
    await app.ready();
    await app.inject({ url: '/api/v1/alerts/0190b5e2-7a4c-7d3e-9f10-123456789abc?name=QWZXQUOTAVIC', headers: { 'x-request-id': 'x' } });
    await app.inject({ url: '/boom', headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' } });
    await app.close();
    // Shutting down sends what the batch still holds.
    await tracing.shutdown();
  }, 30_000);
  afterAll(() => new Promise<void>((resolve) => (c ? c.server.close(() => resolve()) : resolve())));

  it('sends one server span per request to the collector, as OTLP/HTTP JSON', () => {
    expect(c.paths[0]).toBe('POST /v1/traces application/json');
    expect(c.spans.map((s) => s.name).sort()).toEqual(['GET /api/v1/alerts/:id', 'GET /boom']);
    const alert = c.spans.find((s) => s.name === 'GET /api/v1/alerts/:id')!;
    expect(alert.kind).toBe(2); // SERVER
    expect(attribute(alert, 'http.route')).toBe('/api/v1/alerts/:id');
    expect(attribute(alert, 'http.request.method')).toBe('GET');
    expect(attribute(alert, 'http.response.status_code')).toBe(200);
    expect(attribute(alert, 'crosscheck.request_id')).toEqual(expect.any(String));
  });

  it('holds the route pattern only: no id, no query string, no name', () => {
    const all = JSON.stringify(c.spans);
    expect(all).not.toContain('QWZXQUOTAVIC');
    expect(all).not.toContain('0190b5e2');
  });

  it('continues the caller’s trace and marks a server error', () => {
    const boom = c.spans.find((s) => s.name === 'GET /boom')!;
    expect(boom.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(boom.parentSpanId).toBe('00f067aa0ba902b7');
    expect(attribute(boom, 'http.response.status_code')).toBe(500);
    expect(boom.status?.code).toBe(2); // ERROR
  });
});

describe('which requests are traced', () => {
  /** Spans the collector receives for `requests` made with `traceparent`, at `sampleRatio`. */
  async function traced(sampleRatio: number, traceparent: string, requests: number): Promise<OtlpSpan[]> {
    const c = await collector();
    try {
      const tracing = await startTracing({ endpoint: c.url, sampleRatio });
      const app = Fastify();
      tracing.instrument(app);
      app.get('/api/v1/screen', async () => ({ ok: true }));
      await app.ready();
      for (let i = 0; i < requests; i++) await app.inject({ url: '/api/v1/screen', headers: { traceparent } });
      await app.close();
      await tracing.shutdown();
      return c.spans;
    } finally {
      await new Promise((resolve) => c.server.close(resolve));
    }
  }

  it('is decided by the configured ratio, not by a caller whose traceparent asks for sampling', async () => {
    expect(await traced(0, '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', 20)).toEqual([]);
  }, 30_000);

  it('continues a caller’s trace it samples, even one the caller did not sample', async () => {
    const spans = await traced(1, '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00', 2);
    expect(spans).toHaveLength(2);
    for (const s of spans) expect([s.traceId, s.parentSpanId]).toEqual(['4bf92f3577b34da6a3ce929d0e0e4736', '00f067aa0ba902b7']);
  }, 30_000);
});
