import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkVin, normaliseVin, vinCheckDigit, vinKey } from './vin.js';

const VIN_CHARS = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ'.split('');
const structuredVinArb = fc.array(fc.constantFrom(...VIN_CHARS), { minLength: 17, maxLength: 17 }).map((cs) => cs.join(''));
/** Transliteration values of 49 CFR 565.15, written out again here to check the table in vin.ts. */
const value = (ch: string): number => (/[0-9]/.test(ch) ? Number(ch) : 'ABCDEFGH'.includes(ch) ? 'ABCDEFGH'.indexOf(ch) + 1 : 'JKLMN'.includes(ch) ? 'JKLMN'.indexOf(ch) + 1 : ch === 'P' ? 7 : ch === 'R' ? 9 : 'STUVWXYZ'.indexOf(ch) + 2);
const withCheckDigit = (vin: string): string => `${vin.slice(0, 8)}${vinCheckDigit(vin)}${vin.slice(9)}`;

describe('checkVin', () => {
  it('accepts a North American VIN with its check digit and exposes the WMI', () => {
    expect(checkVin('1M8GDM9AXKP042788')).toEqual({
      normalised: '1M8GDM9AXKP042788',
      accepted: true,
      problems: [],
      validStructure: true,
      checkDigitOk: true,
      expectedCheckDigit: 'X',
      wmi: '1M8',
      warnings: [],
    });
  });

  it('reads lower case, spaces, hyphens and dots as the same VIN', () => {
    expect(checkVin(' 1m8-gdm9a.xkp 042788 ').normalised).toBe('1M8GDM9AXKP042788');
  });

  it('accepts a VIN whose check digit fails, with a warning and the digit it expected', () => {
    const result = checkVin('1M8GDM9A1KP042788');
    expect(result.accepted).toBe(true);
    expect(result.validStructure).toBe(true);
    expect(result.checkDigitOk).toBe(false);
    expect(result.expectedCheckDigit).toBe('X');
    expect(result.warnings).toEqual(['check-digit-mismatch']);
  });

  it('accepts a pre-1981 serial number with a warning and no WMI', () => {
    const result = checkVin('124379N612345');
    expect(result).toMatchObject({ accepted: true, validStructure: false, checkDigitOk: false, wmi: null, expectedCheckDigit: null });
    expect(result.warnings).toEqual(['not-17-characters']);
  });

  it('accepts a 17-character VIN with I, O or Q but says its structure is invalid', () => {
    const result = checkVin('1M8GDM9AXKPO42788');
    expect(result).toMatchObject({ accepted: true, validStructure: false, checkDigitOk: false });
    expect(result.warnings).toContain('letters-i-o-q');
  });

  it('warns about a model-year character that North America never uses', () => {
    expect(checkVin(withCheckDigit('1M8GDM9A0UP042788')).warnings).toEqual(['model-year-code']);
    expect(checkVin(withCheckDigit('1M8GDM9A00P042788')).warnings).toEqual(['model-year-code']);
  });

  it('refuses only what cannot identify a vehicle: empty, symbols, too long, too short', () => {
    expect(checkVin('').problems).toEqual(['empty']);
    expect(checkVin('1M8GDM9A:KP042788').problems).toEqual(['not-alphanumeric']);
    expect(checkVin('1M8GDM9AXKP0427881').problems).toEqual(['longer-than-17']);
    expect(checkVin('AB1').problems).toEqual(['shorter-than-5']);
    for (const v of ['', '1M8GDM9A:KP042788', 'AB1']) expect(checkVin(v).accepted).toBe(false);
  });

  it('never rejects a well-formed VIN for its check digit alone', () => {
    fc.assert(
      fc.property(structuredVinArb, (vin) => {
        const result = checkVin(vin);
        expect(result.accepted).toBe(true);
        expect(result.validStructure).toBe(true);
        expect(result.wmi).toBe(vin.slice(0, 3));
      }),
      { numRuns: 500 },
    );
  });

  it('detects every single-character change that alters the weighted sum', () => {
    fc.assert(
      fc.property(structuredVinArb, fc.integer({ min: 0, max: 16 }), fc.constantFrom(...VIN_CHARS), (raw, at, ch) => {
        const vin = withCheckDigit(raw);
        expect(checkVin(vin).checkDigitOk).toBe(true);
        fc.pre(at !== 8 && value(ch) !== value(vin[at]!));
        const changed = `${vin.slice(0, at)}${ch}${vin.slice(at + 1)}`;
        expect(checkVin(changed).checkDigitOk).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on garbage and stays fast on long input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const result = checkVin(s);
        expect(normaliseVin(result.normalised)).toBe(result.normalised);
        expect(result.accepted).toBe(result.problems.length === 0);
      }),
      { numRuns: 1000 },
    );
    const t0 = performance.now();
    checkVin('1M8-GDM9 ﬁ\u0390'.repeat(20_000));
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('vinKey', () => {
  it('reads I, O and Q in a 17-character VIN as 1, 0 and 0', () => {
    expect(vinKey('1m8gdm9axkpo42788')).toBe('1M8GDM9AXKP042788');
    expect(vinKey('1M8GDM9AXKPQ427I8')).toBe('1M8GDM9AXKP042718');
  });

  it('leaves older serial numbers as they are', () => {
    expect(vinKey('ab-o123')).toBe('ABO123');
  });
});
