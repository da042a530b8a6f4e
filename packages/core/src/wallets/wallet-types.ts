/** What a wallet address is read as, and the named ways it can be wrong. */
export const WALLET_CURRENCIES = ['BTC', 'ETH'] as const;
export type WalletCurrency = (typeof WALLET_CURRENCIES)[number];

export type WalletNetwork = 'mainnet' | 'testnet' | 'regtest';

/** The kind of output an address pays to; a future witness version is `segwit-vN`. */
export type WalletAddressType = 'p2pkh' | 'p2sh' | 'p2wpkh' | 'p2wsh' | 'p2tr' | `segwit-v${number}` | 'eth';

/** Said of an address that is valid but could not be checked as fully as its format allows. */
export interface WalletWarning {
  code: 'wallet.no-checksum';
  message: string;
}

export interface WalletAddress {
  currency: WalletCurrency;
  /** Bitcoin only: an Ethereum address is the same on every chain. */
  network?: WalletNetwork;
  type: WalletAddressType;
  /**
   * The form addresses are compared in: bech32 in lower case (its checksum ignores case), base58
   * as written (its case is the data), Ethereum in lower case (its case is only a checksum).
   */
  normalised: string;
  /** The form to show: the EIP-55 mixed case for Ethereum, the normalised form otherwise. */
  display: string;
  warnings: WalletWarning[];
}

export const WALLET_ERROR_CODES = [
  'wallet.empty',
  'wallet.too-long',
  'wallet.unrecognised',
  'wallet.base58-character',
  'wallet.base58-checksum',
  'wallet.base58-length',
  'wallet.base58-version',
  'wallet.bech32-character',
  'wallet.bech32-mixed-case',
  'wallet.bech32-checksum',
  'wallet.bech32-variant',
  'wallet.bech32-prefix',
  'wallet.bech32-padding',
  'wallet.witness-version',
  'wallet.witness-program-length',
  'wallet.eth-length',
  'wallet.eth-character',
  'wallet.eth-checksum',
] as const;
export type WalletErrorCode = (typeof WALLET_ERROR_CODES)[number];

export interface WalletAddressError {
  code: WalletErrorCode;
  /** Says what is wrong in words an officer can act on; validation messages are these. */
  message: string;
}

export type WalletParse = { ok: true; address: WalletAddress } | { ok: false; error: WalletAddressError };

/** Longer than any address of these formats (bech32 stops at 90): refused before any decoding. */
export const MAX_WALLET_ADDRESS_LENGTH = 100;

export const walletError = (code: WalletErrorCode, message: string): WalletParse => ({ ok: false, error: { code, message } });

/** At most this many wallets per alert: enough for a person's known wallets, bounded like every list. */
export const MAX_ALERT_WALLETS = 20;
