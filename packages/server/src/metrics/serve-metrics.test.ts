import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { serve, type Running } from '../main.js';
import { freshStore, type TestStore } from '../../test/engines.js';

describe('serve with metrics on a listener of their own', () => {
  let store: TestStore;
  let server: Running;
  let metricsUrl: string;
  const logged: string[] = [];

  beforeAll(async () => {
    store = await freshStore('sqlite');
    const write = process.stdout.write.bind(process.stdout);
    // The listener's address (port 0: any free one) is told in the start-up log.
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      logged.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof process.stdout.write;
    try {
      server = await serve(loadConfig({ LOG_LEVEL: 'info', CROSSCHECK_METRICS_ADDRESS: '127.0.0.1:0' }, { db: store.target, port: 0 }), { demo: false });
    } finally {
      process.stdout.write = write;
    }
    const line = logged.join('').split('\n').find((l) => l.includes('metrics listener started'));
    metricsUrl = (JSON.parse(line!) as { metrics: string }).metrics;
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await store?.drop();
  });

  it('serves the process’s figures and the requests it answered, apart from the API', async () => {
    expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(metricsUrl).port).not.toBe(new URL(server.url).port);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const text = await (await fetch(metricsUrl)).text();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_p99_seconds');
    expect(text).toMatch(/^crosscheck_http_request_duration_seconds_count\{route="\/health",method="GET",status_class="2xx"\} 1$/m);
    expect(text).toMatch(/^crosscheck_screening_index_lag_changes 0$/m);
  });

  it('is not on the public API port', async () => {
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).not.toBe(200);
    expect(await res.text()).not.toContain('crosscheck_http_request_duration_seconds');
  });
});
