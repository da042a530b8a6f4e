import { describe, expect, it } from 'vitest';
import { DEFAULT_WEBHOOK_OPTIONS } from './start.js';
import { backoffMs } from './send-deliveries.js';

describe('webhook retry delays', () => {
  it('start at one second, double after each failure and stop growing at one hour', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, DEFAULT_WEBHOOK_OPTIONS))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(12, DEFAULT_WEBHOOK_OPTIONS)).toBe(2_048_000);
    expect(backoffMs(13, DEFAULT_WEBHOOK_OPTIONS)).toBe(3_600_000);
    expect(backoffMs(40, DEFAULT_WEBHOOK_OPTIONS)).toBe(3_600_000);
  });
});
