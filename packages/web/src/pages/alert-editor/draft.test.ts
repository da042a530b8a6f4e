import { alertInputSchema, type AlertInput } from '@crosscheck/core';
import { describe, expect, it } from 'vitest';
import { draftOf, emptyName, newDraft, patchBetween, storedInput, toInput, type Draft } from './draft.ts';

// A person alert with every field: the form edits all of them but a weak alias's mark and the
// source reference (an import's), which it keeps.
const PERSON: AlertInput = {
  kind: 'person',
  category: 'arrest',
  person: {
    names: [
      { family: 'PETROV', given: 'IVAN', full: 'Иван Петров', script: 'Cyrl', type: 'primary' },
      { family: 'PETROFF', type: 'alias', weak: true },
    ],
    sex: 'M',
    birthDate: '1980-04',
    birthDateUncertain: true,
    otherBirthDates: ['1981'],
    birthYearRange: { from: 1979, to: 1982 },
    birthPlace: 'Odesa',
    birthCountry: 'UKR',
    nationalities: ['UKR', 'RUS'],
    refugeeFrom: ['BLR'],
    documents: [{ type: 'passport', number: 'FA123456', issuingState: 'UKR' }],
    description: { heightCm: 182, weightKg: 80, eyes: 'brown', marks: 'scar on the left hand' },
    warnings: ['armed', 'violent'],
    arrest: { charge: 'armed robbery', maximumPenalty: '15 years', warrantReference: 'W-2024-17' },
  },
  offence: { description: 'armed robbery of a bank', maxSentenceYears: 15, lawReference: 'CC art. 187' },
  visibility: { mode: 'all-except', members: ['RUS'] },
  action: 'Arrest and inform the UKR bureau.',
  remarks: 'Travels by bus.',
  caseReference: 'UA-77',
  expiresAt: '2030-01-31',
  sourceRef: 'un-sc:6907995',
  hiddenFromFrontline: true,
};

const DOCUMENT: AlertInput = {
  kind: 'document',
  document: { issuingState: 'D', type: 'identity-card', number: 'L01X00T47', status: 'lost', eventDate: '2024-03-02', eventPlace: 'Berlin' },
  visibility: { mode: 'only', members: ['AUT', 'CHE'] },
};

const VEHICLE: AlertInput = {
  kind: 'vehicle',
  vehicle: { vin: 'WVWZZZ1JZXW000001', plate: 'B-XY 123', plateCountry: 'DEU', make: 'Volkswagen', colour: 'blue', year: 1999 },
  visibility: { mode: 'all' },
  remarks: 'Stolen at night.',
};

/** What the editor sends for a draft: its body, as the API's schema parses it. */
function parsed(d: Draft): AlertInput {
  return alertInputSchema.parse(toInput(d));
}

