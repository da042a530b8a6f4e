import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../server/src/app/create-alert.js';
import { createKey } from '../../server/src/app/manage-keys.js';
import { hasChromium, setupCtx, startWebApp, type WebApp } from './harness.ts';

/**
 * An airline's key (role carrier, ESP) checks a passenger's passport that FRA reported stolen. FRA's
 * bureau sees the hit in its inbox marked as a carrier check, in words, in English, French and
 * Arabic, and on the hit's own page with what that means; ESP's bureau sees it too. The carrier
 * learns nothing but "refer".
 */
describe.skipIf(!hasChromium)('a carrier check’s hit in chromium', () => {
  let app: WebApp;
  let carrierKey = '';

  beforeAll(async () => {
    app = await startWebApp(async ({ deps, operator, user }) => {
      await user('fra.bureau', 'FRA', 'bureau');
      await user('esp.bureau', 'ESP', 'bureau');
      await createAlert(deps, setupCtx('FRA'), { kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: '12AB34567', status: 'stolen-issued' }, visibility: { mode: 'all' } });
      carrierKey = (await createKey(deps, operator, { member: 'ESP', role: 'carrier', label: 'Iberia check-in MAD' })).key;
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  const check = async (number: string) => {
    const res = await fetch(`${app.url}/api/v1/check/documents`, { method: 'POST', headers: { authorization: `Bearer ${carrierKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ documents: [{ issuingState: 'FRA', number, type: 'passport' }] }) });
    expect(res.status).toBe(200);
    return res.json();
  };

  const inLanguage = async (page: Page, language: string) => {
    await page.getByTestId('language').selectOption(language);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
  };

  it('marks the hit as a carrier check in the owner’s inbox and on the hit’s page, in English, French and Arabic', async () => {
    const fra = await app.openAs('fra.bureau', '/hits');
    await fra.getByText('No hits yet', { exact: false }).waitFor({ timeout: 10_000 });
    expect(await check('12AB34567')).toEqual({ results: [{ result: 'refer' }] });
    expect(await check('00000000')).toEqual({ results: [{ result: 'no-hit' }] });

    // The inbox's live stream brings the new hit in, marked in words.
    await expect.poll(() => fra.getByTestId('hit-row').count(), { timeout: 10_000 }).toBe(1);
    const row = fra.getByTestId('hit-row').first();
    await expect.poll(() => row.getByTestId('hit-origin').textContent()).toBe('Carrier check');
    await app.shot(fra, 'carrier-check-inbox-en');

    await inLanguage(fra, 'fr');
    await expect.poll(() => row.getByTestId('hit-origin').textContent()).toBe('Contrôle par un transporteur');
    await app.shot(fra, 'carrier-check-inbox-fr');

    await row.click();
    await expect.poll(() => fra.getByTestId('hit-origin-detail').textContent()).toBe('Contrôle par un transporteur La clé d’un transporteur a vérifié ce document de voyage avant l’embarquement ; le transporteur a seulement reçu l’instruction d’orienter le voyageur vers les autorités.');
    await app.shot(fra, 'carrier-check-hit-fr');

    await inLanguage(fra, 'ar');
    await expect.poll(() => fra.getByTestId('hit-origin-detail').textContent()).toContain('تحقق من ناقل');
    expect(await fra.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await app.shot(fra, 'carrier-check-hit-ar');

    await inLanguage(fra, 'en');
    await expect.poll(() => fra.getByTestId('hit-origin-detail').textContent()).toContain('Carrier check A carrier’s key checked this travel document');
    await app.shot(fra, 'carrier-check-hit-en');
    expect(app.consoleErrors).toEqual([]);
  });

  it('shows the carrier’s own bureau the hit too, with the key that checked', async () => {
    const esp = await app.openAs('esp.bureau', '/hits');
    await expect.poll(() => esp.getByTestId('hit-row').count(), { timeout: 10_000 }).toBe(1);
    await inLanguage(esp, 'es');
    await expect.poll(() => esp.getByTestId('hit-origin').first().textContent()).toBe('Control de un transportista');
    await esp.getByTestId('hit-row').first().click();
    await expect.poll(() => esp.getByTestId('hit-summary').textContent()).toContain('Iberia check-in MAD');
    await app.shot(esp, 'carrier-check-hit-es');
    expect(app.consoleErrors).toEqual([]);
  });
});
