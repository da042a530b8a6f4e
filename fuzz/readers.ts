import { Readable } from 'node:stream';
import { alertInputSchema, DomainError, generateMrz, MAX_PAXLST_TRAVELLERS, parseInput, parseMrz, parsePaxlst, PaxlstError, screenQuerySchema, toScreenQueries, type AlertInput } from '@crosscheck/core';
import { CsvError } from 'csv-parse';
import * as fc from 'fast-check';
import { D02B_TWO_LEGS, D05B_NO_UNA, LEGACY_US, OTHER_SEPARATORS, RELEASED_NAMES, paxlstWithPassengers } from '../packages/core/src/paxlst/test-fixtures.ts';
import { fromCsv, fromFtm, fromNotices, type ImportSourceOptions } from '../packages/server/src/cli/import-sources.ts';
import type { Parsed } from '../packages/server/src/app/import-alerts.ts';
import { checkBatch, newSigningKey, keyIdOf, signBatch, type SigningKey } from '../packages/server/src/app/replica/signed-batch.ts';
import type { ChangeItem } from '../packages/server/src/app/list-changes.ts';
import { csvMappingSchema, type CsvMapping } from '../packages/server/src/formats/csv/csv-mapping.ts';
import { alertToFtm } from '../packages/server/src/formats/ftm/alert-to-ftm.ts';
import { noticeDetail, noticeSummary } from '../packages/server/src/formats/interpol-notice.ts';
import { BatchFormatError, MAX_BATCH, parseTravellerBatch } from '../packages/server/src/formats/traveller-batch.ts';
import { UN_FIXTURE } from '../packages/server/src/formats/un-sc-list.fixture.ts';
import { parseUnList } from '../packages/server/src/formats/un-sc-list.ts';
import type { AlertView } from '../packages/server/src/store/alert-repo.ts';
import { wallet } from './wallet-reader.ts';
import { ChainReadError, extractPayloads, NETWORK_MAGIC, parseBlock, parseTransaction, readBlkFile, readJsonTransaction, readJsonTransactions, TxJsonError, type Transaction } from '../packages/core/src/bitcoin/index.ts';
import { blkRecord, buildBlock, concatBytes, inscriptionTx, multisigDataTx, opReturnTx, sampleBlock, serializeTx, type TxSpec } from '../packages/core/src/bitcoin/test-fixtures.ts';

/**
 * The readers of outside data, each as the product calls it, for the fuzzer and the corpus
 * replay. `read` returns a short signature of what the reader did (a refusal's code and message
 * with the varying parts blanked, or the shape of what it read); it throws only on a crash: an
 * exception other than the reader's documented refusal, or a result that breaks an invariant.
 */
export interface FuzzReader {
  name: string;
  /** The corpus files' extension. */
  ext: string;
  /** Inputs the mutations start from: the project's own fixtures and its own writers' output. */
  seeds(): Buffer[];
  /** Tokens of the format, inserted by mutations. */
  tokens: readonly string[];
  /** Structure-aware inputs (fast-check), deterministic for a seed. */
  generate(seed: number, count: number): Buffer[];
  read(input: Buffer): Promise<string> | string;
}

export class InvariantBroken extends Error {
  override name = 'InvariantBroken';
}

function invariant(ok: boolean, message: string): void {
  if (!ok) throw new InvariantBroken(message);
}

/** A message with what varies from input to input (quoted text, numbers) blanked. */
export function shape(message: string): string {
  return message
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, 'Q')
    .replace(/\d+/g, 'N')
    .replace(/\s+/g, ' ')
    .slice(0, 100);
}

const text = (input: Buffer) => input.toString('utf8');
const json = (v: unknown) => Buffer.from(JSON.stringify(v));
const lines = (vs: unknown[]) => Buffer.from(vs.map((v) => JSON.stringify(v)).join('\n'));
const bucket = (n: number) => (n === 0 ? '0' : n === 1 ? '1' : n < 10 ? 'few' : 'many');
const sampled = <T>(arb: fc.Arbitrary<T>, seed: number, count: number): T[] => fc.sample(arb, { seed, numRuns: count });

const JSON_TOKENS = ['{', '}', '[', ']', ',', ':', '"', 'null', 'true', 'false', '""', '{}', '[]', '"\\u0000"', '"\\ud800"', '1e999', '-0', '\n', '\r\n', '"__proto__"', '"constructor"', '{"__proto__":{"x":1}}', '[[[[[[[[[[[[[[[[', ']]]]]]]]]]]]]]]]'];

