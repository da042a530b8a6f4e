import { parseInput, screenQuerySchema, type Alert } from '@crosscheck/core';
import { describe, expect, it } from 'vitest';
import { search } from './search.js';
import { ScreeningIndex } from './screening-index.js';

const now = '2026-01-01T00:00:00.000Z';
const scope = { reader: { member: 'FRA', role: 'bureau' as const }, today: '2026-01-01' };

function personAlert(id: string, names: { full: string; type?: 'alias'; weak?: boolean }[], birthDate?: string): Alert {
  return {
    id,
    kind: 'person',
    category: 'wanted-arrest',
    person: { names, ...(birthDate ? { birthDate } : {}) },
    visibility: { mode: 'all' },
    owner: 'DEU',
    status: 'active',
    version: 1,
    createdAt: now,
    updatedAt: now,
  } as unknown as Alert;
}

const screen = (index: ScreeningIndex, name: string, birthDate?: string) =>
  search(index, parseInput(screenQuerySchema, { person: { names: [name], ...(birthDate ? { birthDate } : {}) } }), scope);

// Given names and syllables to make distinct others of (no real person's name).
const GIVEN = ['Jan', 'Piotr', 'Marek', 'Adam', 'Pawel', 'Krzysztof', 'Andrzej', 'Michal', 'Lukasz', 'Jakub'];
const SYLLABLES = ['ka', 'ri', 'mo', 'sa', 'lu', 'te', 'na', 'vo', 'di', 'be'];

describe('the index counts name words, and scoring weighs them', () => {
  it('scores a name lower where many indexed persons carry its family name, and says why', () => {
    // The same wanted person in two indexes of 400 persons: in one, 300 others are WOLNY too.
    const crowded = new ScreeningIndex();
    const sparse = new ScreeningIndex();
    crowded.upsert(personAlert('target', [{ full: 'Tomasz Wolny' }]));
    sparse.upsert(personAlert('target', [{ full: 'Tomasz Wolny' }]));
    for (let i = 0; i < 400; i++) {
      const given = `${GIVEN[i % 10]} ${SYLLABLES[Math.floor(i / 10) % 10]}${SYLLABLES[Math.floor(i / 100) % 10]}`;
      crowded.upsert(personAlert(`c${i}`, [{ full: `${given} ${i < 300 ? 'Wolny' : `Zed${SYLLABLES[i % 10]}${SYLLABLES[Math.floor(i / 10) % 10]}ski`}` }]));
      sparse.upsert(personAlert(`s${i}`, [{ full: `${given} Zed${SYLLABLES[i % 10]}${SYLLABLES[Math.floor(i / 10) % 10]}ski` }]));
    }
    const inSparse = screen(sparse, 'Tomasz Wolny').find((h) => h.alertId === 'target');
    const inCrowded = screen(crowded, 'Tomasz Wolny').find((h) => h.alertId === 'target');
    expect(inSparse?.score).toBe(1);
    expect(inCrowded).toBeDefined();
    expect(inCrowded!.score).toBeLessThan(inSparse!.score);
    expect(inCrowded!.reasons).toContainEqual({ code: 'name.common-words' });

    // The counts follow removals: once the others are gone, the name is rare again (the bits of the
    // indexed names are written anew whenever the index has halved).
    for (let i = 0; i < 400; i++) crowded.remove(`c${i}`);
    expect(screen(crowded, 'Tomasz Wolny').find((h) => h.alertId === 'target')?.score).toBe(1);
  });

  it('finds a person by a weak alias only with agreeing evidence, and says it was a weak alias', () => {
    const index = new ScreeningIndex();
    index.upsert(personAlert('un', [{ full: 'Bartholomew Quiggley' }, { full: 'Brother Leader', type: 'alias', weak: true }], '1942-06-07'));
    expect(screen(index, 'Brother Leader').filter((h) => h.alertId === 'un')).toEqual([]);
    const hit = screen(index, 'Brother Leader', '1942-06-07').find((h) => h.alertId === 'un');
    expect(hit?.reasons).toContainEqual({ code: 'name.weak-alias', name: 'BROTHER LEADER' });
    expect(screen(index, 'Bartholomew Quiggley').find((h) => h.alertId === 'un')?.score).toBe(1);
  });
});
