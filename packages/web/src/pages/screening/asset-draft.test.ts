import { describe, expect, it } from 'vitest';
import { assetErrorPath, assetsOf, EMPTY_ASSETS } from './asset-draft.ts';

describe('the asset fields of the screening console', () => {
  it('send one item per asset typed, the company’s fields as one, trimmed', () => {
    expect(assetsOf(EMPTY_ASSETS)).toEqual({ assets: [], kinds: [] });
    expect(assetsOf({ ...EMPTY_ASSETS, imo: ' IMO 9074729 ', companyName: ' ООО Ромашка ', companyCountry: 'ru' })).toEqual({
      assets: [{ imo: 'IMO 9074729' }, { company: { name: 'ООО Ромашка', country: 'ru' } }],
      kinds: ['imo', 'company'],
    });
    // A number without a name is still sent as a company, so the missing name is told beside its field.
    expect(assetsOf({ ...EMPTY_ASSETS, registrationNumber: '1027700132195' }).assets).toEqual([{ company: { name: '', registrationNumber: '1027700132195' } }]);
  });

  it('name an item the API refused by its position after the field it came from', () => {
    const kinds = ['iban', 'imo', 'company'] as const;
    expect(assetErrorPath('assets.0.iban', kinds)).toBe('assets.iban');
    expect(assetErrorPath('assets.1', kinds)).toBe('assets.imo');
    expect(assetErrorPath('assets.2.company.country', kinds)).toBe('assets.company.country');
    expect(assetErrorPath('assets.2', kinds)).toBe('assets.company.name');
    expect(assetErrorPath('assets.7.iban', kinds)).toBe('assets.7.iban');
    expect(assetErrorPath('person.names.0', kinds)).toBe('person.names.0');
  });
});
