import { describe, expect, it } from 'vitest';
import { georgianVariants } from './georgian.js';
import { matchOf } from './match-of.test-helper.js';

describe('Georgian: the national system of 2002 and the Russian-mediated spelling', () => {
  it('reads by the tables, ejective marks left out', () => {
    expect(georgianVariants('ჯუღაშვილი', '').map((v) => v.text)).toEqual(['JUGHASHVILI', 'DZHUGHASHVILI']);
    expect(georgianVariants('წერეთელი', '').map((v) => v.text)).toEqual(['TSERETELI']);
    expect(georgianVariants('ჭავჭავაძე', '').map((v) => v.text)).toEqual(['CHAVCHAVADZE']);
  });

  it('finds a Georgian surname in either spelling, and one word, not two, for a name with ejectives', () => {
    expect(matchOf('ჯუღაშვილი', 'Dzhugashvili').hit).toBe(true);
    expect(matchOf('ჯუღაშვილი', 'Jughashvili').hit).toBe(true);
    expect(matchOf('წერეთელი', 'Tsereteli')).toEqual({ hit: true, systems: [] });
  });

  it('does not take ჯუღაშვილი for Gamsakhurdia', () => {
    expect(matchOf('ჯუღაშვილი', 'Gamsakhurdia').hit).toBe(false);
  });
});
