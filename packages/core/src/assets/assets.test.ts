import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors/domain-error.js';
import { parseInput } from '../validation/parse-input.js';
import { alertInputSchema, alertPatchSchema } from '../alerts/alert-schemas.js';
import { applyPatch } from '../alerts/lifecycle.js';
import { alertSubject, subjectLabel } from '../alerts/alert-subject.js';
import { searchTextOf } from '../alerts/search-text.js';
import { IBAN_LENGTHS, formatIban, ibanWrittenUsually, normaliseIban, parseIban } from './iban.js';
import { bicKey, parseBic } from './bic.js';
import { imoCheckDigit, normaliseImo, parseImo } from './imo.js';
import { normaliseAircraftRegistration, parseAircraftRegistration } from './aircraft.js';
import { assetWarnings } from './asset-warnings.js';
import type { AssetBody } from './asset-schema.js';

// The SWIFT IBAN Registry's own example of each country (electronic form).
const REGISTRY_EXAMPLES = [
  'DE89370400440532013000',
  'GB29NWBK60161331926819',
  'FR1420041010050500013M02606',
  'NL91ABNA0417164300',
  'BE68539007547034',
  'NO9386011117947',
  'MT84MALT011000012345MTLCAST001S',
  'SA0380000000608010167519',
  'BR1800360305000010009795493C1',
  'CH9300762011623852957',
  'UA213223130000026007233566001',
  'LC55HEMM000100010012001200023015',
];

describe('IBAN (ISO 13616, SWIFT registry lengths, MOD 97-10)', () => {
  it.each(REGISTRY_EXAMPLES)('reads the registry example %s, in its paper form too', (iban) => {
    expect(parseIban(iban)).toEqual({ ok: true, iban, country: iban.slice(0, 2), length: iban.length });
    expect(parseIban(formatIban(iban))).toMatchObject({ ok: true, iban });
    expect(IBAN_LENGTHS[iban.slice(0, 2)]).toBe(iban.length);
  });

  it('refuses a wrong check digit, and a swap of two characters', () => {
    expect(parseIban('DE88 3704 0044 0532 0130 00')).toMatchObject({ ok: false, error: { code: 'asset.iban-checksum' } });
    expect(parseIban('GB29NWBK60161331926891')).toMatchObject({ ok: false, error: { code: 'asset.iban-checksum' } });
  });

  it('refuses an IBAN of the wrong length for its country, naming both lengths', () => {
    const short = parseIban('DE89 3704 0044 0532 0130 0');
    expect(short).toMatchObject({ ok: false, error: { code: 'asset.iban-length' } });
    expect(!short.ok && short.error.message).toBe('an IBAN of DE has 22 characters, this one 21');
    // A Belgian length under the French prefix.
    expect(parseIban('FR68539007547034')).toMatchObject({ ok: false, error: { code: 'asset.iban-length' } });
  });

  it('refuses a country without IBANs and characters no IBAN has', () => {
    expect(parseIban('US64SVBKUS6S3300958879')).toMatchObject({ ok: false, error: { code: 'asset.iban-country' } });
    expect(parseIban('DE89-3704-0044-0532-0130-00')).toMatchObject({ ok: false, error: { code: 'asset.iban-character' } });
    expect(parseIban('1234')).toMatchObject({ ok: false, error: { code: 'asset.iban-character' } });
  });

  it('normalises spaces and case, and groups by four for reading', () => {
    expect(normaliseIban(' fr14 2004 1010 0505 0001 3m02 606 ')).toBe('FR1420041010050500013M02606');
    expect(formatIban('DE89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
  });

  it('finds lower case and odd grouping unusual, the electronic and paper forms usual', () => {
    expect(ibanWrittenUsually('DE89370400440532013000')).toBe(true);
    expect(ibanWrittenUsually('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(ibanWrittenUsually('de89 3704 0044 0532 0130 00')).toBe(false);
    expect(ibanWrittenUsually('DE 893 704 004 405 320 130 00')).toBe(false);
  });

  it('catches every single-character change of a valid IBAN', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REGISTRY_EXAMPLES), fc.nat(), fc.constantFrom(...'0123456789'), (iban, at, digit) => {
        const i = 2 + (at % (iban.length - 2));
        if (!/[0-9]/.test(iban[i]!) || iban[i] === digit) return;
        expect(parseIban(iban.slice(0, i) + digit + iban.slice(i + 1)).ok).toBe(false);
      }),
    );
  });
});

