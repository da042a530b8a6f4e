import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { walletError, type WalletParse } from './wallet-types.js';

/**
 * The EIP-55 form of 40 lower-case hex digits: a letter is upper case where the matching hex digit
 * of keccak-256 of those 40 characters is 8 or more.
 */
export function eip55(hexLower: string): string {
  const hash = bytesToHex(keccak_256(utf8ToBytes(hexLower)));
  let out = '0x';
  for (let i = 0; i < hexLower.length; i++) out += parseInt(hash[i]!, 16) >= 8 ? hexLower[i]!.toUpperCase() : hexLower[i]!;
  return out;
}

/**
 * 0x and 40 hex digits. Mixed case is an EIP-55 checksum and must hold; a single case carries none
 * and is accepted with a warning, as wallets and block explorers write both.
 */
export function parseEthereumAddress(value: string): WalletParse {
  const hex = value.slice(2);
  if (hex.length !== 40) return walletError('wallet.eth-length', `an Ethereum address is 0x and 40 hexadecimal digits, this one has ${hex.length}`);
  const bad = [...hex].find((c) => !/[0-9a-fA-F]/.test(c));
  if (bad !== undefined) return walletError('wallet.eth-character', `"${bad}" is not a hexadecimal digit`);
  const lower = hex.toLowerCase();
  const display = eip55(lower);
  const normalised = `0x${lower}`;
  const address = { currency: 'ETH' as const, type: 'eth' as const, normalised, display };
  if (hex === display.slice(2)) return { ok: true, address: { ...address, warnings: [] } };
  if (hex === lower || hex === hex.toUpperCase()) {
    return { ok: true, address: { ...address, warnings: [{ code: 'wallet.no-checksum', message: 'written in one case, the address carries no EIP-55 checksum: a typo in it cannot be detected' }] } };
  }
  return walletError('wallet.eth-checksum', 'EIP-55 checksum does not match (the mix of upper and lower case is wrong)');
}
