import { describe, expect, it } from 'vitest';
import { armenianVariants } from './armenian.js';
import { matchOf } from './match-of.test-helper.js';

describe('Armenian: BGN/PCGN, Eastern and Western', () => {
  it('reads by the tables: initial Ե YE and Ո VO, ՈՒ U, the Western voiced and voiceless stops exchanged', () => {
    expect(armenianVariants('Պետրոսյան', '').map((v) => v.text)).toEqual(['PETROSYAN', 'BEDROSIAN']);
    expect(armenianVariants('Ոսկանյան', '').map((v) => v.text)).toEqual(['VOSKANYAN', 'VOSGANIAN']);
    expect(armenianVariants('Եղիազարյան', '').map((v) => v.text)).toEqual(['YEGHIAZARYAN']);
  });

  it.each([
    ['Պետրոսյան', 'Bedrossian'],
    ['Ոսկանյան', 'Voskanyan'],
  ])('%s finds %s (hy-bgn)', (query, record) => {
    const m = matchOf(query, record);
    expect(m.hit).toBe(true);
    expect(m.systems).toContain('hy-bgn');
  });

  it('matches the plain reading directly, and not another surname', () => {
    expect(matchOf('Պետրոսյան', 'Petrosyan').hit).toBe(true);
    expect(matchOf('Պետրոսյան', 'Gasparian').hit).toBe(false);
  });
});
