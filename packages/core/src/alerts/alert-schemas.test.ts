import { describe, it, expect } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { parseInput } from '../validation/parse-input.js';
import { alertInputSchema, alertPatchSchema, cancelInputSchema, personNameSchema } from './alert-schemas.js';

const DOCUMENT_EXAMPLE = {
  kind: 'document',
  document: { issuingState: 'FRA', type: 'passport', number: '12AB34567', status: 'stolen-issued' },
  visibility: { mode: 'all-except', members: ['ITA'] },
};
const PERSON_EXAMPLE = {
  kind: 'person',
  category: 'arrest',
  person: {
    names: [{ family: 'ERIKSSON', given: 'ANNA MARIA' }, { full: 'Анна Мария Эрикссон' }],
    birthDate: '1974-08-12',
    sex: 'F',
    nationalities: ['SWE'],
  },
  visibility: { mode: 'all' },
};
const VEHICLE_EXAMPLE = {
  kind: 'vehicle',
  vehicle: { vin: '1M8GDM9AXKP042788', plate: 'AB-123-CD', plateCountry: 'FRA' },
  visibility: { mode: 'only', members: ['DEU', 'ITA'] },
};

type Json = Record<string, unknown>;

/** Walks to the container of the last path segment (arrays are indexed by number strings). */
function containerOf(root: Json, path: string): [Json, string] {
  const keys = path.split('.');
  const last = keys.pop();
  if (last === undefined) throw new Error('empty path');
  let node: unknown = root;
  for (const key of keys) {
    if (typeof node !== 'object' || node === null) throw new Error(`no ${key} in ${path}`);
    node = (node as Json)[key];
  }
  if (typeof node !== 'object' || node === null) throw new Error(`no container for ${path}`);
  return [node as Json, last];
}

/** A deep copy of the example with one field set (or several, in order). */
function withField(example: object, ...changes: [string, unknown][]): Json {
  const copy = structuredClone(example) as Json;
  for (const [path, value] of changes) {
    const [container, key] = containerOf(copy, path);
    container[key] = value;
  }
  return copy;
}

/** A deep copy of the example with fields removed. */
function without(example: object, ...paths: string[]): Json {
  const copy = structuredClone(example) as Json;
  for (const path of paths) {
    const [container, key] = containerOf(copy, path);
    delete container[key];
  }
  return copy;
}

