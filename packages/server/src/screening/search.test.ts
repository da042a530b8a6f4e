import { describe, expect, it } from 'vitest';
import { mergeByAlert } from './search.js';

const found = (id: string, score: number, reasons: { code: string }[]) => ({ entry: { id }, score, reasons });

describe('mergeByAlert', () => {
  it('keeps one result per alert with the best score and every distinct reason, whatever a reason is', () => {
    const a1 = found('a', 0.8, [{ code: 'name' }]);
    const merged = mergeByAlert([a1, found('b', 0.9, [{ code: 'doc' }]), found('a', 0.95, [{ code: 'doc' }, { code: 'name' }])], (r: { code: string }) => r.code);
    expect(merged.map((m) => [m.entry.id, m.score, m.reasons.map((r) => r.code)])).toEqual([
      ['a', 0.95, ['name', 'doc']],
      ['b', 0.9, ['doc']],
    ]);
    // The probes' own candidates are not changed.
    expect(a1).toEqual(found('a', 0.8, [{ code: 'name' }]));
  });
});
