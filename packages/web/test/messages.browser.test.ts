import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EN } from '../src/i18n/dictionary.ts';
import { dictionary as ar } from '../src/i18n/languages/ar.ts';
import { dictionary as fr } from '../src/i18n/languages/fr.ts';
import { hasChromium, PASSWORD, startWebApp, type WebApp } from './harness.ts';

/**
 * Messages that help, in a real browser: the three date problems each have their words beside the
 * field, and a refusal of the server is shown in the reader's language, not as the API's English.
 */
describe.skipIf(!hasChromium)('messages in chromium', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp(async ({ user }) => {
      await user('fra.bureau', 'FRA', 'bureau');
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  const logInAt = async (path: string, locale: string) => {
    const page = await app.open(await app.browser.newContext({ locale }), path);
    await page.locator('input[name=username]').fill('fra.bureau');
    await page.locator('input[name=password]').fill(PASSWORD);
    await page.locator('form.login button[type=submit]').click();
    return page;
  };

  it('says beside the birth date whether it is impossible, in the future or wrongly written, in French', async () => {
    const page = await logInAt('/alerts', 'fr-FR');
    await page.getByTestId('new-person').click();
    await page.getByTestId('alert-editor').waitFor();
    const birthDate = page.locator('input[name=birthDate]');
    const besideIt = page.locator('.field', { has: birthDate }).locator('.field-error');
    const seen: string[] = [];
    for (const [value, key] of [
      ['1974-02-30', 'problem.field.date.impossible'],
      ['2999-01-01', 'problem.field.date.future'],
      ['30/01/1974', 'problem.field.date.format'],
    ] as const) {
      await birthDate.fill(value);
      await page.getByRole('button', { name: fr['alertEditor.publish'] }).click();
      await expect.poll(() => besideIt.textContent()).toBe(fr[key]);
      expect(await birthDate.getAttribute('aria-invalid')).toBe('true');
      seen.push((await besideIt.textContent()) ?? '');
      if (value === '2999-01-01') await app.shot(page, 'message-future-birth-date-fr');
    }
    expect(new Set(seen).size).toBe(3);
  });

  it('shows a refusal of the server in Arabic, by its code, not the API’s English detail', async () => {
    app.expectError = /404/;
    const page = await logInAt('/alerts?id=0190aaaa-0000-7000-8000-000000000000', 'ar');
    const refusal = page.getByRole('alert');
    await expect.poll(() => refusal.textContent()).toContain(ar['problem.alert.not-found']);
    expect(await refusal.textContent()).not.toContain('alert not found');
    expect(ar['problem.alert.not-found']).not.toBe(EN['problem.alert.not-found']);
    await app.shot(page, 'message-not-found-ar');
    app.expectError = null;
  });
});
