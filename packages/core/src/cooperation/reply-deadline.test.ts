import { describe, expect, it } from 'vitest';
import { formNeedsReply, isReplyOverdue, overdueReply, replyDueAt } from './reply-deadline.js';

describe('reply deadlines', () => {
  it('puts the due time the configured hours after sending', () => {
    expect(replyDueAt('2026-03-01T20:00:00.000Z', 12)).toBe('2026-03-02T08:00:00.000Z');
    expect(replyDueAt('2026-03-01T20:00:00.000Z', 0.5)).toBe('2026-03-01T20:30:00.000Z');
  });

  it('starts the clock for G and H forms but not for M', () => {
    expect(['G', 'H', 'M'].map((f) => formNeedsReply(f as 'G'))).toEqual([true, true, false]);
  });

  it('is overdue only once the due time has passed', () => {
    const due = '2026-03-02T08:00:00.000Z';
    expect(isReplyOverdue(due, new Date('2026-03-02T08:00:00.000Z'))).toBe(false);
    expect(isReplyOverdue(due, new Date('2026-03-02T08:00:00.001Z'))).toBe(true);
    expect(isReplyOverdue(null, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });

  it('reports the longest-waiting overdue reply among the forms a member sent or received', () => {
    const now = new Date('2026-03-03T00:00:00Z');
    const forms = [
      { form: 'G', from: 'DEU', to: 'FRA', replyDueAt: '2026-03-02T10:00:00.000Z' },
      { form: 'H', from: 'FRA', to: 'DEU', replyDueAt: '2026-03-02T08:00:00.000Z' },
      { form: 'G', from: 'ITA', to: 'ESP', replyDueAt: '2026-03-01T08:00:00.000Z' },
      { form: 'G', from: 'DEU', to: 'FRA', replyDueAt: '2026-03-04T08:00:00.000Z' },
    ];
    expect(overdueReply(forms, 'DEU', now)).toEqual({ form: 'H', dueAt: '2026-03-02T08:00:00.000Z', waitingFor: 'DEU' });
    expect(overdueReply(forms, 'POL', now)).toBeNull();
    expect(overdueReply(forms.slice(3), 'DEU', now)).toBeNull();
  });
});
