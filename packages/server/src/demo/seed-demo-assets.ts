import { createAlert } from '../app/create-alert.js';
import type { Ctx, Deps } from '../app/deps.js';

/**
 * Asset alerts for the demo (issue 16): DEU traces the assets of its wanted person, each linked to
 * that person alert, so the person's page lists them and each asset's page names the person.
 * The identifiers are the standards' own examples (the IBAN registry's German IBAN, the IMO's
 * example number, BIP 173's first address); the company is fictitious.
 */
export async function seedDemoAssets(deps: Deps, owner: Ctx, personAlertId: string): Promise<void> {
  const common = { kind: 'asset', category: 'asset-tracing', persons: [personAlertId], visibility: { mode: 'all' }, action: 'Locate and report to the DEU bureau; do not freeze without a court order.' } as const;
  const assets = [
    { type: 'bank-account', iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', holder: 'Anna Maria Eriksson', bankName: 'Commerzbank' },
    { type: 'company', name: 'ООО «Северный ветер»', otherNames: ['Severny Veter LLC'], registrationNumber: '1157746000017', country: 'RUS', addresses: ['Москва, ул. Тверская, 1'] },
    { type: 'vessel', imo: 'IMO 9074729', name: 'NORDWIND', flag: 'MLT' },
    { type: 'wallet', currency: 'BTC', address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4' },
  ];
  for (const asset of assets) await createAlert(deps, owner, { ...common, asset });
}
