import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Gauge, type Registry } from 'prom-client';

/** The length of the window the delay figures describe: about a few scrapes' worth. */
const WINDOW_MS = 60_000;

interface Figures {
  p50: number;
  p99: number;
  max: number;
}

/**
 * How long this thread's event loop was held up, over the last complete window of `windowMs`
 * (over the window so far until the first one is complete): a screening thread busy with one
 * long request delays every other request it holds. The window turns on a timer, not at a scrape,
 * so two scrapers (a second Prometheus, an operator's curl) read the same figures instead of each
 * seeing only the delays since the other's scrape; and unlike figures since the thread started,
 * a stall shows for one window and then goes. prom-client's default metrics measure the same for
 * the main thread only, together with process-wide figures that would be counted once per thread
 * if every thread collected them; this one is labelled with its thread, so each worker shows as
 * its own series.
 */
export function watchEventLoop(registry: Registry, thread: string, windowMs = WINDOW_MS): { stop(): void } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  // Nanoseconds; a window with no sample reads as 0 rather than the histogram's sentinel.
  const read = (): Figures => {
    const seconds = (ns: number) => (histogram.count === 0 ? 0 : ns / 1e9);
    return { p50: seconds(histogram.percentile(50)), p99: seconds(histogram.percentile(99)), max: seconds(histogram.max) };
  };
  let last: Figures | null = null;
  const turn = setInterval(() => {
    last = read();
    histogram.reset();
  }, windowMs);
  // The window's timer must not keep a thread alive that has nothing else left to do.
  turn.unref();
  new Gauge({
    name: 'crosscheck_event_loop_delay_seconds',
    help: 'Event-loop delay of a serving thread over the last complete window of a minute, by statistic (p50, p99, max)',
    labelNames: ['thread', 'stat'] as const,
    registers: [registry],
    collect() {
      const figures = last ?? read();
      for (const stat of ['p50', 'p99', 'max'] as const) this.set({ thread, stat }, figures[stat]);
    },
  });
  return {
    stop: () => {
      clearInterval(turn);
      histogram.disable();
    },
  };
}
