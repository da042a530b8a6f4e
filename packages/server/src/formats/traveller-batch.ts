import { parse as parseCsv } from 'csv-parse/sync';

/** At most this many travellers in one batch request (a wide-body flight is ~850). */
export const MAX_BATCH = 1000;

export class BatchFormatError extends Error {}

/**
 * Turns a batch body into query objects: a JSON array, JSON lines, or CSV with a header row
 * (columns id, name / family / given, birthDate, sex, nationality, documentNumber,
 * documentState, vin, plate, plateCountry, walletAddress, and the assets iban, imo, aircraft,
 * companyName, companyRegistrationNumber, companyCountry). Validation of each query is the use case's job.
 */
export function parseTravellerBatch(contentType: string, body: unknown): unknown[] {
  let items: unknown[];
  if (Array.isArray(body)) items = body;
  else if (typeof body !== 'string') throw new BatchFormatError('send a JSON array, JSON lines (application/x-ndjson) or CSV (text/csv)');
  else if (contentType.includes('csv')) items = fromCsv(body);
  else items = fromJsonLines(body);
  if (items.length > MAX_BATCH) throw new BatchFormatError(`at most ${MAX_BATCH} travellers per batch, got ${items.length}`);
  return items;
}

function fromJsonLines(text: string): unknown[] {
  const out: unknown[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      out.push(JSON.parse(line));
    } catch (e) {
      throw new BatchFormatError(`line ${i + 1} is not JSON: ${(e as Error).message}`);
    }
    if (out.length > MAX_BATCH) break;
  }
  return out;
}

function fromCsv(text: string): unknown[] {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { columns: (h: string[]) => h.map((c) => c.trim()), skip_empty_lines: true, trim: true, bom: true, to: MAX_BATCH + 1 }) as Record<string, string>[];
  } catch (e) {
    throw new BatchFormatError(`not valid CSV: ${(e as Error).message}`);
  }
  return rows.map(queryFromRow);
}

function queryFromRow(row: Record<string, string>): unknown {
  const v = (k: string) => (row[k] !== undefined && row[k] !== '' ? row[k] : undefined);
  const name = v('name') ?? (v('family') || v('given') ? { ...(v('family') ? { family: v('family') } : {}), ...(v('given') ? { given: v('given') } : {}) } : undefined);
  return {
    ...(v('id') ? { id: v('id') } : {}),
    ...(name ? { person: { names: [name], ...(v('birthDate') ? { birthDate: v('birthDate') } : {}), ...(v('sex') ? { sex: v('sex') } : {}), ...(v('nationality') ? { nationality: v('nationality') } : {}) } } : {}),
    ...(v('documentNumber') ? { documents: [{ number: v('documentNumber'), ...(v('documentState') ? { issuingState: v('documentState') } : {}) }] } : {}),
    ...(v('vin') || v('plate') ? { vehicle: { ...(v('vin') ? { vin: v('vin') } : {}), ...(v('plate') ? { plate: v('plate') } : {}), ...(v('plateCountry') ? { plateCountry: v('plateCountry') } : {}) } } : {}),
    ...(v('walletAddress') ? { walletAddress: v('walletAddress') } : {}),
    ...assetsFromRow(v),
  };
}

/** A row's asset columns as the query's `assets`, one item per column given (the company's three as one). */
function assetsFromRow(v: (k: string) => string | undefined): { assets?: unknown[] } {
  const assets: unknown[] = [];
  for (const k of ['iban', 'imo', 'aircraft'] as const) if (v(k)) assets.push({ [k]: v(k) });
  const company = v('companyName');
  if (company || v('companyRegistrationNumber') || v('companyCountry')) {
    assets.push({ company: { name: company ?? '', ...(v('companyRegistrationNumber') ? { registrationNumber: v('companyRegistrationNumber') } : {}), ...(v('companyCountry') ? { country: v('companyCountry') } : {}) } });
  }
  return assets.length > 0 ? { assets } : {};
}
