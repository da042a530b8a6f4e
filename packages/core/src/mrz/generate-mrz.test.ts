import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { generateMrz, type MrzData } from './generate-mrz.js';
import { parseMrz } from './parse-mrz.js';
import type { MrzFormat } from './types.js';

const eriksson = {
  issuingState: 'UTO',
  surname: 'Eriksson',
  givenNames: 'Anna Maria',
  nationality: 'UTO',
  birthDate: '1974-08-12',
  sex: 'F',
  expiryDate: '2012-04-15',
} as const;

describe('generateMrz: the Doc 9303 specimens', () => {
  it('writes the TD1 specimen', () => {
    expect(generateMrz({ ...eriksson, format: 'TD1', documentCode: 'I', documentNumber: 'D23145890' }).lines).toEqual([
      'I<UTOD231458907<<<<<<<<<<<<<<<',
      '7408122F1204159UTO<<<<<<<<<<<6',
      'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
    ]);
  });
  it('writes the TD2 specimen', () => {
    expect(generateMrz({ ...eriksson, format: 'TD2', documentCode: 'I', documentNumber: 'D23145890' }).lines).toEqual([
      'I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<',
      'D231458907UTO7408122F1204159<<<<<<<6',
    ]);
  });
  it('writes the TD3 specimen with its personal number', () => {
    expect(generateMrz({ ...eriksson, format: 'TD3', documentCode: 'P', documentNumber: 'L898902C3', optionalData: 'ZE184226B' }).lines).toEqual([
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
    ]);
  });
  it('writes both visa specimens', () => {
    const visa = { ...eriksson, documentCode: 'V', documentNumber: 'L8988901C', nationality: 'XXX', birthDate: '1940-09-07', expiryDate: '1996-12-10' };
    expect(generateMrz({ ...visa, format: 'MRVA', optionalData: '6ZE184226B' }).lines).toEqual([
      'V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'L8988901C4XXX4009078F96121096ZE184226B<<<<<<',
    ]);
    expect(generateMrz({ ...visa, format: 'MRVB' }).lines).toEqual(['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<']);
  });
  it('continues a long TD1 document number in the optional data', () => {
    const g = generateMrz({ ...eriksson, format: 'TD1', documentCode: 'I', documentNumber: 'D23145890734', surname: 'Stevenson', givenNames: 'Peter John', birthDate: '1934-07-12', sex: 'M', expiryDate: '1995-07-12' });
    expect(g.lines).toEqual(['I<UTOD23145890<7349<<<<<<<<<<<', '3407127M9507122UTO<<<<<<<<<<<2', 'STEVENSON<<PETER<JOHN<<<<<<<<<']);
  });
});

describe('generateMrz: names', () => {
  it('transliterates names in any script by the ICAO tables', () => {
    const g = generateMrz({ ...eriksson, format: 'TD3', documentCode: 'P', documentNumber: 'A2222222', surname: 'محمود', givenNames: 'عبدالرحيم' });
    expect(g.lines[0]).toBe('P<UTOMXHMWD<<EBDALRXHYM<<<<<<<<<<<<<<<<<<<<<');
    const uk = generateMrz({ ...eriksson, format: 'TD3', documentCode: 'P', documentNumber: 'XX0000000', surname: 'Ткаченко', givenNames: "Мар'яна", language: 'uk' });
    expect(uk.lines[0]).toBe('P<UTOTKACHENKO<<MARIANA<<<<<<<<<<<<<<<<<<<<<');
  });
  it('cuts the given names first, ending on a letter, and warns', () => {
    const g = generateMrz({ ...eriksson, format: 'TD1', documentCode: 'I', documentNumber: 'D23145890', surname: 'Vanderhoeven Mastenbroek', givenNames: 'Alexandra Josephine' });
    expect(g.lines[2]).toBe('VANDERHOEVEN<MASTENBROEK<<ALEX');
    expect(g.warnings.map((w) => w.code)).toContain('mrz.name-truncated');
  });
  it('keeps room for the first initial when the surname alone is too long', () => {
    const g = generateMrz({ ...eriksson, format: 'TD1', documentCode: 'I', documentNumber: 'D23145890', surname: 'A'.repeat(40), givenNames: 'Maria' });
    expect(g.lines[2]).toBe(`${'A'.repeat(27)}<<M`);
  });
});

