import { normaliseIban, normaliseImo } from '@crosscheck/core';
import type { AlertView } from '../../store/alert-repo.js';
import { ftmId, common, compact, countries } from './alert-to-ftm.js';
import { put, type FtmEntity, type FtmProperties } from './ftm-entity.js';

type AssetView = Extract<AlertView, { kind: 'asset' }>;

/**
 * An asset alert as one FollowTheMoney entity of the asset's schema (BankAccount, Company, Vessel,
 * Airplane, RealEstate, CryptoWallet, Vehicle), identifiers in their compared forms; the
 * crosscheck extension keeps the category, the asset type and the person alerts it names.
 */
export function assetEntities(a: AssetView): FtmEntity[] {
  const props: FtmProperties = {};
  const asset = a.asset;
  let schema: string;
  let extra: Record<string, unknown> = {};
  switch (asset.type) {
    case 'bank-account':
      schema = 'BankAccount';
      put(props, 'iban', normaliseIban(asset.iban));
      put(props, 'bic', asset.bic);
      put(props, 'bankName', asset.bankName);
      put(props, 'holder', asset.holder);
      break;
    case 'company':
      schema = 'Company';
      put(props, 'name', asset.name);
      put(props, 'alias', ...(asset.otherNames ?? []));
      put(props, 'registrationNumber', asset.registrationNumber);
      put(props, 'address', ...(asset.addresses ?? []));
      extra = { country: countries(props, 'jurisdiction', asset.country ? [asset.country] : [])[0] };
      break;
    case 'vessel':
      schema = 'Vessel';
      put(props, 'imoNumber', normaliseImo(asset.imo));
      put(props, 'name', asset.name);
      extra = { flag: countries(props, 'flag', asset.flag ? [asset.flag] : [])[0] };
      break;
    case 'aircraft':
      schema = 'Airplane';
      put(props, 'registrationNumber', asset.registration);
      put(props, 'model', asset.model);
      put(props, 'name', asset.registration);
      extra = { operator: asset.operator };
      break;
    case 'real-estate':
      schema = 'RealEstate';
      put(props, 'name', asset.address);
      put(props, 'address', asset.address);
      put(props, 'cadastralCode', asset.cadastralReference);
      extra = { country: countries(props, 'country', [asset.country])[0] };
      break;
    case 'wallet':
      schema = 'CryptoWallet';
      put(props, 'publicKey', asset.address);
      put(props, 'currency', asset.currency);
      break;
    case 'vehicle':
      schema = 'Vehicle';
      put(props, 'name', [asset.make, asset.model, asset.plate].filter(Boolean).join(' ') || asset.vin);
      put(props, 'registrationNumber', asset.plate);
      put(props, 'model', asset.model);
      extra = { vin: asset.vin, make: asset.make, plateCountry: countries(props, 'country', asset.plateCountry ? [asset.plateCountry] : [])[0], vehicleAlertId: asset.vehicleAlertId };
      break;
  }
  put(props, 'notes', a.remarks);
  return [{ id: ftmId(a.id), schema, properties: props, crosscheck: compact({ ...common(a), category: a.category, assetType: asset.type, persons: a.persons, ...extra }) }];
}
