import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyNameKeys, companyQueryKeys, prepareCompanyName, registrationNumberKey, scoreCompany, type CompanyFacts } from './company-names.js';
import { LEGAL_FORMS, legalFormEntries, legalFormKey } from './legal-forms.js';
import { DEFAULT_THRESHOLD } from './score-person.js';

const company = (name: string | string[], extra: Omit<CompanyFacts, 'names'> = {}): CompanyFacts => ({ names: (Array.isArray(name) ? name : [name]).map((n) => prepareCompanyName(n)), ...extra });
const score = (q: string, r: string, qx: Omit<CompanyFacts, 'names'> = {}, rx: Omit<CompanyFacts, 'names'> = {}) => scoreCompany(company(q, qx), company(r, rx));

describe('legal forms', () => {
  it('are found at either end, in any script, and set apart from the name', () => {
    const cases: [string, string[], string][] = [
      ['ООО Ромашка', ['ООО'], 'ROMASHKA'],
      ['ООО «Ромашка»', ['ООО'], 'ROMASHKA'],
      ['Romashka LLC', ['LLC'], 'ROMASHKA'],
      ['Romashka, L.L.C.', ['L.L.C.'], 'ROMASHKA'],
      ['Romashka Co., Ltd.', ['Co. Ltd.'], 'ROMASHKA'],
      ['Müller GmbH & Co. KG', ['GmbH Co. KG'], 'MUELLER'],
      ['Dupont S.à r.l.', ['S.à r.l.'], 'DUPONT'],
      ['Kowalski Sp. z o.o.', ['Sp. z o.o.'], 'KOWALSKI'],
      ['ТОВ Ромашка', ['ТОВ'], 'ROMASHKA'],
      ['ПАО Сбербанк', ['ПАО'], 'SBERBANK'],
      ['北京罗马什卡有限公司', ['有限公司'], 'BEIJINGLUOMASHENKA'],
      ['株式会社トヨタ', ['株式会社'], 'TOYOTA'],
      ['㈜삼성', ['주'], 'SAM SEONG'],
      ['شركة الرومشكا ذ.م.م', ['شركة', 'ذ.م.م'], 'AL RWMSHKA'],
    ];
    for (const [text, forms, words] of cases) {
      const p = prepareCompanyName(text);
      expect(p.legalForms.map((f) => f.written), text).toEqual(forms);
      expect(p.name.tokens.join(' '), text).toBe(words);
    }
  });

  it('never take the last word of a name, nor a word that only ends like one', () => {
    expect(prepareCompanyName('LLC').name.tokens).toEqual(['LLC']);
    expect(prepareCompanyName('Tesco').legalForms).toEqual([]);
    expect(prepareCompanyName('Sagrada').legalForms).toEqual([]);
    expect(prepareCompanyName('Major Oil AS').name.tokens).toEqual(['MAJOR', 'OIL']);
  });

  it('each has a family and a note, and no written form stands for two families', () => {
    const familyOf = new Map<string, string>();
    for (const f of LEGAL_FORMS) {
      expect(f.note.length, f.id).toBeGreaterThan(10);
      for (const w of f.written) {
        const key = legalFormKey(w).join(' ');
        expect(key, `${f.id} ${w}`).not.toBe('');
        const seen = familyOf.get(key);
        expect(seen === undefined || seen === f.family, `${w}: ${seen} and ${f.family}`).toBe(true);
        familyOf.set(key, f.family);
      }
    }
    expect(new Set(LEGAL_FORMS.map((f) => f.id)).size).toBe(LEGAL_FORMS.length);
    // Longest first, so that GmbH & Co. KG wins over KG.
    const lengths = legalFormEntries().map((e) => e.key.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });
});

describe('company names', () => {
  it('match across scripts once the legal form is set apart', () => {
    const r = score('ООО Ромашка', 'Romashka LLC');
    expect(r.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(r.reasons).toContainEqual({ code: 'name.script', side: 'query', script: 'Cyrl', reading: 'ROMASHKA' });
    expect(r.reasons).toContainEqual({ code: 'name.same', field: 'name', query: 'ROMASHKA', record: 'ROMASHKA' });
    expect(r.reasons).toContainEqual({ code: 'company.legal-form-same', query: 'ООО', record: 'LLC' });
    expect(score('ПАО Сбербанк', 'Sberbank PJSC').score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(score('株式会社トヨタ', 'Toyota KK').score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    // Full forms, Greek, Chinese and Arabic writing.
    for (const [q, r] of [
      ['Общество с ограниченной ответственностью «Ромашка»', 'Romashka LLC'],
      ['Товариство з обмеженою відповідальністю "Ромашка"', 'Romashka LLC'],
      ['Ρομάσκα Α.Ε.', 'Romashka SA'],
      ['华为有限公司', 'Huawei Co., Ltd.'],
      ['شركة روماشكا المحدودة', 'Romashka Ltd'],
      ['Gazprom Neft PJSC', 'ПАО «Газпром нефть»'],
    ] as const) {
      const r2 = score(q, r);
      expect(r2.score, q).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
      expect(r2.reasons.map((x) => x.code), q).toContain('company.legal-form-same');
    }
  });

  it('score a further word lower, and the same name with a legal form of another kind under the threshold', () => {
    const same = score('Romashka LLC', 'ООО Ромашка').score;
    const trading = score('Romashka Trading GmbH', 'Romashka LLC').score;
    expect(trading).toBeLessThan(same);
    expect(trading).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    const ag = score('Romashka AG', 'Romashka LLC');
    expect(ag.reasons).toContainEqual({ code: 'company.legal-form-different', query: 'AG', record: 'LLC' });
    // Mostly another company of the same group (an AG and its GmbH): below the threshold, above nothing.
    expect(ag.score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(ag.score).toBeGreaterThan(0.5);
    expect(ag.score).toBeLessThan(score('Romashka AG', 'Romashka').score);
  });

  it('do not find an unrelated company of the same legal form, nor one sharing only generic words', () => {
    expect(score('ООО Василек', 'Romashka LLC').score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(score('Vasilek LLC', 'Romashka LLC').score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(score('ABC Trading LLC', 'XYZ Trading LLC').score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(score('Global Trading Group', 'Romashka Trading Group').score).toBeLessThan(DEFAULT_THRESHOLD);
    // A name of generic words only is still its own name.
    expect(score('Global Trading LLC', 'Global Trading Ltd').score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

  it('tolerate word order and spelling variants, and read any of the other names', () => {
    expect(score('Severnaya Zvezda', 'Zvezda Severnaya OOO').score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(score('Romaschka GmbH', 'Romashka LLC').score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(scoreCompany(company('Camomile Ltd'), company(['ООО Ромашка', 'Camomile Limited'])).score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

  it('take the same registration number in the same country as near proof, and another as a contradiction', () => {
    const renamed = score('Vasilek LLC', 'Romashka LLC', { registrationNumber: '1027700132195', country: 'RU' }, { registrationNumber: '1027 7001 32195', country: 'RUS' });
    expect(renamed.score).toBeGreaterThanOrEqual(0.95);
    expect(renamed.reasons).toContainEqual({ code: 'company.registration-number', number: '1027 7001 32195', country: 'RUS' });
    const other = score('Romashka LLC', 'Romashka LLC', { registrationNumber: '1', country: 'RUS' }, { registrationNumber: '2', country: 'RUS' });
    expect(other.score).toBeLessThan(score('Romashka LLC', 'Romashka LLC').score);
    expect(other.reasons).toContainEqual({ code: 'company.registration-number-different', query: '1', record: '2' });
    // Equal numbers in two countries' registers are not evidence; the countries differ.
    const abroad = score('Vasilek', 'Romashka', { registrationNumber: '12345', country: 'DEU' }, { registrationNumber: '12345', country: 'FRA' });
    expect(abroad.score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(abroad.reasons).toContainEqual({ code: 'company.country-different', query: 'DEU', record: 'FRA' });
    expect(registrationNumberKey(' hrb-12.345 ')).toBe('HRB12345');
  });

  it('answer a pair that cannot reach the floor without reasons, and the same score otherwise', () => {
    expect(scoreCompany(company('Vasilek LLC'), company('Romashka LLC'), { floor: 0.7 }).reasons).toEqual([]);
    const full = score('ООО Ромашка', 'Romashka LLC');
    expect(scoreCompany(company('ООО Ромашка'), company('Romashka LLC'), { floor: 0.7 })).toEqual(full);
    // A shared number may lift any name: it is always weighed.
    const renamed = scoreCompany(company('Vasilek', { registrationNumber: '1', country: 'RUS' }), company('Romashka', { registrationNumber: '1', country: 'RUS' }), { floor: 0.7 });
    expect(renamed.score).toBe(0.95);
  });

  it('give the keys a variant spelling of the name is found under', () => {
    const record = new Set(companyNameKeys(prepareCompanyName('Romashka LLC')));
    for (const q of ['ООО Ромашка', 'Romaschka GmbH', 'ROMASHKA']) expect(companyQueryKeys(prepareCompanyName(q)).some((k) => record.has(k)), q).toBe(true);
  });
});

describe('company matching on any input', () => {
  const pieces = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.constantFrom('ООО', 'LLC', 'GmbH', 'Ромашка', 'Romashka', 'Co.', 'Ltd', '有限公司', '株式会社', '(주)', 'ذ.م.م', 'شركة', '.', ',', ' ', '&', 'Trading', '\u0301', '\ud800'),
  );
  const names = fc.array(pieces, { maxLength: 8 }).map((p) => p.join(' '));

  it('never throws, scores within [0, 1], and every reason is worded', () => {
    fc.assert(
      fc.property(names, names, (a, b) => {
        const r = score(a, b);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        companyNameKeys(prepareCompanyName(a));
      }),
      { numRuns: 300 },
    );
  });

  it('find a name against itself with any legal form of the same family added on either side', () => {
    const word = fc.stringMatching(/^[A-Z][a-z]{4,10}$/);
    const form = fc.constantFrom(...LEGAL_FORMS.filter((f) => f.family !== 'company'));
    fc.assert(
      fc.property(word, form, form, (w, f1, f2) => {
        fc.pre(f1.family === f2.family);
        expect(score(`${w} ${f1.written[0]!}`, `${f2.written[0]!} ${w}`).score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
      }),
      { numRuns: 200 },
    );
  });

  it('score the same whichever legal form the record carries, within the bonus', () => {
    const word = fc.stringMatching(/^[A-Z][a-z]{4,10}$/);
    fc.assert(
      fc.property(word, word, (a, b) => {
        const plain = score(a, b).score;
        const withForm = score(`${a} LLC`, `${b} ООО`).score;
        expect(Math.abs(withForm - plain)).toBeLessThanOrEqual(0.031);
      }),
      { numRuns: 200 },
    );
  });
});
