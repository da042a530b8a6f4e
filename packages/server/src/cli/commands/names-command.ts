import type { Readable, Writable } from 'node:stream';
import { InvalidArgumentError, type Command } from 'commander';
import { compareBySchema, DEFAULT_THRESHOLD, isNameSchema, NAME_SCHEMAS, reasonText, type NameInput } from '@crosscheck/core';
import { readLines } from '../read-lines.js';

/** Longest input line read: a pair of names is a few hundred bytes; anything longer is refused, not buffered. */
export const MAX_NAMES_LINE_BYTES = 16 * 1024;

export interface NamesCommandIo {
  input: Readable;
  output: Writable;
}

const threshold = (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('a number from 0 to 1');
  return n;
};

/** `crosscheck names compare`: the name matcher on JSON lines, for checking it against one's own data. */
export function namesCommand(program: Command, io?: NamesCommandIo): void {
  program
    .command('names')
    .description('name matching')
    .command('compare')
    .description(`read {"a": name, "b": name, "schema"?: schema} JSON lines on standard input (a name is a string, or for a Person {family, given, full}; schema one of ${NAME_SCHEMAS.join(', ')}, default Person); write one {"score", "match", "reasons"} line per line, {"error"} for a bad one`)
    .option('--threshold <n>', `score from which a pair is a match (default ${DEFAULT_THRESHOLD})`, threshold)
    .action(async (o: { threshold?: number }) => {
      const { input, output } = io ?? { input: process.stdin, output: process.stdout };
      await compareNameLines(input, output, o.threshold ?? DEFAULT_THRESHOLD);
    });
}

/**
 * Reads pairs line by line and writes exactly one result line per input line, so answers line up
 * with questions; waits for the output to drain so a large input cannot pile up in memory.
 */
export async function compareNameLines(input: Readable, output: Writable, limit: number = DEFAULT_THRESHOLD): Promise<void> {
  for await (const line of readLines(input, MAX_NAMES_LINE_BYTES)) {
    if (!output.write(`${JSON.stringify(compareLine(line.text, line.tooLong, limit))}\n`)) await new Promise((resolve) => output.once('drain', resolve));
  }
}

function compareLine(text: string, tooLong: boolean, limit: number): object {
  if (tooLong) return { error: `line longer than ${MAX_NAMES_LINE_BYTES} bytes` };
  if (text.trim() === '') return { error: 'empty line' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'not JSON' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'expected an object {"a": "…", "b": "…"}' };
  const { a, b, schema = 'Person' } = value as Record<string, unknown>;
  if (!isNameSchema(schema)) return { error: `"schema" must be one of ${NAME_SCHEMAS.join(', ')}` };
  if (schema === 'Person' && (!isName(a) || !isName(b))) return { error: '"a" and "b" must both be names: a string, or {"family", "given", "full"} strings' };
  if (schema !== 'Person' && (typeof a !== 'string' || typeof b !== 'string')) return { error: `"a" and "b" must both be strings for a ${schema}` };
  const result = compareBySchema(schema, a as string | NameInput, b as string | NameInput);
  return { score: result.score, match: result.score >= limit, reasons: result.reasons.map(reasonText) };
}

function isName(v: unknown): v is string | NameInput {
  if (typeof v === 'string') return true;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const entries = Object.entries(v);
  return entries.length > 0 && entries.every(([k, x]) => (k === 'family' || k === 'given' || k === 'full') && typeof x === 'string');
}
