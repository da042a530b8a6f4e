import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../server/src/app/create-alert.js';
import { hasChromium, setupCtx, startWebApp, type WebApp } from './harness.ts';

// BIP 173's P2WPKH address and an EIP-55 address, the latter stored as typed in lower case.
const BECH32 = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4';
const ETH = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

/**
 * Wallet addresses from end to end: the alert page shows a person's wallets (Ethereum in its
 * checksum case), and the console finds the alert by an address typed in another case and refuses
 * a mistyped one beside its field.
 */
describe.skipIf(!hasChromium)('wallet addresses in chromium', () => {
  let app: WebApp;
  let alertId = '';

  beforeAll(async () => {
    app = await startWebApp(async ({ deps, user }) => {
      await user('deu.bureau', 'DEU', 'bureau');
      const a = await createAlert(deps, setupCtx('FRA'), {
        kind: 'person',
        category: 'missing',
        person: { names: [{ family: 'NAKAMOTO', given: 'SATOSHI' }], walletAddresses: [{ address: BECH32 }, { address: ETH.toLowerCase(), currency: 'ETH' }] },
        visibility: { mode: 'all' },
      });
      alertId = a.id;
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('shows the wallets on the alert page, Ethereum in its EIP-55 case', async () => {
    const page = await app.openAs('deu.bureau', `/alerts?id=${alertId}`);
    const wallets = page.getByTestId('alert-wallets');
    await wallets.waitFor();
    const text = await wallets.innerText();
    expect(text).toContain(`BTC ${BECH32}`);
    expect(text).toContain('P2WPKH');
    expect(text).toContain(`ETH ${ETH}`);
  });

  it('finds the alert by a bech32 address typed in upper case, and says the wallet found it', async () => {
    const page = await app.openAs('deu.bureau', '/screen');
    await page.getByLabel('Wallet address (Bitcoin or Ethereum)').fill(BECH32.toUpperCase());
    await page.getByRole('button', { name: 'Screen' }).click();
    const hits = page.getByTestId('found-hit');
    await expect.poll(() => hits.count()).toBe(1);
    expect(await hits.first().getAttribute('data-matched-by')).toBe('wallet');
    expect(await hits.first().innerText()).toContain(`BTC wallet ${BECH32}: same address`);
  });

  it('says beside the field that an Ethereum address typed in one case had no checksum to check', async () => {
    const page = await app.openAs('deu.bureau', '/screen');
    await page.getByLabel('Wallet address (Bitcoin or Ethereum)').fill(ETH.toLowerCase());
    await page.getByRole('button', { name: 'Screen' }).click();
    await expect.poll(() => page.getByTestId('found-hit').count()).toBe(1);
    expect(await page.getByTestId('wallet-warning').innerText()).toContain(`carries no checksum`);
    expect(await page.getByTestId('wallet-warning').innerText()).toContain(ETH);
  });

  it('refuses a one-character typo beside the field, naming the checksum, before sending anything', async () => {
    const page = await app.openAs('deu.bureau', '/screen');
    const field = page.getByLabel('Wallet address (Bitcoin or Ethereum)');
    await field.fill(`${BECH32.slice(0, -1)}5`);
    await page.getByRole('button', { name: 'Screen' }).click();
    const error = page.getByTestId('screen-wallet-address-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('checksum does not match');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('found-hit').count()).toBe(0);
  });
});
