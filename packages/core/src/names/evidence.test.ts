import { describe, expect, it } from 'vitest';
import { birthDateEvidence, documentEvidence, nationalityEvidence, normaliseBirthDate, normaliseNationality, sexEvidence } from './evidence.js';

describe('normaliseBirthDate', () => {
  it('accepts year, year-month and full dates, zero-padding sloppy ones', () => {
    expect(normaliseBirthDate('1965')).toBe('1965');
    expect(normaliseBirthDate('1965-07')).toBe('1965-07');
    expect(normaliseBirthDate('1965-07-16')).toBe('1965-07-16');
    expect(normaliseBirthDate('1965-7-6')).toBe('1965-07-06');
    expect(normaliseBirthDate(' 1965/7/16 ')).toBe('1965-07-16');
  });

  it('refuses dates that do not exist or are not dates', () => {
    for (const bad of ['1965-13', '1965-02-30', '1900-02-29', '65', 'July 1965', '', '1965-07-16T00:00', '0000']) expect(normaliseBirthDate(bad), bad).toBeNull();
    expect(normaliseBirthDate('2000-02-29')).toBe('2000-02-29');
  });
});

describe('normaliseNationality', () => {
  it('reads alpha-2 and alpha-3 in any case as alpha-3', () => {
    expect(normaliseNationality('ly')).toBe('LBY');
    expect(normaliseNationality('LBY')).toBe('LBY');
    expect(normaliseNationality(' de ')).toBe('DEU');
    expect(normaliseNationality('gbr')).toBe('GBR');
  });

  it('reads the document codes UK, D and XK', () => {
    expect(normaliseNationality('UK')).toBe('GBR');
    expect(normaliseNationality('D')).toBe('DEU');
    expect(normaliseNationality('XK')).toBe('XKX');
  });

  it('refuses unknown codes', () => {
    for (const bad of ['ZZ', 'ZZZ', 'Libya', '', 'L1', 'ÅLA']) expect(normaliseNationality(bad), bad).toBeNull();
  });
});

describe('birth date evidence', () => {
  it('raises the score for the same date and says so', () => {
    expect(birthDateEvidence('1942-06-07', '1942-06-07')).toEqual({ delta: expect.any(Number), reason: { code: 'birth-date.same', date: '1942-06-07' } });
    expect(birthDateEvidence('1942-06-07', '1942-06-07')!.delta).toBeGreaterThan(0);
  });

  it('counts the same year as weak agreement when one side has only the year', () => {
    const e = birthDateEvidence('1942', '1942-06-07')!;
    expect(e.reason).toEqual({ code: 'birth-date.same-year', year: '1942' });
    expect(e.delta).toBeGreaterThan(0);
    expect(e.delta).toBeLessThan(birthDateEvidence('1942-06-07', '1942-06-07')!.delta);
  });

  it('recognises day and month swapped', () => {
    const e = birthDateEvidence('1942-06-07', '1942-07-06')!;
    expect(e.reason).toEqual({ code: 'birth-date.day-month-swapped', query: '1942-06-07', record: '1942-07-06' });
    expect(e.delta).toBeGreaterThanOrEqual(0);
  });

  it('lowers the score a little for one year off and a lot for a different year', () => {
    const off = birthDateEvidence('1942', '1943')!;
    const different = birthDateEvidence('1942-06-07', '1960-06-07')!;
    expect(off.reason).toEqual({ code: 'birth-date.year-off', query: '1942', record: '1943' });
    expect(different.reason).toEqual({ code: 'birth-date.different', query: '1942-06-07', record: '1960-06-07' });
    expect(different.delta).toBeLessThan(off.delta);
    expect(off.delta).toBeLessThan(0);
    expect(birthDateEvidence('1942-06-07', '1942-09-01')!.delta).toBeLessThan(0);
  });

  it('says nothing when a side has no usable date', () => {
    expect(birthDateEvidence(undefined, '1942')).toBeNull();
    expect(birthDateEvidence('garbage', '1942')).toBeNull();
  });
});

describe('sex, nationality and document evidence', () => {
  it('compares sex only when both are M or F', () => {
    expect(sexEvidence('M', 'F')!.delta).toBeLessThan(0);
    expect(sexEvidence('M', 'M')!.reason).toEqual({ code: 'sex.same', sex: 'M' });
    expect(sexEvidence('M', 'U')).toBeNull();
    expect(sexEvidence('X', 'F')).toBeNull();
  });

  it('compares nationalities in any code form', () => {
    expect(nationalityEvidence(['ly'], ['LBY', 'EGY'])).toEqual({ delta: expect.any(Number), reason: { code: 'nationality.same', countries: ['LBY'] } });
    expect(nationalityEvidence(['LBY'], ['EGY'])!.reason).toEqual({ code: 'nationality.different', query: ['LBY'], record: ['EGY'] });
    expect(nationalityEvidence(['LBY'], ['EGY'])!.delta).toBeLessThan(0);
    expect(nationalityEvidence([], ['EGY'])).toBeNull();
    expect(nationalityEvidence(['nonsense'], ['EGY'])).toBeNull();
  });

  it('finds a shared document number regardless of spaces and case', () => {
    expect(documentEvidence(['ab 123-456'], ['X1', 'AB123456'])).toBe('AB123456');
    expect(documentEvidence(['AB123456'], ['AB123457'])).toBeNull();
    expect(documentEvidence(['1'], ['1'])).toBeNull();
  });
});
