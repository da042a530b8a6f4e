import { charClass, syntaxLevel, type SyntaxLevel } from './charset.js';
import { readServiceString, type Delimiters } from './delimiters.js';
import { PaxlstError } from './errors.js';
import type { Segment } from './segment.js';
import type { WarningLog } from './warnings.js';

export interface Tokens {
  /** How many segments were passed on. */
  count: number;
  delimiters: Delimiters;
  level: SyntaxLevel;
}

const LF = 10;
const CR = 13;
const TAB = 9;
const SPACE = 32;
const REPLACEMENT = 0xfffd;
// No PAXLST segment comes near these (NAD has 9 elements, C080 five names): beyond them a segment
// is garbage, and keeping it would only cost memory.
const MAX_ELEMENTS = 99;
const MAX_COMPONENTS = 99;

// Transmission headers (teletype addresses, mail headers) sometimes precede the interchange.
const LOOK_FOR_START = 4096;
const START = /UNA|UNB|UNH/g;

/** Where the interchange starts: skips a byte-order mark, whitespace and (with a warning) a short header. */
function findStart(text: string, log: WarningLog): number {
  let i = 0;
  for (let c = text.charCodeAt(0); c === SPACE || c === TAB || c === LF || c === CR || c === 0xfeff; c = text.charCodeAt(++i));
  if (text.startsWith('UNA', i) || text.startsWith('UNB', i) || text.startsWith('UNH', i)) return i;
  START.lastIndex = i;
  const window = text.slice(0, i + LOOK_FOR_START);
  const m = START.exec(window);
  if (!m) throw new PaxlstError('paxlst.not-edifact', 'not UN/EDIFACT: no UNA, UNB or UNH segment at the start of the input', 1, 1);
  log.add(0, lineAt(text, m.index), 'input.leading-text', `${m.index - i} characters before ${m[0]} were skipped`);
  return m.index;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let k = 0; k < index; k++) {
    const c = text.charCodeAt(k);
    if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) line++;
  }
  return line;
}

/** The syntax identifier of UNB (`UNOA` in `UNB+UNOA:4+…`), read before tokenising so characters can be checked on the way. */
function declaredSyntax(text: string, from: number, d: Delimiters): string | null {
  const at = text.indexOf('UNB', from);
  if (at < 0 || at - from > LOOK_FOR_START) return null;
  let k = at + 3;
  while (text.charCodeAt(k) === SPACE) k++;
  if (text.charCodeAt(k) !== d.element) return null;
  const id = text.slice(k + 1, k + 5);
  return /^UNO[A-Z]$|^IAT[A-Z]$/.test(id) ? id : null;
}

interface Offence {
  first: number;
  line: number;
  segments: number;
  lastSegment: number;
}

/**
 * Splits the text into segments in one pass. Line breaks are not data in EDIFACT: between
 * segments they are layout and pass silently; inside a segment they are dropped with a warning.
 * Characters outside the declared syntax level are kept and reported once per kind; control
 * characters and U+FFFD are dropped. Linear in the input whatever it holds. Each segment goes to
 * `onSegment` as soon as it ends, so that none outlives its reading (a list of them all would be
 * copied by every garbage collection of a large message).
 */
