import type { AssetBody } from './asset-schema.js';
import { formatIban } from './iban.js';
import { normaliseImo } from './imo.js';

/**
 * What names an asset at a glance (its subject, alerts/alert-subject.ts): the identifier in the
 * form people read (an IBAN grouped by four, `IMO 9074729`), the name and the country.
 */
export function assetSubjectParts(asset: AssetBody): { assetType: AssetBody['type']; identifier?: string; name?: string; country?: string } {
  const parts = (identifier: string | undefined, name: string | undefined, country: string | undefined) => ({
    assetType: asset.type,
    ...(identifier !== undefined ? { identifier } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(country !== undefined ? { country } : {}),
  });
  switch (asset.type) {
    case 'bank-account':
      return parts(formatIban(asset.iban), asset.holder, undefined);
    case 'company':
      return parts(asset.registrationNumber, asset.name, asset.country);
    case 'vessel':
      return parts(`IMO ${normaliseImo(asset.imo)}`, asset.name, asset.flag);
    case 'aircraft':
      return parts(asset.registration, [asset.model, asset.operator].filter((p) => p !== undefined).join(' · ') || undefined, undefined);
    case 'real-estate':
      return parts(asset.cadastralReference, asset.address, asset.country);
    case 'wallet':
      return parts(asset.address, asset.currency, undefined);
    case 'vehicle':
      return parts(asset.plate ?? asset.vin, [asset.make, asset.model].filter((p) => p !== undefined).join(' ') || undefined, asset.plateCountry);
  }
}

/** Every text of an asset the officer's search box finds (alerts/search-text.ts folds them), identifiers also in their compared forms. */
export function assetSearchParts(asset: AssetBody): string[] {
  switch (asset.type) {
    case 'bank-account':
      return [asset.iban, asset.iban.replace(/\s+/g, ''), asset.bic ?? '', asset.holder ?? '', asset.bankName ?? ''];
    case 'company':
      return [asset.name, ...(asset.otherNames ?? []), asset.registrationNumber ?? '', ...(asset.addresses ?? [])];
    case 'vessel':
      return [asset.imo, normaliseImo(asset.imo), asset.name ?? ''];
    case 'aircraft':
      return [asset.registration, asset.registration.replace(/[\s\p{Pd}]/gu, ''), asset.model ?? '', asset.operator ?? ''];
    case 'real-estate':
      return [asset.address, asset.cadastralReference ?? ''];
    case 'wallet':
      return [asset.address];
    case 'vehicle':
      return [asset.vin ?? '', asset.plate ?? '', (asset.plate ?? '').replace(/[^\p{L}\p{N}]/gu, ''), asset.make ?? '', asset.model ?? ''];
  }
}
