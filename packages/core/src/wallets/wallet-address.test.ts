import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eip55, parseWalletAddress, type WalletAddress, type WalletErrorCode } from './index.js';

const ok = (text: string): WalletAddress => {
  const parsed = parseWalletAddress(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error.message}`);
  return parsed.address;
};
const errorOf = (text: string) => {
  const parsed = parseWalletAddress(text);
  return parsed.ok ? null : parsed.error;
};

// BIP 350's valid segwit addresses (BIP 173's v0 ones among them), with their witness version
// and program as the BIP gives them in their scriptPubKey.
const SEGWIT_VALID: [string, Partial<WalletAddress>][] = [
  ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', { network: 'mainnet', type: 'p2wpkh', normalised: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4' }],
  ['tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7', { network: 'testnet', type: 'p2wsh' }],
  ['bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y', { network: 'mainnet', type: 'segwit-v1' }],
  ['BC1SW50QGDZ25J', { network: 'mainnet', type: 'segwit-v16', normalised: 'bc1sw50qgdz25j' }],
  ['bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs', { network: 'mainnet', type: 'segwit-v2' }],
  ['tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy', { network: 'testnet', type: 'p2wsh' }],
  ['tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c', { network: 'testnet', type: 'p2tr' }],
  ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', { network: 'mainnet', type: 'p2tr' }],
  // BIP 173's first program under the regtest prefix.
  ['bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080', { network: 'regtest', type: 'p2wpkh' }],
];

// BIP 173's and BIP 350's invalid segwit addresses, each with the reason the BIP gives.
const SEGWIT_INVALID: [string, WalletErrorCode, string][] = [
  ['tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty', 'wallet.bech32-prefix', 'invalid human-readable part'],
  ['tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut', 'wallet.bech32-prefix', 'invalid human-readable part'],
  ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', 'wallet.bech32-checksum', 'invalid checksum'],
  ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd', 'wallet.bech32-variant', 'bech32 instead of bech32m'],
  ['tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf', 'wallet.bech32-variant', 'bech32 instead of bech32m'],
  ['BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL', 'wallet.bech32-variant', 'bech32 instead of bech32m'],
  ['bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx', 'wallet.bech32-variant', 'BIP 173 v1 vector, bech32 instead of bech32m'],
  ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', 'wallet.bech32-variant', 'bech32m instead of bech32'],
  ['tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47', 'wallet.bech32-variant', 'bech32m instead of bech32'],
  ['bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4', 'wallet.bech32-character', 'invalid character in checksum'],
  ['BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R', 'wallet.witness-version', 'invalid witness version'],
  ['BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2', 'wallet.witness-version', 'invalid witness version'],
  ['bc1pw5dgrnzv', 'wallet.witness-program-length', 'program of 1 byte'],
  ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav', 'wallet.witness-program-length', 'program of 41 bytes'],
  // BIP 173's vectors of versions 1+ carry bech32 checksums: since BIP 350 that alone refuses them.
  ['bc1rw5uspcuh', 'wallet.bech32-variant', 'invalid program length (BIP 173)'],
  ['bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90', 'wallet.bech32-variant', 'invalid program length (BIP 173)'],
  ['BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P', 'wallet.witness-program-length', 'version 0 program of 16 bytes (BIP 141)'],
  ['tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq', 'wallet.bech32-mixed-case', 'mixed case'],
  ['tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7', 'wallet.bech32-mixed-case', 'mixed case'],
  ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf', 'wallet.bech32-padding', 'zero padding of more than 4 bits'],
  ['bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du', 'wallet.bech32-variant', 'zero padding of more than 4 bits (BIP 173)'],
  ['tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j', 'wallet.bech32-padding', 'non-zero padding'],
  ['tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv', 'wallet.bech32-padding', 'non-zero padding'],
  ['bc1gmk9yu', 'wallet.witness-program-length', 'empty data section'],
];

// Well-known base58check addresses: the genesis block's coinbase, the P2SH example of the Bitcoin
// wiki, and testnet addresses of both kinds.
const BASE58_VALID: [string, Partial<WalletAddress>][] = [
  ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', { network: 'mainnet', type: 'p2pkh' }],
  ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', { network: 'mainnet', type: 'p2sh' }],
  ['mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn', { network: 'testnet', type: 'p2pkh' }],
  ['2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc', { network: 'testnet', type: 'p2sh' }],
];

// EIP-55's test cases: addresses whose checksum form happens to be all caps or all lower case,
// and mixed-case ones.
const EIP55_ALL_ONE_CASE = ['0x52908400098527886E0F7030069857D2E4169EE7', '0x8617E340B3D01FA5F11F306F4090FD50E238070D', '0xde709f2102306220921060314715629080e2fb77', '0x27b1fdb04752bbc536007a920d24acb045561c26'];
const EIP55_CHECKSUMMED = ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359', '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB', '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb'];

describe('parseWalletAddress: Bitcoin segwit (BIP 173, BIP 350)', () => {
  it.each(SEGWIT_VALID)('reads %s', (text, expected) => {
    const a = ok(text);
    expect(a).toMatchObject({ currency: 'BTC', normalised: text.toLowerCase(), display: text.toLowerCase(), warnings: [], ...expected });
  });

  it.each(SEGWIT_INVALID)('refuses %s as %s (%s)', (text, code) => {
    expect(errorOf(text)?.code).toBe(code);
  });

  it('names the checksum in words an officer can act on', () => {
    expect(errorOf('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5')?.message).toBe('bech32 checksum does not match');
  });

  it('is found alike in upper and lower case: the two forms normalise to one', () => {
    expect(ok('BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4').normalised).toBe(ok('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4').normalised);
  });
});

describe('parseWalletAddress: Bitcoin base58check', () => {
  it.each(BASE58_VALID)('reads %s', (text, expected) => {
    expect(ok(text)).toMatchObject({ currency: 'BTC', normalised: text, display: text, warnings: [], ...expected });
  });

  it('refuses a one-character typo by its checksum, and keeps case as data', () => {
    expect(errorOf('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb')).toEqual({ code: 'wallet.base58-checksum', message: 'base58 checksum does not match' });
    expect(errorOf('1A1zP1eP5QGefi2DMPTfTL5SLmv7divfNa')?.code).toBe('wallet.base58-checksum');
  });

  it('names a character base58 leaves out, and a length no address has', () => {
    expect(errorOf('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN0')).toMatchObject({ code: 'wallet.base58-character', message: expect.stringContaining('"0"') });
    expect(errorOf('1A1zP1eP5QG')?.code).toBe('wallet.base58-length');
  });

  it('refuses a valid base58check string of another coin by its version byte', () => {
    // A Litecoin address (version 0x30): its checksum holds, its version is not Bitcoin's.
    expect(errorOf('LVg2kJoFNg45Nbpy53h7Fe1wKyeXVRhMH9')?.code).toBe('wallet.base58-version');
  });
});

describe('parseWalletAddress: Ethereum (EIP-55)', () => {
  it.each([...EIP55_ALL_ONE_CASE, ...EIP55_CHECKSUMMED])('accepts the checksummed %s, compared in lower case', (text) => {
    expect(ok(text)).toEqual({ currency: 'ETH', type: 'eth', normalised: text.toLowerCase(), display: text, warnings: [] });
    expect(eip55(text.slice(2).toLowerCase())).toBe(text);
  });

  it.each(EIP55_CHECKSUMMED.flatMap((a) => [a.toLowerCase(), `0x${a.slice(2).toUpperCase()}`]))('accepts %s, written in one case, with a warning that it carries no checksum', (text) => {
    const a = ok(text);
    expect(a.normalised).toBe(text.toLowerCase());
    expect(EIP55_CHECKSUMMED).toContain(a.display);
    expect(a.warnings.map((w) => w.code)).toEqual(['wallet.no-checksum']);
  });

  it('refuses mixed case that is not the EIP-55 checksum, naming it', () => {
    expect(errorOf('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toMatchObject({ code: 'wallet.eth-checksum', message: expect.stringContaining('EIP-55 checksum') });
    expect(errorOf('0xd1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb')?.code).toBe('wallet.eth-checksum');
  });

  it('names a wrong length and a character that is not hex', () => {
    expect(errorOf('0x5aAeb6053F3E94C9b9A09f3366')?.code).toBe('wallet.eth-length');
    expect(errorOf('0xZZAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')?.code).toBe('wallet.eth-character');
  });
});

describe('parseWalletAddress: anything else', () => {
  it('trims, refuses empty, overlong and unrecognised text by name', () => {
    expect(ok('  1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa\n').normalised).toBe('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa');
    expect(errorOf('   ')?.code).toBe('wallet.empty');
    expect(errorOf('bc1q'.padEnd(101, 'q'))?.code).toBe('wallet.too-long');
    expect(errorOf('bc1q'.padEnd(91, 'q'))?.code).toBe('wallet.too-long');
    expect(errorOf('hello world')?.code).toBe('wallet.unrecognised');
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 120 }), fc.constantFrom('bc1', 'tb1', 'bcrt1', '0x', '1', '3', 'm').chain((p) => fc.string({ maxLength: 100 }).map((s) => p + s))), (s) => {
        const parsed = parseWalletAddress(s);
        if (parsed.ok) expect(parseWalletAddress(parsed.address.normalised)).toMatchObject({ ok: true, address: { normalised: parsed.address.normalised } });
      }),
      { numRuns: 2000 },
    );
  });
});
