import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMrz } from './parse-mrz.js';

const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const mrzChar = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<'.split(''));

function expectWellFormed(result: ReturnType<typeof parseMrz>, started: number): void {
  expect(performance.now() - started).toBeLessThan(1000); // a hang guard, not a benchmark: wide enough for a GC pause on a loaded machine
  expect(typeof result.valid).toBe('boolean');
  expect(result.errors.map((e) => e.code)).not.toContain('mrz.internal');
  if (result.format === null) expect(result.errors.length).toBeGreaterThan(0);
  if (result.valid) expect(result.errors).toEqual([]);
  JSON.stringify(result);
}

describe('parseMrz on hostile input', () => {
  it('never throws and answers within milliseconds for any lines', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 10_000 }), { maxLength: 10 }), (lines) => {
        const started = performance.now();
        expectWellFormed(parseMrz(lines), started);
      }),
      { numRuns: 300 },
    );
  });
  it('never throws on one string of any content, or on values that are not lines at all', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 30_000 }), fc.anything()), (input) => {
        const started = performance.now();
        expectWellFormed(parseMrz(input), started);
      }),
      { numRuns: 300 },
    );
  });
  it('never throws on zones of the right shape filled with any MRZ characters', () => {
    const line = (n: number): fc.Arbitrary<string> => fc.array(mrzChar, { minLength: n, maxLength: n }).map((c) => c.join(''));
    const zone = fc.oneof(fc.tuple(line(30), line(30), line(30)), fc.tuple(line(36), line(36)), fc.tuple(line(44), line(44)));
    fc.assert(
      fc.property(zone, fc.date({ noInvalidDate: true }), (lines, today) => {
        const started = performance.now();
        expectWellFormed(parseMrz(lines, { today }), started);
      }),
      { numRuns: 1000 },
    );
  });
  // 7, 3 and 1 are prime to 10, so any one digit changed to another changes the sum modulo 10;
  // a letter for a digit need not (C = 12 and 2 weigh the same), which is why only digits are changed.
  it('never reports valid after any single digit of a protected field is changed to another', () => {
    const line = TD3[1]!;
    const digitColumns = [...line].flatMap((ch, i) => (/[0-9]/.test(ch) ? [i] : []));
    fc.assert(
      fc.property(fc.constantFrom(...digitColumns), fc.integer({ min: 0, max: 9 }), (column, d) => {
        fc.pre(line[column] !== String(d));
        const changed = line.slice(0, column) + String(d) + line.slice(column + 1);
        expect(parseMrz([TD3[0]!, changed], { today: '2010-01-01' }).valid).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
