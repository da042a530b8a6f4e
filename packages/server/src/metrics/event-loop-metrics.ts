import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Gauge, type Registry } from 'prom-client';

/**
 * How long this thread's event loop was held up, over the time since the previous scrape: a
 * screening thread busy with one long request delays every other request it holds. prom-client's
 * default metrics measure the same for the main thread only, together with process-wide figures
 * that would be counted once per thread if every thread collected them; this one is labelled
 * with its thread, so each worker shows as its own series.
 */
export function watchEventLoop(registry: Registry, thread: string): { stop(): void } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  new Gauge({
    name: 'crosscheck_event_loop_delay_seconds',
    help: 'Event-loop delay of a serving thread since the previous scrape, by statistic (p50, p99, max)',
    labelNames: ['thread', 'stat'] as const,
    registers: [registry],
    collect() {
      // Nanoseconds; a window with no sample reads as 0 rather than the histogram's sentinel.
      const seconds = (ns: number) => (histogram.count === 0 ? 0 : ns / 1e9);
      this.set({ thread, stat: 'p50' }, seconds(histogram.percentile(50)));
      this.set({ thread, stat: 'p99' }, seconds(histogram.percentile(99)));
      this.set({ thread, stat: 'max' }, seconds(histogram.max));
      histogram.reset();
    },
  });
  return { stop: () => histogram.disable() };
}
