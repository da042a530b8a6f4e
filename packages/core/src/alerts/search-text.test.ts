import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { AlertInput } from './alert-schemas.js';
import { foldForSearch, searchTextOf } from './search-text.js';

const person = (names: { family?: string; given?: string; full?: string }[], extra: Partial<AlertInput> = {}): AlertInput => ({
  kind: 'person',
  category: 'arrest',
  person: { names },
  visibility: { mode: 'all' },
  ...extra,
} as AlertInput);

/** True when a user typing `query` in the search box would hit this alert. */
const finds = (alert: AlertInput, query: string): boolean => searchTextOf(alert).includes(foldForSearch(query));

describe('searchTextOf', () => {
  it('includes Latin names and names in original script, lower-cased', () => {
    const alert = person([{ family: 'ERIKSSON', given: 'ANNA MARIA' }, { full: 'Анна Мария Эрикссон' }]);
    const text = searchTextOf(alert);
    expect(text).toContain('eriksson');
    expect(text).toContain('anna maria');
    expect(text).toContain('анна мария эрикссон');
    expect(finds(alert, 'Эрикссон')).toBe(true);
  });

  it('keeps Arabic and Chinese names searchable', () => {
    const alert = person([{ full: 'محمد عبد الله' }, { full: '王小明' }]);
    expect(finds(alert, 'عبد')).toBe(true);
    expect(finds(alert, '小明')).toBe(true);
  });

  it('folds diacritics so a name typed without accents finds the record', () => {
    const alert = person([{ family: 'MÜLLER', given: 'José' }, { family: 'Çelik' }, { full: 'Dvořák Ångström' }]);
    const text = searchTextOf(alert);
    expect(text).toContain('muller');
    expect(text).toContain('jose');
    expect(text).toContain('celik');
    expect(text).toContain('dvorak angstrom');
    expect(finds(alert, 'MULLER')).toBe(true);
    expect(finds(alert, 'dvořák')).toBe(true);
  });

  it('folds diacritics written either precomposed or with combining marks', () => {
    const precomposed = person([{ family: 'Jos\u00e9' }]);
    const combining = person([{ family: 'Jose\u0301' }]);
    expect(searchTextOf(precomposed)).toBe(searchTextOf(combining));
    expect(searchTextOf(precomposed)).toBe('jose');
  });

  it('folds Cyrillic letters with diacritics too', () => {
    expect(searchTextOf(person([{ full: 'Ёлкин Йосиф' }]))).toBe('елкин иосиф');
  });

  it('finds an accented Latin name from its plain letters', () => {
    const marks = ['\u0300', '\u0301', '\u0302', '\u0303', '\u0308', '\u030A', '\u030C', '\u0327'];
    const letterArb = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
    const accentedArb = fc.tuple(letterArb, fc.option(fc.constantFrom(...marks), { nil: '' }));
    fc.assert(
      fc.property(fc.array(accentedArb, { minLength: 1, maxLength: 15 }), (chars) => {
        const plain = chars.map(([l]) => l).join('');
        const accented = chars.map(([l, m]) => l + m).join('').normalize('NFC');
        expect(searchTextOf(person([{ family: accented }]))).toBe(plain.toLowerCase());
      }),
      { numRuns: 200 },
    );
  });

  it('includes the case reference and the numbers of identity documents', () => {
    const alert = person([{ family: 'DOE' }], {
      caseReference: 'SE-2024/0042',
      person: { names: [{ family: 'DOE' }], documents: [{ issuingState: 'SWE', type: 'passport', number: 'AA1234567' }] },
    } as Partial<AlertInput>);
    expect(finds(alert, 'se-2024/0042')).toBe(true);
    expect(finds(alert, 'aa1234567')).toBe(true);
  });

  it('finds a document by its number with or without separators', () => {
    const alert: AlertInput = {
      kind: 'document',
      document: { issuingState: 'FRA', type: 'passport', number: '12 AB-34567', status: 'stolen-issued' },
      visibility: { mode: 'all' },
    };
    expect(finds(alert, '12 AB-34567')).toBe(true);
    expect(finds(alert, '12ab34567')).toBe(true);
  });

  it('finds a vehicle by vin, plate with or without dashes, make and model', () => {
    const alert: AlertInput = {
      kind: 'vehicle',
      vehicle: { vin: '1M8GDM9AXKP042788', plate: 'AB-123-CD', plateCountry: 'FRA', make: 'Citroën', model: 'C4 Picasso' },
      visibility: { mode: 'all' },
    };
    expect(finds(alert, '1m8gdm9axkp042788')).toBe(true);
    expect(finds(alert, 'ab-123-cd')).toBe(true);
    expect(finds(alert, 'AB123CD')).toBe(true);
    expect(finds(alert, 'citroen')).toBe(true);
    expect(finds(alert, 'c4 picasso')).toBe(true);
  });

  it('leaves no doubled or trailing spaces for missing parts', () => {
    const alert: AlertInput = {
      kind: 'vehicle',
      vehicle: { vin: '1M8GDM9AXKP042788' },
      visibility: { mode: 'all' },
    };
    expect(searchTextOf(alert)).toBe('1m8gdm9axkp042788');
    expect(searchTextOf(person([{ given: 'ANNA' }, { family: 'X' }]))).toBe('anna x');
  });

  it('does not include the visibility or category', () => {
    const text = searchTextOf(person([{ family: 'DOE' }]));
    expect(text).toBe('doe');
  });
});

describe('foldForSearch', () => {
  it('lower-cases, strips diacritics and collapses whitespace', () => {
    expect(foldForSearch('  Ångström\t\n  MÜLLER  ')).toBe('angstrom muller');
  });

  it('turns compatibility forms into plain letters', () => {
    expect(foldForSearch('ﬁle')).toBe('file');
    expect(foldForSearch('ＡＢＣ')).toBe('abc');
  });

  it('gives the same result when applied twice to a name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (value) => {
        const once = foldForSearch(value);
        expect(foldForSearch(once)).toBe(once);
      }),
      { numRuns: 200 },
    );
  });
});
