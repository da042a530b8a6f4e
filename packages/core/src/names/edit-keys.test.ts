import { describe, expect, it } from 'vitest';
import { editKeys } from './edit-keys.js';
import { prepareName } from './prepare-name.js';

/** As the index uses them: the record indexed under its keys, the query looking up its own. */
const shareKey = (query: string, record: string): boolean => {
  const indexed = new Set(editKeys(prepareName(record)));
  return editKeys(prepareName(query)).some((k) => indexed.has(k));
};

describe('editKeys', () => {
  it('bring together a word with one letter substituted, dropped, added or two swapped, the first letter too', () => {
    expect(shareKey('Bianceibeano', 'Bianctibeano')).toBe(true);
    expect(shareKey('Kowlaski', 'Kowalski')).toBe(true);
    expect(shareKey('Petrv', 'Petrov')).toBe(true);
    expect(shareKey('Petrrov', 'Petrov')).toBe(true);
    expect(shareKey('Ewanova', 'Ivanova')).toBe(false);
    expect(shareKey('Vanova', 'Ivanova')).toBe(true);
    expect(shareKey('Иванова', 'Iwanova')).toBe(true);
  });

  it('keep words two letters apart, and give no keys for the canonical names, initials and particles', () => {
    expect(shareKey('Kowalski', 'Nowakowski')).toBe(false);
    expect(shareKey('Petrenko', 'Petrov')).toBe(false);
    expect(editKeys(prepareName('Muhammad J. bin'))).toEqual([]);
  });

  it('give a short word only its own key', () => {
    expect(editKeys(prepareName('Ivan'))).toHaveLength(1);
    expect(shareKey('Иван', 'Ivan')).toBe(true);
    expect(shareKey('Ivan', 'Ian')).toBe(false);
  });
});