// A person alert as the project's own tests write one: the writers below turn it into each format.
const PERSON: AlertInput = {
  kind: 'person',
  category: 'arrest',
  person: {
    names: [
      { family: 'HADDAD', given: 'Samir', full: 'سمير حداد', script: 'Arab', type: 'primary' },
      { full: 'Abu Samir', type: 'alias', weak: true },
    ],
    sex: 'M',
    birthDate: '1979-03',
    otherBirthDates: ['1980'],
    birthPlace: 'Tripoli',
    birthCountry: 'LBN',
    nationalities: ['LBN', 'UTO'],
    documents: [{ type: 'passport', number: 'L898902C3', issuingState: 'UTO' }],
    description: { heightCm: 180, weightKg: 75, eyes: 'BRO', hair: 'BLA', marks: 'scar' },
    arrest: { charge: 'Fraud' },
  },
  offence: { description: 'Fraud' },
  visibility: { mode: 'all' },
  publicNotice: true,
} as AlertInput;
const VEHICLE: AlertInput = { kind: 'vehicle', category: 'stolen', vehicle: { vin: 'WVWZZZ1JZXW000001', plate: 'AB-123-CD', plateCountry: 'FRA', make: 'VW' }, visibility: { mode: 'all' } } as AlertInput;
const stored = (id: string, input: AlertInput): AlertView => ({ ...input, id, owner: 'FRA', status: 'active', version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }) as unknown as AlertView;

const IMPORT: ImportSourceOptions = { format: 'ftm', category: 'warning', visibility: { mode: 'all' }, notice: () => undefined };

/** What an import format yielded, checked: every item has its line and either a body or a reason. */
async function importShape(items: AsyncIterable<Parsed>): Promise<string> {
  const reasons = new Set<string>();
  let good = 0;
  let count = 0;
  for await (const item of items) {
    count++;
    invariant(Number.isSafeInteger(item.line) && item.line >= 1, `an item without a line number: ${String(item.line)}`);
    if ('input' in item) {
      invariant(alertInputSchema.safeParse(item.input).success, `line ${item.line}: an accepted body the API's schema refuses`);
      good++;
    } else {
      invariant(typeof item.reason === 'string' && item.reason.length > 0, `line ${item.line}: a refusal without a reason`);
      reasons.add(shape(item.reason));
    }
  }
  return `ok:${bucket(count)}:${bucket(good)}:${[...reasons].sort().join('|')}`;
}

const mrz: FuzzReader = {
  name: 'mrz',
  ext: 'txt',
  seeds: () => {
    const data = { issuingState: 'UTO', documentNumber: 'L898902C3', surname: 'ERIKSSON', givenNames: 'ANNA MARIA', nationality: 'UTO', birthDate: '1974-08-12', sex: 'F' as const, expiryDate: '2032-04-15' };
    const generated = (['TD1', 'TD2', 'TD3'] as const).map((format) => generateMrz({ ...data, format, documentCode: format === 'TD3' ? 'P' : 'I' }).lines.join('\n'));
    return [
      ...generated,
      'I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<',
      'I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6',
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10',
      'V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL8988901C4XXX4009078F96121096ZE184226B<<<<<<',
    ].map((s) => Buffer.from(s));
  },
  tokens: ['<', '<<', '<<<<<<<<<<', 'P<', 'I<', 'V<', 'AC', 'UTO', 'D<<', '\n', '\r\n', 'O', '0', 'I', '1', 'K', '«', ' ', 'ERIKSSON<<ANNA', '7408122', '<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<'],
  generate: (seed, count) => sampled(fc.array(fc.stringMatching(/^[A-Z0-9<]{0,48}$/), { minLength: 1, maxLength: 4 }), seed, count).map((ls) => Buffer.from(ls.join('\n'))),
  read(input) {
    // The CLI and the API give lines or one text; both are tried.
    const asText = text(input);
    const r = parseMrz(asText, { today: '2026-01-01' });
    const r2 = parseMrz(asText.split('\n'), { today: '2026-01-01' });
    for (const result of [r, r2]) {
      invariant(!result.errors.some((e) => e.code === 'mrz.internal'), `the parser's safety net was reached: ${result.errors.map((e) => e.message).join('; ')}`);
      invariant(!result.valid || result.fields !== null, 'valid without fields');
      invariant(!result.valid || result.errors.length === 0, 'valid with errors');
    }
    const codes = (issues: { code: string }[]) => [...new Set(issues.map((i) => i.code))].sort().join(',');
    return `${r.valid ? 'ok' : 'refused'}:${r.format ?? '-'}:${codes(r.errors)}:${codes(r.warnings)}:${bucket(r.suggestions.length)}`;
  },
};

