import type { Readable, Writable } from 'node:stream';
import { InvalidArgumentError, type Command } from 'commander';
import { parseMrz, type MrzParseResult } from '@crosscheck/core';
import { readLines } from '../read-lines.js';

/** Longest input line read; a zone is under 100 characters, so anything longer is refused, not parsed. */
export const MAX_MRZ_INPUT_LINE = 64 * 1024;

export interface MrzCommandIo {
  input: Readable;
  output: Writable;
}

type MrzOutput = Omit<MrzParseResult, 'lines'> & { id?: string; lines?: string[] };

const isoDate = (value: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('a date as YYYY-MM-DD');
  return value;
};

function errorResult(code: string, message: string, id?: string): MrzOutput {
  return { ...(id === undefined ? {} : { id }), format: null, valid: false, fields: null, checks: {}, warnings: [], errors: [{ code, message }], suggestions: [] };
}

/** One input line (JSON `{"mrz": [...]}` or `{"mrz": "line\nline"}`, optional string "id") → one result. */
export function mrzLineResult(text: string, tooLong: boolean, today: string | undefined): MrzOutput {
  if (tooLong) return errorResult('mrz.input-too-long', `line longer than ${MAX_MRZ_INPUT_LINE} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return errorResult('mrz.not-json', `not JSON: ${(e as Error).message}`);
  }
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const id = typeof record?.id === 'string' ? record.id : undefined;
  // A bare array or string is taken as the zone itself: what a reader pipes in most directly.
  const zone = record ? record.mrz : value;
  if (zone === undefined) return errorResult('mrz.missing', 'expected {"mrz": ["line 1", "line 2"]}', id);
  const result = parseMrz(zone, today === undefined ? {} : { today });
  return { ...(id === undefined ? {} : { id }), ...result };
}

/** `crosscheck mrz`: reads MRZ JSON lines on standard input and writes one result JSON line each, in order. */
export function mrzCommand(program: Command, io?: MrzCommandIo): void {
  program
    .command('mrz')
    .description('read machine-readable zones as JSON lines ({"mrz": ["line 1", "line 2"]}) from standard input; one result line each, in order')
    .option('--today <date>', 'reference date for two-digit years and expiry (default: today)', isoDate)
    .action(async (o: { today?: string }) => {
      const input = io?.input ?? process.stdin;
      const output = io?.output ?? process.stdout;
      for await (const line of readLines(input, MAX_MRZ_INPUT_LINE)) {
        // Blank lines separate nothing and answer nothing, as in `crosscheck screen`.
        if (!line.tooLong && line.text.trim() === '') continue;
        const result = mrzLineResult(line.text, line.tooLong, o.today);
        if (!output.write(`${JSON.stringify(result)}\n`)) await new Promise((resolve) => output.once('drain', resolve));
      }
    });
}
