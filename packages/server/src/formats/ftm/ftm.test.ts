import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { alertInputSchema, type Alert, type AlertInput } from '@crosscheck/core';
import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../store/alert-repo.js';
import { alertToFtm } from './alert-to-ftm.js';
import { ftmEntitySchema, type FtmEntity } from './ftm-entity.js';
import { ftmToAlerts, type FtmImportOptions } from './ftm-to-alerts.js';

const OPTIONS: FtmImportOptions = { category: 'warning', visibility: { mode: 'all' } };
const stored = (id: string, input: AlertInput): AlertView => ({ ...input, id, owner: 'FRA', status: 'active', version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }) as Alert as AlertView;

/** Export as FollowTheMoney lines, then import them back; the bodies as the API would accept them. */
function roundTrip(...alerts: AlertView[]): AlertInput[] {
  const lines = alerts.flatMap((a) => alertToFtm(a)).map((e, i) => ({ line: i + 1, entity: ftmEntitySchema.parse(JSON.parse(JSON.stringify(e))) }));
  const report = ftmToAlerts(lines, OPTIONS);
  return report.items.map((item) => {
    if (!('body' in item)) throw new Error(`line ${item.line}: ${item.reason}`);
    return alertInputSchema.parse(item.body);
  });
}

const wanted: AlertInput = {
  kind: 'person',
  category: 'arrest',
  person: {
    names: [
      { family: 'HADDAD', given: 'Samir', full: 'سمير حداد', script: 'Arab', type: 'primary' },
      { full: 'Abu Samir', type: 'alias', weak: true },
      { family: 'HADAD', given: 'Samir', type: 'alias' },
      { full: 'Samir Khoury', type: 'birth' },
    ],
    sex: 'M',
    birthDate: '1979-03',
    otherBirthDates: ['1980'],
    birthDateUncertain: true,
    birthPlace: 'Tripoli',
    birthCountry: 'LBN',
    nationalities: ['LBN', 'UTO'],
    refugeeFrom: ['SYR'],
    documents: [
      { issuingState: 'LBN', type: 'passport', number: 'RL1234567' },
      { issuingState: 'UTO', type: 'identity-card', number: 'X99' },
    ],
    walletAddresses: [{ address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4' }, { address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', currency: 'ETH' }],
    description: { heightCm: 178, weightKg: 80, eyes: 'brown', hair: 'black', marks: 'scar on the left hand' },
    warnings: ['armed', 'violent'],
    arrest: { charge: 'Armed robbery', law: 'Code pénal art. 311-9', maximumPenalty: '20 years', warrantReference: 'MA-2026-17' },
  },
  offence: { description: 'Armed robbery of a bank', maxSentenceYears: 20 },
  action: 'Arrest and inform the FRA bureau',
  caseReference: 'FRA-2026-0042',
  remarks: 'Travels with a companion.',
  hiddenFromFrontline: true,
  visibility: { mode: 'all' },
};
const passport: AlertInput = { kind: 'document', document: { issuingState: 'UTO', type: 'passport', number: 'L898902C3', status: 'stolen-issued', eventDate: '2026-02-01', eventPlace: 'Lyon' }, action: 'Seize the document', visibility: { mode: 'all' } };
const car: AlertInput = { kind: 'vehicle', vehicle: { vin: 'WVWZZZ1JZXW000001', plate: 'AB-123-CD', plateCountry: 'FRA', make: 'Volkswagen', model: 'Golf', colour: 'blue', year: 1999 }, remarks: 'Stolen in Lyon', visibility: { mode: 'all' } };
const sanctioned: AlertInput = { kind: 'person', category: 'un-sanctions', person: { names: [{ full: 'KIM Chol' }] }, sourceRef: 'un-sc:6908123', visibility: { mode: 'all' } };

