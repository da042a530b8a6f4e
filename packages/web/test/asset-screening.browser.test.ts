import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createAlert } from '../../server/src/app/create-alert.js';
import { hasChromium, setupCtx, startWebApp, type WebApp } from './harness.ts';

/**
 * Screening assets from the console: a company typed in Cyrillic finds the company asset written
 * in Latin letters, an IBAN typed in lower case with spaces finds the bank account, each with its
 * reasons in the officer's language; a wrong check digit is told beside the IBAN field.
 */
describe.skipIf(!hasChromium)('asset screening in chromium', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp(async ({ deps, user }) => {
      await user('deu.frontline', 'DEU', 'frontline');
      await createAlert(deps, setupCtx('FRA'), { kind: 'asset', category: 'asset-tracing', asset: { type: 'company', name: 'Romashka LLC', registrationNumber: '1027700132195', country: 'RUS' }, visibility: { mode: 'all' } });
      await createAlert(deps, setupCtx('FRA'), { kind: 'asset', category: 'asset-tracing', asset: { type: 'bank-account', iban: 'DE89370400440532013000', holder: 'Romashka LLC' }, visibility: { mode: 'all' } });
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  const inLanguage = async (page: Page, language: string, dir: 'ltr' | 'rtl') => {
    await page.getByTestId('language').selectOption(language);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(dir);
  };

  it('finds a company typed in Cyrillic and an IBAN typed loosely, with their reasons in English and in French', async () => {
    const page = await app.openAs('deu.frontline', '/screen');
    await page.locator('input[name="companyName"]').fill('ООО «Ромашка»');
    await page.locator('input[name="iban"]').fill('de89 3704 0044 0532 0130 00');
    await page.locator('button[type="submit"]').click();
    const hits = page.getByTestId('found-hit');
    await expect.poll(() => hits.count()).toBe(2);
    for (let i = 0; i < 2; i++) expect(await hits.nth(i).getAttribute('data-matched-by')).toBe('asset');
    const all = (await hits.allInnerTexts()).join('\n');
    expect(all).toContain('IBAN DE89 3704 0044 0532 0130 00: same account');
    expect(all).toContain('query name in Cyrillic script, read as ROMASHKA');
    expect(all).toContain('name ROMASHKA: same');
    expect(all).toContain('legal form ООО ~ LLC: same kind');
    // The account is found by its number and by its holder's name, once.
    expect(all).toContain('found by the account holder’s name');
    expect(all).toContain('Found by the assets typed');
    await app.shot(page, 'asset-screening-en');

    await inLanguage(page, 'fr', 'ltr');
    const french = (await hits.allInnerTexts()).join('\n');
    expect(french).toContain('IBAN DE89 3704 0044 0532 0130 00 : même compte');
    expect(french).toContain('forme juridique ООО ~ LLC : même type');
    expect(french).toContain('trouvé par le nom du titulaire du compte');
    expect(french).not.toContain('same account');
    await app.shot(page, 'asset-screening-fr');

    await inLanguage(page, 'ar', 'rtl');
    const arabic = (await hits.allInnerTexts()).join('\n');
    expect(arabic).toContain('الحساب نفسه');
    expect(arabic).toContain('الشكل القانوني');
    // A name typed in another script reads in its own direction inside the right-to-left page.
    expect(await page.locator('input[name="companyName"]').getAttribute('dir')).toBe('auto');
    await app.shot(page, 'asset-screening-ar');
    // The server keeps the officer's language: back to English, which the next log-in waits for.
    await inLanguage(page, 'en', 'ltr');
    expect(app.consoleErrors).toEqual([]);
  });

  it('refuses an IBAN with a wrong check digit beside its field, before sending anything', async () => {
    const page = await app.openAs('deu.frontline', '/screen');
    await inLanguage(page, 'es', 'ltr');
    const field = page.locator('input[name="iban"]');
    await field.fill('DE88 3704 0044 0532 0130 00');
    await page.locator('button[type="submit"]').click();
    const error = page.getByTestId('screen-asset-iban-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('Los dígitos de control del IBAN no coinciden');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('found-hit').count()).toBe(0);
    // A registration number without the company's name: the name is asked for beside its field.
    await field.fill('');
    await page.locator('input[name="registrationNumber"]').fill('1027700132195');
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('screen-asset-company-error').waitFor();
    await app.shot(page, 'asset-screening-errors-es');
  });
});
