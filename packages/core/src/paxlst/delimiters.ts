import type { WarningLog } from './warnings.js';

/** The service characters of an interchange, as character codes; -1 where the position is unused. */
export interface Delimiters {
  component: number;
  element: number;
  decimal: number;
  release: number;
  repetition: number;
  terminator: number;
}

const code = (ch: string): number => ch.charCodeAt(0);

/** ISO 9735 defaults for levels A and B written in graphic characters: `:+.? '`. */
export const DEFAULT_DELIMITERS: Delimiters = { component: code(':'), element: code('+'), decimal: code('.'), release: code('?'), repetition: -1, terminator: code("'") };

/** The information-separator set some level B senders use instead (IS1 component, IS3 element, IS4 terminator, no release). */
const IS_DELIMITERS: Delimiters = { component: 0x1f, element: 0x1d, decimal: code('.'), release: -1, repetition: -1, terminator: 0x1c };

export interface ServiceString {
  delimiters: Delimiters;
  /** Where the first segment after the service string advice begins. */
  next: number;
}

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Reads UNA at `start` if it is there. `UNA` is followed by exactly six characters: component,
 * element, decimal mark, release, repetition (a space means "not used"), terminator. Separators
 * that are letters or digits, or that collide, cannot be tokenised: the defaults are used and
 * the reader is told. Without UNA the defaults apply (or the IS set when UNB is followed by IS3).
 */
export function readServiceString(text: string, start: number, log: WarningLog): ServiceString {
  if (text.startsWith('UNA', start)) {
    if (text.length < start + 9) {
      log.add(0, 1, 'una.short', 'UNA is followed by fewer than the six service characters: the default separators are used');
      return { delimiters: DEFAULT_DELIMITERS, next: text.length };
    }
    const [component, element, decimal, releaseRaw, repetitionRaw, terminator] = [...Array(6).keys()].map((k) => text.charCodeAt(start + 3 + k)) as [number, number, number, number, number, number];
    const release = releaseRaw === 32 ? -1 : releaseRaw;
    const repetition = repetitionRaw === 32 ? -1 : repetitionRaw;
    const separators = [component, element, terminator, ...(release === -1 ? [] : [release])];
    const clash = new Set(separators).size !== separators.length;
    const unusable = separators.some((c) => isAlnum(c) || c === 32);
    if (clash || unusable) {
      const shown = JSON.stringify(text.slice(start + 3, start + 9));
      log.add(0, 1, 'una.invalid', `UNA declares unusable service characters ${shown} (${clash ? 'two are the same' : 'a letter, digit or space as a separator'}): the default separators are used`);
      return { delimiters: DEFAULT_DELIMITERS, next: start + 9 };
    }
    return { delimiters: { component, element, decimal, release, repetition, terminator }, next: start + 9 };
  }
  if (text.startsWith('UNB\u001d', start)) return { delimiters: IS_DELIMITERS, next: start };
  log.add(0, 1, 'una.missing', "no UNA service string advice: the default separators :+.? ' are assumed");
  return { delimiters: DEFAULT_DELIMITERS, next: start };
}