const paxlst: FuzzReader = {
  name: 'paxlst',
  ext: 'edi',
  seeds: () => [D02B_TWO_LEGS, D05B_NO_UNA, LEGACY_US, RELEASED_NAMES, OTHER_SEPARATORS, paxlstWithPassengers(3)].map((s) => Buffer.from(s, 'latin1')),
  tokens: ["UNA:+.? '", 'UNB+UNOA:4+', 'UNG+PAXLST', 'UNH+1+PAXLST:D:05B:UN:IATA', 'BGM+745', 'NAD+FL+++', 'ATT+2++M', 'DTM+329:', 'LOC+178+', 'LOC+179+', 'DOC+P:110:111+', 'NAT+2+', 'RFF+AVF:', 'TDT+20+', 'CNT+42:', 'UNT+', 'UNE+', 'UNZ+', "'", '+', ':', '?', '??', "?'", '\r\n', 'PAXLST:001:000', 'UNOB', 'UNOY', 'UNOC', '\u00ef\u00bb\u00bf'],
  generate: (seed, count) =>
    sampled(fc.array(fc.tuple(fc.constantFrom('UNB', 'UNH', 'BGM', 'NAD', 'DOC', 'DTM', 'LOC', 'TDT', 'ATT', 'NAT', 'CNT', 'UNT', 'UNZ', 'RFF'), fc.array(fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }), { maxLength: 5 })), { maxLength: 20 }), seed, count).map((segs) =>
      Buffer.from(segs.map(([tag, els]) => [tag, ...els.map((e) => e.join(':'))].join('+')).join("'\n") + "'", 'latin1'),
    ),
  read(input) {
    const results: string[] = [];
    // Bytes (charset detection) as the flight endpoint gets them, and text as the CLI passes it.
    for (const given of [new Uint8Array(input), text(input)]) {
      try {
        const manifest = parsePaxlst(given, { today: '2026-01-01' });
        invariant(manifest.travellers.length <= MAX_PAXLST_TRAVELLERS, `${manifest.travellers.length} travellers, over the limit`);
        const queries = toScreenQueries(manifest);
        invariant(queries.length === manifest.travellers.length, 'not one query per traveller');
        const valid = queries.filter((q) => q !== null && screenQuerySchema.safeParse(q).success).length;
        results.push(`ok:${manifest.header.dialect}:${bucket(manifest.flights.length)}:${bucket(manifest.travellers.length)}:${bucket(valid)}:${[...new Set(manifest.warnings.map((w) => w.code))].sort().join(',')}`);
      } catch (e) {
        if (!(e instanceof PaxlstError)) throw e;
        results.push(`refused:${e.code}`);
      }
    }
    return results.join('/');
  },
};

const UN_REFUSALS = [/^the list is larger than/, /^the list must not contain a DOCTYPE/, /^not well-formed XML:/, /^not a UN consolidated list/];

