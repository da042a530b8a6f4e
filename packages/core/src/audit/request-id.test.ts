import { describe, expect, it } from 'vitest';
import { isClientRequestId } from './request-id.js';

describe('request ids a caller may choose', () => {
  it('accepts a border system’s ids and refuses the server’s own forms', () => {
    expect(isClientRequestId('b0rder-42.x:1')).toBe(true);
    expect(isClientRequestId('system/startup')).toBe(false);
    expect(isClientRequestId('cli/123-456')).toBe(false);
    expect(isClientRequestId('')).toBe(false);
    expect(isClientRequestId('x'.repeat(101))).toBe(false);
  });
});
