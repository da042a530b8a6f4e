import { describe, expect, it } from 'vitest';
import { clearanceHolds, clearanceStatus } from './clearance-status.js';

describe('a clearance’s status', () => {
  it.each([
    [{ endReason: null, alertVersion: 3 }, 3, 'active'],
    [{ endReason: null, alertVersion: 3 }, 4, 'superseded'],
    [{ endReason: null, alertVersion: 3 }, null, 'superseded'],
    [{ endReason: 'revoked', alertVersion: 3 }, 3, 'revoked'],
    [{ endReason: 'objected', alertVersion: 3 }, 4, 'objected'],
    [{ endReason: 'withdrawn', alertVersion: 3 }, 3, 'withdrawn'],
  ] as const)('%o on alert version %s is %s', (c, version, status) => {
    expect(clearanceStatus(c, version)).toBe(status);
    if (version !== null) expect(clearanceHolds(c, version)).toBe(status === 'active');
  });
});
