import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isPartialDate } from '../alerts/partial-date.js';
import { screenQuerySchema } from '../screening/screen-query.js';
import { parsePaxlst, toScreenQueries, type FlightManifest } from './index.js';

// Real messages (US-CBP/GTAS test resources) in ../shared/testdata/paxlst, read where they are
// present and never copied into the repository. Without them these tests are skipped, and say so.
const testdata = process.env.CROSSCHECK_TESTDATA ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/testdata');
const dir = join(testdata, 'paxlst');
const present = existsSync(dir);
const today = '2024-06-01';

interface FileSummary {
  traveller_NAD_count: number;
  CNT: string[];
}
interface GtasCase {
  test: string;
  message?: string;
  message_file?: string;
  source_assertions: string[];
}

function expectReasonable(m: FlightManifest): void {
  for (const t of m.travellers) {
    expect(t.name.family, `traveller at segment ${t.segment}`).not.toBe('');
    if (t.birthDate !== null) expect(isPartialDate(t.birthDate), t.birthDate).toBe(true);
    if (t.nationality !== null) expect(t.nationality).toMatch(/^[A-Z]{3}$/);
    for (const d of t.documents) {
      expect(d.number).not.toBe('');
      if (d.issuingState !== null) expect(d.issuingState).toMatch(/^[A-Z]{3}$/);
      if (d.expiry !== null) expect(isPartialDate(d.expiry), d.expiry).toBe(true);
    }
  }
  for (const f of m.flights) {
    for (const leg of f.legs) {
      expect(leg.departure.airport).toMatch(/^[A-Z]{3}$/);
      expect(leg.arrival.airport).toMatch(/^[A-Z]{3}$/);
    }
  }
  for (const q of toScreenQueries(m)) if (q !== null) expect(screenQuerySchema.safeParse(q).success).toBe(true);
  JSON.stringify(m);
}

describe.skipIf(!present)(`real PAXLST files in ${dir}${present ? '' : ' (absent: skipped)'}`, () => {
  const files = present ? readdirSync(dir).filter((f) => /\.(txt|edi)$/.test(f)) : [];
  const summary = present ? (JSON.parse(readFileSync(join(dir, 'paxlst_file_summary.json'), 'utf8')) as Record<string, FileSummary>) : {};

  it('finds the files', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s parses with one traveller per NAD+FL/FM and reasonable fields', (file) => {
    const m = parsePaxlst(new Uint8Array(readFileSync(join(dir, file))), { today });
    const expected = summary[file]?.traveller_NAD_count;
    if (expected !== undefined) expect(m.travellers).toHaveLength(expected);
    expect(m.flights.length).toBeGreaterThan(0);
    expectReasonable(m);
    // Where the file's own CNT agrees with its travellers, no count warning; where it does not, one.
    const total = (m.declaredCounts.passengers ?? 0) + (m.declaredCounts.crew ?? 0);
    const countWarnings = m.warnings.filter((w) => w.code === 'cnt.mismatch');
    expect(countWarnings.length > 0).toBe(total !== m.travellers.length);
  });

  it('reads the dirty ones with the warnings their faults call for', () => {
    const read = (file: string) => parsePaxlst(new Uint8Array(readFileSync(join(dir, file))), { today });
    const codes = (file: string) => read(file).warnings.map((w) => w.code);
    expect(codes('gtas_Test1.txt')).toEqual(expect.arrayContaining(['una.missing', 'cnt.malformed', 'charset.outside-level']));
    expect(read('gtas_Test1.txt').travellers.every((t) => t.role === 'crew')).toBe(true);
    expect(codes('gtas_Test3.txt')).toEqual(expect.arrayContaining(['cnt.mismatch', 'charset.dropped', 'input.not-utf8']));
    expect(codes('gtas_airline2.edi')).toEqual(expect.arrayContaining(['cnt.mismatch', 'unt.reference', 'segment.whitespace']));
    expect(codes('gtas_multiple_flight_leg_apis.txt')).toEqual(expect.arrayContaining(['segment.garbled']));
    expect(read('gtas_multiple_flight_leg_apis.txt').flights.flatMap((f) => f.legs.map((l) => `${l.departure.airport}-${l.arrival.airport}`))).toEqual(['MIA-IAD', 'IAD-JFK', 'JFK-CDG']);
  });

  const cases = present ? (JSON.parse(readFileSync(join(dir, 'gtas_parser_test_messages.json'), 'utf8')) as { cases: GtasCase[] }).cases : [];
  it.each(cases.map((c) => [c.test, c] as const))('GTAS case %s gives the flights and passengers its source asserts', (_name, c) => {
    const text = c.message ?? readFileSync(join(dir, (c.message_file ?? '').split(' ')[0]!), 'utf8');
    const m = parsePaxlst(text, { today });
    expectReasonable(m);
    // GTAS counts each leg as a flight; f, f1, f2 are the first and second legs.
    const legs = m.flights.flatMap((f) => f.legs.map((leg) => ({ number: f.number, origin: leg.departure.airport, destination: leg.arrival.airport })));
    const legOf = (name: string) => legs[name === 'f2' ? 1 : 0];
    for (const a of c.source_assertions) {
      let g: RegExpExecArray | null;
      if ((g = /^assertEquals\((\d+), flights\.size\(\)\)$/.exec(a))) expect(legs, a).toHaveLength(Number(g[1]));
      else if ((g = /^assertEquals\((\d+), vo\.getPassengers\(\)\.size\(\)\)$/.exec(a))) expect(m.travellers, a).toHaveLength(Number(g[1]));
      else if ((g = /^assertEquals\("(\w+)", (f\d?)\.getFlightNumber\(\)\)$/.exec(a))) expect(legOf(g[2]!)?.number, a).toBe(g[1]);
      else if ((g = /^assertEquals\("(\w+)", (f\d?)\.getOrigin\(\)\)$/.exec(a))) expect(legOf(g[2]!)?.origin, a).toBe(g[1]);
      else if ((g = /^assertEquals\("(\w+)", (f\d?)\.getDestination\(\)\)$/.exec(a))) expect(legOf(g[2]!)?.destination, a).toBe(g[1]);
      // Bag counts and weights (MEA, FTX+BAG) are not read: screening does not use them.
    }
  });
});
