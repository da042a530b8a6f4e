import { once } from 'node:events';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { answerMetricsRequests, gatherMetrics, workersExposition } from './worker-metrics.js';

/** What one serving thread would hold: a counter, a histogram by route, and an index gauge that keeps the worst. */
function threadRegistry(requests: number, seconds: number[], lag: number): Registry {
  const registry = new Registry();
  new Counter({ name: 'test_requests_total', help: 'h', registers: [registry] }).inc(requests);
  const h = new Histogram({ name: 'test_duration_seconds', help: 'h', labelNames: ['route'], buckets: [0.01, 0.1, 1], registers: [registry] });
  for (const s of seconds) h.observe({ route: '/api/v1/screen' }, s);
  new Gauge({ name: 'test_lag_changes', help: 'h', aggregator: 'max', registers: [registry] }).set(lag);
  return registry;
}

const line = (text: string, series: string) => Number(text.split('\n').find((l) => l.startsWith(`${series} `))?.slice(series.length + 1));

describe('metrics across worker threads', () => {
  const open: MessagePort[] = [];
  const channel = () => {
    const c = new MessageChannel();
    open.push(c.port1, c.port2);
    return c;
  };
  afterEach(() => {
    for (const p of open.splice(0)) p.close();
  });

  it('sums counters and histograms over the workers, and keeps the worst of a gauge that says so', async () => {
    const a = channel();
    const b = channel();
    answerMetricsRequests(a.port2, threadRegistry(3, [0.005, 0.5], 2));
    answerMetricsRequests(b.port2, threadRegistry(4, [0.05], 7));
    const text = await gatherMetrics([a.port1, b.port1]);
    expect(line(text, 'test_requests_total')).toBe(7);
    expect(line(text, 'test_duration_seconds_count{route="/api/v1/screen"}')).toBe(3);
    expect(line(text, 'test_duration_seconds_bucket{le="0.01",route="/api/v1/screen"}')).toBe(1);
    expect(line(text, 'test_duration_seconds_bucket{le="0.1",route="/api/v1/screen"}')).toBe(2);
    expect(line(text, 'test_duration_seconds_sum{route="/api/v1/screen"}')).toBeCloseTo(0.555);
    expect(line(text, 'test_lag_changes')).toBe(7);
  });

  it('adds the main thread’s own registries, and serves the rest when a worker does not answer', async () => {
    const a = channel();
    const silent = channel();
    answerMetricsRequests(a.port2, threadRegistry(5, [], 1));
    // Long enough for the answering worker under a loaded test run; the silent one is waited for as long.
    const text = await gatherMetrics([a.port1, silent.port1], [threadRegistry(1, [], 0)], 1_000);
    expect(line(text, 'test_requests_total')).toBe(6);
  });
});

describe('metrics across real worker threads', () => {
  it('serves the process once and adds up what each worker thread observed', async () => {
    const { Worker, MessageChannel: Channel } = await import('node:worker_threads');
    const start = (screenings: number) => {
      const { port1, port2 } = new Channel();
      const worker = new Worker(new URL('../../test/metrics-worker-entry.mjs', import.meta.url), { workerData: { port: port2, screenings }, transferList: [port2] });
      return { worker, port: port1 };
    };
    const workers = [start(3), start(4)];
    try {
      // A worker still starting (loading TypeScript, under a loaded test run) would be left out of the scrape.
      await Promise.all(workers.map((w) => once(w.worker, 'message')));
      const text = await workersExposition(() => workers.map((w) => w.port))();
      expect(line(text, 'crosscheck_screening_duration_seconds_count{kind="person"}')).toBe(7);
      // The process's own figures, once, from the main thread.
      expect(text.match(/^process_cpu_user_seconds_total /gm)).toHaveLength(1);
      expect(line(text, 'crosscheck_screening_duration_seconds_bucket{le="0.0025",kind="person"}')).toBe(7);
    } finally {
      for (const w of workers) {
        w.port.close();
        await w.worker.terminate();
      }
    }
  }, 60_000);
});
