/**
 * Wallet addresses (Bitcoin base58check, bech32, bech32m; Ethereum with EIP-55): read, checked
 * and normalised. No zod and no I/O: the browser imports this as `@crosscheck/core/wallets`.
 */
export * from './wallet-address.js';
export { eip55 } from './ethereum-address.js';
