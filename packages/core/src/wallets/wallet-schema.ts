import { z } from 'zod';
import { parseWalletAddress } from './wallet-address.js';
import { MAX_WALLET_ADDRESS_LENGTH, WALLET_CURRENCIES } from './wallet-types.js';
export { MAX_ALERT_WALLETS } from './wallet-types.js';

/**
 * A wallet address as sent: trimmed, and held to its format's checksum (core `parseWalletAddress`),
 * the failure's words as the field's message. Kept as written; the index compares normalised forms.
 */
export const walletAddressTextSchema = z
  .string()
  .max(MAX_WALLET_ADDRESS_LENGTH, `an address has at most ${MAX_WALLET_ADDRESS_LENGTH} characters`)
  .trim()
  .superRefine((value, ctx) => {
    const parsed = parseWalletAddress(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error.message, params: { wallet: parsed.error.code } });
  });

/** A wallet an alert names. The currency, when given, must be the address's own. */
export const walletAddressEntrySchema = z
  .object({ address: walletAddressTextSchema, currency: z.enum(WALLET_CURRENCIES).optional() })
  .strict()
  .superRefine((w, ctx) => {
    if (w.currency === undefined) return;
    const parsed = parseWalletAddress(w.address);
    if (parsed.ok && parsed.address.currency !== w.currency) ctx.addIssue({ code: 'custom', path: ['currency'], message: `the address is for ${parsed.address.currency}, not ${w.currency}` });
  });
