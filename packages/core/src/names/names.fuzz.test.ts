import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNames, nameScore } from './compare-names.js';
import { normaliseBirthDate, normaliseNationality } from './evidence.js';
import { nameKeys, queryKeys } from './name-keys.js';
import { prepareName } from './prepare-name.js';
import { scorePerson } from './score-person.js';

// Names from every corner of Unicode: Latin, the scripts of the ICAO tables, CJK, unknown and
// unassigned code points, combining marks, controls, surrogate halves and the characters that
// take part in the rules (hyphens, apostrophes, commas, dots, digits).
const pieces = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('Muammar', 'al-', "Mu'", 'bin', 'ABD', ', ', '.', '-', 'J.', 'Mc', 'Д', 'ع', 'ב', '习', '김', 'ᚠ', '\u0301', '\u200d', '\ud800', '0', ' '),
);
const names = fc.array(pieces, { maxLength: 12 }).map((p) => p.join(''));
const nameInputs = fc.oneof(names, fc.record({ family: names, given: names }, { requiredKeys: [] }), fc.record({ full: names }, { requiredKeys: [] }));

describe('name matching on any input', () => {
  it('never throws and always scores within [0, 1] with reasons', () => {
    fc.assert(
      fc.property(nameInputs, nameInputs, (a, b) => {
        const pa = prepareName(a);
        const pb = prepareName(b);
        const r = compareNames(pa, pb);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        expect(r.reasons.length).toBeGreaterThan(0);
        expect(nameScore(pa, pb)).toBeLessThanOrEqual(1);
        for (const k of [...nameKeys(pa), ...queryKeys(pb)]) expect(k.length).toBeGreaterThan(0);
        for (const t of pa.tokens) expect(t).toMatch(/^[A-Z]+$/);
      }),
      { numRuns: 400 },
    );
  });

  it('scores a name against itself as a full match whenever it has a full word', () => {
    fc.assert(
      fc.property(names, (a) => {
        const p = prepareName(a);
        if (!p.parts.some((x) => x.kind === 0 || x.kind === 3)) return;
        expect(compareNames(p, p).score).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('prepares and compares names of 10,000 characters in bounded time', () => {
    const huge = ['Muhammad '.repeat(1200), 'ب'.repeat(10_000), '习'.repeat(10_000), 'a'.repeat(10_000), '-'.repeat(10_000), "'".repeat(10_000), 'J.'.repeat(5000)];
    const start = performance.now();
    for (const a of huge) for (const b of huge) compareNames(prepareName(a), prepareName(b));
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('handles empty and letterless names, and odd person facts, without throwing', () => {
    for (const n of ['', ' ', '\u0000', '123', '...', '\ud800', '\u200d']) {
      expect(compareNames(prepareName(n), prepareName('John Smith')).score).toBe(0);
      expect(nameKeys(prepareName(n))).toEqual([]);
    }
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.array(fc.string(), { maxLength: 3 }), (date, sex, codes) => {
        const r = scorePerson(
          { names: [prepareName('A B')], birthDate: date, sex: sex as 'M', nationalities: codes, documents: codes },
          { names: [prepareName('A B')], birthDate: '1970', sex: 'M', nationalities: ['FRA'], documents: ['X12345'] },
        );
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        normaliseBirthDate(date);
        normaliseNationality(sex);
      }),
      { numRuns: 300 },
    );
  });
});
