import type { AlertInput, WalletCurrency } from '@crosscheck/core';
import type { AssetCategory, AssetType } from '@crosscheck/core/constants';

/** The asset's boxes, as typed. Some serve several types (a company's and a vessel's `name`); only the chosen type's are sent. */
export const ASSET_TEXT_FIELDS = ['iban', 'bic', 'holder', 'bankName', 'name', 'otherNames', 'registrationNumber', 'country', 'addresses', 'imo', 'flag', 'registration', 'model', 'operator', 'address', 'cadastralReference', 'vin', 'plate', 'plateCountry', 'make', 'vehicleAlertId'] as const;
export type AssetTextField = (typeof ASSET_TEXT_FIELDS)[number];

/** Which boxes each type of asset has, in the order the form shows them (the schema's fields, core assets/asset-schema.ts). */
export const ASSET_TYPE_FIELDS: Readonly<Record<AssetType, readonly AssetTextField[]>> = {
  'bank-account': ['iban', 'bic', 'holder', 'bankName'],
  company: ['name', 'otherNames', 'registrationNumber', 'country', 'addresses'],
  vessel: ['imo', 'name', 'flag'],
  aircraft: ['registration', 'model', 'operator'],
  'real-estate': ['country', 'address', 'cadastralReference'],
  wallet: ['address'],
  vehicle: ['vin', 'plate', 'plateCountry', 'make', 'model', 'vehicleAlertId'],
};
/** Boxes that hold a list, one item per line. */
export const ASSET_LIST_FIELDS: ReadonlySet<AssetTextField> = new Set(['otherNames', 'addresses']);

export interface AssetDraft {
  type: AssetType;
  category: AssetCategory;
  currency: WalletCurrency;
  text: Record<AssetTextField, string>;
  /** Person alert numbers, one per line. */
  persons: string;
}

export function newAssetDraft(): AssetDraft {
  return { type: 'bank-account', category: 'asset-tracing', currency: 'BTC', text: Object.fromEntries(ASSET_TEXT_FIELDS.map((f) => [f, ''])) as Record<AssetTextField, string>, persons: '' };
}

const lines = (s: string): string[] => s.split(/\r?\n/).map((x) => x.trim()).filter(Boolean);

/** The form of a stored asset alert. */
export function assetDraftOf(input: Extract<AlertInput, { kind: 'asset' }>): AssetDraft {
  const d = newAssetDraft();
  const stored = input.asset as Record<string, unknown>;
  for (const f of ASSET_TYPE_FIELDS[input.asset.type]) {
    const v = stored[f];
    d.text[f] = Array.isArray(v) ? v.join('\n') : v === undefined ? '' : String(v);
  }
  return { ...d, type: input.asset.type, category: input.category, currency: input.asset.type === 'wallet' ? input.asset.currency : d.currency, persons: (input.persons ?? []).join('\n') };
}

/** The asset alert's own part of the body: its category, the asset of the chosen type, the persons. */
export function assetInputOf(a: AssetDraft): { category: AssetCategory; asset: Record<string, unknown>; persons?: string[] } {
  const asset: Record<string, unknown> = { type: a.type };
  for (const f of ASSET_TYPE_FIELDS[a.type]) {
    const v = a.text[f];
    if (ASSET_LIST_FIELDS.has(f)) {
      if (lines(v).length > 0) asset[f] = lines(v);
    } else if (v.trim() !== '') asset[f] = v;
  }
  if (a.type === 'wallet') asset.currency = a.currency;
  const persons = lines(a.persons);
  return { category: a.category, asset, ...(persons.length > 0 ? { persons } : {}) };
}