const unXml: FuzzReader = {
  name: 'un-xml',
  ext: 'xml',
  seeds: () => [Buffer.from(UN_FIXTURE)],
  tokens: ['<INDIVIDUAL>', '</INDIVIDUAL>', '<INDIVIDUALS>', '<DATAID>', '</DATAID>', '<FIRST_NAME>', '<INDIVIDUAL_ALIAS><ALIAS_NAME>', '<QUALITY>Low</QUALITY>', '<INDIVIDUAL_DATE_OF_BIRTH><FROM_YEAR>1900</FROM_YEAR><TO_YEAR>2100</TO_YEAR>', '<NATIONALITY><VALUE>', '<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport', '<![CDATA[', ']]>', '<!--', '-->', '&amp;', '&lt;', '&#x0;', '&#9999999;', '&#x1F600;', '&unknown;', '<?xml version="1.0"?>', '<!DOCTYPE', '/>', '<', '>', '="', 'xmlns:a="b"', '<CONSOLIDATED_LIST>', '</CONSOLIDATED_LIST>', '<a:b>', '<__proto__>', '<constructor>', '<hasOwnProperty>'],
  generate: (seed, count) =>
    sampled(
      fc.array(fc.record({ DATAID: fc.oneof(fc.integer({ min: 0, max: 99999 }).map(String), fc.string({ maxLength: 6 })), FIRST_NAME: fc.string({ maxLength: 12 }), NATIONALITY: fc.constantFrom('France', 'Iraq', 'x', ''), YEAR: fc.string({ maxLength: 5 }) }), { maxLength: 6 }),
      seed,
      count,
    ).map((inds) =>
      Buffer.from(
        `<CONSOLIDATED_LIST><INDIVIDUALS>${inds
          .map((i) => `<INDIVIDUAL><DATAID>${i.DATAID}</DATAID><FIRST_NAME>${i.FIRST_NAME}</FIRST_NAME><NATIONALITY><VALUE>${i.NATIONALITY}</VALUE></NATIONALITY><INDIVIDUAL_DATE_OF_BIRTH><YEAR>${i.YEAR}</YEAR></INDIVIDUAL_DATE_OF_BIRTH></INDIVIDUAL>`)
          .join('')}</INDIVIDUALS></CONSOLIDATED_LIST>`,
      ),
    ),
  read(input) {
    let result;
    try {
      result = parseUnList(text(input));
    } catch (e) {
      if (e instanceof Error && e.constructor === Error && UN_REFUSALS.some((r) => r.test(e.message))) return `refused:${shape(e.message).slice(0, 40)}`;
      throw e;
    }
    invariant(Array.isArray(result.alerts) && Array.isArray(result.warnings), 'no alerts or warnings list');
    const refusedBy = new Set<string>();
    for (const alert of result.alerts) {
      invariant(typeof alert.sourceRef === 'string' && /^un-sc:\d{1,20}$/.test(alert.sourceRef), `a source reference ${String(alert.sourceRef)}`);
      // The import then checks each alert with the API's schema; which field it refuses is behaviour.
      const check = alertInputSchema.safeParse(alert);
      if (!check.success) refusedBy.add(check.error.issues[0]?.path.join('.') ?? '?');
    }
    return `ok:${bucket(result.alerts.length)}:${[...new Set(result.warnings.map(shape))].sort().join('|')}:${[...refusedBy].sort().join(',')}`;
  },
};

const ftm: FuzzReader = {
  name: 'ftm',
  ext: 'jsonl',
  seeds: () => [lines(alertToFtm(stored('019a-1', PERSON))), lines(alertToFtm(stored('019a-2', VEHICLE))), lines([...alertToFtm(stored('019a-3', PERSON)), { id: 'c1', schema: 'Company', properties: { name: ['ACME'] } }])],
  tokens: [...JSON_TOKENS, '"schema":"Person"', '"schema":"Passport"', '"schema":"Vehicle"', '"schema":"Company"', '"properties":', '"holder":["', '"name":[', '"birthDate":["', '"nationality":["', '"id":"', '"passportNumber":["'],
  generate: (seed, count) =>
    sampled(fc.array(fc.record({ id: fc.string({ maxLength: 6 }), schema: fc.constantFrom('Person', 'Passport', 'Vehicle', 'LegalEntity', 'Address', 'x'), properties: fc.dictionary(fc.constantFrom('name', 'holder', 'birthDate', 'nationality', 'number', 'registrationNumber', 'gender', 'alias', 'firstName', 'lastName'), fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 })) }), { maxLength: 6 }), seed, count).map(lines),
  read: async (input) => {
    try {
      return await importShape(fromFtm(Readable.from([input]), IMPORT));
    } catch (e) {
      if (e instanceof Error && /^more than \d+ entities/.test(e.message)) return 'refused:too-many';
      throw e;
    }
  },
};

const notice: FuzzReader = {
  name: 'notice',
  ext: 'json',
  seeds: () => {
    const source = { id: '2019-12345', owner: 'DEU', input: PERSON as Extract<AlertInput, { kind: 'person' }>, photoIds: [] };
    const detail = noticeDetail('https://crosscheck.example', 'red', source);
    const summary = noticeSummary('https://crosscheck.example', 'yellow', source);
    return [json(detail), json({ total: 1, _embedded: { notices: [summary, summary] } }), lines([detail, summary])];
  },
  tokens: [...JSON_TOKENS, '"_embedded":{"notices":[', '"arrest_warrants":[{"charge":"', '"forename":"', '"name":"', '"date_of_birth":"1958/11/05"', '"nationalities":["', '"height":', '"weight":', '"entity_id":"', '"sex_id":"F"', '"_links":{"self":{"href":"/notices/v1/red/1"}}'],
  generate: (seed, count) => sampled(fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.record({ name: fc.string(), forename: fc.string(), date_of_birth: fc.string(), nationalities: fc.array(fc.string({ maxLength: 3 })), height: fc.double(), weight: fc.double(), entity_id: fc.string() })), seed, count).map(json),
  read: (input) => importShape(fromNotices(Readable.from([input]), { ...IMPORT, format: 'notice' })),
};

