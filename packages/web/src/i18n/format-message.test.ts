import { describe, expect, it } from 'vitest';
import { formatMessage, messageText } from './format-message.ts';

const en = new Intl.PluralRules('en');
const format = (template: string, args: Record<string, string | number | boolean | undefined>) => messageText(formatMessage(template, args, en));

describe('formatMessage', () => {
  it('inserts values, quoted values apart from the words', () => {
    expect(formatMessage('{a} and {b}', { a: 'X', b: 2 }, en)).toEqual([{ value: 'X' }, ' and ', { value: '2' }]);
  });

  it('picks plural forms, # being the number, with values inside', () => {
    const t = '{n, plural, one {# word of {who}} other {# words of {who}}}';
    expect(format(t, { n: 1, who: 'A' })).toBe('1 word of A');
    expect(format(t, { n: 5, who: 'A' })).toBe('5 words of A');
  });

  it('picks select branches, other when nothing matches', () => {
    const t = 'x{flag, select, true {, yes} other {}}';
    expect(format(t, { flag: true })).toBe('x, yes');
    expect(format(t, { flag: false })).toBe('x');
    expect(format(t, { flag: undefined })).toBe('x');
  });

  it('refuses a broken text rather than showing half of it', () => {
    expect(() => format('{a', { a: 'x' })).toThrow(/unclosed/);
    expect(() => format('a}', {})).toThrow(/unbalanced/);
    expect(() => format('{a}', {})).toThrow(/no value/);
    expect(() => format('{n, plural, one {x}}', { n: 2 })).toThrow(/other/);
    expect(() => format('{n, plural, other {x}}', { n: 'two' })).toThrow(/number/);
  });
});
