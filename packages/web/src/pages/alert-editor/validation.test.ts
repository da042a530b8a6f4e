import { describe, expect, it } from 'vitest';
import { EN, type Dictionary } from '../../i18n/dictionary.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { dictionary as FR } from '../../i18n/languages/fr.ts';
import { emptyName, newDraft, toInput, type Draft } from './draft.ts';
import { checkAlert, checkCancel } from './validation.ts';

/** The app's translation over one dictionary: `{name}` replaced by the parameter. */
const translator =
  (dict: Dictionary): Translate =>
  (key, params) =>
    params ? dict[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : dict[key];
const t = translator(EN);

/** The errors the form shows for a draft, by field path. */
function errorsOf(d: Draft, tr: Translate = t): Record<string, string> {
  const checked = checkAlert(tr, toInput(d));
  if (checked.ok) throw new Error('expected the draft to be refused');
  return checked.errors;
}

function person(change: (d: Draft) => void): Draft {
  const d = newDraft('person');
  d.person.names = [{ ...emptyName(), family: 'DOE' }];
  change(d);
  return d;
}

describe('the alert editor’s check, field by field', () => {
  it('accepts a complete draft and gives the body the API takes', () => {
    const checked = checkAlert(t, toInput(person((d) => (d.person.birthDate = '1980-02-29'))));
    expect(checked).toEqual({ ok: true, value: { kind: 'person', category: 'missing', person: { names: [{ family: 'DOE' }], birthDate: '1980-02-29' }, visibility: { mode: 'all' } } });
  });

  it('names the empty name row, a date that does not exist and a badly written nationality', () => {
    const errors = errorsOf(
      person((d) => {
        d.person.names.push(emptyName());
        d.person.birthDate = '1981-02-29';
        d.person.nationalities = 'FRA, FR1';
      }),
    );
    expect(errors).toEqual({
      'person.names.1': EN['alertEditor.error.nameNeeded'],
      'person.birthDate': EN['problem.field.date.impossible'],
      'person.nationalities.1': EN['alertEditor.error.code3'],
    });
  });

  it('checks wallet addresses with the core rule, each failure in the reader’s language, and keeps a stored currency', () => {
    const bech32 = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4';
    const eth = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
    const draft = person((d) => (d.person.walletAddresses = [{ address: bech32.toUpperCase() }, { address: eth, currency: 'ETH' }]));
    expect(checkAlert(t, toInput(draft))).toMatchObject({ ok: true, value: { person: { walletAddresses: [{ address: bech32.toUpperCase() }, { address: eth, currency: 'ETH' }] } } });
    const typos = person((d) => (d.person.walletAddresses = [{ address: `${bech32.slice(0, -1)}5` }, { address: `${eth.slice(0, -1)}D` }, { address: 'bc1qw508D6qejxtdg4y5r3zarvary0c5xw7kv8f3t4' }]));
    expect(errorsOf(typos)).toEqual({
      'person.walletAddresses.0.address': EN['problem.field.wallet.bech32-checksum'],
      'person.walletAddresses.1.address': EN['problem.field.wallet.eth-checksum'],
      'person.walletAddresses.2.address': EN['problem.field.wallet.bech32-mixed-case'],
    });
    expect(errorsOf(typos, translator(FR))['person.walletAddresses.0.address']).toBe(FR['problem.field.wallet.bech32-checksum']);
  });

  it('tells an impossible date, a future birth date and a wrong format apart, with the rule of the API', () => {
    const said = ['1974-02-30', '2999-01-01', '30/01/1974'].map((birthDate) => errorsOf(person((d) => (d.person.birthDate = birthDate)))['person.birthDate']);
    expect(said).toEqual([EN['problem.field.date.impossible'], EN['problem.field.date.future'], EN['problem.field.date.format']]);
    expect(errorsOf(person((d) => (d.person.birthDate = '2999-01-01')), translator(FR))['person.birthDate']).toBe(FR['problem.field.date.future']);
  });

  it('asks for a whole number where a number is typed as words, and the charge of an arrest warrant', () => {
    const errors = errorsOf(
      person((d) => {
        d.person.heightCm = 'tall';
        d.person.warrantReference = 'W-1';
      }),
    );
    expect(errors['person.description.heightCm']).toBe(EN['alertEditor.error.number']);
    expect(errors['person.arrest.charge']).toBe(EN['alertEditor.error.required']);
  });

  it('gives the limits it checks: a too short height, too long remarks', () => {
    const errors = errorsOf(
      person((d) => {
        d.person.heightCm = '12';
        d.remarks = 'x'.repeat(4001);
      }),
    );
    expect(errors['person.description.heightCm']).toBe('Must be at least 30.');
    expect(errors.remarks).toBe('At most 4000 characters.');
  });

  it('asks a vehicle for a VIN or a plate, and a plate for its country', () => {
    expect(errorsOf(newDraft('vehicle'))).toEqual({ vehicle: EN['alertEditor.error.vehicleId'] });
    const d = newDraft('vehicle');
    d.vehicle.plate = 'AB-123-CD';
    expect(errorsOf(d)).toEqual({ 'vehicle.plateCountry': EN['alertEditor.error.plateCountry'] });
  });

  it('checks a document’s issuing state and number, and an end date written in full', () => {
    const d = newDraft('document');
    d.document.issuingState = 'FRANCE';
    d.expiresAt = '2030-02';
    expect(errorsOf(d)).toEqual({
      'document.issuingState': EN['alertEditor.error.state'],
      'document.number': EN['alertEditor.error.required'],
      expiresAt: EN['alertEditor.error.fullDate'],
    });
  });

  it('checks the members a visibility names', () => {
    const d = person((x) => (x.visibility = { mode: 'all-except', members: ['fr'] }));
    expect(errorsOf(d)).toEqual({ 'visibility.members.0': EN['alertEditor.error.code3'] });
  });

  it('speaks the user’s language', () => {
    const errors = errorsOf(newDraft('vehicle'), translator(FR));
    expect(errors.vehicle).toBe(FR['alertEditor.error.vehicleId']);
    expect(errors.vehicle).not.toBe(EN['alertEditor.error.vehicleId']);
  });

  it('asks a cancellation for its reason', () => {
    expect(checkCancel(t, '  ')).toEqual({ ok: false, errors: { reason: EN['alertEditor.error.required'] } });
    expect(checkCancel(t, ' Found. ')).toEqual({ ok: true, value: 'Found.' });
  });
});