// The mapping of the project's CSV test, and one for vehicles; the first line of an input names which.
const MAPPINGS: Record<string, CsvMapping> = {
  person: csvMappingSchema.parse({
    dateFormat: 'DD/MM/YYYY',
    set: { kind: 'person', category: 'missing', visibility: { mode: 'all' } },
    columns: {
      Surname: 'person.names.0.family',
      'First names': 'person.names.0.given',
      'Name (original)': 'person.names.1.full',
      Born: { to: 'person.birthDate', type: 'date' },
      Sex: { to: 'person.sex', values: { Male: 'M', Female: 'F' } },
      Nationalities: { to: 'person.nationalities', type: 'list' },
      Passport: { to: 'person.documents.0.number', also: { 'person.documents.0.type': 'passport' } },
      Height: { to: 'person.description.heightCm', type: 'number' },
    },
  }),
  vehicle: csvMappingSchema.parse({ delimiter: ';', set: { kind: 'vehicle', category: 'stolen', visibility: { mode: 'all' } }, columns: { Plate: 'vehicle.plate', Vin: 'vehicle.vin', Stolen: { to: 'vehicle.stolenOn', type: 'date', dateFormat: 'YYYYMMDD' }, Trailer: { to: 'vehicle.trailer', type: 'boolean' } } }),
};
const CSV_REFUSAL = /^column .* of the mapping is not in the file's header/;

const csv: FuzzReader = {
  name: 'csv',
  ext: 'csv',
  seeds: () => [
    Buffer.from(['person', 'Surname,First names,Name (original),Born,Sex,Nationalities,Passport,Height', 'NOWAK,Anna,,04/05/2009,Female,POL,EA1234567,150', '"SMIRNOV","Pavel ""Pasha""",Павел Смирнов,31/02/2010,Male,RUS;BLR,,', 'KOWALSKI,Jan,,01/01/2011,Male,POL,,tall', 'HADDAD,Lina,لينا حداد,2012,Female,LBN,,'].join('\n')),
    Buffer.from(['vehicle', 'Plate;Vin;Stolen;Trailer', 'AB-123-CD;WVWZZZ1JZXW000001;20250101;no', ';;;yes'].join('\n')),
  ],
  tokens: [',', ';', '"', '""', '\n', '\r\n', '\r', '\uFEFF', 'person\n', 'vehicle\n', 'Surname', 'Born', 'Height', 'Nationalities', 'Male', 'Female', '01/01/2000', '20250101', '1e309', 'yes', ';;;;', ',,,,', '"a\nb"'],
  generate: (seed, count) =>
    sampled(fc.tuple(fc.constantFrom('person', 'vehicle'), fc.array(fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('01/02/2003', '20250101', 'Male', 'POL;DEU', '150', 'yes')), { maxLength: 9 }), { maxLength: 6 })), seed, count).map(([m, rows]) => {
      const header = m === 'person' ? 'Surname,First names,Name (original),Born,Sex,Nationalities,Passport,Height' : 'Plate;Vin;Stolen;Trailer';
      return Buffer.from([m, header, ...rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(m === 'person' ? ',' : ';'))].join('\n'));
    }),
  read: async (input) => {
    const nl = input.indexOf(10);
    const name = (nl === -1 ? input : input.subarray(0, nl)).toString('utf8').trim();
    const mapping = MAPPINGS[name] ?? MAPPINGS.person!;
    try {
      return await importShape(fromCsv(Readable.from([nl === -1 ? Buffer.alloc(0) : input.subarray(nl + 1)]), mapping));
    } catch (e) {
      if (e instanceof CsvError) return `refused:${e.code}`;
      if (e instanceof Error && CSV_REFUSAL.test(e.message)) return 'refused:header';
      throw e;
    }
  },
};

const CONTENT_TYPES = ['application/json', 'application/x-ndjson', 'text/csv', 'text/plain'];

