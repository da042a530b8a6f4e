import { describe, expect, it } from 'vitest';
import { reasonText } from '../../reasons/reason-text-en.js';
import { compareNames } from '../compare-names.js';
import { nameKeys, queryKeys } from '../name-keys.js';
import { makePart, prepareName, type NamePart, type PreparedName } from '../prepare-name.js';
import { ROMANISATION_SYSTEMS, systemLabel, systemNumber } from './romanisation-systems.js';

/** A prepared name whose one word carries the given readings, as a provider would give them. */
function withReadings(text: string, readings: [string, string][]): PreparedName {
  const name = prepareName(text);
  const part = name.parts[0]!;
  part.variants = readings.map(([reading, system]) => {
    const v: NamePart = makePart(reading, part.kind, part.role, false, part.weight);
    v.system = systemNumber(system);
    v.loan = ROMANISATION_SYSTEMS.find((s) => s.id === system)?.loan === true;
    return v;
  });
  return name;
}

describe('readings by other romanisation systems', () => {
  it('has one line per system, each with a distinct id and a name in four languages', () => {
    expect(new Set(ROMANISATION_SYSTEMS.map((s) => s.id)).size).toBe(ROMANISATION_SYSTEMS.length);
    for (const s of ROMANISATION_SYSTEMS) for (const l of ['en', 'fr', 'es', 'ar'] as const) expect(s[l], `${s.id} ${l}`).not.toBe('');
    expect(systemLabel('no-such-system', 'en')).toBe('no-such-system');
  });

  it('matches a word through a reading and says which system read it', () => {
    expect(compareNames(prepareName('Hsieh'), prepareName('Xie')).score).toBe(0);
    const record = withReadings('Xie', [['HSIEH', 'zh-wade-giles'], ['TSE', 'zh-cantonese']]);
    const r = compareNames(prepareName('Hsieh'), record);
    expect(r.score).toBe(0.95);
    expect(r.reasons).toContainEqual({ code: 'name.transliteration-variant', field: 'name', query: 'HSIEH', record: 'XIE', system: 'zh-wade-giles' });
    expect(reasonText(r.reasons.find((x) => x.code === 'name.transliteration-variant')!)).toBe('name HSIEH ~ XIE: transliteration variant (Wade–Giles)');
  });

  it('keeps the primary reading when it is as good, and a reading that fits nothing finds nothing', () => {
    expect(compareNames(prepareName('Jiang'), withReadings('Jiang', [['CHIANG', 'zh-wade-giles']])).score).toBe(1);
    expect(compareNames(prepareName('Wang'), withReadings('Jiang', [['CHIANG', 'zh-wade-giles']])).score).toBe(0);
  });

  it('keys a word under its readings too, so the index brings the spellings together', () => {
    const record = withReadings('Jiang', [['CHIANG', 'zh-wade-giles']]);
    const keys = new Set(nameKeys(record));
    expect(queryKeys(prepareName('Chiang')).some((k) => keys.has(k))).toBe(true);
  });

  it('compares a reading by sound with the written word by its consonant sounds, never two readings by sound', () => {
    const loan = withReadings('X', [['MAKUDONARUDO', 'ja-katakana']]);
    const r = compareNames(prepareName('McDonald'), loan);
    expect(r.score).toBeGreaterThanOrEqual(0.7);
    expect(r.reasons).toContainEqual(expect.objectContaining({ code: 'name.transliteration-variant', system: 'ja-katakana' }));
    expect(compareNames(withReadings('Y', [['MAKUDONARUDO', 'ja-katakana']]), loan).score).toBe(0);
  });
});
