import { describe, expect, it } from 'vitest';
import { alertSubject, subjectLabel, type AlertSubject } from './alert-subject.js';
import type { AlertInput } from './alert-schemas.js';

const visibility = { mode: 'all' } as const;

describe('an alert subject', () => {
  it('names a person by the primary name as written, a document and a vehicle by what tells them apart', () => {
    const person = {
      kind: 'person',
      category: 'arrest',
      person: { names: [{ type: 'alias', family: 'ALIAS', given: 'AL' }, { family: 'ERIKSSON', given: 'ANNA', full: 'Анна Эрикссон', script: 'Cyrl' }], birthDate: '1974-08-12' },
      visibility,
    } as unknown as AlertInput;
    expect(alertSubject(person)).toEqual({ kind: 'person', category: 'arrest', name: { family: 'ERIKSSON', given: 'ANNA', full: 'Анна Эрикссон', script: 'Cyrl' }, birthDate: '1974-08-12' });
    const document = { kind: 'document', document: { issuingState: 'DEU', type: 'passport', number: 'C01X00T47', status: 'stolen-blank' }, visibility } as unknown as AlertInput;
    expect(alertSubject(document)).toEqual({ kind: 'document', documentType: 'passport', number: 'C01X00T47', issuingState: 'DEU', status: 'stolen-blank' });
  });

  it.each<[AlertSubject, string]>([
    [{ kind: 'person', category: 'missing', name: { family: 'MEYER', given: 'PAUL' }, birthDate: '1990-02-03' }, 'MEYER, PAUL (1990)'],
    [{ kind: 'person', category: 'missing', name: { full: 'Сергей Иванов', family: 'IVANOV' } }, 'Сергей Иванов'],
    [{ kind: 'person', category: 'missing', name: { family: 'MEYER' }, birthDate: '1990' }, 'MEYER (1990)'],
    [{ kind: 'document', documentType: 'passport', number: 'C01X00T47', issuingState: 'DEU', status: 'lost' }, 'DEU C01X00T47'],
    [{ kind: 'vehicle', plate: 'AB-123-CD', plateCountry: 'FRA', vin: 'VF1AB000123456789', make: 'Renault', model: 'Clio' }, 'AB-123-CD (FRA) · VF1AB000123456789 · Renault Clio'],
    [{ kind: 'vehicle', vin: 'VF1AB000123456789' }, 'VF1AB000123456789'],
  ])('labels %j as %s', (subject, label) => {
    expect(subjectLabel(subject)).toBe(label);
  });
});
