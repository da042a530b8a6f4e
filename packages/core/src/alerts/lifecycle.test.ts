import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors/domain-error.js';
import type { Alert, AlertInput, AlertPatch } from './alert-schemas.js';
import { applyPatch, inputOf, needsReview, requireActive } from './lifecycle.js';
import { isPastEndDate as isDue } from './lifecycle-dates.js';

const PERSON: AlertInput = {
  kind: 'person',
  category: 'arrest',
  person: {
    names: [{ family: 'ERIKSSON', given: 'ANNA MARIA' }, { full: 'Анна Мария Эрикссон' }],
    birthDate: '1974-08-12',
    sex: 'F',
    nationalities: ['SWE'],
  },
  visibility: { mode: 'all' },
  caseReference: 'SE-2024-0042',
  remarks: 'seen in Malmö',
  expiresAt: '2030-12-31',
};

const DOCUMENT: AlertInput = {
  kind: 'document',
  document: { issuingState: 'FRA', type: 'passport', number: '12AB34567', status: 'stolen-issued' },
  visibility: { mode: 'all-except', members: ['ITA'] },
};

const VEHICLE: AlertInput = {
  kind: 'vehicle',
  vehicle: { vin: '1M8GDM9AXKP042788', plate: 'AB-123-CD', plateCountry: 'FRA' },
  visibility: { mode: 'only', members: ['DEU', 'ITA'] },
};

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('nothing was thrown');
}

