import { alertInputSchema } from '@crosscheck/core';
import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../store/alert-repo.js';
import { alertToFtm } from './alert-to-ftm.js';
import { ftmEntitySchema } from './ftm-entity.js';
import { ftmToAlerts } from './ftm-to-alerts.js';

const stored = (id: string, asset: object, extra: object = {}): AlertView =>
  ({ ...alertInputSchema.parse({ kind: 'asset', category: 'asset-tracing', asset, visibility: { mode: 'all' }, ...extra }), id, owner: 'DEU', status: 'active', version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }) as unknown as AlertView;

describe('asset alerts as FollowTheMoney entities', () => {
  const assets = [
    stored('a1', { type: 'bank-account', iban: 'de89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', holder: 'Anna Maria Eriksson' }, { persons: ['p1'] }),
    stored('a2', { type: 'company', name: 'ООО «Северный ветер»', otherNames: ['Severny Veter LLC'], registrationNumber: '1157746000017', country: 'RUS' }),
    stored('a3', { type: 'vessel', imo: 'IMO 9074729', name: 'NORDWIND', flag: 'MLT' }),
    stored('a4', { type: 'aircraft', registration: 'F-GKXA', model: 'Cessna 172' }),
    stored('a5', { type: 'real-estate', country: 'ESP', address: 'Calle Mayor 1, Marbella', cadastralReference: '9872023VH5797S0001WX' }),
    stored('a6', { type: 'wallet', currency: 'BTC', address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4' }),
    stored('a7', { type: 'vehicle', plate: 'AB-123-CD', plateCountry: 'FRA', make: 'Fiat', vehicleAlertId: 'v1' }),
  ];

  it('exports each asset as an entity of its type, identifiers in their compared form, the rest in the extension', () => {
    const entities = assets.flatMap((a) => alertToFtm(a)).map((e) => ftmEntitySchema.parse(JSON.parse(JSON.stringify(e))));
    expect(entities.map((e) => e.schema)).toEqual(['BankAccount', 'Company', 'Vessel', 'Airplane', 'RealEstate', 'CryptoWallet', 'Vehicle']);
    expect(entities[0]).toMatchObject({ id: 'crosscheck-a1', properties: { iban: ['DE89370400440532013000'], bic: ['COBADEFFXXX'] }, crosscheck: { kind: 'asset', category: 'asset-tracing', assetType: 'bank-account', persons: ['p1'] } });
    expect(entities[1]).toMatchObject({ properties: { name: ['ООО «Северный ветер»'], alias: ['Severny Veter LLC'], jurisdiction: ['ru'] } });
    expect(entities[2]).toMatchObject({ properties: { imoNumber: ['9074729'], flag: ['mt'] } });
    expect(entities[6]).toMatchObject({ crosscheck: { vehicleAlertId: 'v1', make: 'Fiat' } });
  });

  it('is not read back as alerts of another kind: an asset vehicle is no stolen vehicle', () => {
    const lines = assets.flatMap((a) => alertToFtm(a)).map((e, i) => ({ line: i + 1, entity: ftmEntitySchema.parse(JSON.parse(JSON.stringify(e))) }));
    const report = ftmToAlerts(lines, { category: 'warning', visibility: { mode: 'all' } });
    expect(report.items).toEqual([]);
    expect(report.skipped).toMatchObject({ BankAccount: 1, Company: 1, Vessel: 1, Airplane: 1, RealEstate: 1, CryptoWallet: 1, Vehicle: 1 });
  });
});
