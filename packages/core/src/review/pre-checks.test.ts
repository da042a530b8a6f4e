import { describe, expect, it } from 'vitest';
import type { AlertInput } from '../alerts/alert-schemas.js';
import { preChecks } from './pre-checks.js';

const person = (extra: Partial<Extract<AlertInput, { kind: 'person' }>> = {}, personExtra: Record<string, unknown> = {}): AlertInput => ({
  kind: 'person',
  category: 'arrest',
  person: { names: [{ family: 'DOE' }], ...personExtra },
  visibility: { mode: 'all' },
  ...extra,
});
const offence = (description: string, maxSentenceYears?: number) => person({ offence: { description, ...(maxSentenceYears !== undefined ? { maxSentenceYears } : {}) } });
const codes = (input: AlertInput, owner = 'FRA') => preChecks(input, owner).map((f) => `${f.code}:${f.word ?? ''}`);

describe('preChecks', () => {
  it('flags political, military, religious and racial offences in English, French and Spanish', () => {
    expect(codes(offence('Membership of a political party banned in 2020'))).toEqual(['political:political']);
    expect(codes(offence('Délit de désertion en temps de paix'))).toEqual(['military:desertion']);
    expect(codes(offence('Blasfemia en la plaza pública'))).toEqual(['religious:blasfemia']);
    expect(codes(offence('Incitement to ethnic hatred'))).toEqual(['racial:ethnic']);
    expect(codes(offence('Crime de LÈSE-MAJESTÉ'))).toEqual(['political:lese majeste']);
  });

  it('flags offences the rules exclude: norms, family and private matters', () => {
    expect(codes(offence('Adultère'))).toEqual(['excluded-offence:adultere']);
    expect(codes(offence('Unpaid debt to a business partner'))).toEqual(['excluded-offence:unpaid debt', 'excluded-offence:debt']);
    expect(codes(offence('Disputa familiar por una herencia'))).toEqual(['excluded-offence:disputa familiar']);
  });

  it('reads the remarks and the arrest charge as well as the offence', () => {
    expect(codes(person({ remarks: 'Wanted for sedition' }))).toEqual(['political:sedition']);
    expect(codes(person({}, { arrest: { charge: 'Mutinerie à bord' } }))).toEqual(['military:mutinerie']);
  });

  it('does not flag words that merely contain a keyword', () => {
    expect(codes(offence('Murder of a politician'))).toEqual([]);
    expect(codes(offence('Paramilitary-style armed robbery'))).toEqual([]);
    expect(codes(offence('Fraud against a debtor, racketeering'))).toEqual([]);
    expect(codes(offence('Armed robbery at a racecourse'))).toEqual([]);
    expect(codes(offence('Homicidio agravado'))).toEqual([]);
  });

  it('flags a maximum sentence under two years, but not an unknown one', () => {
    expect(codes(offence('Theft', 1))).toEqual(['sentence-below-minimum:']);
    expect(codes(offence('Theft', 1.5))).toEqual(['sentence-below-minimum:']);
    expect(codes(offence('Theft', 2))).toEqual([]);
    expect(codes(offence('Theft'))).toEqual([]);
  });

  it('flags a person recorded as a refugee from the requesting member only', () => {
    const refugee = person({}, { refugeeFrom: ['FRA'] });
    expect(codes(refugee, 'FRA')).toEqual(['refugee-from-requester:']);
    expect(codes(refugee, 'DEU')).toEqual([]);
  });

  it('names the word found in its message', () => {
    expect(preChecks(offence('Apostasy'), 'FRA')[0]).toMatchObject({ code: 'religious', word: 'apostasy', message: expect.stringContaining('"apostasy"') });
  });

  it('checks documents and vehicles by their remarks only', () => {
    const doc: AlertInput = { kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: 'X1', status: 'lost' }, visibility: { mode: 'all' }, remarks: 'private dispute' };
    expect(codes(doc)).toEqual(['excluded-offence:private dispute']);
  });
});
