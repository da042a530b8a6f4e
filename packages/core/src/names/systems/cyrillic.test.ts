import { describe, expect, it } from 'vitest';
import { CYRILLIC_SYSTEMS, readCyrillic } from './cyrillic.js';
import { latinDigraphReading } from './latin.js';
import { matchOf } from './match-of.test-helper.js';

describe('Cyrillic readings, by the tables of each system', () => {
  // BGN/PCGN 1947 (Russian); Ukrainian national 2010; Duden; French usage; ISO 9 folded.
  it.each([
    ['bgn', 'Евгений', 'YEVGENIY'],
    ['bgn', 'Хрущёв', 'KHRUSHCHOV'],
    ['bgn', 'Семён', 'SEMYON'],
    ['bgn', 'Горбачёв', 'GORBACHOV'],
    ['bgn', 'Юрий', 'YURIY'],
    ['popular', 'Юрий', 'YURY'],
    ['popular', 'Дмитрий', 'DMITRY'],
    ['ukrainian', 'Гончаренко', 'HONCHARENKO'],
    ['ukrainian', 'Юрій', 'YURIY'],
    ['german', 'Шевченко', 'SCHEWTSCHENKO'],
    ['german', 'Евгений', 'JEWGENI'],
    ['german', 'Жуков', 'SCHUKOW'],
    ['german', 'Василий', 'WASSILI'],
    ['french', 'Шевченко', 'CHEVTCHENKO'],
    ['french', 'Евгений', 'EVGUENI'],
    ['french', 'Хрущёв', 'KHROUCHTCHOV'],
    ['french', 'Андреев', 'ANDREIEV'],
    ['scholarly', 'Шевченко', 'SEVCENKO'],
    ['scholarly', 'Щукин', 'SUKIN'],
    ['scholarly', 'Хрущёв', 'HRUSEV'],
  ] as const)('%s reads %s as %s', (system, word, reading) => {
    expect(readCyrillic(word.toUpperCase(), CYRILLIC_SYSTEMS[system])).toBe(reading);
  });

  it('reads a Latin word with háček letters by their digraphs, and plain words not at all', () => {
    expect(latinDigraphReading('Ševčenko')).toBe('SHEVCHENKO');
    expect(latinDigraphReading('Ježov')).toBe('JEZHOV');
    expect(latinDigraphReading('Đorđević')).toBe('DJORDJEVICH');
    expect(latinDigraphReading('Dvořák')).toBe('DVORZHAK');
    expect(latinDigraphReading('Shevchenko')).toBe('');
    expect(latinDigraphReading('Şahin')).toBe('SHAHIN');
    expect(latinDigraphReading('Çelik')).toBe('CHELIK');
    expect(latinDigraphReading('Țurcan')).toBe('TSURCAN');
  });
});

describe('Cyrillic names meet their usual spellings, and the reason names the system', () => {
  it.each([
    ['Гончаренко', 'Honcharenko', 'cyrl-english'],
    ['Ђорђевић', 'Djordjevic', 'cyrl-english'],
    ['Шевченко', 'Schewtschenko', 'cyrl-german'],
    ['Евгений Жуков', 'Jewgeni Schukow', 'cyrl-german'],
    ['Шевченко', 'Chevtchenko', 'cyrl-french'],
    ['Ševčenko', 'Shevchenko', 'cyrl-scholarly'],
    ['Ševčenko', 'Шевченко', 'cyrl-scholarly'],
    ['Sevcenko', 'Шевченко', 'cyrl-scholarly'],
    ['Çelik', 'Chelik', 'latn-digraph'],
    ['Şahin', 'Shahin', 'latn-digraph'],
  ])('%s finds %s (%s)', (query, record, system) => {
    const m = matchOf(query, record);
    expect(m.hit).toBe(true);
    expect(m.systems).toContain(system);
  });

  it('still matches the ICAO reading directly', () => {
    expect(matchOf('Шевченко', 'Shevchenko')).toEqual({ hit: true, systems: [] });
  });

  it.each([
    ['Шевченко', 'Schewardnadse'],
    ['Гончаренко', 'Goncharov'],
    ['Жуков', 'Schulz'],
    ['Ševčenko', 'Sevastyanov'],
  ])('does not take %s for %s', (query, record) => {
    expect(matchOf(query, record).hit).toBe(false);
  });
});
