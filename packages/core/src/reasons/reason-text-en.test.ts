import { describe, expect, it } from 'vitest';
import { REASON_CODES } from './match-reason.js';
import { reasonText } from './reason-text-en.js';
import { REASON_EXAMPLES as EXAMPLES } from './test-fixtures.js';

describe('reasons in English', () => {
  it.each(REASON_CODES.flatMap((code) => EXAMPLES[code].map(([reason, text]) => [code, reason, text] as const)))('words %s', (_code, reason, text) => {
    expect(reasonText(reason)).toBe(text);
  });

  it('has an example for every code and no other', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...REASON_CODES].sort());
  });

  it('shows a sentence stored before reasons had codes as it is', () => {
    expect(reasonText('name QADHAFI ~ GADDAFI: transliteration variant')).toBe('name QADHAFI ~ GADDAFI: transliteration variant');
    expect(reasonText('[purged]')).toBe('[purged]');
  });
});
