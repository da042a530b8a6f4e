import { describe, expect, it } from 'vitest';
import { applyMrzSuggestions } from './apply-suggestions.js';
import { parseMrz } from './parse-mrz.js';

// ICAO Doc 9303 specimens (Parts 4–7): the fictitious state Utopia, every check digit right.
const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const TD2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const MRVA = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'];
const MRVB = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'];
const today = '2010-01-01';
const codes = (issues: { code: string }[]): string[] => issues.map((i) => i.code);

describe('parseMrz: the five formats', () => {
  it('reads a TD1 card, all three lines', () => {
    const r = parseMrz(TD1, { today });
    expect(r.format).toBe('TD1');
    expect(r.valid).toBe(true);
    expect(r.fields).toEqual({
      documentCode: 'I',
      issuingState: 'UTO',
      documentNumber: 'D23145890',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      nationality: 'UTO',
      birthDate: '1974-08-12',
      sex: 'F',
      expiryDate: '2012-04-15',
      optionalData: '',
      optionalData2: '',
    });
    expect(r.checks).toEqual({ documentNumber: true, birthDate: true, expiryDate: true, composite: true });
  });
  it('reads a TD2 card', () => {
    const r = parseMrz(TD2, { today });
    expect(r.format).toBe('TD2');
    expect(r.valid).toBe(true);
    expect(r.fields?.documentNumber).toBe('D23145890');
    expect(r.checks).toEqual({ documentNumber: true, birthDate: true, expiryDate: true, composite: true });
  });
  it('reads a TD3 passport with its personal number', () => {
    const r = parseMrz(TD3, { today });
    expect(r.format).toBe('TD3');
    expect(r.valid).toBe(true);
    expect(r.fields?.optionalData).toBe('ZE184226B');
    expect(r.checks).toEqual({ documentNumber: true, birthDate: true, expiryDate: true, personalNumber: true, composite: true });
  });
  it('tells visas from passports and cards by the V, and checks no composite on them', () => {
    const a = parseMrz(MRVA, { today: '1990-01-01' });
    expect(a.format).toBe('MRVA');
    expect(a.valid).toBe(true);
    expect(a.fields?.nationality).toBe('XXX');
    expect(a.fields?.birthDate).toBe('1940-09-07');
    expect(a.checks).toEqual({ documentNumber: true, birthDate: true, expiryDate: true });
    const b = parseMrz(MRVB, { today: '1990-01-01' });
    expect(b.format).toBe('MRVB');
    expect(b.valid).toBe(true);
    expect(b.fields?.optionalData).toBe('');
  });
});

describe('parseMrz: document numbers longer than nine characters', () => {
  it('continues a TD1 number in the optional data when the check-digit position holds <', () => {
    const r = parseMrz(['I<UTOD23145890<7349<<<<<<<<<<<', '3407127M9507122UTO<<<<<<<<<<<2', 'STEVENSON<<PETER<JOHN<<<<<<<<<'], { today: '1990-01-01' });
    expect(r.valid).toBe(true);
    expect(r.fields?.documentNumber).toBe('D23145890734');
    expect(r.fields?.optionalData).toBe('');
  });
  it('does the same in TD2', () => {
    const r = parseMrz(['I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<', 'D23145890<UTO3407127M95071227349<<<8'], { today: '1990-01-01' });
    expect(r.valid).toBe(true);
    expect(r.fields?.documentNumber).toBe('D23145890734');
  });
  it('fails the check when the continuation holds no check digit', () => {
    const r = parseMrz(['I<UTOD23145890<<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'], { today });
    expect(r.checks.documentNumber).toBe(false);
    expect(r.valid).toBe(false);
  });
});

describe('parseMrz: validity', () => {
  it('treats an unknown state code as a warning, not as invalid', () => {
    const r = parseMrz(TD3, { today });
    expect(r.valid).toBe(true);
    expect(codes(r.warnings)).toContain('mrz.unknown-state');
  });
  it('is invalid when one check digit is wrong, and names it', () => {
    const r = parseMrz([TD3[0]!, 'L898902C36UTO7408123F1204159ZE184226B<<<<<10'], { today });
    expect(r.valid).toBe(false);
    expect(r.checks.birthDate).toBe(false);
    expect(r.checks.composite).toBe(false);
    expect(r.errors.filter((e) => e.code === 'mrz.check-digit').map((e) => e.field)).toEqual(['birthDate', 'composite']);
  });
  it('accepts < or 0 as the check digit of an empty personal number, and only a digit otherwise', () => {
    const empty = (cd: string): string => `L898902C36UTO7408122F1204159<<<<<<<<<<<<<<${cd}`;
    const withComposite = (cd: string): string[] => {
      // Compute the composite for each variant by trying the ten digits.
      for (let d = 0; d < 10; d++) {
        const r = parseMrz([TD3[0]!, `${empty(cd)}${d}`], { today });
        if (r.checks.composite) return [TD3[0]!, `${empty(cd)}${d}`];
      }
      throw new Error('no composite');
    };
    expect(parseMrz(withComposite('<'), { today }).checks.personalNumber).toBe(true);
    expect(parseMrz(withComposite('0'), { today }).checks.personalNumber).toBe(true);
    expect(parseMrz([TD3[0]!, 'L898902C36UTO7408122F1204159ZE184226B<<<<<<0'], { today }).checks.personalNumber).toBe(false);
  });
  it('rejects a month that does not exist', () => {
    const r = parseMrz([TD3[0]!, 'L898902C36UTO7413122F1204159ZE184226B<<<<<10'], { today });
    expect(codes(r.errors)).toContain('mrz.bad-date');
    expect(r.fields?.birthDate).toBeNull();
  });
  it('reads an unspecified sex (<) as X', () => {
    const r = parseMrz(['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122<1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'], { today });
    expect(r.fields?.sex).toBe('X');
  });
  it('warns when the document has expired', () => {
    expect(codes(parseMrz(TD3, { today: '2013-01-01' }).warnings)).toContain('mrz.expired');
    expect(codes(parseMrz(TD3, { today: '2011-01-01' }).warnings)).not.toContain('mrz.expired');
  });
});

