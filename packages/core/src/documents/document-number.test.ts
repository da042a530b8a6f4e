import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compareDocuments,
  documentKey,
  foldedDocumentKey,
  foldOcrConfusions,
  normaliseDocumentNumber,
  normaliseIssuingState,
  OCR_CONFUSION_CLASSES,
} from './document-number.js';

/** The rule as the documentation states it, without the ASCII fast path. */
const referenceNumber = (n: string): string => {
  let s = n;
  for (let i = 0; i < 4; i++) {
    const next = s.normalize('NFKC').toUpperCase();
    if (next === s) break;
    s = next;
  }
  return s.replace(/[\s\p{Cc}\p{Cf}\p{Pd}./<]/gu, '');
};

describe('normaliseDocumentNumber', () => {
  it('removes spaces, hyphens, dots, slashes and MRZ fillers and upper-cases', () => {
    expect(normaliseDocumentNumber(' 12 ab-345.67/8<<')).toBe('12AB345678');
    expect(normaliseDocumentNumber('c01x00t47')).toBe('C01X00T47');
  });

  it('turns full-width characters into ASCII and drops invisible ones', () => {
    expect(normaliseDocumentNumber('１２ＡＢ３４')).toBe('12AB34');
    expect(normaliseDocumentNumber('12\u200bAB\u00a034\u2013X')).toBe('12AB34X');
  });

  it('keeps every character a reader would see as different', () => {
    expect(normaliseDocumentNumber('AB+12')).toBe('AB+12');
    expect(normaliseDocumentNumber('AB_12')).not.toBe(normaliseDocumentNumber('AB12'));
  });

  it('gives the same result on the ASCII fast path as the general rule', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 30 }), (n) => {
        expect(normaliseDocumentNumber(n)).toBe(referenceNumber(n));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, is stable when applied again and leaves no separators, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (n) => {
        const once = normaliseDocumentNumber(n);
        expect(normaliseDocumentNumber(once)).toBe(once);
        expect(once).not.toMatch(/[\s\-./<]/);
      }),
      { numRuns: 1000 },
    );
  });

  it('handles a 200,000-character input in bounded time', () => {
    const long = 'ab-12 ٣ ﬁ\u0390<'.repeat(20_000);
    const t0 = performance.now();
    normaliseDocumentNumber(long);
    foldedDocumentKey('D<<', long);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('normaliseIssuingState', () => {
  it('maps the ICAO code D to DEU, also with MRZ fillers and in lower case', () => {
    expect(normaliseIssuingState('D')).toBe('DEU');
    expect(normaliseIssuingState('D<<')).toBe('DEU');
    expect(normaliseIssuingState(' d ')).toBe('DEU');
    expect(normaliseIssuingState('ｄ')).toBe('DEU');
  });

  it('keeps other codes, including ICAO-only ones, as they are', () => {
    expect(normaliseIssuingState('fra')).toBe('FRA');
    expect(normaliseIssuingState('GBD')).toBe('GBD');
    expect(normaliseIssuingState('UNO')).toBe('UNO');
    expect(normaliseIssuingState('DE')).toBe('DE');
  });

  it('never throws and returns only capital letters and digits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
        expect(normaliseIssuingState(s)).toMatch(/^[A-Z0-9]*$/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('document keys', () => {
  it('give a German passport read from an MRZ the key of an alert entered as DEU', () => {
    expect(documentKey('D<<', 'C01X00T47<')).toBe(documentKey('DEU', 'C01X00T47'));
    expect(documentKey('DEU', 'C01X00T47')).toBe('DEU:C01X00T47');
  });

  it('keep states apart', () => {
    expect(documentKey('FRA', '123')).not.toBe(documentKey('ITA', '123'));
    expect(foldedDocumentKey('FRA', '123')).not.toBe(foldedDocumentKey('ITA', '123'));
  });

  it.each([
    ['O', '0'],
    ['Q', '0'],
    ['O', 'Q'],
    ['I', '1'],
    ['L', '1'],
    ['I', 'L'],
    ['B', '8'],
    ['S', '5'],
    ['Z', '2'],
    ['G', '6'],
  ])('fold %s and %s together while the exact keys differ', (a, b) => {
    expect(foldedDocumentKey('FRA', `X${a}12`)).toBe(foldedDocumentKey('FRA', `X${b}12`));
    expect(documentKey('FRA', `X${a}12`)).not.toBe(documentKey('FRA', `X${b}12`));
  });

  it('do not fold characters outside the confusion classes (A/4, D/0, U/V)', () => {
    for (const [a, b] of [['A', '4'], ['D', '0'], ['U', 'V'], ['E', '3']]) {
      expect(foldedDocumentKey('FRA', `X${a}`)).not.toBe(foldedDocumentKey('FRA', `X${b}`));
    }
  });

  it('fold every character of a class to the same representative, and nothing else', () => {
    const classOf = new Map<string, string>();
    for (const cls of OCR_CONFUSION_CLASSES) for (const ch of cls) classOf.set(ch, cls);
    const all = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('');
    for (const a of all) {
      for (const b of all) {
        const same = a === b || (classOf.has(a) && classOf.get(a) === classOf.get(b));
        expect(foldOcrConfusions(a) === foldOcrConfusions(b)).toBe(same);
      }
    }
  });
});

describe('compareDocuments', () => {
  it('scores the same number 1 and an OCR misreading lower, lower still with more substitutions', () => {
    const alert = { issuingState: 'DEU', number: 'C01X00T47' };
    expect(compareDocuments({ issuingState: 'D', number: 'c01x00t47' }, alert)).toEqual({ match: 'exact', score: 1, substitutions: 0 });
    const one = compareDocuments({ issuingState: 'DEU', number: 'CO1X00T47' }, alert);
    const three = compareDocuments({ issuingState: 'DEU', number: 'COIXO0T47' }, alert);
    expect(one).toMatchObject({ match: 'ocr-variant', substitutions: 1 });
    expect(three).toMatchObject({ match: 'ocr-variant', substitutions: 3 });
    expect(one!.score).toBeLessThan(1);
    expect(three!.score).toBeLessThan(one!.score);
  });

  it('finds no match for another state or a number that differs otherwise', () => {
    const alert = { issuingState: 'DEU', number: 'C01X00T47' };
    expect(compareDocuments({ issuingState: 'AUT', number: 'C01X00T47' }, alert)).toBeNull();
    expect(compareDocuments({ issuingState: 'DEU', number: 'C01X00T48' }, alert)).toBeNull();
    expect(compareDocuments({ issuingState: 'DEU', number: 'C01X00T4' }, alert)).toBeNull();
  });
});
