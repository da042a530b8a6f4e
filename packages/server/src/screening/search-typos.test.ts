import { parseInput, screenQuerySchema, type Alert } from '@crosscheck/core';
import { describe, expect, it } from 'vitest';
import { search } from './search.js';
import { ScreeningIndex } from './screening-index.js';

// A crowded list: family names built from a few roots and syllables, so that thousands of them
// sound alike (the same consonant skeletons, one consonant apart) and a misspelt name competes
// with many others for the bounded candidate set.
const GIVEN = ['Anna', 'Ivan', 'Wei', 'Olga', 'Omar', 'Иван', 'Мария', 'محمد', 'Γιώργος', '伟'];
const ROOTS = ['petr', 'kowal', 'smith', 'nowak', 'rahman', 'haddad', 'bianc', 'sato'];
const SYLLABLES = ['ka', 'ri', 'mo', 'sa', 'lu', 'te', 'na', 'vo', 'di', 'be', 'zu', 'ha'];
const ENDINGS = ['ov', 'ova', 'ski', 'ian', 'opoulos', 'er', 'o', ''];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Typo = 'substituted' | 'dropped' | 'added' | 'swapped';

/** One typing error in the family name, anywhere in it (the first letter too). */
function misspell(family: string, kind: Typo, r: () => number): string {
  const i = Math.floor(r() * (family.length - 1));
  const letter = 'aeiklmnorst'[Math.floor(r() * 11)]!;
  switch (kind) {
    case 'substituted':
      return family.slice(0, i) + (family[i] === letter ? 'u' : letter) + family.slice(i + 1);
    case 'dropped':
      return family.slice(0, i) + family.slice(i + 1);
    case 'added':
      return family.slice(0, i) + letter + family.slice(i);
    case 'swapped':
      return family.slice(0, i) + family[i + 1] + family[i] + family.slice(i + 2);
  }
}

describe('screening a misspelt name', () => {
  const r = random(11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const now = '2026-01-01T00:00:00.000Z';
  const index = new ScreeningIndex();
  const people = Array.from({ length: 20_000 }, (_, i) => {
    const family = `${pick(ROOTS)}${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(ENDINGS)}`;
    const birthDate = `${1940 + Math.floor(r() * 60)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`;
    const person = { id: `p${i}`, given: pick(GIVEN), family: family[0]!.toUpperCase() + family.slice(1), birthDate };
    index.upsert({ kind: 'person', category: 'locate', person: { names: [{ full: `${person.given} ${person.family}` }], birthDate }, visibility: { mode: 'all' }, id: person.id, owner: 'FRA', status: 'active', version: 1, createdAt: now, updatedAt: now } satisfies Alert);
    return person;
  });
  const scope = { reader: { member: 'DEU', role: 'bureau' as const }, today: '2026-01-01' };

  it.each<Typo>(['substituted', 'dropped', 'added', 'swapped'])('still finds the alert among 20,000 alike with one letter %s', (kind) => {
    let found = 0;
    const tries = 200;
    for (let k = 0; k < tries; k++) {
      const p = pick(people);
      const query = parseInput(screenQuerySchema, { person: { names: [`${p.given} ${misspell(p.family, kind, r)}`], birthDate: p.birthDate } });
      if (search(index, query, scope).some((h) => h.alertId === p.id)) found++;
    }
    // A misspelling can land on another real name of the list; nearly all must still be found.
    expect(found / tries).toBeGreaterThanOrEqual(0.99);
  });
});
