import type { AuditDraft } from '../src/store/audit-repo.js';

/** An audit entry of a bureau reading `target`: for tests of how entries are written, not of what they say. */
export const readEntry = (target: string): AuditDraft => ({
  at: '2026-01-01T00:00:00.000Z',
  member: 'FRA',
  role: 'bureau',
  credential: 'cli:test',
  action: 'alert.read',
  target,
  requestId: target,
  outcome: 'ok',
  detail: '{}',
});
