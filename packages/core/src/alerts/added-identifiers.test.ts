import { describe, expect, it } from 'vitest';
import type { AlertInput } from './alert-schemas.js';
import { addsIdentifiers } from './added-identifiers.js';

const person = (over: Record<string, unknown> = {}) =>
  ({ kind: 'person', category: 'missing', person: { names: [{ family: 'LEBRUN', given: 'PAUL' }], birthDate: '1965-01-02', ...over }, visibility: { mode: 'all' } }) as unknown as AlertInput;
const vehicle = (v: Record<string, unknown>) => ({ kind: 'vehicle', vehicle: { make: 'VW', ...v }, visibility: { mode: 'all' } }) as unknown as AlertInput;
const document = (number: string) => ({ kind: 'document', document: { issuingState: 'FRA', type: 'passport', number, status: 'stolen-issued' }, visibility: { mode: 'all' } }) as unknown as AlertInput;
const asset = (iban: string) => ({ kind: 'asset', asset: { type: 'bank-account', iban }, visibility: { mode: 'all' } }) as unknown as AlertInput;

describe('addsIdentifiers (what makes a patch worth screening against past screenings)', () => {
  it.each([
    ['an alias', person(), person({ names: [{ family: 'LEBRUN', given: 'PAUL' }, { family: 'KOWALCZYK', given: 'PIOTR', type: 'alias' }] }), true],
    ['a name in its own script', person(), person({ names: [{ family: 'LEBRUN', given: 'PAUL' }, { full: 'Поль Лебрен', script: 'Cyrl' }] }), true],
    ['a document to a person', person(), person({ documents: [{ issuingState: 'FRA', type: 'passport', number: '12AB34567' }] }), true],
    ['a wallet address', person(), person({ walletAddresses: [{ address: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' }] }), true],
    ['a plate to a vehicle', vehicle({ vin: 'WVWZZZ1JZXW000001' }), vehicle({ vin: 'WVWZZZ1JZXW000001', plate: 'AB123CD', plateCountry: 'FRA' }), true],
    ['a corrected document number', document('12AB34567'), document('12AB34568'), true],
    ['a changed record of a kind added later', asset('DE89370400440532013000'), asset('FR1420041010050500013M02606'), true],
    ['nothing: a new birth date', person(), person({ birthDate: '1965-01-03' }), false],
    ['nothing: a name removed', person({ names: [{ family: 'LEBRUN', given: 'PAUL' }, { family: 'X', given: 'Y' }] }), person(), false],
    ['nothing: case and spacing', person(), person({ names: [{ family: 'Lebrun ', given: 'paul' }] }), false],
    ['nothing: a name marked as an alias', person(), person({ names: [{ family: 'LEBRUN', given: 'PAUL', type: 'alias' }] }), false],
    ['nothing: a document number regrouped', document('12AB34567'), document('12AB 34567'), false],
  ])('%s', (_what, before, after, expected) => {
    expect(addsIdentifiers(before, after)).toBe(expected);
  });
});
