import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { serve, type Running } from '../main.js';
import { freshStore, type TestStore } from '../../test/engines.js';

describe('serve with metrics on a listener of their own, and traces to a collector', () => {
  let store: TestStore;
  let server: Running | undefined;
  let metricsUrl: string;
  const logged: string[] = [];
  // A stand-in OpenTelemetry collector, keeping the bodies it is sent.
  const exported: string[] = [];
  let collector: Server;

  beforeAll(async () => {
    collector = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        exported.push(body);
        res.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const otel = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    store = await freshStore('sqlite');
    const write = process.stdout.write.bind(process.stdout);
    // The listener's address (port 0: any free one) is told in the start-up log.
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      logged.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof process.stdout.write;
    try {
      server = await serve(loadConfig({ LOG_LEVEL: 'info', CROSSCHECK_METRICS_ADDRESS: '127.0.0.1:0', CROSSCHECK_OTEL_ENDPOINT: otel }, { db: store.target, port: 0 }), { demo: false });
    } finally {
      process.stdout.write = write;
    }
    const line = logged.join('').split('\n').find((l) => l.includes('metrics listener started'));
    metricsUrl = /http:\/\/\S+\/metrics/.exec((JSON.parse(line!) as { msg: string }).msg)?.[0] ?? '';
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await store?.drop();
    await new Promise((resolve) => collector?.close(resolve));
  });

  it('serves the process’s figures and the requests it answered, apart from the API', async () => {
    expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(metricsUrl).port).not.toBe(new URL(server!.url).port);
    expect((await fetch(`${server!.url}/health`)).status).toBe(200);
    const text = await (await fetch(metricsUrl)).text();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_p99_seconds');
    expect(text).toMatch(/^crosscheck_http_request_duration_seconds_count\{route="\/health",method="GET",status_class="2xx"\} 1$/m);
    expect(text).toMatch(/^crosscheck_screening_index_lag_changes 0$/m);
  });

  it('is not on the public API port', async () => {
    const res = await fetch(`${server!.url}/metrics`);
    expect(res.status).not.toBe(200);
    expect(await res.text()).not.toContain('crosscheck_http_request_duration_seconds');
  });

  it('sends a span for each request to the collector, the last of them when it stops', async () => {
    await server!.stop();
    server = undefined;
    const spans = exported.flatMap((body) => (JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: { name: string }[] }[] }[] }).resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans.map((x) => x.name))));
    expect(spans).toContain('GET /health');
    expect(spans).toContain('GET (none)');
  });
});
