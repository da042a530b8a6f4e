import { describe, it, expect } from 'vitest';
import { MEMBER_CODE, ORGANISATIONS, referenceMembers } from './member-codes.js';

describe('referenceMembers', () => {
  const members = referenceMembers();
  const byCode = new Map(members.map((m) => [m.code, m]));

  it.each([
    ['FRA', 'France'],
    ['DEU', 'Germany'],
    ['ITA', 'Italy'],
  ])('seeds %s as the country %s', (code, name) => {
    expect(byCode.get(code)).toEqual({ code, name, kind: 'country' });
  });

  it.each(['UNO', 'EUP', 'IPO'])('seeds %s as an organisation', (code) => {
    expect(byCode.get(code)?.kind).toBe('organisation');
  });

  it('gives every member a unique code', () => {
    expect(new Set(members.map((m) => m.code)).size).toBe(members.length);
  });

  it('gives every member a three-letter code and a name', () => {
    for (const m of members) {
      expect(m.code).toMatch(MEMBER_CODE);
      expect(m.name.trim()).not.toBe('');
    }
  });

  it('covers every ISO 3166-1 country', () => {
    const countries = members.filter((m) => m.kind === 'country');
    expect(countries.length).toBeGreaterThanOrEqual(240);
    for (const code of ['SWE', 'USA', 'JPN', 'BRA', 'ZAF', 'NZL']) expect(byCode.get(code)?.kind).toBe('country');
  });

  it('lists countries sorted by code, then the organisations', () => {
    const countryCodes = members.filter((m) => m.kind === 'country').map((m) => m.code);
    expect(countryCodes).toEqual([...countryCodes].sort());
    expect(members.slice(-ORGANISATIONS.length)).toEqual([...ORGANISATIONS]);
  });

  it('gives the same list every time', () => {
    expect(referenceMembers()).toEqual(members);
  });
});

describe('MEMBER_CODE', () => {
  it('accepts three capital letters only', () => {
    expect(MEMBER_CODE.test('FRA')).toBe(true);
    expect(MEMBER_CODE.test('fra')).toBe(false);
    expect(MEMBER_CODE.test('FR')).toBe(false);
    expect(MEMBER_CODE.test('FRAN')).toBe(false);
    expect(MEMBER_CODE.test('F1A')).toBe(false);
  });
});
