import { describe, expect, it } from 'vitest';
import { compareNames } from './compare-names.js';
import { prepareName } from './prepare-name.js';
import { DEFAULT_THRESHOLD, scorePerson, type PersonFacts } from './score-person.js';
import { BITS_FOR_IDENTITY, informName, wordBits, type WordFrequencies } from './word-information.js';

const person = (names: string[], rest: Omit<PersonFacts, 'names'> = {}): PersonFacts => ({ names: names.map((n) => prepareName(n)), ...rest });
const self = (name: string, rest: Omit<PersonFacts, 'names'> = {}) => scorePerson(person([name], rest), person([name], rest));
const frequencies = (persons: number, counts: Record<string, number>): WordFrequencies => ({ persons, personsWith: (key) => counts[key] ?? 0 });

describe('common and rare names', () => {
  // Pairs of the same shape (the same number of words, matched the same way), one of common words
  // and one of rare ones: the common one is weaker evidence.
  it.each([
    ['MOHAMMED ALI', 'GRZEGORZ BRZĘCZYSZCZYKIEWICZ'],
    ['KIM MIN', 'WOJCIECH SZCZEPANSKI'],
    ['王 伟', 'BARTHOLOMEW QUIGGLEY'],
    ['NGUYEN VAN AN', 'EULALIA PERPETUA ZWINGLI'],
  ])('an identical %s scores lower than an identical %s, and says why', (common, rare) => {
    const c = self(common);
    const r = self(rare);
    expect(r.score).toBe(1);
    expect(r.reasons.map((x) => x.code)).not.toContain('name.common-words');
    expect(c.score).toBeLessThan(r.score);
    expect(c.reasons).toContainEqual({ code: 'name.common-words' });
  });

  it('still finds an identical common name on its name alone, and a contradiction sinks it', () => {
    expect(self('MOHAMMED ALI').score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    const differentDay = scorePerson(person(['KIM MIN'], { birthDate: '1980-02-03' }), person(['KIM MIN'], { birthDate: '1980-07-09' }));
    expect(differentDay.score).toBeLessThan(DEFAULT_THRESHOLD);
    const sameDay = scorePerson(person(['KIM MIN'], { birthDate: '1980-02-03' }), person(['KIM MIN'], { birthDate: '1980-02-03' }));
    expect(sameDay.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

  it('leaves the comparison of the names themselves alone: how alike two names are is not how rare they are', () => {
    expect(compareNames(prepareName('MOHAMMED ALI'), prepareName('MOHAMMED ALI')).score).toBe(1);
    // Identity links compare by likeness alone: their own rule asks for the same full birth date.
    expect(scorePerson(person(['MOHAMMED ALI']), person(['MOHAMMED ALI']), { weighNames: false })).toEqual({ score: 1, reasons: expect.not.arrayContaining([{ code: 'name.common-words' }]) });
  });

  it('makes a word many indexed persons carry weaker evidence than the prior alone says', () => {
    const wolny = prepareName('WOLNY').parts[0]!;
    const alone = wordBits(wolny);
    const unique = wordBits(wolny, frequencies(100_000, { WOLNY: 1 }));
    const crowded = wordBits(wolny, frequencies(100_000, { WOLNY: 5_000 }));
    expect(unique).toBeGreaterThanOrEqual(alone - 0.01);
    expect(crowded).toBeLessThan(6);
    // Spellings of one canonical name are counted together (MOHAMMED and MUHAMMAD).
    const mohammed = prepareName('MOHAMMED').parts[0]!;
    const muhammad = prepareName('MUHAMMAD').parts[0]!;
    const counts = frequencies(1000, { [`#${muhammad.group}`]: 300 });
    expect(wordBits(mohammed, counts)).toBeCloseTo(wordBits(muhammad, counts));
  });

  it('carries the index counts into person scores through the names it informs', () => {
    const score = (counts: WordFrequencies) => {
      const q = person(['TOMASZ WOLNY']);
      const r = person(['TOMASZ WOLNY']);
      for (const n of [...q.names, ...r.names]) informName(n, counts);
      return scorePerson(q, r).score;
    };
    const rare = score(frequencies(10_000, { TOMASZ: 1, WOLNY: 1 }));
    const common = score(frequencies(10_000, { TOMASZ: 2_000, WOLNY: 3_000 }));
    expect(rare).toBe(1);
    expect(common).toBeLessThan(rare);
  });

  it('needs fewer bits than the threshold of identity from a rare two-word name, more from a common one', () => {
    const bits = (name: string) => prepareName(name).parts.reduce((n, p) => n + wordBits(p), 0);
    expect(bits('GRZEGORZ BRZĘCZYSZCZYKIEWICZ')).toBeGreaterThanOrEqual(BITS_FOR_IDENTITY);
    expect(bits('MOHAMMED ALI')).toBeLessThan(BITS_FOR_IDENTITY);
  });
});

describe('weak aliases', () => {
  const record = (rest: Omit<PersonFacts, 'names'> = {}): PersonFacts => {
    const facts = person(['MUAMMAR GADDAFI', 'BROTHER LEADER'], rest);
    return { ...facts, weakNames: new Set([facts.names[1]!]) };
  };

  it('finds the person by a weak alias only with other evidence, and says it matched one', () => {
    const alone = scorePerson(person(['BROTHER LEADER']), record());
    expect(alone.score).toBeLessThan(DEFAULT_THRESHOLD);
    const withDate = scorePerson(person(['BROTHER LEADER'], { birthDate: '1942-06-07' }), record({ birthDate: '1942-06-07' }));
    expect(withDate.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(withDate.reasons).toContainEqual({ code: 'name.weak-alias', name: 'BROTHER LEADER' });
  });

  it('scores the same alias lower when it is weak than when it is not', () => {
    const plain = person(['MUAMMAR GADDAFI', 'BROTHER LEADER']);
    const strong = scorePerson(person(['BROTHER LEADER']), plain);
    const weak = scorePerson(person(['BROTHER LEADER']), record());
    expect(weak.score).toBeLessThan(strong.score);
    expect(strong.reasons.map((r) => r.code)).not.toContain('name.weak-alias');
  });

  it('does not weaken a match on the strong name of the same record', () => {
    const r = scorePerson(person(['MUAMMAR GADDAFI']), record());
    expect(r.score).toBe(1);
    expect(r.reasons.map((x) => x.code)).not.toContain('name.weak-alias');
  });
});