/** An alert as GET /api/v1/alerts/{id} answers: the body and what the server manages. */
const asStored = (input: AlertInput, extra: Record<string, unknown> = {}) => ({ ...input, id: '0190a1b2-0000-7000-8000-000000000001', owner: 'UKR', status: 'active', version: 3, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-02-01T00:00:00Z', reviewDate: '2026-01-01', ...extra });

describe('the alert editor’s draft', () => {
  it.each([
    ['person', PERSON],
    ['document', DOCUMENT],
    ['vehicle', VEHICLE],
  ])('turns a stored %s alert into a form and back without losing or changing anything', (_kind, input) => {
    const stored = storedInput(asStored(input, { flags: [{ member: 'FRA', reason: 'x', text: 'y', at: '2024-01-02T00:00:00Z' }], statusReason: 'r' }));
    expect(stored).toEqual(input);
    expect(parsed(draftOf(stored))).toEqual(input);
    expect(patchBetween(stored, parsed(draftOf(stored)))).toEqual({});
  });

  it('sends on edit only the top-level field that changed', () => {
    const d = draftOf(PERSON);
    expect(patchBetween(PERSON, parsed({ ...d, remarks: 'Travels by train.' }))).toEqual({ remarks: 'Travels by train.' });
    expect(patchBetween(PERSON, parsed({ ...d, category: 'locate' }))).toEqual({ category: 'locate' });
  });

  it('sends the whole person when one of its fields changed, keeping the fields the form does not show', () => {
    const d = draftOf(PERSON);
    const patch = patchBetween(PERSON, parsed({ ...d, person: { ...d.person, birthPlace: 'Kyiv' } }));
    expect(Object.keys(patch)).toEqual(['person']);
    expect(patch.person).toEqual({ ...(PERSON.kind === 'person' ? PERSON.person : {}), birthPlace: 'Kyiv' });
  });

  it('removes an optional field emptied in the form with null, as the merge patch takes it', () => {
    const d = draftOf(VEHICLE);
    expect(patchBetween(VEHICLE, parsed({ ...d, remarks: '' }))).toEqual({ remarks: null });
    expect(patchBetween(PERSON, parsed({ ...draftOf(PERSON), hiddenFromFrontline: false, action: '' }))).toEqual({ hiddenFromFrontline: null, action: null });
  });

  it('compares records regardless of key order, so a body stored in another order is no change', () => {
    const reordered = JSON.parse(JSON.stringify(DOCUMENT, ['visibility', 'members', 'mode', 'kind', 'document', 'status', 'number', 'type', 'issuingState', 'eventPlace', 'eventDate'])) as AlertInput;
    expect(patchBetween(DOCUMENT, reordered)).toEqual({});
  });

  it('turns a new person form into a body with only what was typed', () => {
    const d = newDraft('person');
    d.person.names = [{ ...emptyName(), family: 'DOE', given: 'JANE' }];
    d.person.nationalities = 'fra, BEL;ITA';
    d.person.heightCm = '170';
    d.person.charge = 'fraud';
    expect(toInput(d)).toEqual({
      kind: 'person',
      category: 'missing',
      person: { names: [{ family: 'DOE', given: 'JANE' }], nationalities: ['fra', 'BEL', 'ITA'], description: { heightCm: 170 }, arrest: { charge: 'fraud' } },
      visibility: { mode: 'all' },
    });
  });

  it('sends what cannot be right as typed, so the schema can name the field', () => {
    const d = newDraft('person');
    d.person.heightCm = 'tall';
    d.person.warrantReference = 'W-1';
    d.offence.maxSentenceYears = '3';
    const body = toInput(d) as { person: { description: unknown; arrest: unknown; names: unknown }; offence: unknown };
    expect(body.person.description).toEqual({ heightCm: 'tall' });
    // A warrant without a charge goes with an empty charge, which the schema names.
    expect(body.person.arrest).toEqual({ charge: '', warrantReference: 'W-1' });
    expect(body.offence).toEqual({ description: '', maxSentenceYears: 3 });
    // The empty name row stays, so the schema can point at it.
    expect(body.person.names).toEqual([{}]);
  });

  it('edits every field the alert holds: the warrant, the offence’s law, other birth dates, a year range, refugee status, weight', () => {
    const d = draftOf(PERSON);
    expect([d.person.law, d.person.maximumPenalty, d.person.warrantReference, d.offence.lawReference, d.person.otherBirthDates, d.person.birthYearFrom, d.person.birthYearTo, d.person.refugeeFrom, d.person.weightKg]).toEqual(['', '15 years', 'W-2024-17', 'CC art. 187', '1981', '1979', '1982', 'BLR', '80']);
    const edited = parsed({
      ...d,
      person: { ...d.person, law: 'CC art. 187 §2', maximumPenalty: '20 years', otherBirthDates: '1981, 1983-05', birthYearFrom: '1978', refugeeFrom: '', weightKg: '85' },
      offence: { ...d.offence, lawReference: 'CC art. 188' },
    });
    if (edited.kind !== 'person') throw new Error('a person alert');
    expect(edited.person.arrest).toEqual({ charge: 'armed robbery', law: 'CC art. 187 §2', maximumPenalty: '20 years', warrantReference: 'W-2024-17' });
    expect(edited.offence?.lawReference).toBe('CC art. 188');
    expect(edited.person.otherBirthDates).toEqual(['1981', '1983-05']);
    expect(edited.person.birthYearRange).toEqual({ from: 1978, to: 1982 });
    expect(edited.person.refugeeFrom).toBeUndefined();
    expect(edited.person.description?.weightKg).toBe(85);
  });

  it('sends a year range with one end missing, so the schema names it', () => {
    const d = newDraft('person');
    d.person.birthYearFrom = '1970';
    expect((toInput(d) as { person: { birthYearRange: unknown } }).person.birthYearRange).toEqual({ from: 1970, to: undefined });
  });
});