const travellers: FuzzReader = {
  name: 'travellers',
  ext: 'txt',
  seeds: () => [
    Buffer.from(`application/json\n${JSON.stringify([{ id: 't1', person: { names: [{ family: 'HADDAD', given: 'Samir' }], birthDate: '1979-03-01', sex: 'M', nationality: 'LBN' }, documents: [{ number: 'L898902C3', issuingState: 'UTO' }] }, { id: 't2', vehicle: { vin: 'WVWZZZ1JZXW000001', plate: 'AB-123-CD', plateCountry: 'FRA' } }])}`),
    Buffer.from(`application/x-ndjson\n${JSON.stringify({ id: 'a', person: { names: ['Samir Haddad'] } })}\n${JSON.stringify({ id: 'b', documents: [{ number: 'X123' }] })}`),
    Buffer.from('text/csv\nid,family,given,birthDate,sex,nationality,documentNumber,documentState,vin,plate,plateCountry\n1,HADDAD,Samir,1979-03-01,M,LBN,L898902C3,UTO,,,\n2,,,,,,,,WVWZZZ1JZXW000001,AB-123-CD,FRA'),
  ],
  tokens: [...JSON_TOKENS, 'application/json\n', 'text/csv\n', 'application/x-ndjson\n', '"person":{"names":[', '"documents":[{"number":"', '"vehicle":{"vin":"', '"birthDate":"', '"sex":"X"', ',name,', ',family,given,', 'documentNumber', '"id":'],
  generate: (seed, count) =>
    sampled(
      fc.tuple(
        fc.constantFrom(...CONTENT_TYPES),
        fc.array(fc.oneof(fc.record({ id: fc.string({ maxLength: 4 }), person: fc.record({ names: fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.record({ family: fc.string(), given: fc.string() })), { maxLength: 3 }), birthDate: fc.string({ maxLength: 10 }) }, { requiredKeys: [] }), documents: fc.array(fc.record({ number: fc.string({ maxLength: 12 }) }), { maxLength: 2 }) }, { requiredKeys: [] }), fc.jsonValue({ maxDepth: 3 })), { maxLength: 5 }),
      ),
      seed,
      count,
    ).map(([type, items]) => Buffer.from(`${type}\n${type === 'application/json' ? JSON.stringify(items) : type === 'text/csv' ? ['id,name,birthDate,documentNumber', ...items.map((i, n) => `${n},${JSON.stringify(JSON.stringify(i))},,`)].join('\n') : items.map((i) => JSON.stringify(i)).join('\n')}`)),
  read(input) {
    const nl = input.indexOf(10);
    const type = (nl === -1 ? input : input.subarray(0, nl)).toString('utf8');
    const raw = nl === -1 ? '' : input.subarray(nl + 1).toString('utf8');
    // JSON bodies reach the reader parsed by the HTTP layer (a parse error is its 400 before that).
    let body: unknown = raw;
    if (type === 'application/json') {
      try {
        body = JSON.parse(raw);
      } catch {
        return 'refused:json';
      }
    }
    let items: unknown[];
    try {
      items = parseTravellerBatch(type, body);
    } catch (e) {
      if (e instanceof BatchFormatError) return `refused:${shape(e.message).slice(0, 30)}`;
      throw e;
    }
    invariant(items.length <= MAX_BATCH, `${items.length} travellers, over the limit`);
    // Each traveller is then checked on its own: a refusal is a DomainError in its place.
    const codes = new Set<string>();
    for (const item of items) {
      try {
        parseInput(screenQuerySchema, item);
        codes.add('ok');
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        codes.add(e.problems?.[0]?.field ?? e.code);
      }
    }
    return `ok:${type}:${bucket(items.length)}:${[...codes].sort().join(',')}`;
  },
};

// One key per process: generated batches are signed with it, so mutations reach past the signature.
let replicaKey: (SigningKey & { id: string }) | undefined;
const keyOf = () => {
  if (!replicaKey) {
    const pair = newSigningKey();
    replicaKey = { ...pair, id: keyIdOf(pair.publicKeyPem) };
  }
  return replicaKey;
};
const change = (seq: number, alertId: string, alert: AlertInput): ChangeItem => ({ seq, alertId, version: 1, action: 'created', at: '2026-01-01T00:00:00Z', owner: 'DEU', status: 'active', statusReason: null, alert });
const batchOf = (items: ChangeItem[], to: number) => signBatch({ member: 'FRA', from: 0, to, head: to, items, nonce: null, issuedAt: '2026-01-01T00:00:00Z', fromMark: null, toMark: 'm' }, keyOf());

