import type { MrzIssue } from './types.js';

/** No MRZ line is longer than 44 characters; anything past this is not worth looking at. */
export const MAX_MRZ_LINE = 1000;
/** More lines than this is not one travel document. */
export const MAX_MRZ_LINES = 20;

const LENGTH_OF_CONCATENATED: Readonly<Record<number, readonly [count: number, length: number]>> = {
  90: [3, 30],
  72: [2, 36],
  88: [2, 44],
};

export interface ReadLines {
  lines: string[];
  warnings: MrzIssue[];
  errors: MrzIssue[];
}

/**
 * Brings what a reader or a person typed into MRZ lines: one string with line breaks or an
 * array; surrounding and inner whitespace dropped, lower case raised, blank lines and (when there
 * are too many lines) lines without a filler dropped, one run-together zone split. Each repair is
 * a warning, since a clean reader output needs none of them.
 */
export function readMrzLines(input: unknown): ReadLines {
  const warnings: MrzIssue[] = [];
  const errors: MrzIssue[] = [];
  let raw: unknown[];
  if (typeof input === 'string') {
    if (input.length > MAX_MRZ_LINE * MAX_MRZ_LINES) {
      return { lines: [], warnings, errors: [{ code: 'mrz.too-long', message: `${input.length} characters; an MRZ has at most 90` }] };
    }
    raw = input.split(/\r\n|\r|\n/);
  } else if (Array.isArray(input)) raw = input;
  else return { lines: [], warnings, errors: [{ code: 'mrz.not-lines', message: 'expected MRZ lines: an array of strings or one string with line breaks' }] };

  if (raw.length > MAX_MRZ_LINES) {
    return { lines: [], warnings, errors: [{ code: 'mrz.too-many-lines', message: `${raw.length} lines; an MRZ has 2 or 3` }] };
  }
  let lines: string[] = [];
  for (const [i, line] of raw.entries()) {
    if (typeof line !== 'string') {
      errors.push({ code: 'mrz.not-lines', message: `line ${i + 1} is not a string` });
      continue;
    }
    if (line.length > MAX_MRZ_LINE) {
      errors.push({ code: 'mrz.line-too-long', message: `line ${i + 1} has ${line.length} characters; an MRZ line has at most 44` });
      continue;
    }
    lines.push(line);
  }
  if (errors.length > 0) return { lines: [], warnings, errors };

  const compacted = lines.map((l) => l.replace(/\s+/g, ''));
  if (compacted.some((l, i) => l !== (lines[i] ?? '').trim())) {
    warnings.push({ code: 'mrz.whitespace-removed', message: 'spaces inside the lines were removed' });
  }
  lines = compacted.filter((l) => l !== '');
  if (lines.some((l) => l !== l.toUpperCase())) {
    warnings.push({ code: 'mrz.lower-case', message: 'lower-case letters were read as upper case' });
    lines = lines.map((l) => l.toUpperCase());
  }

  if (lines.length > 3) {
    // OCR of a whole page brings other text along; MRZ lines always carry fillers.
    const kept = lines.filter((l) => l.includes('<') && l.length >= 30);
    if (kept.length === 2 || kept.length === 3) {
      warnings.push({ code: 'mrz.lines-dropped', message: `${lines.length - kept.length} lines without fillers were ignored` });
      lines = kept;
    }
  }
  if (lines.length === 1) {
    const only = lines[0]!;
    const shape = LENGTH_OF_CONCATENATED[only.length];
    if (shape) {
      const [count, length] = shape;
      lines = Array.from({ length: count }, (_, i) => only.slice(i * length, (i + 1) * length));
      warnings.push({ code: 'mrz.split-single-line', message: `one line of ${only.length} characters was split into ${count} lines of ${length}` });
    }
  }
  return { lines, warnings, errors };
}