describe('BIC (ISO 9362)', () => {
  it('reads 8- and 11-character BICs, in any case and with spaces', () => {
    expect(parseBic('DEUTDEFF')).toEqual({ ok: true, bic: 'DEUTDEFF', country: 'DE', test: false });
    expect(parseBic('cobade ff xxx')).toEqual({ ok: true, bic: 'COBADEFFXXX', country: 'DE', test: false });
    expect(parseBic('BNPAFRPPXXX')).toMatchObject({ ok: true, country: 'FR' });
  });
  it.each(['DEUTDEF', 'DEUTDEFF5', 'DEUTDEFF5000', 'DEUT1EFF', 'DEUT-DEFF'])('refuses %s', (bic) => {
    expect(parseBic(bic)).toMatchObject({ ok: false, error: { code: 'asset.bic-format' } });
  });
  it('tells a test-and-training BIC (location ending in 0)', () => {
    expect(parseBic('DEUTDEF0')).toMatchObject({ ok: true, test: true });
  });
  it('keys a head-office BIC the same with and without XXX', () => {
    expect(bicKey('COBADEFFXXX')).toBe(bicKey('cobadeff'));
    expect(bicKey('DEUTDEFF500')).toBe('DEUTDEFF500');
  });
});

describe('IMO ship number', () => {
  it('checks the seventh digit: weights 7 to 2 on the first six, the last digit of the sum', () => {
    expect(imoCheckDigit('907472')).toBe(9); // 63+0+35+16+21+4 = 139
    expect(parseImo('IMO 9074729')).toEqual({ ok: true, imo: '9074729' });
    expect(parseImo('9176187')).toEqual({ ok: true, imo: '9176187' });
    expect(parseImo('imo9321483')).toEqual({ ok: true, imo: '9321483' });
  });
  it('refuses a wrong check digit, two swapped digits, and a number that is not seven digits', () => {
    expect(parseImo('IMO 9074728')).toMatchObject({ ok: false, error: { code: 'asset.imo-checksum' } });
    expect(parseImo('9047729')).toMatchObject({ ok: false, error: { code: 'asset.imo-checksum' } });
    expect(parseImo('907472')).toMatchObject({ ok: false, error: { code: 'asset.imo-format' } });
    expect(parseImo('IMO 90747290')).toMatchObject({ ok: false, error: { code: 'asset.imo-format' } });
  });
  it('normalises to the seven digits', () => {
    expect(normaliseImo(' IMO 9074729')).toBe('9074729');
    expect(normaliseImo('IMO-9074729')).toBe('9074729');
  });
});

describe('aircraft registration marks', () => {
  it('compares without hyphens, spaces or case', () => {
    expect(normaliseAircraftRegistration('f-gkxa')).toBe('FGKXA');
    expect(normaliseAircraftRegistration('D EABC')).toBe(normaliseAircraftRegistration('D-EABC'));
    expect(parseAircraftRegistration('N123AB')).toEqual({ ok: true, registration: 'N123AB' });
    expect(parseAircraftRegistration('F-GK/XA')).toMatchObject({ ok: false, error: { code: 'asset.registration-format' } });
  });
});

const assetAlert = (asset: unknown, extra: object = {}) => ({ kind: 'asset', category: 'asset-tracing', asset, visibility: { mode: 'all' }, ...extra });
function problems(input: unknown): { field: string; code?: string }[] {
  try {
    parseInput(alertInputSchema, input);
  } catch (e) {
    if (e instanceof DomainError) return e.problems.map((p) => ({ field: p.field, ...(p.code ? { code: p.code } : {}) }));
    throw e;
  }
  return [];
}