describe('applyPatch', () => {
  it('replaces a top-level key and keeps the others', () => {
    const result = applyPatch(PERSON, { remarks: 'seen in Lund' });
    expect(result).toEqual({ ...PERSON, remarks: 'seen in Lund' });
  });

  it('replaces a whole section rather than merging inside it', () => {
    const result = applyPatch(PERSON, { person: { names: [{ family: 'ERIKSSON' }] } });
    if (result.kind !== 'person') throw new Error('expected a person alert');
    expect(result.person).toEqual({ names: [{ family: 'ERIKSSON' }] });
    expect(result.person.birthDate).toBeUndefined();
  });

  it('replaces the visibility', () => {
    const result = applyPatch(DOCUMENT, { visibility: { mode: 'only', members: ['DEU'] } });
    expect(result.visibility).toEqual({ mode: 'only', members: ['DEU'] });
    expect(result).toEqual({ ...DOCUMENT, visibility: { mode: 'only', members: ['DEU'] } });
  });

  it('removes optional keys set to null', () => {
    const result = applyPatch(PERSON, { caseReference: null, expiresAt: null });
    expect('caseReference' in result).toBe(false);
    expect('expiresAt' in result).toBe(false);
    expect(result.remarks).toBe('seen in Malmö');
  });

  it('adds a key the alert did not have', () => {
    const result = applyPatch(DOCUMENT, { caseReference: 'FR-99', expiresAt: '2031-01-01' });
    expect(result.caseReference).toBe('FR-99');
    expect(result.expiresAt).toBe('2031-01-01');
  });

  it('changes the category of a person alert', () => {
    expect(applyPatch(PERSON, { category: 'missing' })).toMatchObject({ kind: 'person', category: 'missing' });
  });

  it('does not change the alert it was given', () => {
    const before = structuredClone(PERSON);
    applyPatch(PERSON, { remarks: null, category: 'locate' });
    expect(PERSON).toEqual(before);
  });

  it('refuses a document section on a person alert', () => {
    const error = thrown(() => applyPatch(PERSON, { document: { issuingState: 'FRA', type: 'passport', number: '1', status: 'lost' } }));
    expect(error.kind).toBe('validation');
    expect(error.field).toBe('document');
  });

  it('refuses a vehicle section on a document alert', () => {
    const error = thrown(() => applyPatch(DOCUMENT, { vehicle: { plate: 'X1', plateCountry: 'FRA' } }));
    expect(error.kind).toBe('validation');
    expect(error.field).toBe('vehicle');
  });

  it('refuses a person section on a vehicle alert', () => {
    const error = thrown(() => applyPatch(VEHICLE, { person: { names: [{ family: 'X' }] } }));
    expect(error.field).toBe('person');
  });

  it('refuses a category on a document alert', () => {
    const error = thrown(() => applyPatch(DOCUMENT, { category: 'arrest' }));
    expect(error.kind).toBe('validation');
    expect(error.field).toBe('category');
  });

  it('refuses a category on a vehicle alert', () => {
    expect(thrown(() => applyPatch(VEHICLE, { category: 'arrest' })).field).toBe('category');
  });

  it('re-validates the result: an invalid new section is refused with its field path', () => {
    const error = thrown(() => applyPatch(PERSON, { person: { names: [] } }));
    expect(error.kind).toBe('validation');
    expect(error.field).toBe('person.names');
  });

  it('re-validates the result: an all-except visibility with nobody excluded is refused', () => {
    const error = thrown(() => applyPatch(DOCUMENT, { visibility: { mode: 'all-except', members: [] } }));
    expect(error.field).toBe('visibility.members');
  });

  it('re-validates the result: a plate without its country is refused', () => {
    const error = thrown(() => applyPatch(VEHICLE, { vehicle: { plate: 'ZZ-999' } }));
    expect(error.field).toBe('vehicle.plateCountry');
  });

  it('re-validates the result: removing a required key is refused', () => {
    // The patch schema would refuse this; applyPatch must not rely on that.
    const patch = { visibility: null } as unknown as AlertPatch;
    const error = thrown(() => applyPatch(PERSON, patch));
    expect(error.field).toBe('visibility');
  });

  it('re-validates the result: an impossible expiry date is refused', () => {
    expect(thrown(() => applyPatch(DOCUMENT, { expiresAt: '2031-02-30' })).field).toBe('expiresAt');
  });

  it('normalises the patched alert as creation would', () => {
    const result = applyPatch(PERSON, { person: { names: [{ family: ' ERIKSSON ' }], nationalities: ['swe'] } });
    if (result.kind !== 'person') throw new Error('expected a person alert');
    expect(result.person.names[0]?.family).toBe('ERIKSSON');
    expect(result.person.nationalities).toEqual(['SWE']);
  });

  it('setting then removing an optional text gives back the alert without it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('caseReference', 'action', 'remarks'),
        fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim() !== ''),
        (key, value) => {
          const set = applyPatch(DOCUMENT, { [key]: value });
          expect(set[key]).toBe(value.trim());
          const removed = applyPatch(set, { [key]: null });
          expect(removed).toEqual(DOCUMENT);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('requireActive', () => {
  it('lets an active alert change', () => {
    expect(() => requireActive('active')).not.toThrow();
  });

  it.each(['cancelled', 'expired'] as const)('refuses to change a %s alert with a conflict', (status) => {
    const error = thrown(() => requireActive(status));
    expect(error.kind).toBe('conflict');
    expect(error.code).toBe('alert.not-active');
    expect(error.message).toContain(status);
  });
});

describe('isPastEndDate', () => {
  it('never expires an alert without an expiry date', () => {
    expect(isDue(null, '2999-12-31')).toBe(false);
  });

  it('keeps an alert active through its expiry day', () => {
    expect(isDue('2030-06-15', '2030-06-14')).toBe(false);
    expect(isDue('2030-06-15', '2030-06-15')).toBe(false);
  });

  it('expires an alert the day after its expiry date', () => {
    expect(isDue('2030-06-15', '2030-06-16')).toBe(true);
    expect(isDue('2030-12-31', '2031-01-01')).toBe(true);
  });
});

describe('inputOf', () => {
  it('strips the server-managed fields and keeps the body', () => {
    const alert: Alert = {
      ...DOCUMENT,
      id: 'a-1',
      owner: 'FRA',
      status: 'cancelled',
      version: 3,
      createdAt: '2024-01-01T00:00:00Z',
      updatedAt: '2024-01-02T00:00:00Z',
      statusReason: 'found',
    };
    expect(inputOf(alert)).toEqual(DOCUMENT);
  });
});

describe('needsReview', () => {
  it('reviews person alerts that can lead to coercive action, nothing else', () => {
    for (const category of ['arrest', 'locate', 'warning', 'threat', 'terrorist-fighter'] as const) expect(needsReview({ ...PERSON, category } as AlertInput), category).toBe(true);
    for (const category of ['missing', 'unidentified-body', 'discreet-check', 'un-sanctions', 'modus-operandi'] as const) expect(needsReview({ ...PERSON, category } as AlertInput), category).toBe(false);
    expect(needsReview({ kind: 'vehicle', vehicle: { vin: 'WVWZZZ1JZXW000001' }, visibility: { mode: 'all' } })).toBe(false);
  });

  it('refuses an offence on a document alert', () => {
    const doc: AlertInput = { kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: 'X1', status: 'lost' }, visibility: { mode: 'all' } };
    expect(() => applyPatch(doc, { offence: { description: 'theft' } })).toThrow(DomainError);
  });
});
