import { z } from 'zod';
import { assetText, checkedIdentifier } from '../assets/asset-schema.js';
import { parseAircraftRegistration } from '../assets/aircraft.js';
import { MAX_IBAN_TEXT, parseIban } from '../assets/iban.js';
import { parseImo } from '../assets/imo.js';
import { DomainError } from '../errors/domain-error.js';
import { prepareCompanyName, type CompanyFacts } from '../names/company-names.js';
import { normaliseNationality } from '../names/evidence.js';
import { typedCode } from '../validation/typed-code.js';
import { parseWalletAddress, type WalletCurrency } from '../wallets/wallet-address.js';
import { walletAddressEntrySchema, walletAddressTextSchema } from '../wallets/wallet-schema.js';

/**
 * Assets in a screening query (issue 16, item 2): a bank account, a vessel, a wallet, an aircraft,
 * a parcel or a company, each item exactly one of them. Identifiers are held to the same checks
 * as asset alerts (assets/): an IBAN with a wrong check digit is refused, naming the field, since
 * screening it would find nothing, silently. The index compares normalised forms (assetProbesOf).
 */

/** Assets one query may carry. */
export const MAX_QUERY_ASSETS = 50;

const countryCode = typedCode('[A-Za-z]{2,3}', 'an ISO 3166 alpha-2 or alpha-3 code');

const ASSET_QUERY_KINDS = ['iban', 'imo', 'wallet', 'aircraft', 'cadastralReference', 'company'] as const;

export const assetQuerySchema = z
  .object({
    /** Any case, any spaces (`de89 3704 0044 …`): checked (country length, MOD 97). */
    iban: checkedIdentifier(MAX_IBAN_TEXT, parseIban).optional(),
    /** `IMO 9074729` or `9074729`: the check digit is verified. */
    imo: checkedIdentifier(20, parseImo).optional(),
    /** An address (the currency is read from it), or `{ "currency", "address" }` to say which is meant. */
    wallet: z.union([walletAddressTextSchema, walletAddressEntrySchema]).optional(),
    /** A registration mark, with or without its hyphen (`F-GKXA`, `FGKXA`). */
    aircraft: checkedIdentifier(20, parseAircraftRegistration).optional(),
    /** A parcel's reference in its country's cadastre, with `country`. */
    cadastralReference: assetText(100).optional(),
    /** The cadastre's country, alpha-2 or alpha-3: only beside `cadastralReference`. */
    country: countryCode.optional(),
    /** A company: its name in any script (legal forms are recognised), and what else is known. */
    company: z
      .object({ name: assetText(400), registrationNumber: assetText(100).optional(), country: countryCode.optional() })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    const given = ASSET_QUERY_KINDS.filter((k) => a[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({ code: 'custom', message: `an asset is exactly one of ${ASSET_QUERY_KINDS.join(', ')}${given.length > 1 ? ` (this one gives ${given.join(' and ')})` : ''}` });
    }
    if (a.cadastralReference !== undefined && a.country === undefined) ctx.addIssue({ code: 'custom', path: ['country'], message: 'a cadastral reference needs its country' });
    if (a.cadastralReference === undefined && a.country !== undefined) ctx.addIssue({ code: 'custom', path: ['country'], message: 'country goes with a cadastralReference (a company has its own)' });
  });

export const assetsQuerySchema = z
  .array(assetQuerySchema)
  .min(1)
  .max(MAX_QUERY_ASSETS)
  .describe(
    'Assets to screen, each exactly one of {"iban"}, {"imo"}, {"wallet": address or {currency, address}}, {"aircraft"}, {"cadastralReference", "country"}, {"company": {"name", "registrationNumber"?, "country"?}}. Identifiers are checked (IBAN MOD 97 and length, IMO check digit, wallet checksums; a failure is a 422 naming assets.N.field) and found exactly after normalisation; a company by name in any script, its legal form set apart, and by registration number and country',
  );

export type AssetQuery = z.infer<typeof assetQuerySchema>;

/** One asset to look up, in the form the asset index compares. */
export type AssetProbe =
  | { type: 'iban'; iban: string }
  | { type: 'imo'; imo: string }
  | { type: 'wallet'; currency: WalletCurrency; normalised: string; display: string }
  | { type: 'aircraft'; registration: string }
  | { type: 'cadastral'; reference: string; country: string }
  | { type: 'company'; facts: CompanyFacts };

/** A cadastral reference as compared: without spaces, upper case (separators such as / are part of it). */
export function cadastralKey(reference: string): string {
  return reference.replace(/\s+/g, '').toUpperCase();
}

/**
 * The probes of a query's assets. The schema refused invalid identifiers; a caller that skipped it
 * gets the same refusal, naming the field.
 */
export function assetProbesOf(assets: readonly AssetQuery[] | undefined): AssetProbe[] {
  const out: AssetProbe[] = [];
  (assets ?? []).forEach((a, i) => {
    const refuse = (field: string, message: string): never => {
      throw new DomainError('validation', 'validation.invalid', `assets.${i}.${field}: ${message}`, [{ field: `assets.${i}.${field}`, message }]);
    };
    if (a.iban !== undefined) {
      const p = parseIban(a.iban);
      if (!p.ok) return refuse('iban', p.error.message);
      out.push({ type: 'iban', iban: p.iban });
    } else if (a.imo !== undefined) {
      const p = parseImo(a.imo);
      if (!p.ok) return refuse('imo', p.error.message);
      out.push({ type: 'imo', imo: p.imo });
    } else if (a.wallet !== undefined) {
      const p = parseWalletAddress(typeof a.wallet === 'string' ? a.wallet : a.wallet.address);
      if (!p.ok) return refuse('wallet', p.error.message);
      out.push({ type: 'wallet', currency: p.address.currency, normalised: p.address.normalised, display: p.address.display });
    } else if (a.aircraft !== undefined) {
      const p = parseAircraftRegistration(a.aircraft);
      if (!p.ok) return refuse('aircraft', p.error.message);
      out.push({ type: 'aircraft', registration: p.registration });
    } else if (a.cadastralReference !== undefined && a.country !== undefined) {
      out.push({ type: 'cadastral', reference: cadastralKey(a.cadastralReference), country: normaliseNationality(a.country) ?? a.country.toUpperCase() });
    } else if (a.company !== undefined) {
      const c = a.company;
      const country = c.country ? (normaliseNationality(c.country) ?? c.country.toUpperCase()) : undefined;
      out.push({ type: 'company', facts: { names: [prepareCompanyName(c.name)], ...(c.registrationNumber ? { registrationNumber: c.registrationNumber } : {}), ...(country ? { country } : {}) } });
    }
  });
  return out;
}