describe('asset alert schema', () => {
  it('accepts every asset type', () => {
    const assets = [
      { type: 'bank-account', iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', holder: 'Anna Maria Eriksson' },
      { type: 'company', name: 'ООО «Северный ветер»', otherNames: ['Severny Veter LLC'], registrationNumber: '1157746000017', country: 'rus' },
      { type: 'vessel', imo: 'IMO 9074729', name: 'NORDWIND', flag: 'MLT' },
      { type: 'aircraft', registration: 'F-GKXA', model: 'Cessna 172' },
      { type: 'real-estate', country: 'ESP', address: 'Calle Mayor 1, Marbella', cadastralReference: '9872023VH5797S0001WX' },
      { type: 'wallet', currency: 'ETH', address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' },
      { type: 'vehicle', vin: 'WVWZZZ1JZXW000001', plate: 'B-XY 123', plateCountry: 'DEU', make: 'Volkswagen' },
    ];
    for (const asset of assets) expect(problems(assetAlert(asset)), JSON.stringify(asset)).toEqual([]);
  });

  it('names the field and its code for each invalid identifier', () => {
    expect(problems(assetAlert({ type: 'bank-account', iban: 'DE88370400440532013000' }))).toEqual([{ field: 'asset.iban', code: 'asset.iban-checksum' }]);
    expect(problems(assetAlert({ type: 'bank-account', iban: 'DE89370400440532013000', bic: 'DEUT' }))).toEqual([{ field: 'asset.bic', code: 'asset.bic-format' }]);
    expect(problems(assetAlert({ type: 'vessel', imo: '9074728' }))).toEqual([{ field: 'asset.imo', code: 'asset.imo-checksum' }]);
    expect(problems(assetAlert({ type: 'wallet', currency: 'BTC', address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5' }))).toEqual([{ field: 'asset.address', code: 'wallet.bech32-checksum' }]);
    expect(problems(assetAlert({ type: 'wallet', currency: 'ETH', address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4' }))).toEqual([{ field: 'asset.currency', code: 'asset.wallet-currency' }]);
    expect(problems(assetAlert({ type: 'vehicle', make: 'Fiat' })).map((p) => p.field)).toEqual(['asset']);
    // The link to a vehicle alert comes beside the vehicle's own identifier, not instead of it.
    expect(problems(assetAlert({ type: 'vehicle', vehicleAlertId: '0190aaaa-0000-7000-8000-000000000000' })).map((p) => p.field)).toEqual(['asset']);
    expect(problems(assetAlert({ type: 'submarine' })).map((p) => p.field)).toEqual(['asset.type']);
  });

  it('takes asset categories only, each person alert once and at most 20', () => {
    const iban = { type: 'bank-account', iban: 'DE89370400440532013000' };
    expect(problems(assetAlert(iban, { category: 'missing' })).map((p) => p.field)).toEqual(['category']);
    expect(problems(assetAlert(iban, { persons: ['a', 'a'] })).map((p) => p.field)).toEqual(['persons']);
    expect(problems(assetAlert(iban, { persons: Array.from({ length: 21 }, (_, i) => `p${i}`) })).map((p) => p.field)).toEqual(['persons']);
    expect(problems(assetAlert(iban, { publicNotice: true })).map((p) => p.field)).toEqual(['publicNotice']);
  });

  it('patches an asset alert as its kind, and no other kind takes persons', () => {
    const current = parseInput(alertInputSchema, assetAlert({ type: 'vessel', imo: '9074729' }));
    const patched = applyPatch(current, parseInput(alertPatchSchema, { asset: { type: 'vessel', imo: '9176187', flag: 'PAN' }, category: 'un-sanctions', persons: ['x'] }));
    expect(patched).toMatchObject({ kind: 'asset', category: 'un-sanctions', persons: ['x'], asset: { imo: '9176187' } });
    expect(() => applyPatch(current, parseInput(alertPatchSchema, { category: 'missing' }))).toThrow(/category/);
    const person = parseInput(alertInputSchema, { kind: 'person', category: 'missing', person: { names: [{ family: 'X' }] }, visibility: { mode: 'all' } });
    expect(() => applyPatch(person, parseInput(alertPatchSchema, { persons: ['x'] }))).toThrow(/persons/);
    expect(() => applyPatch(person, parseInput(alertPatchSchema, { asset: { type: 'vessel', imo: '9074729' } }))).toThrow(/asset/);
  });

  it('names an asset by its identifier in the form people read, and finds it in the search box however written', () => {
    const alert = parseInput(alertInputSchema, assetAlert({ type: 'bank-account', iban: 'DE89370400440532013000', holder: 'Anna Maria Eriksson' }));
    expect(alertSubject(alert)).toEqual({ kind: 'asset', category: 'asset-tracing', assetType: 'bank-account', identifier: 'DE89 3704 0044 0532 0130 00', name: 'Anna Maria Eriksson' });
    expect(subjectLabel(alertSubject(alert))).toBe('DE89 3704 0044 0532 0130 00 · Anna Maria Eriksson');
    expect(searchTextOf(alert)).toContain('de89370400440532013000');
    const vessel = parseInput(alertInputSchema, assetAlert({ type: 'vessel', imo: 'IMO 9074729' }));
    expect(subjectLabel(alertSubject(vessel))).toBe('IMO 9074729');
    expect(searchTextOf(vessel)).toContain('9074729');
  });
});

describe('asset warnings (valid but doubtful)', () => {
  const warn = (asset: AssetBody) => assetWarnings(asset).map((w) => `${w.field} ${w.code}`);
  it('says a BIC of another country than the IBAN, an IBAN written unusually, a test BIC', () => {
    expect(warn({ type: 'bank-account', iban: 'FR1420041010050500013M02606', bic: 'DEUTDEFF' })).toEqual(['asset.bic asset.bic-country-differs']);
    expect(warn({ type: 'bank-account', iban: 'fr14 2004 1010 0505 0001 3m02 606' })).toEqual(['asset.iban asset.iban-format']);
    expect(warn({ type: 'bank-account', iban: 'DE89370400440532013000', bic: 'DEUTDEF0' })).toEqual(['asset.bic asset.bic-test']);
    expect(warn({ type: 'bank-account', iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX' })).toEqual([]);
  });
  it('says an Ethereum address without its EIP-55 case, a vessel without flag', () => {
    expect(warn({ type: 'wallet', currency: 'ETH', address: '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed' })).toEqual(['asset.address wallet.no-checksum']);
    expect(warn({ type: 'wallet', currency: 'ETH', address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' })).toEqual([]);
    expect(warn({ type: 'vessel', imo: '9074729' })).toEqual(['asset.flag asset.vessel-no-flag']);
    expect(warn({ type: 'vessel', imo: '9074729', flag: 'MLT' })).toEqual([]);
  });
});
