import { describe, expect, it } from 'vitest';
import { PaxlstError } from './errors.js';
import type { Segment } from './segment.js';
import { tokenize } from './tokenizer.js';
import { WarningLog } from './warnings.js';

function read(text: string) {
  const log = new WarningLog();
  const segments: Segment[] = [];
  const tokens = tokenize(text, log, (s) => segments.push(s));
  // Most cases here have no UNA: that warning is tested on its own.
  return { segments, tokens, warnings: log.finish().filter((w) => w.code !== 'una.missing') };
}
const shape = (segments: Segment[]) => segments.map((s) => [s.tag, ...s.elements.map((e) => e.join(':'))].join('|'));

describe('tokenize', () => {
  it('splits segments, elements and components with the default separators', () => {
    const { segments, warnings } = read("UNA:+.? 'UNB+UNOA:4+S:ZZ'NAD+FL+++DOE:JOHN'");
    expect(warnings).toEqual([]);
    expect(segments.map((s) => s.elements)).toEqual([
      [['UNOA', '4'], ['S', 'ZZ']],
      [['FL'], [''], [''], ['DOE', 'JOHN']],
    ]);
    expect(segments.map((s) => [s.index, s.line])).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });

  it('warns that the defaults are assumed without UNA', () => {
    const log = new WarningLog();
    tokenize("UNB+UNOA:4'", log, () => {});
    expect(log.finish().map((w) => w.code)).toEqual(['una.missing']);
  });

  it('reads the six service characters of UNA, a space meaning "no release character"', () => {
    const { tokens, segments } = read('UNA|^.  #UNB^UNOB|4#NAD^FL^^^A?B|C#');
    expect(tokens.delimiters).toMatchObject({ component: '|'.charCodeAt(0), element: '^'.charCodeAt(0), release: -1, terminator: '#'.charCodeAt(0) });
    expect(segments[1]!.elements[3]).toEqual(['A?B', 'C']);
  });

  it('falls back to the defaults, with a warning, when UNA declares separators that cannot work', () => {
    expect(read("UNA::.? 'UNB+UNOA:4'").warnings.map((w) => w.code)).toEqual(['una.invalid']);
    expect(read("UNAA+.? 'UNB+UNOA:4'").warnings.map((w) => w.code)).toEqual(['una.invalid']);
    expect(read('UNA:+').warnings.map((w) => w.code)).toEqual(['una.short']);
  });

  it('reads the information-separator set of level B when UNB is followed by IS3', () => {
    const { segments, warnings } = read('UNB\u001dUNOB\u001f4\u001cNAD\u001dFL\u001c');
    expect(warnings).toEqual([]);
    expect(shape(segments)).toEqual(['UNB|UNOB:4', 'NAD|FL']);
  });

  it('accepts a line break as the segment terminator', () => {
    const { segments } = read('UNA:+.? \nUNB+UNOA:4\nNAD+FL+++DOE\n');
    expect(shape(segments)).toEqual(['UNB|UNOA:4', 'NAD|FL|||DOE']);
    expect(segments[1]!.line).toBe(3);
    const crTerminated = read('UNA:+.? \rUNB+UNOA:4\r\nNAD+FL+++DOE\r\n');
    expect(shape(crTerminated.segments)).toEqual(['UNB|UNOA:4', 'NAD|FL|||DOE']);
    expect(crTerminated.warnings).toEqual([]);
  });

  it('counts lines for LF, CRLF and a lone CR', () => {
    const { segments } = read("UNB+UNOA:4'\r\nUNH+1'\rBGM+745'\n\nNAD+FL'");
    expect(segments.map((s) => s.line)).toEqual([1, 2, 3, 5]);
  });

  it('skips a transmission header before the interchange, with a warning', () => {
    const { segments, warnings } = read("QU HDQRMXX\n.XXXRMYY 011200\nUNB+UNOA:4+A+B'UNH+1'");
    expect(shape(segments)).toEqual(['UNB|UNOA:4|A|B', 'UNH|1']);
    expect(warnings[0]).toMatchObject({ code: 'input.leading-text', line: 3 });
  });

  it('refuses text with no interchange in it', () => {
    expect(() => read('hello world')).toThrow(PaxlstError);
    expect(() => read('   \n\t ')).toThrow(PaxlstError);
  });

  it('turns a tab into a space and drops other control characters and U+FFFD, saying so once per kind', () => {
    const { segments, warnings } = read("UNB+UNOC:4'NAD+FL+++DO\tE\u0001:JO\ufffdHN\u0002'");
    expect(segments[1]!.elements[3]).toEqual(['DO E', 'JOHN']);
    expect(warnings.map((w) => [w.segment, w.code])).toEqual([
      [2, 'charset.dropped'],
      [2, 'charset.dropped'],
    ]);
    expect(warnings.map((w) => w.message.split(' ')[0])).toEqual(['control', 'undecodable']);
  });

  it('checks characters against levels A, B and C, and lets Unicode through UNOY', () => {
    const codes = (level: string, name: string) => read(`UNB+${level}:4'NAD+FL+++${name}'`).warnings.map((w) => w.message.split(' are ')[0]);
    expect(codes('UNOA', 'Doe')).toEqual(['lower-case letters']);
    expect(codes('UNOA', 'DOE_#')).toEqual(['"_" (U+005F)', '"#" (U+0023)']);
    expect(codes('UNOB', 'Doe_#')).toEqual([]);
    expect(codes('UNOB', 'DOÉ')).toEqual(['"É" (U+00C9)']);
    expect(codes('UNOC', 'DOÉ')).toEqual([]);
    expect(codes('UNOC', 'ДОЕ')).toEqual(['"Д" (U+0414)', '"О" (U+041E)', '"Е" (U+0415)']);
    expect(codes('UNOY', 'ДОЕ 李')).toEqual([]);
  });

  it('keeps a released separator, release character or line break out of the structure', () => {
    const { segments, warnings } = read("UNB+UNOA:4'NAD+FL+++A?+B?:C?'D??E?\nF'");
    expect(segments[1]!.elements[3]).toEqual(["A+B:C'D?EF"]);
    expect(warnings).toEqual([{ segment: 2, line: 1, code: 'line-break.in-segment', message: 'a line break inside segment NAD was ignored' }]);
  });

  it('never loses the last segment: unterminated, or ending in a release character', () => {
    expect(shape(read("UNB+UNOA:4'NAD+FL").segments)).toEqual(['UNB|UNOA:4', 'NAD|FL']);
    const ending = read("UNB+UNOA:4'NAD+FL+++DOE?");
    expect(shape(ending.segments)).toEqual(['UNB|UNOA:4', 'NAD|FL|||DOE']);
    expect(ending.warnings.map((w) => w.code)).toEqual(['release.at-end', 'segment.unterminated']);
  });

  it('keeps at most 99 elements and 99 components of a segment, and passes blank segments over', () => {
    const { segments, warnings } = read(`UNB+UNOA:4'''  '${'NAD'}${'+A'.repeat(150)}'FTX+${'B:'.repeat(150)}'`);
    expect(segments.map((s) => s.tag)).toEqual(['UNB', 'NAD', 'FTX']);
    expect(segments[1]!.elements).toHaveLength(99);
    expect(segments[2]!.elements[0]).toHaveLength(99);
    expect(warnings.map((w) => [w.segment, w.code])).toEqual([
      [2, 'segment.too-long'],
      [3, 'segment.too-long'],
    ]);
  });
});