describe('FollowTheMoney export and import', () => {
  it('keeps every field of a person, a document and a vehicle alert through a round trip', () => {
    expect(roundTrip(stored('a1', wanted), stored('a2', passport), stored('a3', car), stored('a4', sanctioned))).toEqual([wanted, passport, car, sanctioned]);
  });

  it('keeps the SIS recast categories’ sections through a round trip, with no "wanted" topic for protection', () => {
    const base = { kind: 'person', person: { names: [{ family: 'LEROUX', given: 'Camille' }], birthDate: '2017-02-03' }, visibility: { mode: 'all' } } as const;
    const recast: AlertInput[] = [
      alertInputSchema.parse({ ...base, category: 'return-decision', returnDecision: { decidedOn: '2026-01-10', leaveBy: '2026-04-15', reference: 'OQTF-17' } }),
      alertInputSchema.parse({ ...base, category: 'inquiry-check', inquiry: { questions: ['Where to?', 'Who paid?'] } }),
      alertInputSchema.parse({ ...base, category: 'preventive', preventive: { subject: 'child-abduction-risk', instruction: 'Keep the child safe' } }),
    ];
    expect(roundTrip(...recast.map((a, i) => stored(`r${i}`, a)))).toEqual(recast);
    const topics = alertToFtm(stored('p', recast[2]!))[0]!.properties.topics ?? [];
    expect(topics).not.toContain('wanted');
  });

  it('writes FollowTheMoney properties other tools read: names, dates, alpha-2 countries, gender, documents with their holder, a Sanction', () => {
    const [person, doc1, doc2] = alertToFtm(stored('a1', wanted));
    expect(person).toMatchObject({ id: 'crosscheck-a1', schema: 'Person' });
    expect(person!.properties).toMatchObject({
      name: ['سمير حداد', 'Samir HADDAD'],
      firstName: ['Samir'],
      lastName: ['HADDAD'],
      weakAlias: ['Abu Samir'],
      alias: ['Samir HADAD'],
      previousName: ['Samir Khoury'],
      birthDate: ['1979-03', '1980'],
      nationality: ['lb'],
      birthCountry: ['lb'],
      gender: ['male'],
      passportNumber: ['RL1234567'],
      idNumber: ['X99'],
      topics: ['wanted'],
    });
    // Utopia has no alpha-2 code: it travels in the extension only.
    expect(person!.crosscheck).toMatchObject({ v: 1, category: 'arrest', nationalities: ['UTO'] });
    expect(doc1).toMatchObject({ schema: 'Passport', properties: { holder: ['crosscheck-a1'], number: ['RL1234567'], country: ['lb'] } });
    expect(doc2).toMatchObject({ schema: 'Identification', properties: { holder: ['crosscheck-a1'], number: ['X99'] }, crosscheck: { issuingState: 'UTO' } });
    expect(alertToFtm(stored('a1', wanted)).filter((e) => e.schema === 'CryptoWallet').map((e) => e.properties)).toEqual([
      { holder: ['crosscheck-a1'], publicKey: ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'], currencySymbol: ['BTC'] },
      { holder: ['crosscheck-a1'], publicKey: ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'], currencySymbol: ['ETH'] },
    ]);
    expect(alertToFtm(stored('a4', sanctioned))[1]).toMatchObject({ schema: 'Sanction', properties: { entity: ['crosscheck-a4'], unscId: ['6908123'] } });
  });

  it('imports entities written by other tools, with no extension, and says what it skipped or refused', () => {
    const lines: { line: number; entity: FtmEntity }[] = [
      { line: 1, entity: { id: 'p1', schema: 'Person', properties: { name: ['Ivan Petrov', 'Иван Петров'], firstName: ['Ivan'], lastName: ['Petrov'], birthDate: ['1970-05-04T00:00:00'], nationality: ['ru'], gender: ['male'], topics: ['sanction'] } } },
      { line: 2, entity: { id: 'pp1', schema: 'Passport', properties: { holder: ['p1'], number: ['751234567'], country: ['ru'] } } },
      { line: 3, entity: { id: 's1', schema: 'Sanction', properties: { entity: ['p1'], unscId: ['KPi.033'] } } },
      { line: 4, entity: { id: 'o1', schema: 'Organization', properties: { name: ['Acme'] } } },
      { line: 5, entity: { id: 'pp2', schema: 'Passport', properties: { number: ['1'], country: ['fr'] } } },
      { line: 6, entity: { id: 'pp3', schema: 'Passport', properties: { holder: ['nobody'], number: ['2'] } } },
      { line: 7, entity: { id: 'w1', schema: 'CryptoWallet', properties: { holder: ['p1'], publicKey: ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'], currencySymbol: ['XBT'] } } },
      // A Monero address (the core reads Bitcoin and Ethereum only) and a company's wallet.
      { line: 8, entity: { id: 'w2', schema: 'CryptoWallet', properties: { holder: ['p1'], publicKey: ['44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A'], currencySymbol: ['XMR'] } } },
      { line: 9, entity: { id: 'w3', schema: 'CryptoWallet', properties: { holder: ['o1'], publicKey: ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy'] } } },
    ];
    const report = ftmToAlerts(lines, OPTIONS);
    expect(report.skipped).toEqual({ Organization: 1, CryptoWallet: 2 });
    expect(report.items.filter((i) => 'reason' in i).map((i) => i.line)).toEqual([5, 6]);
    const body = alertInputSchema.parse((report.items[0] as { body: unknown }).body);
    expect(body).toMatchObject({
      kind: 'person',
      category: 'un-sanctions',
      sourceRef: 'un-sc:KPi.033',
      person: { names: [{ family: 'Petrov', given: 'Ivan' }, { full: 'Иван Петров' }], birthDate: '1970-05-04', nationalities: ['RUS'], sex: 'M', documents: [{ type: 'passport', number: '751234567', issuingState: 'RUS' }], walletAddresses: [{ address: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa' }] },
    });
  });

  it('refuses an extension version it does not know instead of misreading it', () => {
    const report = ftmToAlerts([{ line: 1, entity: { id: 'p', schema: 'Person', properties: { name: ['A B'] }, crosscheck: { v: 2 } } }], OPTIONS);
    expect(report.items).toEqual([{ line: 1, reason: 'crosscheck extension version 2 is not 1' }]);
  });

  const fixtures = fileURLToPath(new URL('../../../../../../shared/testdata/ftm/', import.meta.url));
  it.skipIf(!existsSync(fixtures))('imports every OpenSanctions person of ../shared/testdata/ftm and exports its names, dates and nationalities again', () => {
    for (const file of ['opensanctions_ftm_all_entities_t1.jsonl', 'opensanctions_ftm_zala_cluster.jsonl']) {
      const lines = readFileSync(fixtures + file, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l, i) => ({ line: i + 1, entity: ftmEntitySchema.parse(JSON.parse(l)) }));
      const persons = lines.filter((l) => l.entity.schema === 'Person');
      const report = ftmToAlerts(lines, OPTIONS);
      const bodies = report.items.flatMap((i) => ('body' in i ? [i] : []));
      expect(bodies.length, file).toBe(persons.length);
      for (const b of bodies) {
        const input = alertInputSchema.safeParse(b.body);
        expect(input.success, `${file} line ${b.line}: ${JSON.stringify(input.error?.issues[0])}`).toBe(true);
        const original = lines.find((l) => l.line === b.line)!.entity.properties;
        const again = alertToFtm(stored('x', input.data!))[0]!.properties;
        // Spellings that differ only in letter case are one name to a matcher: compared folded.
        const fold = (s: string) => s.toLocaleLowerCase();
        const written = new Set([...(again.name ?? []), ...(again.alias ?? []), ...(again.weakAlias ?? []), ...(again.previousName ?? [])].map(fold));
        for (const n of [...(original.name ?? []), ...(original.alias ?? [])]) expect(written, `${file} line ${b.line}`).toContain(fold(n));
        for (const d of original.birthDate ?? []) expect(again.birthDate ?? []).toContain(d.slice(0, 10));
        for (const c of original.nationality ?? []) if (c.length === 2) expect(again.nationality ?? []).toContain(c.toLowerCase());
      }
    }
  });
});
