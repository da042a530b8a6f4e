import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD } from './score-person.js';
import { compareBySchema, UnknownSchemaError } from './compare-by-schema.js';

// Examples written from the sources named in legal-forms.ts (ISO 20275 / GLEIF ELF list),
// company-words.ts, initialisms.ts and vessel-prefixes.ts; none is taken from an evaluation set.
const MATCHES: [schema: string, a: string, b: string, why: string][] = [
  ['Company', 'Romashka LLC', 'ООО «Ромашка»', 'a legal form in another script'],
  ['Company', 'Zenit Trade GmbH', 'Zenit Trade Gesellschaft mit beschränkter Haftung', 'a form written out'],
  ['Company', 'Kronos Shipping S.A.', 'Kronos Shipping SA', 'a dotted form'],
  ['Company', 'Nordlys AS', 'Nordlys A/S', 'AS and A/S'],
  ['Company', 'Open Joint Stock Company Uralmash', 'OAO Uralmash', 'an English rendering of OAO'],
  ['Company', 'Uralmash Joynt Stock Company', 'Uralmash JSC', 'a slip in a written-out form'],
  ['Company', 'Volga Heavy Machinery Joint Stock Compa', 'Volga Heavy Machinery JSC', 'a form cut off by a field length'],
  ['Company', 'Petrov Bros', 'Petrov Brothers', 'an abbreviation'],
  ['Company', 'Atlas Intl Trading', 'Atlas International Trading', 'INTL'],
  ['Company', 'Smith & Jones Ltd', 'Smith and Jones Limited', '& and AND'],
  ['Company', 'Banque Meridian', 'Meridian Bank', 'a translated common word, other word order'],
  ['Company', 'Банк Меридиан', 'Meridian Bank', 'a Cyrillic common word'],
  ['Organization', 'Brigade Twenty-Two', 'Brigade 22', 'numbers as words'],
  ['Organization', 'First Savings Union', '1st Savings Union', 'ordinals'],
  ['Organization', 'IRGC', 'Islamic Revolutionary Guard Corps', 'an initialism'],
  ['Organization', 'U.S. Department of Commerce', 'United States Department of Commerce', 'a dotted initialism for part of the name'],
  ['LegalEntity', 'Solaris Holding AG', 'Solaris Holding Aktiengesellschaft', 'LegalEntity takes the organisation matcher'],
  ['Vessel', 'MV Ocean Pearl', 'OCEAN PEARL', 'a ship prefix'],
  ['Vessel', 'M/T Ocean Pearl', 'SS Ocean Pearl', 'two ship prefixes'],
];

const NON_MATCHES: [schema: string, a: string, b: string, why: string][] = [
  ['Company', 'Romashka LLC', 'Vasilek LLC', 'the same legal form, other names'],
  ['Company', 'Atlas Trading Group Ltd', 'Global Trading Group Ltd', 'only common words in common'],
  ['Company', 'Delta Bank AG', 'Delta Bank GmbH', 'the same name, forms of different families'],
  ['Organization', 'Brigade 22', 'Squadron 22', 'only the number in common'],
  ['Vessel', 'MV Ocean Pearl', 'MV Desert Rose', 'the same prefix, other names'],
];

describe('compareBySchema', () => {
  it.each(MATCHES)('%s: %s ~ %s (%s)', (schema, a, b) => {
    expect(compareBySchema(schema, a, b).score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

  it.each(NON_MATCHES)('%s: %s ≁ %s (%s)', (schema, a, b) => {
    expect(compareBySchema(schema, a, b).score).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('says an initialism and the words it stands for', () => {
    expect(compareBySchema('Organization', 'IRGC', 'Islamic Revolutionary Guard Corps').reasons).toContainEqual({ code: 'company.initialism', query: 'IRGC', record: 'ISLAMIC REVOLUTIONARY GUARD CORPS' });
  });

  it('compares persons with the person matcher (structured names too)', () => {
    const person = compareBySchema('Person', { given: 'Olga', family: 'Ivanova' }, 'IVANOVA Olga');
    expect(person.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(person.reasons.some((r) => r.code === 'name.same' && r.field === 'surname')).toBe(true);
  });

  it('refuses a schema it does not know', () => {
    expect(() => compareBySchema('Airplane', 'A', 'B')).toThrow(UnknownSchemaError);
    expect(() => compareBySchema('person', 'A', 'B')).toThrow(/expected one of Person, Company/);
  });
});