const replica: FuzzReader = {
  name: 'replica',
  ext: 'json',
  seeds: () => [json(batchOf([change(1, '019a-1', PERSON), change(2, '019a-2', VEHICLE), { seq: 3, alertId: '019a-3', version: 2, action: 'withdrawn', at: '2026-01-02T00:00:00Z' }], 3)), json(batchOf([], 0))],
  tokens: [...JSON_TOKENS, '"items":[', '"seq":', '"from":', '"to":', '"head":', '"member":"FRA"', '"signature":"', '"keyId":"', '"action":"withdrawn"', '"alert":{"kind":"person"}', '"issuedAt":"', '"nonce":null', '"fromMark":null'],
  generate: (seed, count) =>
    sampled(fc.array(fc.record({ seq: fc.integer({ min: 0, max: 12 }), alertId: fc.string({ maxLength: 42 }), version: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), action: fc.constantFrom('created', 'updated', 'withdrawn', 'x'), kind: fc.constantFrom('person', 'document', 'vehicle', 'ship') }), { maxLength: 6 }), seed, count).map((items) =>
      // Signed as the centre would sign them: the shape checks, not the signature, must catch these.
      json(batchOf(items.map((i) => ({ seq: i.seq, alertId: i.alertId, version: i.version, action: i.action, at: 'now', owner: 'DEU', status: 'active', statusReason: null, alert: { kind: i.kind } }) as unknown as ChangeItem), 12)),
    ),
  read(input) {
    let raw: unknown;
    try {
      raw = JSON.parse(text(input));
    } catch {
      return 'refused:json';
    }
    const key = keyOf();
    const r = checkBatch(raw, { publicKeyPem: key.publicKeyPem, keyId: key.id, appliedTo: 0, member: 'FRA', appliedMark: null });
    if (r.problem) {
      invariant(r.batch === null, 'a problem and a batch');
      return `refused:${r.problem.code}:${shape(r.problem.message).slice(0, 40)}`;
    }
    // An accepted batch is applied whole: its items must be in order, within from..to, each of a known kind.
    const b = r.batch;
    let previous = b.from;
    for (const item of b.items) {
      invariant(item.seq > previous && item.seq <= b.to, `item ${item.seq} out of order in an accepted batch`);
      previous = item.seq;
    }
    return `ok:${bucket(b.items.length)}`;
  },
};

/** Every payload of every transaction; a payload is never larger than the data it came from. */
function extractAll(txs: readonly Transaction[], inputSize: number): Set<string> {
  const methods = new Set<string>();
  for (const tx of txs) {
    for (const p of extractPayloads(tx)) {
      invariant(p.bytes.length <= inputSize, `a ${p.method} payload of ${p.bytes.length} bytes from ${inputSize} bytes of input`);
      methods.add(p.method);
    }
  }
  return methods;
}

const chainRefusal = (e: unknown): string => {
  if (e instanceof ChainReadError) return e.code;
  throw e;
};

