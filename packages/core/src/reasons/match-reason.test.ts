import { describe, expect, it } from 'vitest';
import { reasonKey, sameReason, type MatchReason } from './match-reason.js';
import { isMatchReason, readStoredReasons } from './match-reason-schema.js';
import { REASON_EXAMPLES } from './test-fixtures.js';

const typo: MatchReason = { code: 'name.typo', field: 'surname', query: 'PUTNI', record: 'PUTIN', letters: 1 };

describe('match reasons', () => {
  it('are the same reason whatever the order of their keys', () => {
    const reordered = JSON.parse('{"letters":1,"record":"PUTIN","query":"PUTNI","field":"surname","code":"name.typo"}') as MatchReason;
    expect(sameReason(typo, reordered)).toBe(true);
    expect(reasonKey(typo)).toBe(reasonKey(reordered));
    expect(sameReason(typo, { ...typo, letters: 2 })).toBe(false);
    expect(sameReason({ code: 'document.held', number: 'X1' }, { code: 'document.held', number: 'X1', state: 'FRA' })).toBe(false);
  });

  it('never take a sentence for a coded reason', () => {
    expect(sameReason('name.none', { code: 'name.none' })).toBe(false);
    expect(sameReason('born 1942: same year', 'born 1942: same year')).toBe(true);
  });

  it('accept from outside only a known code with its parameters of their kinds', () => {
    for (const examples of Object.values(REASON_EXAMPLES)) for (const [reason] of examples) expect(isMatchReason(reason), reason.code).toBe(true);
    expect(isMatchReason(typo)).toBe(true);
    expect(isMatchReason({ code: 'document.held', number: 'X1' })).toBe(true);
    expect(isMatchReason({ code: 'name.same', field: 'name', query: 'A', record: 'A', joined: true })).toBe(false);
    expect(isMatchReason({ ...typo, letters: 1.5 })).toBe(false);
    expect(isMatchReason({ ...typo, letters: undefined })).toBe(false);
    expect(isMatchReason({ ...typo, field: 'nickname' })).toBe(false);
    expect(isMatchReason({ ...typo, extra: 'x' })).toBe(false);
    expect(isMatchReason({ code: 'name.unknown' })).toBe(false);
    expect(isMatchReason({ code: 'toString' })).toBe(false);
    expect(isMatchReason({ code: 'nationality.same', countries: ['LBY', 3] })).toBe(false);
    expect(isMatchReason({ code: 'vehicle.vin', vin: 'x'.repeat(1001) })).toBe(false);
    expect(isMatchReason('name.none')).toBe(false);
    expect(isMatchReason(null)).toBe(false);
  });

  it('read a hit\'s stored reasons tolerantly: sentences stay, unknown objects become their JSON', () => {
    expect(readStoredReasons(JSON.stringify([typo, 'born 1942: same year']))).toEqual([typo, 'born 1942: same year']);
    expect(readStoredReasons('["[purged]"]')).toEqual(['[purged]']);
    expect(readStoredReasons('[{"code":"name.future","x":1}]')).toEqual(['{"code":"name.future","x":1}']);
    expect(readStoredReasons('not json')).toEqual(['not json']);
  });
});
