import { isPartialDate } from '@crosscheck/core';
import { z } from 'zod';

/**
 * How the columns of someone else's CSV become alert fields (`crosscheck alerts import --format
 * csv --map FILE`, docs/formats.md). Each column names a path in the alert body
 * (`person.names.0.family`); `set` gives the fields every row shares (kind, category,
 * visibility…). The body is then validated by the API's own schema, which names a bad field.
 */
const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'YYYYMMDD'] as const;
type DateFormat = (typeof DATE_FORMATS)[number];

const PATH = /^[A-Za-z]+(\.(?:[A-Za-z]+|\d{1,2}))*$/;
const pathSchema = z.string().regex(PATH, 'a path such as person.names.0.family');
const columnSchema = z.union([
  pathSchema,
  z
    .object({
      to: pathSchema,
      /** text (default), number, boolean (yes/no/true/false/1/0), date (see dateFormat), list (split on separator). */
      type: z.enum(['text', 'number', 'boolean', 'date', 'list']).default('text'),
      separator: z.string().min(1).max(3).default(';'),
      dateFormat: z.enum(DATE_FORMATS).optional(),
      /** Values to replace before conversion, e.g. {"Male": "M"}. */
      values: z.record(z.string(), z.string()).optional(),
      /** Fields set only when this cell is not empty, e.g. {"person.documents.0.type": "passport"} beside a passport number. */
      also: z.record(pathSchema, z.unknown()).optional(),
    })
    .strict(),
]);

export const csvMappingSchema = z
  .object({
    delimiter: z.string().min(1).max(1).default(','),
    dateFormat: z.enum(DATE_FORMATS).default('YYYY-MM-DD'),
    set: z.record(z.string(), z.unknown()).default({}),
    columns: z.record(z.string().min(1).max(200), columnSchema).refine((c) => Object.keys(c).length > 0, 'map at least one column'),
  })
  .strict();
export type CsvMapping = z.infer<typeof csvMappingSchema>;

type Column = Exclude<CsvMapping['columns'][string], string>;
const asColumn = (c: CsvMapping['columns'][string]): Column => (typeof c === 'string' ? { to: c, type: 'text', separator: ';' } : c);

/** A date written in `format`, as YYYY-MM-DD; partial dates (1970, 1970-05) pass through. */
export function convertDate(value: string, format: DateFormat): string | null {
  const v = value.trim();
  if (isPartialDate(v)) return v;
  const m =
    format === 'DD/MM/YYYY' ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v)
    : format === 'MM/DD/YYYY' ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v)
    : format === 'DD.MM.YYYY' ? /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v)
    : format === 'YYYYMMDD' ? /^(\d{4})(\d{2})(\d{2})$/.exec(v)
    : null;
  if (!m) return null;
  const [y, mo, d] = format === 'YYYYMMDD' ? [m[1], m[2], m[3]] : format === 'MM/DD/YYYY' ? [m[3], m[1], m[2]] : [m[3], m[2], m[1]];
  const iso = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  return isPartialDate(iso) ? iso : null;
}

function convert(raw: string, c: Column, mapping: CsvMapping): unknown {
  const value = c.values && Object.hasOwn(c.values, raw) ? c.values[raw]! : raw;
  switch (c.type) {
    case 'number': {
      const n = Number(value.replace(',', '.'));
      if (!Number.isFinite(n)) throw new Error(`"${raw}" is not a number`);
      return n;
    }
    case 'boolean': {
      const b = value.trim().toLowerCase();
      if (['yes', 'true', '1', 'y'].includes(b)) return true;
      if (['no', 'false', '0', 'n'].includes(b)) return false;
      throw new Error(`"${raw}" is not yes or no`);
    }
    case 'date': {
      const format = c.dateFormat ?? mapping.dateFormat;
      const d = convertDate(value, format);
      if (d === null) throw new Error(`"${raw}" is not a date as ${format}`);
      return d;
    }
    case 'list':
      return value
        .split(c.separator)
        .map((s) => s.trim())
        .filter((s) => s !== '');
    default:
      return value.trim();
  }
}

/** Sets `value` at a dotted path, creating objects and arrays (a numeric step makes an array). */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const steps = path.split('.');
  let node: Record<string, unknown> | unknown[] = target;
  steps.forEach((step, i) => {
    const key = /^\d+$/.test(step) ? Number(step) : step;
    const last = i === steps.length - 1;
    const container = node as Record<string | number, unknown>;
    if (last) {
      container[key] = value;
      return;
    }
    if (container[key] === undefined || typeof container[key] !== 'object') container[key] = /^\d+$/.test(steps[i + 1]!) ? [] : {};
    node = container[key] as Record<string, unknown> | unknown[];
  });
}

/** Checks before any row is read that every mapped column exists: a misspelt header fails early. */
export function checkHeader(mapping: CsvMapping, header: string[]): string[] {
  return Object.keys(mapping.columns).filter((c) => !header.includes(c)).map((c) => `column "${c}" of the mapping is not in the file's header (${header.join(', ')})`);
}

/**
 * One row to an alert body, or the reason it cannot be one (naming the column). Empty cells
 * leave their field out; arrays left with holes by empty cells are closed up.
 */
export function rowToBody(mapping: CsvMapping, row: Record<string, string>): { body: Record<string, unknown> } | { reason: string } {
  const body = structuredClone(mapping.set) as Record<string, unknown>;
  for (const [column, spec] of Object.entries(mapping.columns)) {
    const raw = row[column];
    if (raw === undefined || raw.trim() === '') continue;
    const c = asColumn(spec);
    try {
      setPath(body, c.to, convert(raw, c, mapping));
      for (const [path, value] of Object.entries(c.also ?? {})) setPath(body, path, value);
    } catch (e) {
      return { reason: `column "${column}": ${(e as Error).message}` };
    }
  }
  return { body: closeHoles(body) as Record<string, unknown> };
}

function closeHoles(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== undefined).map(closeHoles);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, closeHoles(x)]));
  return v;
}
