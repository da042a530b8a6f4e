import { parseWalletAddress } from '@crosscheck/core';
import * as fc from 'fast-check';
import type { FuzzReader } from './readers.ts';

class InvariantBroken extends Error {
  override name = 'InvariantBroken';
}
const invariant = (ok: boolean, message: string) => {
  if (!ok) throw new InvariantBroken(message);
};

// BIP 173/350 and EIP-55 addresses and well-known base58 ones: every kind the reader tells apart.
const SEEDS = [
  'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
  'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7',
  'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
  'BC1SW50QGDZ25J',
  'bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080',
  '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
  '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy',
  '2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc',
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  '0xde709f2102306220921060314715629080e2fb77',
];

/**
 * A wallet address as an alert, a screening or a batch line gives it: read or refused by name,
 * never thrown; what is read reads again to itself from its normalised and its display form.
 */
export const wallet: FuzzReader = {
  name: 'wallet',
  ext: 'txt',
  seeds: () => SEEDS.map((s) => Buffer.from(s)),
  tokens: ['bc1', 'tb1', 'bcrt1', 'BC1', '0x', '0X', '1', '3', 'q', 'p', 'z', 'l', '0', 'O', 'I', 'b', 'i', 'o', 'f', 'F', ' ', '\n', 'qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq'],
  generate: (seed, count) =>
    fc
      .sample(
        fc.oneof(
          fc.string({ maxLength: 120 }),
          fc.tuple(fc.constantFrom('bc1', 'tb1', 'bcrt1', '0x', '1', '3', 'm', '2'), fc.stringMatching(/^[qpzry9x8gf2tvdw0s3jn54khce6mua7lA-F1-9]{0,100}$/)).map(([p, s]) => p + s),
        ),
        { seed, numRuns: count },
      )
      .map((s) => Buffer.from(s)),
  read(input) {
    const parsed = parseWalletAddress(input.toString('utf8'));
    if (!parsed.ok) {
      invariant(parsed.error.code.startsWith('wallet.') && parsed.error.message.length > 0, 'a refusal without a code or words');
      return `refused:${parsed.error.code}`;
    }
    const a = parsed.address;
    for (const form of [a.normalised, a.display]) {
      const again = parseWalletAddress(form);
      invariant(again.ok && again.address.normalised === a.normalised && again.address.type === a.type, `${form} does not read back to ${a.normalised}`);
    }
    return `ok:${a.currency}:${a.network ?? '-'}:${a.type}:${a.warnings.map((w) => w.code).join(',')}`;
  },
};