describe('generateMrz: input it cannot write', () => {
  it('names every bad field in one validation error', () => {
    const bad = { ...eriksson, format: 'TD3' as const, documentCode: '1', documentNumber: 'L898902C3XYZ', birthDate: '12/08/1974' };
    try {
      generateMrz(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).problems.map((p) => p.field).sort()).toEqual(['birthDate', 'documentCode', 'documentNumber']);
    }
  });
});

// Generated data that the MRZ can hold without loss: A–Z names short enough not to be cut,
// known state codes, real dates inside the century window of `today`.
const today = '2025-06-01';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const chars = (alphabet: string[], min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((c) => c.join(''));
const word = chars(LETTERS, 1, 8);
const words = (max: number): fc.Arbitrary<string> => fc.array(word, { minLength: 1, maxLength: max }).map((w) => w.join(' '));
const alnum = (min: number, max: number): fc.Arbitrary<string> => chars([...LETTERS, ...'0123456789'.split('')], min, max);
const isoDate = (from: number, to: number): fc.Arbitrary<string> =>
  fc.date({ min: new Date(Date.UTC(from, 0, 1)), max: new Date(Date.UTC(to, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const formats: Record<MrzFormat, { code: string; nameRoom: number; optional: number; long: number }> = {
  TD1: { code: 'I', nameRoom: 30, optional: 13, long: 12 },
  TD2: { code: 'A', nameRoom: 31, optional: 7, long: 9 },
  TD3: { code: 'P', nameRoom: 39, optional: 14, long: 9 },
  MRVA: { code: 'V', nameRoom: 39, optional: 16, long: 9 },
  MRVB: { code: 'V', nameRoom: 36 - 5, optional: 8, long: 9 },
};

const mrzData: fc.Arbitrary<MrzData> = fc.constantFrom<MrzFormat>('TD1', 'TD2', 'TD3', 'MRVA', 'MRVB').chain((format) => {
  const f = formats[format];
  return fc.record({
    format: fc.constant(format),
    documentCode: fc.constant(f.code),
    issuingState: fc.constantFrom('UTO', 'DEU', 'D', 'FRA', 'XXA'),
    nationality: fc.constantFrom('GBR', 'UKR', 'XXX', 'UNO'),
    documentNumber: alnum(1, f.long).filter((n) => n.length <= 9 || format === 'TD1'),
    surname: words(2),
    givenNames: fc.oneof(fc.constant(''), words(2)),
    birthDate: fc.oneof(isoDate(1926, 2024), isoDate(1926, 2024).map((d) => d.slice(0, 7)), isoDate(1926, 2024).map((d) => d.slice(0, 4))),
    sex: fc.constantFrom('M', 'F', 'X'),
    expiryDate: isoDate(1946, 2044),
    optionalData: fc.oneof(fc.constant(''), alnum(1, 7)),
  }).filter((d) => `${d.surname}<<${d.givenNames}`.length <= f.nameRoom && !(format === 'TD2' && d.documentNumber.length > 9));
}) as fc.Arbitrary<MrzData>;

describe('generateMrz and parseMrz round-trip', () => {
  it('parses what it generates back to the same fields, every check digit right', () => {
    fc.assert(
      fc.property(mrzData, (data) => {
        const parsed = parseMrz(generateMrz(data).lines, { today });
        expect(parsed.format).toBe(data.format);
        expect(parsed.errors).toEqual([]);
        expect(parsed.valid).toBe(true);
        expect(parsed.fields).toMatchObject({
          documentCode: data.documentCode,
          issuingState: data.issuingState,
          nationality: data.nationality,
          documentNumber: data.documentNumber,
          surname: data.surname,
          givenNames: data.givenNames,
          birthDate: data.birthDate,
          sex: data.sex,
          expiryDate: data.expiryDate,
          optionalData: data.optionalData,
        });
      }),
      { numRuns: 500 },
    );
  });
});
