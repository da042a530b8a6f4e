import fc from 'fast-check';
import { generateMrz, screenQuerySchema, DEFAULT_THRESHOLD, type ScreenQueryInput } from '@crosscheck/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../app/create-alert.js';
import { ENGINES, as, openTestDeps, type TestContext } from '../../test/engines.js';
import { search } from './search.js';
import type { ScreeningIndex } from './screening-index.js';

// People on alerts, and the same people (or others) as a traveller might present them.
const PEOPLE = [
  { family: 'ERIKSSON', given: 'ANNA MARIA', birthDate: '1974-08-12', sex: 'F', nationality: 'SWE' },
  { family: 'GADDAFI', given: 'MUAMMAR', birthDate: '1942-06-07', sex: 'M', nationality: 'LBY' },
  { family: 'ROSSI', given: 'GIULIA', birthDate: '2009-03-01', sex: 'F', nationality: 'ITA' },
  { family: 'MARTIN', given: 'LEA', birthDate: '1990-01-01', sex: 'F', nationality: 'FRA' },
  { family: 'NOWAK', given: 'PIOTR', birthDate: '1985-11-30', sex: 'M', nationality: 'POL' },
] as const;
const DOCUMENTS = [
  ['FRA', '12AB34567'],
  ['DEU', 'C01X00T47'],
  ['ITA', 'YA1234567'],
  ['POL', 'EA9876543'],
] as const;
const VEHICLES = [
  { vin: '1M8GDM9AXKP042788', plate: 'AB-123-CD', plateCountry: 'FRA' },
  { vin: 'WVWZZZ1JZXW000001', plate: 'B-XY-123', plateCountry: 'DEU' },
] as const;

type Part = { person: ScreenQueryInput['person'] } | { document: { number: string; issuingState?: string } } | { mrz: string } | { vehicle: ScreenQueryInput['vehicle'] };

const person = fc.record({ who: fc.constantFrom(...PEOPLE), year: fc.boolean(), sex: fc.boolean(), nationality: fc.boolean(), swap: fc.boolean() }).map(
  ({ who, year, sex, nationality, swap }): Part => ({
    person: {
      names: [swap ? `${who.given} ${who.family}` : `${who.family}, ${who.given}`],
      ...(year ? { birthDate: who.birthDate.slice(0, 4) } : {}),
      ...(sex ? { sex: who.sex } : {}),
      ...(nationality ? { nationality: who.nationality } : {}),
    },
  }),
);
const mrz = fc.record({ who: fc.constantFrom(...PEOPLE), doc: fc.constantFrom(...DOCUMENTS), expiry: fc.constantFrom('2012-04-15', '2030-01-01') }).map(({ who, doc, expiry }): Part => {
  const { lines } = generateMrz({ format: 'TD3', documentCode: 'P', issuingState: doc[0], documentNumber: doc[1], surname: who.family, givenNames: who.given, nationality: who.nationality, birthDate: who.birthDate, sex: who.sex, expiryDate: expiry });
  return { mrz: lines.join('\n') };
});
const document = fc.record({ doc: fc.constantFrom(...DOCUMENTS), state: fc.boolean() }).map(({ doc, state }): Part => ({ document: { number: doc[1], ...(state ? { issuingState: doc[0] } : {}) } }));
const vehicle = fc.record({ v: fc.constantFrom(...VEHICLES), plateOnly: fc.boolean() }).map(({ v, plateOnly }): Part => ({ vehicle: plateOnly ? { plate: v.plate, plateCountry: v.plateCountry } : { vin: v.vin } }));

/** One query holding the parts (a query has one person, one MRZ and one vehicle at most: the last wins). */
function queryOf(parts: Part[]): ScreenQueryInput {
  const q: ScreenQueryInput = { limit: 100 };
  for (const p of parts) {
    if ('person' in p) q.person = p.person;
    if ('mrz' in p) q.mrz = p.mrz;
    if ('vehicle' in p) q.vehicle = p.vehicle;
    if ('document' in p) q.documents = [...(q.documents ?? []), p.document];
  }
  return q;
}

describe.each(ENGINES)('screening every probe on %s', (engine) => {
  let t: TestContext;
  let index: ScreeningIndex;
  beforeAll(async () => {
    t = await openTestDeps(engine);
    for (const p of PEOPLE) {
      await createAlert(t.deps, as('FRA'), { kind: 'person', category: 'missing', person: { names: [{ family: p.family, given: p.given }], birthDate: p.birthDate, sex: p.sex, nationalities: [p.nationality] }, visibility: { mode: 'all' } });
    }
    for (const [state, number] of DOCUMENTS.slice(0, 3)) await createAlert(t.deps, as(state), { kind: 'document', document: { issuingState: state, type: 'passport', number, status: 'stolen-issued' }, visibility: { mode: 'all' } });
    await createAlert(t.deps, as('ITA'), { kind: 'vehicle', vehicle: VEHICLES[0], visibility: { mode: 'all' } });
    index = await (await t.deps.screeningIndex()).fresh();
  }, 60_000);
  afterAll(async () => t?.close());

  const hitsOf = (parts: Part[]) => {
    const query = screenQuerySchema.parse(queryOf(parts));
    return new Set(search(index, query, { reader: { member: 'POL', role: 'bureau' }, today: '2026-12-06' }).filter((h) => h.score >= DEFAULT_THRESHOLD).map((h) => h.alertId));
  };

  it('never loses a hit that one probe alone finds when the other probes are added', () => {
    const part = fc.oneof(person, mrz, document, vehicle);
    fc.assert(
      fc.property(part, fc.array(part, { maxLength: 4 }), (alone, others) => {
        const single = hitsOf([alone]);
        // The probe is placed last, so it is the query's person, MRZ or vehicle as given.
        const together = hitsOf([...others, alone]);
        for (const id of single) expect(together.has(id), `${JSON.stringify(queryOf([...others, alone]))} lost ${id}`).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('finds the MRZ holder although another person is typed (the case that let a wanted person pass)', () => {
    const eriksson = PEOPLE[0];
    const { lines } = generateMrz({ format: 'TD3', documentCode: 'P', issuingState: 'SWE', documentNumber: 'AA0000001', surname: eriksson.family, givenNames: eriksson.given, nationality: 'SWE', birthDate: eriksson.birthDate, sex: 'F', expiryDate: '2030-01-01' });
    const holder = hitsOf([{ mrz: lines.join('\n') }]);
    expect(holder.size).toBe(1);
    const both = hitsOf([{ mrz: lines.join('\n') }, { person: { names: ['Muammar Gaddafi'], birthDate: '1942' } }]);
    expect(both.size).toBe(2);
    for (const id of holder) expect(both.has(id)).toBe(true);
  });
});
