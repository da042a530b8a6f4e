import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { watchEventLoop } from './event-loop-metrics.js';

const maxOf = (text: string) => Number(/^crosscheck_event_loop_delay_seconds\{thread="t",stat="max"\} (\S+)$/m.exec(text)?.[1]);

/** Holds this thread's event loop for `ms`, as a long synchronous request would. */
function block(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy: nothing else on this thread runs meanwhile
  }
}

async function until(check: () => Promise<boolean>, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the condition was not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the event-loop delay figures', () => {
  it('describe a window of time, the same for every scraper, and let a stall go once its window has passed', async () => {
    const registry = new Registry();
    const loop = watchEventLoop(registry, 't', 500);
    try {
      await new Promise((r) => setTimeout(r, 50));
      block(400);
      await until(async () => maxOf(await registry.metrics()) >= 0.3, 10_000);
      // Two scrapers in a row: the second sees what the first saw, not only the delays since.
      const [first, second] = await Promise.all([registry.metrics(), registry.metrics()]);
      expect(maxOf(first)).toBeGreaterThanOrEqual(0.3);
      expect(maxOf(second)).toBe(maxOf(first));
      await until(async () => maxOf(await registry.metrics()) < 0.3, 10_000);
    } finally {
      loop.stop();
    }
  });
});
