/**
 * The named ways an asset identifier can be wrong (a 422 naming the field, worded by the web app
 * in the reader's language as `problem.field.<code>`), and the named doubts about one that is
 * valid (a warning in the answer to creating or changing the alert). Wallet addresses keep their
 * own codes (wallets/wallet-types.ts). Zod-free, for the browser.
 */
export const ASSET_ERROR_CODES = [
  'asset.iban-character',
  'asset.iban-country',
  'asset.iban-length',
  'asset.iban-checksum',
  'asset.bic-format',
  'asset.imo-format',
  'asset.imo-checksum',
  'asset.registration-format',
  'asset.wallet-currency',
  /** persons[i] or asset.vehicleAlertId: not an alert of that kind the writer may read (absent and hidden alike). */
  'asset.reference',
] as const;
export type AssetErrorCode = (typeof ASSET_ERROR_CODES)[number];

export interface AssetProblem {
  code: AssetErrorCode;
  /** In words an officer can act on; the validation message is this. */
  message: string;
}

export const ASSET_WARNING_CODES = [
  /** A valid IBAN written in lower case or grouped otherwise than in fours from the left. */
  'asset.iban-format',
  /** The BIC's country (its letters 5–6) is not the IBAN's country. */
  'asset.bic-country-differs',
  /** A SWIFT test-and-training BIC (location code ending in 0): no real account is held there. */
  'asset.bic-test',
  /** A vessel without its flag state: the IMO number alone is enough to find it, but the flag is what a port checks first. */
  'asset.vessel-no-flag',
  /** An Ethereum address in one case: valid, but without the EIP-55 checksum a typo goes unseen. */
  'wallet.no-checksum',
  /** A vehicle asset's VIN that is not 17 characters or holds I, O or Q: kept as evidence, as for vehicle alerts. */
  'asset.vin-check',
] as const;
export type AssetWarningCode = (typeof ASSET_WARNING_CODES)[number];

/** A doubt about a valid asset identifier: the field it is about, its code, and English words (the web words it itself). */
export interface AssetWarning {
  field: string;
  code: AssetWarningCode;
  message: string;
}
