import { z } from 'zod';
import { typedCode } from '../validation/typed-code.js';
import { walletAddressTextSchema } from '../wallets/wallet-schema.js';
import { parseWalletAddress } from '../wallets/wallet-address.js';
import { WALLET_CURRENCIES } from '../wallets/wallet-types.js';
import { MAX_ASSET_PERSONS } from '../constants/assets.js';
import type { AssetProblem } from './asset-problems.js';
import { MAX_IBAN_TEXT, parseIban } from './iban.js';
import { parseBic } from './bic.js';
import { parseImo } from './imo.js';
import { parseAircraftRegistration } from './aircraft.js';

/**
 * The asset an asset alert is about, by `type`. Identifiers are held to their check (IBAN
 * MOD 97 and length, BIC shape, IMO check digit, wallet checksums): a failure is a 422 naming the
 * field, with its code (parseInput reads `params.asset`). They are kept as written (trimmed); the
 * screening index compares the normalised forms (iban.ts, imo.ts, aircraft.ts, wallets/).
 */

// As alert-schemas.ts's: bounded, no NUL (PostgreSQL cannot store it).
export const assetText = (max: number) =>
  z.string().trim().min(1).max(max).refine((v) => !v.includes('\u0000'), 'must not contain a NUL character');
const code3 = typedCode('[A-Za-z]{3}', 'a three-letter ISO 3166 / ICAO code');

/** A text field checked by one of the identifier readers: its failure becomes the field's coded problem (also screening/asset-query.ts). */
export function checkedIdentifier(max: number, read: (value: string) => { ok: true } | { ok: false; error: AssetProblem }) {
  return z
    .string()
    .max(max, `at most ${max} characters`)
    .trim()
    .min(1)
    .superRefine((value, ctx) => {
      const parsed = read(value);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error.message, params: { asset: parsed.error.code } });
    });
}

export const bankAccountAssetSchema = z
  .object({
    type: z.literal('bank-account'),
    iban: checkedIdentifier(MAX_IBAN_TEXT, parseIban),
    bic: checkedIdentifier(20, parseBic).optional(),
    holder: assetText(400).optional(),
    bankName: assetText(200).optional(),
  })
  .strict();

export const companyAssetSchema = z
  .object({
    type: z.literal('company'),
    /** As registered, in its own script (Cyrillic, Arabic, Chinese…): screening matches across scripts. */
    name: assetText(400),
    otherNames: z.array(assetText(400)).max(20).optional(),
    registrationNumber: assetText(100).optional(),
    country: code3.optional(),
    addresses: z.array(assetText(500)).max(10).optional(),
  })
  .strict();

export const vesselAssetSchema = z
  .object({
    type: z.literal('vessel'),
    imo: checkedIdentifier(20, parseImo),
    name: assetText(200).optional(),
    flag: code3.optional(),
  })
  .strict();

export const aircraftAssetSchema = z
  .object({
    type: z.literal('aircraft'),
    registration: checkedIdentifier(20, parseAircraftRegistration),
    model: assetText(100).optional(),
    operator: assetText(200).optional(),
  })
  .strict();

export const realEstateAssetSchema = z
  .object({
    type: z.literal('real-estate'),
    country: code3,
    address: assetText(1000),
    cadastralReference: assetText(100).optional(),
  })
  .strict();

export const walletAssetSchema = z
  .object({ type: z.literal('wallet'), currency: z.enum(WALLET_CURRENCIES), address: walletAddressTextSchema })
  .strict()
  .superRefine((w, ctx) => {
    const parsed = parseWalletAddress(w.address);
    if (parsed.ok && parsed.address.currency !== w.currency) {
      ctx.addIssue({ code: 'custom', path: ['currency'], message: `the address is for ${parsed.address.currency}, not ${w.currency}`, params: { asset: 'asset.wallet-currency' } });
    }
  });

export const vehicleAssetSchema = z
  .object({
    type: z.literal('vehicle'),
    vin: typedCode('[A-Za-z0-9]{5,17}', 'a VIN of up to 17 letters and digits').optional(),
    plate: assetText(20).optional(),
    plateCountry: code3.optional(),
    make: assetText(100).optional(),
    model: assetText(100).optional(),
    /** The vehicle alert on this vehicle, if one exists: it must be a vehicle alert its creator may see. */
    vehicleAlertId: assetText(64).optional(),
  })
  .strict()
  // The asset names the vehicle itself, the link comes beside: screening finds it by its own VIN or
  // plate, and a reader who may not read the linked vehicle alert (shown without the id) still
  // knows which vehicle it is.
  .refine((v) => v.vin !== undefined || v.plate !== undefined, { message: 'a vehicle asset needs a vin or a plate' })
  .refine((v) => v.plate === undefined || v.plateCountry !== undefined, { message: 'a plate needs its plateCountry', path: ['plateCountry'] });

/** The `asset` of an asset alert. */
export const assetSchema = z.discriminatedUnion('type', [
  bankAccountAssetSchema,
  companyAssetSchema,
  vesselAssetSchema,
  aircraftAssetSchema,
  realEstateAssetSchema,
  walletAssetSchema,
  vehicleAssetSchema,
]);
export type AssetBody = z.infer<typeof assetSchema>;

/** The person alerts an asset alert belongs to, by id: each once, at most MAX_ASSET_PERSONS. */
export const assetPersonsSchema = z
  .array(assetText(64))
  .max(MAX_ASSET_PERSONS)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'each person alert once' });
