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
  ['Company', 'Bank of Meridia', 'BOM', 'an initialism with the small word'],
  ['Company', 'Торговый дом «Ромашка»', 'Romashka Trading House', 'a translated phrase in another script'],
  ['Company', '주식회사 대한', 'Daehan Co., Ltd.', 'a Korean joint-stock company and its usual English rendering'],
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

// The legal forms of the list, each set apart from the name in any script (ISO 20275 / GLEIF ELF).
const FORMS = ['GmbH', 'LLC', 'ООО', 'SARL', 'Ltd', 'AG', 'SA', 'S.A.', 'SpA', 'BV', 'NV', 'Oy', 'AB', 'AS', 'A/S', 'JSC', 'PJSC', 'ОАО', 'ЗАО', 'ПАО', 'Co.', 'Corp.', 'Inc.', 'PLC', 'LLP', 'LP', 'شركة'];
const AFFIXES = [['北京罗马什卡有限公司', '有限公司'], ['株式会社トヨタ', '株式会社'], ['삼성주식회사', '주식회사']];

describe('legal forms in any script', () => {
  it.each(FORMS)('sets %s apart from the name, before or after it', (form) => {
    for (const text of [`Zenit ${form}`, `${form} Zenit`]) {
      const r = compareBySchema('Company', text, 'Zenit');
      expect(r.score).toBeGreaterThanOrEqual(0.95);
      expect(r.reasons.filter((x) => x.code === 'name.only-in-query')).toEqual([]);
    }
  });

  it.each(AFFIXES)('sets the form written onto the name apart: %s', (text, form) => {
    expect(compareBySchema('Company', text, text.replace(form, '')).score).toBe(1);
  });
});

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