describe('parseMrz: two-digit years', () => {
  it('puts a birth date in the past', () => {
    expect(parseMrz(TD3, { today: '2020-01-01' }).fields?.birthDate).toBe('1974-08-12');
    // 12 April 2012 as a birth date: in the past for today 2020, in the future for today 2011.
    const born12 = [TD3[0]!, 'L898902C36UTO1204159F1204159ZE184226B<<<<<<<'];
    expect(parseMrz(born12, { today: '2020-01-01' }).fields?.birthDate).toBe('2012-04-15');
    expect(parseMrz(born12, { today: '2011-01-01' }).fields?.birthDate).toBe('1912-04-15');
  });
  it('lets an expiry date lie up to twenty years ahead, and no further', () => {
    const expires = (yy: string): string[] => {
      const line = `L898902C36UTO7408122F${yy}0415<ZE184226B<<<<<1<`;
      return [TD3[0]!, line];
    };
    expect(parseMrz(expires('44'), { today: '2025-06-01' }).fields?.expiryDate).toBe('2044-04-15');
    expect(parseMrz(expires('46'), { today: '2025-06-01' }).fields?.expiryDate).toBe('1946-04-15');
  });
  it('reports a partly unknown birth date as YYYY or YYYY-MM, with a warning', () => {
    const partial = parseMrz(['I<UTOD231458907<<<<<<<<<<<<<<<', '74<<<<8F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'], { today });
    expect(partial.fields?.birthDate).toBe('1974');
    expect(codes(partial.warnings)).toContain('mrz.partial-birth-date');
    const month = parseMrz(['I<UTOD231458907<<<<<<<<<<<<<<<', '7408<<0F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'], { today });
    expect(month.fields?.birthDate).toBe('1974-08');
  });
});

describe('parseMrz: untidy input', () => {
  it('accepts one string with line breaks, surrounding whitespace and lower case, with warnings', () => {
    const r = parseMrz(`  ${TD3[0]!.toLowerCase()}  \r\n\n ${TD3[1]} \n`, { today });
    expect(r.valid).toBe(true);
    expect(r.fields?.surname).toBe('ERIKSSON');
    expect(codes(r.warnings)).toContain('mrz.lower-case');
  });
  it('splits a zone given as one run-together line', () => {
    const r = parseMrz([TD1.join('')], { today });
    expect(r.format).toBe('TD1');
    expect(codes(r.warnings)).toContain('mrz.split-single-line');
  });
  it('gives an error, not a format, for a wrong line count or length', () => {
    for (const bad of [[TD3[0]!], [...TD1, TD1[0]!], [TD3[0]!, TD3[1]!.slice(1)], ['', ''], []]) {
      const r = parseMrz(bad, { today });
      expect(r.format).toBeNull();
      expect(r.valid).toBe(false);
      expect(r.errors.length).toBeGreaterThan(0);
    }
  });
  it('names characters the MRZ cannot hold', () => {
    const r = parseMrz([TD3[0]!.replace('ANNA', 'AN?A'), TD3[1]!], { today });
    expect(codes(r.errors)).toContain('mrz.illegal-character');
  });
  it('names the pre-2021 French identity card instead of misreading it as TD2', () => {
    const r = parseMrz(['IDFRADUPONT<<<<<<<<<<<<<<<<<<<<<<<<<', '8806923102858CORINNE<<<<<<<6512068F4'], { today });
    expect(r.format).toBeNull();
    expect(codes(r.errors)).toEqual(['mrz.french-identity-card']);
  });
});

describe('parseMrz: OCR confusions', () => {
  const garbled = ['P<UT0ERIK55ON<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO740BIZZF12041S9ZE184226B<<<<<1O'];
  it('reports letters in digit fields and digits in letter fields as suggestions, without applying them', () => {
    const r = parseMrz(garbled, { today });
    expect(r.valid).toBe(false);
    expect(r.fields?.issuingState).toBe('UT0');
    expect(r.suggestions).toContainEqual(expect.objectContaining({ field: 'issuingState', from: '0', to: 'O' }));
    expect(r.suggestions).toContainEqual(expect.objectContaining({ field: 'birthDate', from: 'BIZ', to: '812' }));
  });
  it('gives suggestions that, applied, restore the zone', () => {
    const r = parseMrz(garbled, { today });
    const fixed = parseMrz(applyMrzSuggestions(r.lines, r.suggestions), { today });
    expect(fixed.valid).toBe(true);
    expect(fixed.fields).toEqual(parseMrz(TD3, { today }).fields);
  });
  it('finds the one O/0-type swap that makes a document number pass its check', () => {
    const r = parseMrz([TD3[0]!, 'L89B902C36UTO7408122F1204159ZE184226B<<<<<10'], { today });
    expect(r.checks.documentNumber).toBe(false);
    expect(r.suggestions).toContainEqual(expect.objectContaining({ field: 'documentNumber', from: 'B', to: '8' }));
  });
});