const bitcoin: FuzzReader = {
  name: 'bitcoin',
  ext: 'bin',
  seeds: () => {
    const block = sampleBlock();
    return [
      Buffer.from(block),
      Buffer.from(concatBytes(blkRecord(block), blkRecord(buildBlock([opReturnTx('second block')])), new Uint8Array(16))),
      Buffer.from(serializeTx(inscriptionTx('image/png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])))),
      Buffer.from(serializeTx(multisigDataTx('short'))),
    ];
  },
  // Tokens are inserted as UTF-8: only bytes below 0x80 go in as themselves.
  tokens: ['ord', 'atom', 'stamp:', 'CNTRPRTY', '{"p":"src-20"', 'text/html', '\x00\x63\x03ord', '\x6a', '\x68', '\x51', '\x00\x01', '\x4c\x7f', '\x4d\x7f\x7f', '\x4e\x7f\x7f\x7f\x7f', '\x7f\x7f\x7f\x7f'],
  generate: (seed, count) => {
    const script = fc.uint8Array({ maxLength: 80 });
    const spec: fc.Arbitrary<TxSpec> = fc.record({
      inputs: fc.array(fc.record({ scriptSig: script, witness: fc.array(fc.uint8Array({ maxLength: 120 }), { maxLength: 4 }) }), { minLength: 1, maxLength: 3 }),
      outputs: fc.array(fc.record({ script }), { minLength: 1, maxLength: 4 }),
    });
    return sampled(fc.array(spec, { minLength: 1, maxLength: 3 }), seed, count).map((txs) => Buffer.from(buildBlock(txs)));
  },
  read(input) {
    const bytes = new Uint8Array(input);
    const magic = Object.values(NETWORK_MAGIC).some((m) => m.every((b, i) => bytes[i] === b));
    if (magic) {
      const outcomes: string[] = [];
      const methods = new Set<string>();
      for (const entry of readBlkFile(bytes)) {
        invariant(entry.offset >= 0 && entry.offset < bytes.length, `an entry at offset ${entry.offset} of ${bytes.length} bytes`);
        if (entry.ok) for (const m of extractAll(entry.block.transactions, bytes.length)) methods.add(m);
        outcomes.push(entry.ok ? 'block' : entry.error.code);
      }
      return `${outcomes.includes('block') ? 'ok' : 'refused'}:blk:${[...new Set(outcomes)].sort().join(',')}:${[...methods].sort().join(',')}`;
    }
    try {
      const block = parseBlock(bytes);
      return `ok:block:${[...extractAll(block.transactions, bytes.length)].sort().join(',')}`;
    } catch (e) {
      const blockError = chainRefusal(e);
      try {
        const tx = parseTransaction(bytes);
        return `ok:tx:${[...extractAll([tx], bytes.length)].sort().join(',')}`;
      } catch (e2) {
        return `refused:${blockError}:${chainRefusal(e2)}`;
      }
    }
  },
};

// A one-input, one-output transaction written here as Esplora would show it, and the same as
// getrawtransaction … true (with its raw hex): the readers' refusals of mutations are the point.
const ESPLORA_TX = {
  version: 2,
  locktime: 0,
  vin: [{ txid: '11'.repeat(32), vout: 0, scriptsig: '', witness: ['30440220' + '22'.repeat(32) + '0220' + '33'.repeat(32) + '01', '02' + '44'.repeat(32)], sequence: 4294967293, is_coinbase: false }],
  vout: [{ scriptpubkey: '6a0568656c6c6f', value: 0 }, { scriptpubkey: '0014' + '55'.repeat(20), value: 1000 }],
};
function txSeeds(): Buffer[] {
  const read = readJsonTransaction(ESPLORA_TX);
  const esplora = { ...ESPLORA_TX, txid: read.tx.txid, size: read.tx.size, status: { confirmed: true, block_height: 800000, block_hash: '66'.repeat(32) } };
  const core = { txid: read.tx.txid, hash: read.tx.wtxid, size: read.tx.size, hex: Buffer.from(read.bytes).toString('hex'), blockhash: '66'.repeat(32) };
  return [json(esplora), json(core), json([esplora, core]), lines([core, esplora])];
}

const txJson: FuzzReader = {
  name: 'tx-json',
  ext: 'json',
  seeds: txSeeds,
  tokens: [...JSON_TOKENS, '"hex":"', '"txid":"', '"vin":[', '"vout":[', '"witness":["', '"scriptsig":"', '"scriptpubkey":"', '"value":', '"sequence":4294967295', '"size":', '"status":{"block_height":', 'ffffffff', 'fd0000', 'feffffffff', '0001'],
  generate: (seed, count) => {
    const hex = fc.uint8Array({ maxLength: 48 }).map((b) => Buffer.from(b).toString('hex'));
    const field = fc.oneof(hex, fc.integer(), fc.double(), fc.constant(null), fc.string({ maxLength: 8 }), fc.array(hex, { maxLength: 3 }));
    const input = fc.record({ txid: fc.oneof(field, fc.constant('11'.repeat(32))), vout: field, scriptsig: field, sequence: field, witness: field }, { requiredKeys: [] });
    const output = fc.record({ value: field, scriptpubkey: field }, { requiredKeys: [] });
    const tx = fc.oneof(
      fc.record({ version: field, locktime: field, vin: fc.array(input, { maxLength: 4 }), vout: fc.array(output, { maxLength: 4 }), txid: field, size: field }, { requiredKeys: ['vin', 'vout'] }),
      fc.record({ hex: hex, txid: field }, { requiredKeys: ['hex'] }),
    );
    return sampled(fc.oneof(tx, fc.array(tx, { maxLength: 3 })), seed, count).map(json);
  },
  read(input) {
    let entries;
    try {
      entries = readJsonTransactions(text(input));
    } catch (e) {
      if (e instanceof TxJsonError) return `refused:${e.code}`;
      throw e;
    }
    const codes = new Set<string>();
    for (const e of entries) {
      if (e.ok) invariant(e.value.tx.size === e.value.bytes.length && /^[0-9a-f]{64}$/.test(e.value.tx.txid), 'an accepted transaction whose size or txid does not hold');
      else {
        invariant(e.error instanceof TxJsonError || e.error instanceof ChainReadError, 'an entry refused with an unnamed error');
        codes.add(e.error.code);
      }
    }
    return `ok:${bucket(entries.length)}:${[...codes].sort().join('|')}`;
  },
};

export const READERS: readonly FuzzReader[] = [mrz, paxlst, unXml, ftm, notice, csv, travellers, replica, bitcoin, wallet, txJson];
export const readerNamed = (name: string): FuzzReader | undefined => READERS.find((r) => r.name === name);
