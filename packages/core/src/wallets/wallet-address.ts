import { parseBase58Address, parseSegwitAddress } from './bitcoin-address.js';
import { parseEthereumAddress } from './ethereum-address.js';
import { MAX_WALLET_ADDRESS_LENGTH, walletError, type WalletParse } from './wallet-types.js';

export * from './wallet-types.js';

const SEGWIT_PREFIX = /^(bc|tb|bcrt)1/i;
/** Any bech32 string: letters, the separator, then the bech32 characters. */
const BECH32_SHAPE = /^[a-z]+1[02-9ac-hj-np-z]{6,}$/i;
const BASE58_SHAPE = /^[1-9A-HJ-NP-Za-km-z]{25,35}$/;

/**
 * Reads a Bitcoin (base58check, bech32, bech32m) or Ethereum address, checking everything its
 * format lets one check: a typo in an address names another wallet, and screening for the wrong
 * wallet finds nothing, silently. The text is trimmed; nothing else is corrected. Never throws.
 */
export function parseWalletAddress(text: string): WalletParse {
  const value = text.trim();
  if (value === '') return walletError('wallet.empty', 'an address is needed');
  if (value.length > MAX_WALLET_ADDRESS_LENGTH) return walletError('wallet.too-long', `an address has at most ${MAX_WALLET_ADDRESS_LENGTH} characters`);
  if (/^0x/i.test(value)) return parseEthereumAddress(value);
  if (SEGWIT_PREFIX.test(value)) return parseSegwitAddress(value);
  // Base58 addresses start with 1 or 3 (mainnet), m, n or 2 (testnet).
  if (/^[123mn]/.test(value) || BASE58_SHAPE.test(value)) return parseBase58Address(value);
  // Another coin's bech32 (ltc1…, cosmos1…) or a mistyped prefix (tc1…).
  if (BECH32_SHAPE.test(value)) return parseSegwitAddress(value);
  return walletError('wallet.unrecognised', 'not a Bitcoin or Ethereum address');
}
