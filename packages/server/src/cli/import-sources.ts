import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { PERSON_CATEGORIES, type AlertInput } from '@crosscheck/core';
import { parse as parseCsv } from 'csv-parse';
import { MAX_IMPORT_LINE_BYTES, parseImportLine, validateImportBody, type Parsed } from '../app/import-alerts.js';
import { checkHeader, csvMappingSchema, rowToBody, type CsvMapping } from '../formats/csv/csv-mapping.js';
import { ftmEntitySchema, MAX_FTM_ENTITIES, MAX_FTM_LINE_BYTES } from '../formats/ftm/ftm-entity.js';
import { ftmToAlerts, type FtmLine } from '../formats/ftm/ftm-to-alerts.js';
import { MAX_NOTICE_FILE_BYTES, noticesIn, noticeToAlertBody } from '../formats/interpol-notice-import.js';
import { readLines } from './read-lines.js';

export const IMPORT_FORMATS = ['json', 'ftm', 'csv', 'notice'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportSourceOptions {
  format: ImportFormat;
  /** CSV: the column mapping file (JSON). */
  map?: string;
  /** FollowTheMoney and notices: the category of persons whose own data gives none. */
  category: (typeof PERSON_CATEGORIES)[number];
  visibility: AlertInput['visibility'];
  /** Told once about what was read but is no alert (FollowTheMoney companies, addresses…). */
  notice: (text: string) => void;
}

const MAX_CSV_RECORD_BYTES = 64 * 1024;
const MAX_MAPPING_BYTES = 64 * 1024;

/** The file (or standard input for "-") as alert bodies in file order, each with its line. */
export function importSource(file: string, o: ImportSourceOptions): AsyncIterable<Parsed> {
  const input = (): Readable => (file === '-' ? process.stdin : createReadStream(file));
  if (o.format === 'ftm') return fromFtm(input(), o);
  if (o.format === 'csv') return fromCsv(input(), readMapping(o.map));
  if (o.format === 'notice') return fromNotices(input(), o);
  return fromJsonLines(input());
}

export async function* fromJsonLines(stream: Readable): AsyncIterable<Parsed> {
  for await (const line of readLines(stream, MAX_IMPORT_LINE_BYTES)) {
    const parsed = line.tooLong ? { line: line.number, reason: `line longer than ${MAX_IMPORT_LINE_BYTES} bytes` } : parseImportLine(line.text, line.number);
    if (parsed) yield parsed;
  }
}

/** FollowTheMoney is read whole (a Passport may name its holder anywhere in the file), up to MAX_FTM_ENTITIES. */
export async function* fromFtm(stream: Readable, o: ImportSourceOptions): AsyncIterable<Parsed> {
  const entities: FtmLine[] = [];
  const bad: Parsed[] = [];
  for await (const line of readLines(stream, MAX_FTM_LINE_BYTES)) {
    if (line.tooLong) bad.push({ line: line.number, reason: `line longer than ${MAX_FTM_LINE_BYTES} bytes` });
    else if (line.text.trim() !== '') {
      let json: unknown;
      try {
        json = JSON.parse(line.text);
      } catch (e) {
        bad.push({ line: line.number, reason: `not JSON: ${(e as Error).message}` });
        continue;
      }
      const entity = ftmEntitySchema.safeParse(json);
      if (entity.success) entities.push({ line: line.number, entity: entity.data });
      else bad.push({ line: line.number, reason: `not a FollowTheMoney entity: ${entity.error.issues[0]?.path.join('.') || '(line)'}: ${entity.error.issues[0]?.message}` });
    }
    if (entities.length > MAX_FTM_ENTITIES) throw new Error(`more than ${MAX_FTM_ENTITIES} entities: split the file`);
  }
  const report = ftmToAlerts(entities, { category: o.category, visibility: o.visibility });
  const skipped = Object.entries(report.skipped);
  if (skipped.length > 0) o.notice(`not alerts, skipped: ${skipped.map(([schema, n]) => `${n} ${schema}`).join(', ')}`);
  const items: Parsed[] = [...bad, ...report.items.map((i) => ('body' in i ? validateImportBody(i.body, i.line) : i))];
  yield* items.sort((a, b) => a.line - b.line);
}

export function readMapping(path: string | undefined): CsvMapping {
  if (!path) throw new Error('--format csv needs --map FILE: a JSON column mapping (docs/formats.md)');
  if (statSync(path).size > MAX_MAPPING_BYTES) throw new Error(`${path} is larger than ${MAX_MAPPING_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path} is not JSON: ${(e as Error).message}`);
  }
  const mapping = csvMappingSchema.safeParse(json);
  if (!mapping.success) {
    const issue = mapping.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.') || '(mapping)'}: ${issue?.message}`);
  }
  return mapping.data;
}

/** CSV with a header row; a row's line is where it starts in the file (quoted cells may span lines). */
export async function* fromCsv(stream: Readable, mapping: CsvMapping): AsyncIterable<Parsed> {
  const parser = stream.pipe(parseCsv({ columns: true, bom: true, delimiter: mapping.delimiter, skip_empty_lines: true, max_record_size: MAX_CSV_RECORD_BYTES, info: true, relax_column_count: true }));
  let checked = false;
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; columns: unknown } }>) {
    if (!checked) {
      const problems = checkHeader(mapping, Object.keys(record));
      if (problems.length > 0) throw new Error(problems.join('; '));
      checked = true;
    }
    const result = rowToBody(mapping, record);
    yield 'reason' in result ? { line: info.lines, reason: result.reason } : validateImportBody(result.body, info.lines);
  }
}

/** INTERPOL public notices (a detail, a list page, or JSON lines of them), read whole up to MAX_NOTICE_FILE_BYTES. */
export async function* fromNotices(stream: Readable, o: ImportSourceOptions): AsyncIterable<Parsed> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > MAX_NOTICE_FILE_BYTES) throw new Error(`a notice file larger than ${MAX_NOTICE_FILE_BYTES} bytes: split it`);
    parts.push(chunk as Buffer);
  }
  const notices = noticesIn(Buffer.concat(parts).toString('utf8'));
  if (!Array.isArray(notices)) {
    yield notices;
    return;
  }
  for (const { line, notice } of notices) yield validateImportBody(noticeToAlertBody(notice, o.category, o.visibility), line);
}
