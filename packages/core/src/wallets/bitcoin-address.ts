import { sha256 } from '@noble/hashes/sha2.js';
import { base58, bech32, bech32m } from '@scure/base';
import { walletError, type WalletAddressType, type WalletNetwork, type WalletParse } from './wallet-types.js';

/** Version bytes of base58check addresses (the regtest ones are testnet's). */
const BASE58_VERSIONS: Readonly<Record<number, { network: WalletNetwork; type: 'p2pkh' | 'p2sh' }>> = {
  0x00: { network: 'mainnet', type: 'p2pkh' },
  0x05: { network: 'mainnet', type: 'p2sh' },
  0x6f: { network: 'testnet', type: 'p2pkh' },
  0xc4: { network: 'testnet', type: 'p2sh' },
};

/** BIP 173 human-readable parts of the Bitcoin networks (signet shares testnet's). */
const SEGWIT_PREFIXES: Readonly<Record<string, WalletNetwork>> = { bc: 'mainnet', tb: 'testnet', bcrt: 'regtest' };

const BASE58_ALPHABET = /^[1-9A-HJ-NP-Za-km-z]*$/;
const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const BECH32_MAX_LENGTH = 90;

/** Version byte, 20-byte hash, 4-byte checksum. */
const BASE58_BYTES = 25;

/**
 * A base58check address: its 25 bytes end with the first four bytes of the double SHA-256 of
 * the other 21. The case of every character is data, so nothing is folded.
 */
export function parseBase58Address(value: string): WalletParse {
  if (!BASE58_ALPHABET.test(value)) {
    const bad = [...value].find((c) => !BASE58_ALPHABET.test(c))!;
    return walletError('wallet.base58-character', `"${bad}" is not a base58 character (base58 leaves out 0, O, I and l)`);
  }
  // 25 bytes take 25 to 35 characters in base58: anything else cannot be an address, and is not decoded.
  if (value.length < 25 || value.length > 35) return walletError('wallet.base58-length', 'a base58 address has 25 to 35 characters');
  const bytes = base58.decode(value);
  if (bytes.length !== BASE58_BYTES) return walletError('wallet.base58-length', `a base58 address holds ${BASE58_BYTES} bytes, this one ${bytes.length}`);
  const payload = bytes.subarray(0, 21);
  const check = sha256(sha256(payload));
  if (!bytes.subarray(21).every((b, i) => b === check[i])) return walletError('wallet.base58-checksum', 'base58 checksum does not match');
  const version = BASE58_VERSIONS[payload[0]!];
  if (!version) return walletError('wallet.base58-version', `version byte 0x${payload[0]!.toString(16).padStart(2, '0')} is not a Bitcoin address's (0x00, 0x05, 0x6f, 0xc4)`);
  return { ok: true, address: { currency: 'BTC', network: version.network, type: version.type, normalised: value, display: value, warnings: [] } };
}

/**
 * A native segwit address (BIP 173, BIP 350): witness version 0 with the bech32 checksum and a
 * 20- or 32-byte program, versions 1 to 16 with the bech32m checksum and 2 to 40 bytes. Upper or
 * lower case as a whole; mixed case is refused, as both BIPs require.
 */
export function parseSegwitAddress(value: string): WalletParse {
  if (value.length > BECH32_MAX_LENGTH) return walletError('wallet.too-long', `a bech32 address has at most ${BECH32_MAX_LENGTH} characters`);
  const lower = value.toLowerCase();
  if (value !== lower && value !== value.toUpperCase()) return walletError('wallet.bech32-mixed-case', 'a bech32 address is all upper case or all lower case, not mixed');
  const separator = lower.lastIndexOf('1');
  const prefix = lower.slice(0, separator);
  const data = lower.slice(separator + 1);
  const network = SEGWIT_PREFIXES[prefix];
  if (separator < 1 || network === undefined) return walletError('wallet.bech32-prefix', `"${prefix}" is not a Bitcoin network's prefix (bc, tb, bcrt)`);
  const bad = [...data].find((c) => !BECH32_CHARSET.includes(c));
  if (bad !== undefined) return walletError('wallet.bech32-character', `"${bad}" is not a bech32 character (bech32 leaves out 1, b, i and o)`);
  if (data.length < 6) return walletError('wallet.bech32-checksum', 'bech32 checksum is too short');
  const plain = bech32.decodeUnsafe(lower, BECH32_MAX_LENGTH);
  const modified = plain ? undefined : bech32m.decodeUnsafe(lower, BECH32_MAX_LENGTH);
  const decoded = plain ?? modified;
  if (!decoded) return walletError('wallet.bech32-checksum', 'bech32 checksum does not match');
  const [version, ...words] = decoded.words;
  if (version === undefined) return walletError('wallet.witness-program-length', 'the address has no witness version or program');
  if (version > 16) return walletError('wallet.witness-version', `witness version ${version} does not exist (0 to 16)`);
  if (version === 0 && !plain) return walletError('wallet.bech32-variant', 'witness version 0 takes the bech32 checksum, not bech32m (BIP 350)');
  if (version > 0 && plain) return walletError('wallet.bech32-variant', `witness version ${version} takes the bech32m checksum, not bech32 (BIP 350)`);
  const program = bech32.fromWordsUnsafe(words);
  if (!program) return walletError('wallet.bech32-padding', 'the witness program is not padded as bech32 requires');
  if (program.length < 2 || program.length > 40) return walletError('wallet.witness-program-length', `a witness program has 2 to 40 bytes, this one ${program.length}`);
  if (version === 0 && program.length !== 20 && program.length !== 32) return walletError('wallet.witness-program-length', `a version 0 witness program has 20 or 32 bytes, this one ${program.length}`);
  return { ok: true, address: { currency: 'BTC', network, type: segwitType(version, program.length), normalised: lower, display: lower, warnings: [] } };
}

function segwitType(version: number, length: number): WalletAddressType {
  if (version === 0) return length === 20 ? 'p2wpkh' : 'p2wsh';
  if (version === 1 && length === 32) return 'p2tr';
  return `segwit-v${version}`;
}