export function tokenize(text: string, log: WarningLog, onSegment: (segment: Segment) => void): Tokens {
  const start = findStart(text, log);
  const { delimiters: d, next } = readServiceString(text, start, log);
  const level = syntaxLevel(declaredSyntax(text, next, d));
  const { component: COMP, element: ELEM, release: REL, terminator: TERM } = d;

  let count = 0;
  const offences = new Map<string, Offence>();
  let line = lineAt(text, next);
  let segLine = line;
  let hasData = false; // a non-blank character or a separator seen in the current segment
  let elements: string[][] = [];
  let comps: string[] = [];
  let compStart = next;
  let buf: string | null = null; // set once a value needs more than one slice of the text
  let breaksInSegment = 0;
  let overlong = false;
  const spaced = { count: 0, first: { index: 0, line: 0 } };

  const classes = new Map<number, string>();
  const note = (c: number) => {
    let key = classes.get(c);
    if (key === undefined) classes.set(c, (key = charClass(c, level)));
    const index = count + 1;
    const o = offences.get(key);
    if (!o) offences.set(key, { first: index, line, segments: 1, lastSegment: index });
    else if (o.lastSegment !== index) {
      o.segments++;
      o.lastSegment = index;
    }
  };
  const cut = (p: number): string => (buf === null ? text.slice(compStart, p) : buf + text.slice(compStart, p));
  const endComponent = (p: number) => {
    if (comps.length < MAX_COMPONENTS) comps.push(cut(p));
    else overlong = true;
    buf = null;
    compStart = p + 1;
  };
  const endElement = (p: number) => {
    endComponent(p);
    if (elements.length <= MAX_ELEMENTS) elements.push(comps);
    else overlong = true;
    comps = [];
  };
  const endSegment = (p: number) => {
    if (!hasData) {
      // Only blanks since the last terminator (or '' between two terminators): nothing to pass on.
      elements = [];
      comps = [];
      buf = null;
      compStart = p + 1;
      segLine = line;
      return;
    }
    endElement(p);
    const first = elements[0] ?? [''];
    const rawTag = first[0] ?? '';
    const tag = rawTag.trim();
    const blank = elements.length === 1 && first.length === 1 && tag === '';
    if (!blank) {
      const index = count + 1;
      if (tag !== rawTag) {
        // Layout (indented lines, a space after the tag): reported once, not on every line.
        if (spaced.count++ === 0) spaced.first = { index, line: segLine };
      }
      if (breaksInSegment > 0) log.add(index, segLine, 'line-break.in-segment', `a line break inside segment ${tag || '(no tag)'} was ignored`);
      if (overlong) log.add(index, segLine, 'segment.too-long', `segment ${tag.slice(0, 10) || '(no tag)'} has more than ${MAX_ELEMENTS} elements or ${MAX_COMPONENTS} components in one: the rest was ignored`);
      count = index;
      onSegment({ tag, elements: elements.slice(1), index, line: segLine });
    }
    elements = [];
    hasData = false;
    overlong = false;
    breaksInSegment = 0;
    segLine = line;
  };
  /** Skips the character at p: the value continues after it. */
  const skip = (p: number) => {
    buf = cut(p);
    compStart = p + 1;
  };

  const n = text.length;
  for (let p = next; p < n; p++) {
    const c = text.charCodeAt(p);
    // Lines are counted whatever a line break is (layout, stray, or the terminator itself).
    if (c === LF || (c === CR && text.charCodeAt(p + 1) !== LF)) line++;
    if (c === TERM) {
      endSegment(p);
      continue;
    }
    if (c === ELEM) {
      hasData = true;
      endElement(p);
      continue;
    }
    if (c === COMP) {
      hasData = true;
      endComponent(p);
      continue;
    }
    if (c === REL) {
      hasData = true;
      skip(p);
      if (p + 1 >= n) {
        log.add(count + 1, segLine, 'release.at-end', 'the input ends with a release character, which releases nothing: it was ignored');
        continue;
      }
      const released = text.charCodeAt(p + 1);
      if (released === LF || released === CR) continue; // the line break is handled (and counted) as one
      p++; // the released character is data, whatever it is
      if (released < 256 ? level.table[released] !== 0 : level.wide !== 0 || released === REPLACEMENT) note(released);
      continue;
    }
    if (c === LF || c === CR) {
      if (!hasData) {
        // Layout between segments: forget the blanks read so far, the segment starts later.
        comps = [];
        elements = [];
        buf = null;
        compStart = p + 1;
        segLine = line;
      } else {
        breaksInSegment++;
        skip(p);
      }
      continue;
    }
    if (c < 256) {
      const kind = level.table[c]!;
      if (kind !== 0) {
        note(c);
        if (kind === 2) {
          if (c === TAB) {
            buf = `${cut(p)} `;
            compStart = p + 1;
          } else skip(p);
          continue;
        }
      }
      if (c !== SPACE) hasData = true;
    } else {
      hasData = true;
      if (c === REPLACEMENT) {
        note(c);
        skip(p);
      } else if (level.wide !== 0) note(c);
    }
  }
  if (hasData) {
    log.add(count + 1, segLine, 'segment.unterminated', 'the last segment has no segment terminator');
    endSegment(n);
  }

  if (spaced.count > 0) {
    const n = spaced.count;
    log.add(spaced.first.index, spaced.first.line, 'segment.whitespace', `spaces around segment tags were ignored (in ${n} segment${n === 1 ? '' : 's'}, first here)`);
  }
  for (const [kind, o] of offences) {
    const dropped = kind === 'control characters' || kind.startsWith('undecodable');
    const where = `in ${o.segments} segment${o.segments === 1 ? '' : 's'}, first here`;
    if (dropped) log.add(o.first, o.line, 'charset.dropped', `${kind} are not data and were removed (${where})`);
    else log.add(o.first, o.line, 'charset.outside-level', `${kind} are outside the declared character set ${level.identifier ?? ''} (${where})`.replace('  ', ' '));
  }
  return { count, delimiters: d, level };
}