function rejection(input: unknown): DomainError {
  try {
    parseInput(alertInputSchema, input);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('the input was accepted');
}

describe('alert input schema: contract examples', () => {
  it.each([
    ['document', DOCUMENT_EXAMPLE],
    ['person', PERSON_EXAMPLE],
    ['vehicle', VEHICLE_EXAMPLE],
  ])('accepts the %s example unchanged', (_kind, example) => {
    expect(parseInput(alertInputSchema, example)).toEqual(example);
  });

  it('keeps a name in its original script', () => {
    const parsed = parseInput(alertInputSchema, PERSON_EXAMPLE);
    if (parsed.kind !== 'person') throw new Error('expected a person alert');
    expect(parsed.person.names[1]?.full).toBe('Анна Мария Эрикссон');
  });
});

describe('alert input schema: rejections name the offending field', () => {
  it.each<[string, unknown, string]>([
    ['an unknown kind', withField(DOCUMENT_EXAMPLE, ['kind', 'boat']), 'kind'],
    ['a missing kind', without(DOCUMENT_EXAMPLE, 'kind'), 'kind'],
    ['a person without category', without(PERSON_EXAMPLE, 'category'), 'category'],
    ['an unknown category', withField(PERSON_EXAMPLE, ['category', 'wanted']), 'category'],
    ['a person without names', withField(PERSON_EXAMPLE, ['person.names', []]), 'person.names'],
    ['a name with no parts', withField(PERSON_EXAMPLE, ['person.names', [{ type: 'alias' }]]), 'person.names.0'],
    ['a blank family name', withField(PERSON_EXAMPLE, ['person.names.0.family', '   ']), 'person.names.0.family'],
    ['an impossible birth date', withField(PERSON_EXAMPLE, ['person.birthDate', '1974-02-30']), 'person.birthDate'],
    ['a two-digit birth year', withField(PERSON_EXAMPLE, ['person.birthDate', '74']), 'person.birthDate'],
    ['an unknown sex', withField(PERSON_EXAMPLE, ['person.sex', 'female']), 'person.sex'],
    ['a two-letter nationality', withField(PERSON_EXAMPLE, ['person.nationalities', ['SWE', 'SE']]), 'person.nationalities.1'],
    ['an unknown warning flag', withField(PERSON_EXAMPLE, ['person.warnings', ['grumpy']]), 'person.warnings.0'],
    ['a height in metres', withField(PERSON_EXAMPLE, ['person.description', { heightCm: 1.8 }]), 'person.description.heightCm'],
    ['a person without a person section', without(PERSON_EXAMPLE, 'person'), 'person'],
    ['an unknown document status', withField(DOCUMENT_EXAMPLE, ['document.status', 'found']), 'document.status'],
    ['an unknown document type', withField(DOCUMENT_EXAMPLE, ['document.type', 'library-card']), 'document.type'],
    ['a blank document number', withField(DOCUMENT_EXAMPLE, ['document.number', '  ']), 'document.number'],
    ['a document number over 40 characters', withField(DOCUMENT_EXAMPLE, ['document.number', 'X'.repeat(41)]), 'document.number'],
    ['a four-letter issuing state', withField(DOCUMENT_EXAMPLE, ['document.issuingState', 'FRAN']), 'document.issuingState'],
    ['a partial-date event date that does not exist', withField(DOCUMENT_EXAMPLE, ['document.eventDate', '2020-13']), 'document.eventDate'],
    ['a plate without its country', without(VEHICLE_EXAMPLE, 'vehicle.plateCountry'), 'vehicle.plateCountry'],
    ['a vehicle with neither vin nor plate', withField(VEHICLE_EXAMPLE, ['vehicle', { make: 'Renault' }]), 'vehicle'],
    ['an 18-character vin', withField(VEHICLE_EXAMPLE, ['vehicle.vin', '1M8GDM9AXKP0427889']), 'vehicle.vin'],
    ['a vin with punctuation', withField(VEHICLE_EXAMPLE, ['vehicle.vin', '1M8GD-M9AXK']), 'vehicle.vin'],
    ['a vehicle year before cars', withField(VEHICLE_EXAMPLE, ['vehicle.year', 1800]), 'vehicle.year'],
    ['a missing visibility', without(VEHICLE_EXAMPLE, 'visibility'), 'visibility'],
    ['an unknown visibility mode', withField(PERSON_EXAMPLE, ['visibility', { mode: 'some' }]), 'visibility.mode'],
    ['an all-except that excludes nobody', withField(DOCUMENT_EXAMPLE, ['visibility.members', []]), 'visibility.members'],
    ['a lower-case member code', withField(VEHICLE_EXAMPLE, ['visibility.members', ['DEU', 'ita']]), 'visibility.members.1'],
    ['an expiry date without a day', withField(DOCUMENT_EXAMPLE, ['expiresAt', '2030-01']), 'expiresAt'],
    ['a case reference over 100 characters', withField(DOCUMENT_EXAMPLE, ['caseReference', 'R'.repeat(101)]), 'caseReference'],
  ])('refuses %s', (_what, input, field) => {
    const error = rejection(input);
    expect(error.kind).toBe('validation');
    expect(error.code).toBe('validation.invalid');
    expect(error.problems[0]?.field).toBe(field);
    expect(error.field).toBe(field);
    // A missing field is named as missing ("visibility is required"); any other problem follows its field.
    expect(error.message === `${field} is required` || error.message.startsWith(`${field}: `), error.message).toBe(true);
  });

  it('refuses a category on a document alert, naming the unknown key', () => {
    const error = rejection(withField(DOCUMENT_EXAMPLE, ['category', 'arrest']));
    expect(error.problems[0]).toEqual({ field: 'category', message: 'unknown field' });
  });

  it('refuses a document section on a person alert, naming the unknown key', () => {
    const error = rejection(withField(PERSON_EXAMPLE, ['document', DOCUMENT_EXAMPLE.document]));
    expect(error.problems[0]?.field).toBe('document');
  });

  it('refuses an unknown field inside the person section', () => {
    const error = rejection(withField(PERSON_EXAMPLE, ['person.shoeSize', 42]));
    expect(error.problems[0]?.field).toBe('person.shoeSize');
  });

  it('lists every bad field, not only the first', () => {
    const error = rejection(
      withField(PERSON_EXAMPLE, ['person.birthDate', '1974-13'], ['person.sex', 'Q']),
    );
    expect(error.problems.map((p) => p.field).sort()).toEqual(['person.birthDate', 'person.sex']);
  });

  it('refuses a body that is not an object', () => {
    expect(rejection('alert').problems[0]?.field).toBe('(body)');
    expect(rejection(null).problems[0]?.field).toBe('(body)');
  });
});

describe('alert input schema: normalisation', () => {
  it('upper-cases and trims country codes and vins', () => {
    const parsed = parseInput(
      alertInputSchema,
      withField(VEHICLE_EXAMPLE, ['vehicle.vin', ' 1m8gdm9axkp042788 '], ['vehicle.plateCountry', 'fra']),
    );
    if (parsed.kind !== 'vehicle') throw new Error('expected a vehicle alert');
    expect(parsed.vehicle.vin).toBe('1M8GDM9AXKP042788');
    expect(parsed.vehicle.plateCountry).toBe('FRA');
  });

  it('trims names', () => {
    const parsed = parseInput(alertInputSchema, withField(PERSON_EXAMPLE, ['person.names.0.family', '  ERIKSSON ']));
    if (parsed.kind !== 'person') throw new Error('expected a person alert');
    expect(parsed.person.names[0]?.family).toBe('ERIKSSON');
  });

  it('accepts one-letter ICAO state codes such as D for Germany', () => {
    const parsed = parseInput(alertInputSchema, withField(DOCUMENT_EXAMPLE, ['document.issuingState', 'd']));
    if (parsed.kind !== 'document') throw new Error('expected a document alert');
    expect(parsed.document.issuingState).toBe('D');
  });

  it('accepts a vehicle known only by its plate', () => {
    expect(() => parseInput(alertInputSchema, without(VEHICLE_EXAMPLE, 'vehicle.vin'))).not.toThrow();
  });

  it('accepts a vehicle known only by its vin', () => {
    expect(() => parseInput(alertInputSchema, without(VEHICLE_EXAMPLE, 'vehicle.plate', 'vehicle.plateCountry'))).not.toThrow();
  });
});

describe('personNameSchema', () => {
  it('accepts a name given only in full', () => {
    expect(personNameSchema.safeParse({ full: 'محمد' }).success).toBe(true);
  });

  it('refuses a script code that is not ISO 15924', () => {
    expect(personNameSchema.safeParse({ full: 'Анна', script: 'Cyrl' }).success).toBe(true);
    expect(personNameSchema.safeParse({ full: 'Анна', script: 'cyrillic' }).success).toBe(false);
  });
});

describe('alertPatchSchema', () => {
  it('refuses an empty patch', () => {
    expect(alertPatchSchema.safeParse({}).success).toBe(false);
  });

  it('allows null to remove an optional field', () => {
    expect(alertPatchSchema.safeParse({ caseReference: null, remarks: null, expiresAt: null }).success).toBe(true);
  });

  it('does not allow null on required fields', () => {
    expect(alertPatchSchema.safeParse({ visibility: null }).success).toBe(false);
  });

  it('refuses a change of kind', () => {
    expect(alertPatchSchema.safeParse({ kind: 'vehicle' }).success).toBe(false);
  });
});

describe('cancelInputSchema', () => {
  it('requires a non-blank reason', () => {
    expect(cancelInputSchema.safeParse({ reason: 'found' }).success).toBe(true);
    expect(cancelInputSchema.safeParse({ reason: '  ' }).success).toBe(false);
    expect(cancelInputSchema.safeParse({}).success).toBe(false);
  });
});

describe('offence, refugeeFrom and hiddenFromFrontline', () => {
  const fails = (body: unknown) => {
    try {
      parseInput(alertInputSchema, body);
      return null;
    } catch (e) {
      if (e instanceof DomainError) return e.field;
      throw e;
    }
  };

  it('accepts an offence, refugee states and the frontline switch on a person alert', () => {
    const alert = parseInput(alertInputSchema, {
      ...PERSON_EXAMPLE,
      person: { ...PERSON_EXAMPLE.person, refugeeFrom: ['tur'] },
      offence: { description: 'Armed robbery', maxSentenceYears: 15, lawReference: 'StGB § 250' },
      hiddenFromFrontline: true,
    });
    expect(alert).toMatchObject({ offence: { maxSentenceYears: 15 }, person: { refugeeFrom: ['TUR'] }, hiddenFromFrontline: true });
  });

  it('refuses an empty offence, a sentence out of range and an offence on a document', () => {
    expect(fails({ ...PERSON_EXAMPLE, offence: { description: '' } })).toBe('offence.description');
    expect(fails({ ...PERSON_EXAMPLE, offence: { description: 'x', maxSentenceYears: 201 } })).toBe('offence.maxSentenceYears');
    expect(fails({ ...PERSON_EXAMPLE, offence: { description: 'x'.repeat(2001) } })).toBe('offence.description');
    expect(fails({ ...DOCUMENT_EXAMPLE, offence: { description: 'theft' } })).not.toBeNull();
    expect(fails({ ...PERSON_EXAMPLE, person: { ...PERSON_EXAMPLE.person, refugeeFrom: ['Turkey'] } })).toBe('person.refugeeFrom.0');
  });

  it('lets a patch set and remove them', () => {
    expect(parseInput(alertPatchSchema, { hiddenFromFrontline: true, offence: null })).toEqual({ hiddenFromFrontline: true, offence: null });
  });
});
