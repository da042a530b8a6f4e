import { describe, expect, it } from 'vitest';
import { internWords, prepareName } from './prepare-name.js';
import { DEFAULT_THRESHOLD, scorePerson, type PersonFacts } from './score-person.js';

const person = (names: string[], rest: Omit<PersonFacts, 'names'> = {}): PersonFacts => ({ names: names.map((n) => prepareName(n)), ...rest });

describe('scorePerson', () => {
  it('takes the best pair over all names and aliases', () => {
    const record = person(['Abu Ali', 'Muammar Gaddafi', 'Colonel Qadhafi']);
    const r = scorePerson(person(['Moammar Kadhafi']), record);
    expect(r.score).toBeGreaterThan(0.9);
    expect(r.reasons).toContainEqual({ code: 'name.transliteration-variant', field: 'name', query: 'KADHAFI', record: 'GADDAFI' });
  });

  it('raises the score for the same birth date and lowers it for a different one', () => {
    const base = scorePerson(person(['Muammar Gaddafi']), person(['Muammar Qadhafi'])).score;
    const same = scorePerson(person(['Muammar Gaddafi'], { birthDate: '1942-06-07' }), person(['Muammar Qadhafi'], { birthDate: '1942-06-07' }));
    const year = scorePerson(person(['Muammar Gaddafi'], { birthDate: '1942' }), person(['Muammar Qadhafi'], { birthDate: '1942-06-07' }));
    const swapped = scorePerson(person(['Muammar Gaddafi'], { birthDate: '1942-07-06' }), person(['Muammar Qadhafi'], { birthDate: '1942-06-07' }));
    const other = scorePerson(person(['Muammar Gaddafi'], { birthDate: '1975-01-01' }), person(['Muammar Qadhafi'], { birthDate: '1942-06-07' }));
    expect(same.score).toBeGreaterThan(base);
    expect(same.reasons).toContainEqual({ code: 'birth-date.same', date: '1942-06-07' });
    expect(year.reasons).toContainEqual({ code: 'birth-date.same-year', year: '1942' });
    expect(swapped.reasons).toContainEqual({ code: 'birth-date.day-month-swapped', query: '1942-07-06', record: '1942-06-07' });
    expect(other.score).toBeLessThan(base);
    expect(other.score).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('lets evidence lift a weak name match of a short name over the threshold, and sink a strong one', () => {
    const query = person(['J. Smith'], { birthDate: '1970-03-04', nationalities: ['gb'], sex: 'M' });
    const record = person(['John Smith'], { birthDate: '1970-03-04', nationalities: ['GBR'], sex: 'M' });
    const r = scorePerson(query, record);
    expect(r.score).toBeGreaterThan(scorePerson(person(['J. Smith']), person(['John Smith'])).score);
    expect(r.reasons).toEqual(expect.arrayContaining([{ code: 'birth-date.same', date: '1970-03-04' }, { code: 'nationality.same', countries: ['GBR'] }, { code: 'sex.same', sex: 'M' }]));
    const contradicted = scorePerson(person(['John Smith'], { birthDate: '1950', sex: 'F', nationalities: ['USA'] }), record);
    expect(contradicted.score).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('treats a shared document number as near proof', () => {
    const r = scorePerson(person(['Ahmed Ali'], { documents: ['A1234567'] }), person(['Ahmad Aly Hassan'], { documents: ['a 1234567'] }));
    expect(r.score).toBeGreaterThanOrEqual(0.95);
    expect(r.reasons).toContainEqual({ code: 'document.shared', number: 'A1234567' });
  });

  it('keeps the score in [0, 1] and has a reason for a person without names', () => {
    const r = scorePerson(person([]), person(['X'], { birthDate: '1950' }));
    expect(r.score).toBe(0);
    expect(r.reasons).toContainEqual({ code: 'name.none' });
    const capped = scorePerson(person(['Ann Lee'], { birthDate: '1950-01-01', documents: ['P12345'] }), person(['Ann Lee'], { birthDate: '1950-01-01', documents: ['P12345'] }));
    expect(capped.score).toBe(1);
  });

  it('counts the best of several birth dates a list gives', () => {
    const r = scorePerson(person(['Muammar Gaddafi'], { birthDate: '1942-06-07' }), person(['Muammar Qadhafi'], { birthDate: '1940', otherBirthDates: ['1942-06-07', '1943'] }));
    expect(r.reasons).toContainEqual({ code: 'birth-date.same', date: '1942-06-07' });
  });

  it('explains the best pair of names, whichever pair was compared last', () => {
    const r = scorePerson(person(['Muammar Gaddafi', 'John Smith']), person(['Moammar Qadhafi']));
    expect(r.reasons).toEqual([
      { code: 'name.spelling-variant', field: 'name', query: 'MUAMMAR', record: 'MOAMMAR' },
      { code: 'name.transliteration-variant', field: 'name', query: 'GADDAFI', record: 'QADHAFI' },
    ]);
    expect(scorePerson(person(['John Smith', 'Muammar Gaddafi']), person(['Moammar Qadhafi'])).reasons).toEqual(r.reasons);
  });

  it('skips the reasons below the floor but keeps the score', () => {
    const q = person(['George Bush']);
    const rec = person(['George Habbash']);
    const r = scorePerson(q, rec, { floor: 0.7 });
    expect(r).toEqual({ score: scorePerson(q, rec).score, reasons: [] });
    expect(scorePerson(person(['George Bush']), person(['George Bush']), { floor: 0.7 }).reasons).toEqual([
      { code: 'name.same', field: 'name', query: 'GEORGE', record: 'GEORGE' },
      { code: 'name.same', field: 'name', query: 'BUSH', record: 'BUSH' },
    ]);
  });

  it('leaves out a candidate whose birth date and sex alone keep it under the floor, and only then', () => {
    const query = person(['Muammar Gaddafi'], { birthDate: '1975-01-01', sex: 'F' });
    const record = person(['Muammar Gaddafi'], { birthDate: '1942-06-07', sex: 'M' });
    const skipped = scorePerson(query, record, { floor: DEFAULT_THRESHOLD });
    expect(skipped.score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(skipped.reasons).toEqual([]);
    // Without a floor the names are compared and explained as usual.
    const full = scorePerson(query, record);
    expect(full.score).toBeLessThanOrEqual(skipped.score);
    expect(full.reasons).toContainEqual({ code: 'name.same', field: 'name', query: 'GADDAFI', record: 'GADDAFI' });
    // The same document still makes it a hit whatever the other evidence says.
    const withDocument = scorePerson({ ...query, documents: ['AB1234567'] }, { ...record, documents: ['AB1234567'] }, { floor: DEFAULT_THRESHOLD });
    expect(withDocument.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

  it('scores records with interned words exactly as without (the similarity cache is invisible)', () => {
    const names = ['Muhammad Ali Hassan', 'Mohamed Aly Hasan', 'Abdul Rahman al-Tikriti', 'Abdulrahman Tikriti', 'Ivan Ivanov', 'Иван Иванов', 'J. Smith', 'Kim Jong Un'];
    for (const q of names) {
      for (const r of names) {
        const plain = scorePerson(person([q]), person([r]));
        const interned = person([r]);
        interned.names.forEach(internWords);
        const query = person([q]);
        // Twice with the same query objects: the second time from the cache.
        expect(scorePerson(query, interned), `${q} / ${r}`).toEqual(plain);
        expect(scorePerson(query, interned), `${q} / ${r}`).toEqual(plain);
      }
    }
  });
});
