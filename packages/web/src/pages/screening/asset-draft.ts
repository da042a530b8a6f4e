import type { ScreenQueryInput } from '@crosscheck/core';

/** The asset fields of the screening console, as typed. */
export interface AssetDraft {
  iban: string;
  imo: string;
  companyName: string;
  registrationNumber: string;
  companyCountry: string;
}

export const EMPTY_ASSETS: AssetDraft = { iban: '', imo: '', companyName: '', registrationNumber: '', companyCountry: '' };

type AssetItem = NonNullable<ScreenQueryInput['assets']>[number];
type AssetKind = 'iban' | 'imo' | 'company';

/**
 * The query's `assets` from what was typed, and which field each item came from: the API names a
 * bad item by its position (`assets.1.iban`), the page by its field (`assets.iban`).
 */
export function assetsOf(d: AssetDraft): { assets: AssetItem[]; kinds: AssetKind[] } {
  const assets: AssetItem[] = [];
  const kinds: AssetKind[] = [];
  if (d.iban.trim()) {
    assets.push({ iban: d.iban.trim() });
    kinds.push('iban');
  }
  if (d.imo.trim()) {
    assets.push({ imo: d.imo.trim() });
    kinds.push('imo');
  }
  // A registration number or a country alone is still a company to screen: the missing name is told beside its field.
  if (d.companyName.trim() || d.registrationNumber.trim() || d.companyCountry.trim()) {
    assets.push({
      company: {
        name: d.companyName.trim(),
        ...(d.registrationNumber.trim() ? { registrationNumber: d.registrationNumber.trim() } : {}),
        ...(d.companyCountry.trim() ? { country: d.companyCountry.trim() } : {}),
      },
    });
    kinds.push('company');
  }
  return { assets, kinds };
}

/** The fields of the asset inputs, as `assetErrorPath` names them. */
export const ASSET_INPUT_PATHS: ReadonlySet<string> = new Set(['assets.iban', 'assets.imo', 'assets.company.name', 'assets.company.registrationNumber', 'assets.company.country']);

/** `assets.1.iban` → `assets.iban` (the page's field); any other path as it is. */
export function assetErrorPath(path: string, kinds: readonly AssetKind[]): string {
  const m = /^assets\.(\d+)(?:\.(.*))?$/.exec(path);
  if (!m) return path;
  const kind = kinds[Number(m[1])];
  if (kind === undefined) return path;
  if (kind === 'company') return m[2]?.startsWith('company.') ? `assets.${m[2]}` : 'assets.company.name';
  return `assets.${kind}`;
}
