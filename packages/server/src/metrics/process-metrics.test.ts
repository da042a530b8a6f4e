import { describe, expect, it } from 'vitest';
import { processMetrics } from './thread-metrics.js';

describe('the process metrics', () => {
  it('are collected once per process, however often a server starts in it', async () => {
    const first = processMetrics();
    expect(processMetrics()).toBe(first);
    const text = await first.metrics();
    expect(text.match(/^# TYPE process_cpu_user_seconds_total /gm)).toHaveLength(1);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds /m);
  });
});
