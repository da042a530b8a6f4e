import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { normaliseVisibility, visibilitySchema, visibleTo, visibleToEveryMember, type Visibility } from './visibility.js';

/** A small pool so that owners, listed members and probes often coincide. */
const POOL = ['FRA', 'DEU', 'ITA', 'ESP', 'SWE', 'POL', 'NLD', 'UNO', 'EUP', 'IPO'] as const;
const memberArb = fc.constantFrom(...POOL);
const memberListArb = fc.array(memberArb, { maxLength: 8 });
const visibilityArb: fc.Arbitrary<Visibility> = fc.oneof(
  fc.constant<Visibility>({ mode: 'all' }),
  memberListArb.map((members): Visibility => ({ mode: 'only', members })),
  fc.array(memberArb, { minLength: 1, maxLength: 8 }).map((members): Visibility => ({ mode: 'all-except', members })),
);

const RUNS = { numRuns: 200 };

describe('visibleTo', () => {
  it('always shows an alert to its owner, whatever the visibility', () => {
    fc.assert(
      fc.property(memberArb, visibilityArb, (owner, visibility) => {
        expect(visibleTo(owner, visibility, owner)).toBe(true);
      }),
      RUNS,
    );
  });

  it('shows the owner its alert even when the owner lists itself as excluded', () => {
    expect(visibleTo('FRA', { mode: 'all-except', members: ['FRA', 'ITA'] }, 'FRA')).toBe(true);
  });

  it('shows an all-members alert to every member', () => {
    fc.assert(
      fc.property(memberArb, memberArb, (owner, member) => {
        expect(visibleTo(owner, { mode: 'all' }, member)).toBe(true);
      }),
      RUNS,
    );
  });

  it('calls a visibility open to every member only when every member, listed or not, sees it', () => {
    fc.assert(
      fc.property(memberArb, visibilityArb, (owner, visibility) => {
        if (visibleToEveryMember(visibility)) expect([...POOL, 'ZZZ'].every((m) => visibleTo(owner, visibility, m))).toBe(true);
      }),
      RUNS,
    );
    // The fast path may say no where every member happens to see it; it must never say yes where one does not.
    expect(visibleToEveryMember({ mode: 'all' })).toBe(true);
    expect(visibleToEveryMember({ mode: 'only', members: [...POOL] })).toBe(false);
    expect(visibleToEveryMember({ mode: 'all-except', members: ['DEU'] })).toBe(false);
  });

  it('shows an only alert to exactly the listed members plus the owner', () => {
    fc.assert(
      fc.property(memberArb, memberListArb, (owner, members) => {
        const seeing = POOL.filter((m) => visibleTo(owner, { mode: 'only', members }, m));
        const expected = POOL.filter((m) => m === owner || members.includes(m));
        expect(seeing).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('hides an all-except alert from exactly the listed members, never from the owner', () => {
    fc.assert(
      fc.property(memberArb, fc.array(memberArb, { minLength: 1, maxLength: 8 }), (owner, members) => {
        const hiddenFrom = POOL.filter((m) => !visibleTo(owner, { mode: 'all-except', members }, m));
        const expected = POOL.filter((m) => m !== owner && members.includes(m));
        expect(hiddenFrom).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('hides an all-except alert from the excluded member', () => {
    expect(visibleTo('FRA', { mode: 'all-except', members: ['ITA'] }, 'ITA')).toBe(false);
    expect(visibleTo('FRA', { mode: 'all-except', members: ['ITA'] }, 'DEU')).toBe(true);
  });

  it('keeps an only alert with an empty list private to its owner', () => {
    expect(visibleTo('FRA', { mode: 'only', members: [] }, 'FRA')).toBe(true);
    expect(visibleTo('FRA', { mode: 'only', members: [] }, 'DEU')).toBe(false);
  });

  it('hides an only alert from a member not on the list', () => {
    expect(visibleTo('FRA', { mode: 'only', members: ['DEU', 'ITA'] }, 'ESP')).toBe(false);
    expect(visibleTo('FRA', { mode: 'only', members: ['DEU', 'ITA'] }, 'ITA')).toBe(true);
  });
});

describe('normaliseVisibility', () => {
  it('sorts and de-duplicates member lists', () => {
    expect(normaliseVisibility({ mode: 'only', members: ['ITA', 'DEU', 'ITA'] })).toEqual({
      mode: 'only',
      members: ['DEU', 'ITA'],
    });
    expect(normaliseVisibility({ mode: 'all-except', members: ['SWE', 'FRA', 'SWE'] })).toEqual({
      mode: 'all-except',
      members: ['FRA', 'SWE'],
    });
  });

  it('leaves an all-members visibility unchanged', () => {
    expect(normaliseVisibility({ mode: 'all' })).toEqual({ mode: 'all' });
  });

  it('never changes who can see an alert', () => {
    fc.assert(
      fc.property(memberArb, visibilityArb, memberArb, (owner, visibility, member) => {
        expect(visibleTo(owner, normaliseVisibility(visibility), member)).toBe(visibleTo(owner, visibility, member));
      }),
      RUNS,
    );
  });

  it('gives the same result for lists that differ only in order and repetition', () => {
    fc.assert(
      fc.property(memberListArb, (members) => {
        const shuffled = [...members].reverse().concat(members.slice(0, 2));
        expect(normaliseVisibility({ mode: 'only', members: shuffled })).toEqual(
          normaliseVisibility({ mode: 'only', members }),
        );
      }),
      RUNS,
    );
  });
});

describe('visibilitySchema', () => {
  it('accepts the three modes', () => {
    expect(visibilitySchema.safeParse({ mode: 'all' }).success).toBe(true);
    expect(visibilitySchema.safeParse({ mode: 'only', members: ['DEU', 'ITA'] }).success).toBe(true);
    expect(visibilitySchema.safeParse({ mode: 'all-except', members: ['ITA'] }).success).toBe(true);
  });

  it('refuses an all-except visibility that excludes nobody', () => {
    expect(visibilitySchema.safeParse({ mode: 'all-except', members: [] }).success).toBe(false);
  });

  it('refuses member codes that are not three capital letters', () => {
    expect(visibilitySchema.safeParse({ mode: 'only', members: ['ita'] }).success).toBe(false);
    expect(visibilitySchema.safeParse({ mode: 'only', members: ['IT'] }).success).toBe(false);
    expect(visibilitySchema.safeParse({ mode: 'only', members: ['ITAL'] }).success).toBe(false);
  });

  it('refuses an unknown mode and members on an all-members visibility', () => {
    expect(visibilitySchema.safeParse({ mode: 'some' }).success).toBe(false);
    expect(visibilitySchema.safeParse({ mode: 'all', members: ['ITA'] }).success).toBe(false);
  });

  it('refuses more than 300 listed members', () => {
    const members = Array.from({ length: 301 }, () => 'ITA');
    expect(visibilitySchema.safeParse({ mode: 'only', members }).success).toBe(false);
  });
});
