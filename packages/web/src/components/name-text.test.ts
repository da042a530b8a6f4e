import { nameText as coreNameText } from '@crosscheck/core';
import { describe, expect, it } from 'vitest';
import { nameText, type Name } from './name-text.ts';

describe("a person's name on the page", () => {
  it.each<[Name, string]>([
    [{ family: 'MEYER', given: 'PAUL' }, 'MEYER, PAUL'],
    [{ full: 'Сергей Иванов', family: 'IVANOV', given: 'SERGEI', script: 'Cyrl' }, 'Сергей Иванов'],
    [{ family: 'MEYER' }, 'MEYER'],
    [{ given: 'PAUL' }, 'PAUL'],
    [{ family: '', given: 'PAUL' }, 'PAUL'],
    [{ full: 'محمد علي', script: 'Arab' }, 'محمد علي'],
  ])('writes %j as %s, as the API does', (name, text) => {
    expect(nameText(name)).toBe(text);
    expect(coreNameText(name)).toBe(text);
  });
});
