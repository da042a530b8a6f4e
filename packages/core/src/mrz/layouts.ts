import type { MrzFormat } from './types.js';

/** A run of characters: line index, first column, length (all 0-based). */
export interface Span {
  line: number;
  start: number;
  length: number;
}

/** Where each field sits in one format (Doc 9303 Parts 4–7). */
export interface Layout {
  format: MrzFormat;
  lineCount: number;
  lineLength: number;
  documentCode: Span;
  issuingState: Span;
  name: Span;
  documentNumber: Span;
  documentNumberCheck: Span;
  nationality: Span;
  birthDate: Span;
  birthDateCheck: Span;
  sex: Span;
  expiryDate: Span;
  expiryDateCheck: Span;
  optionalData: Span;
  /** TD1 line 2 optional data. */
  optionalData2?: Span;
  /** TD3: the personal number's own check digit. */
  personalNumberCheck?: Span;
  /** The composite check digit and the spans it covers, in order (TD1, TD2, TD3). */
  composite?: { check: Span; covers: Span[] };
  /** TD1 and TD2: a number longer than nine characters continues in the optional data. */
  longDocumentNumber: boolean;
}

const s = (line: number, start: number, length: number): Span => ({ line, start, length });

const TD1: Layout = {
  format: 'TD1',
  lineCount: 3,
  lineLength: 30,
  documentCode: s(0, 0, 2),
  issuingState: s(0, 2, 3),
  documentNumber: s(0, 5, 9),
  documentNumberCheck: s(0, 14, 1),
  optionalData: s(0, 15, 15),
  birthDate: s(1, 0, 6),
  birthDateCheck: s(1, 6, 1),
  sex: s(1, 7, 1),
  expiryDate: s(1, 8, 6),
  expiryDateCheck: s(1, 14, 1),
  nationality: s(1, 15, 3),
  optionalData2: s(1, 18, 11),
  composite: { check: s(1, 29, 1), covers: [s(0, 5, 25), s(1, 0, 7), s(1, 8, 7), s(1, 18, 11)] },
  name: s(2, 0, 30),
  longDocumentNumber: true,
};

// TD2, TD3 and both visas share the second line up to the expiry check digit.
const twoLine = (format: MrzFormat, lineLength: number, optionalLength: number): Layout => ({
  format,
  lineCount: 2,
  lineLength,
  documentCode: s(0, 0, 2),
  issuingState: s(0, 2, 3),
  name: s(0, 5, lineLength - 5),
  documentNumber: s(1, 0, 9),
  documentNumberCheck: s(1, 9, 1),
  nationality: s(1, 10, 3),
  birthDate: s(1, 13, 6),
  birthDateCheck: s(1, 19, 1),
  sex: s(1, 20, 1),
  expiryDate: s(1, 21, 6),
  expiryDateCheck: s(1, 27, 1),
  optionalData: s(1, 28, optionalLength),
  longDocumentNumber: false,
});

const TD2: Layout = {
  ...twoLine('TD2', 36, 7),
  composite: { check: s(1, 35, 1), covers: [s(1, 0, 10), s(1, 13, 7), s(1, 21, 14)] },
  longDocumentNumber: true,
};

const TD3: Layout = {
  ...twoLine('TD3', 44, 14),
  personalNumberCheck: s(1, 42, 1),
  composite: { check: s(1, 43, 1), covers: [s(1, 0, 10), s(1, 13, 7), s(1, 21, 22)] },
};

const MRVA: Layout = twoLine('MRVA', 44, 16);
const MRVB: Layout = twoLine('MRVB', 36, 8);

export const LAYOUTS: Readonly<Record<MrzFormat, Layout>> = { TD1, TD2, TD3, MRVA, MRVB };

/** The layout for lines of this count and length; visas are told apart by a first letter V. */
export function layoutFor(lineCount: number, lineLength: number, firstChar: string): Layout | undefined {
  const visa = firstChar === 'V';
  if (lineCount === 3 && lineLength === 30) return TD1;
  if (lineCount === 2 && lineLength === 36) return visa ? MRVB : TD2;
  if (lineCount === 2 && lineLength === 44) return visa ? MRVA : TD3;
  return undefined;
}

/** The characters of a span in the lines ('' past the end of a line). */
export function read(lines: readonly string[], span: Span): string {
  return (lines[span.line] ?? '').slice(span.start, span.start + span.length);
}
