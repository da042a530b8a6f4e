import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalisePlate, plateKey } from './plate.js';

describe('plates', () => {
  it('give every way of writing a French plate the same key', () => {
    expect(plateKey('AB-123-CD', 'FRA')).toBe(plateKey('ab 123 cd', 'fra'));
    expect(plateKey('AB.123.CD', 'FRA')).toBe('FRA:AB123CD');
    expect(normalisePlate('ab 123 cd', 'FRA')).toEqual({ country: 'FRA', plate: 'AB123CD' });
  });

  it('fold letters with diacritics and drop the marks plates are written with', () => {
    expect(normalisePlate('MÜ·AB 12', 'DEU').plate).toBe('MUAB12');
    expect(normalisePlate('TÖL–X/1', 'DEU').plate).toBe('TOLX1');
  });

  it('read Cyrillic and Greek plate letters as the Latin letters they look like', () => {
    expect(plateKey('А123ВС77', 'RUS')).toBe(plateKey('A123BC77', 'RUS'));
    expect(normalisePlate('а 123 вс 77', 'RUS').plate).toBe('A123BC77');
    expect(normalisePlate('ΑΒΗ-1234', 'GRC').plate).toBe('ABH1234');
  });

  it('keep countries apart and map the ICAO code D to DEU', () => {
    expect(plateKey('B AB 123', 'DEU')).not.toBe(plateKey('B AB 123', 'AUT'));
    expect(plateKey('B AB 123', 'D')).toBe(plateKey('B AB 123', 'DEU'));
  });

  it('never throw and give only capital letters and digits, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 5 }), (plate, country) => {
        const n = normalisePlate(plate, country);
        expect(n.plate).toMatch(/^[A-Z0-9]*$/);
        expect(normalisePlate(n.plate, n.country)).toEqual(n);
      }),
      { numRuns: 1000 },
    );
    const t0 = performance.now();
    plateKey('AB-123-CD Ü 品川 '.repeat(10_000), 'FRA');
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
