import { describe, expect, it } from 'vitest';
import { EN, type Dictionary } from '../../i18n/dictionary.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { dictionary as AR } from '../../i18n/languages/ar.ts';
import { draftOf, newDraft, patchBetween, storedInput, toInput, type Draft } from './draft.ts';
import { checkAlert } from './validation.ts';

const translator =
  (dict: Dictionary): Translate =>
  (key, params) =>
    params ? dict[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : dict[key];
const t = translator(EN);

function asset(change: (d: Draft) => void): Draft {
  const d = newDraft('asset');
  change(d);
  return d;
}
const errorsOf = (d: Draft, tr: Translate = t) => {
  const checked = checkAlert(tr, toInput(d));
  if (checked.ok) throw new Error('expected the draft to be refused');
  return checked.errors;
};

describe('the asset alert editor', () => {
  it('sends only the chosen type’s fields, lists one per line, and the persons', () => {
    const d = asset((x) => {
      x.asset.type = 'company';
      x.asset.text.name = 'ООО «Северный ветер»';
      x.asset.text.otherNames = 'Severny Veter LLC\n\n  North Wind  ';
      x.asset.text.country = 'rus';
      x.asset.text.iban = 'typed before the type was changed';
      x.asset.persons = '0190aaaa-0000-7000-8000-000000000001\n';
    });
    expect(checkAlert(t, toInput(d))).toEqual({
      ok: true,
      value: { kind: 'asset', category: 'asset-tracing', asset: { type: 'company', name: 'ООО «Северный ветер»', otherNames: ['Severny Veter LLC', 'North Wind'], country: 'RUS' }, persons: ['0190aaaa-0000-7000-8000-000000000001'], visibility: { mode: 'all' } },
    });
  });

  it('names each invalid identifier beside its field, in the reader’s language', () => {
    const iban = asset((x) => (x.asset.text.iban = 'DE88 3704 0044 0532 0130 00'));
    expect(errorsOf(iban)).toEqual({ 'asset.iban': EN['problem.field.asset.iban-checksum'] });
    expect(errorsOf(iban, translator(AR))).toEqual({ 'asset.iban': AR['problem.field.asset.iban-checksum'] });
    const vessel = asset((x) => {
      x.asset.type = 'vessel';
      x.asset.text.imo = '9074728';
      x.asset.text.flag = 'MALTA';
    });
    expect(errorsOf(vessel)).toEqual({ 'asset.imo': EN['problem.field.asset.imo-checksum'], 'asset.flag': EN['alertEditor.error.code3'] });
    const wallet = asset((x) => {
      x.asset.type = 'wallet';
      x.asset.currency = 'ETH';
      x.asset.text.address = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4';
    });
    expect(errorsOf(wallet)).toEqual({ 'asset.currency': EN['problem.field.asset.wallet-currency'] });
    expect(errorsOf(asset((x) => (x.asset.type = 'vehicle')))).toEqual({ asset: EN['alertEditor.error.vehicleId'] });
  });

  it('edits a stored asset alert without losing what it does not show, and sends only what changed', () => {
    const stored = {
      id: 'a1', owner: 'DEU', status: 'active', version: 1, createdAt: 'x', updatedAt: 'x',
      kind: 'asset', category: 'un-sanctions', asset: { type: 'wallet', currency: 'BTC', address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4' },
      persons: ['p1'], personAlerts: [{ id: 'p1' }], sourceRef: 'un-sc:1', visibility: { mode: 'all' },
    };
    const original = storedInput(stored);
    expect(original).not.toHaveProperty('personAlerts');
    const d = draftOf(original);
    expect(d.asset).toMatchObject({ type: 'wallet', category: 'un-sanctions', currency: 'BTC', persons: 'p1' });
    d.asset.persons = 'p1\np2';
    const checked = checkAlert(t, toInput(d));
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    expect(checked.value).toMatchObject({ sourceRef: 'un-sc:1' });
    expect(patchBetween(original, checked.value)).toEqual({ persons: ['p1', 'p2'] });
  });
});
