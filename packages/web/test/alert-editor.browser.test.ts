import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../../server/test/png.js';
import { hasChromium, startWebApp, type WebApp } from './harness.ts';


/**
 * Alerts for bureaus, in a real browser: a bureau publishes a person alert with a name in
 * Arabic script beside its Latin transliteration, shared with two members only; the form catches an
 * impossible birth date before anything is sent; a photo is added; the alert is edited, then
 * cancelled with a reason.
 */
describe.skipIf(!hasChromium)('alert editor in chromium', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp(async ({ user }) => {
      await user('fra.bureau', 'FRA', 'bureau');
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('creates, shares with chosen members, adds a photo, edits and cancels a person alert', async () => {
    const page = await app.openAs('fra.bureau', '/alerts');
    await page.getByTestId('new-person').click();
    const editor = page.getByTestId('alert-editor');
    await editor.waitFor();

    await page.getByLabel('Name in its original script').fill('محمد عبد الله');
    await page.getByLabel('Script (ISO 15924').fill('Arab');
    await page.getByLabel('Family name (Latin letters)').fill('ABDULLAH');
    await page.getByLabel('Given names (Latin letters)').fill('MOHAMMED');
    const birthDate = page.getByLabel('Date of birth (YYYY, YYYY-MM or YYYY-MM-DD)', { exact: true });
    await birthDate.fill('1990-02-30');
    await page.getByLabel('Nationalities').fill('fra, dza');
    await page.getByLabel('Action to take', { exact: true }).fill('Locate and inform the FRA bureau.');

    // Only these members: found by code and by name, chosen with the checkbox.
    await page.getByRole('radio', { name: 'Only these members' }).check();
    const find = page.getByLabel('Find a member (code or name)');
    await find.fill('deu');
    await page.getByRole('checkbox', { name: /^DEU / }).check();
    await find.fill('spain');
    await page.getByRole('checkbox', { name: /^ESP / }).check();
    await expect.poll(() => page.getByTestId('visibility-chosen').textContent()).toMatch(/DEU.*ESP/);

    // The impossible date is caught in the browser, beside its field; nothing is sent.
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => page.getByTestId('editor-notice').textContent()).toContain('need attention');
    expect(await birthDate.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field-error').first().textContent()).toContain('does not exist in the calendar');
    await app.shot(page, 'alert-new');
    await birthDate.fill('1990-02-28');
    // A public notice must be for everyone: with a restricted list, the box is refused beside itself.
    const publicNotice = page.getByRole('checkbox', { name: /^Public notice/ });
    await publicNotice.check();
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => publicNotice.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field-error').first().textContent()).toContain('public');
    await publicNotice.uncheck();
    await page.getByRole('button', { name: 'Publish' }).click();

    const detail = page.getByTestId('alert-detail');
    await detail.waitFor();
    expect(await page.getByTestId('alert-notice').textContent()).toBe('Saved.');
    expect(page.url()).toMatch(/\/alerts\?id=[0-9a-f-]+/);
    const text = await detail.textContent();
    expect(text).toContain('محمد عبد الله');
    expect(text).toContain('ABDULLAH, MOHAMMED');
    expect(await page.getByTestId('alert-visibility').textContent()).toContain('Only these members: DEU, ESP');

    // A photo: previewed from the file, then sent and shown from the API.
    await page.getByTestId('photo-input').setInputFiles({ name: 'face.png', mimeType: 'image/png', buffer: png(48) });
    await page.getByTestId('photo-preview').waitFor();
    await page.getByRole('button', { name: 'Upload the photo' }).click();
    const photo = page.getByTestId('alert-photo');
    await photo.waitFor();
    await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(48);
    await app.shot(page, 'alert-detail-photo');

    // Edit: only the changed field goes in the PATCH; the detail shows the new text.
    await page.getByTestId('alert-edit').click();
    await editor.waitFor();
    expect(await page.getByLabel('Name in its original script').inputValue()).toBe('محمد عبد الله');
    await page.getByLabel('Action to take', { exact: true }).fill('Locate, do not arrest; inform the FRA bureau at once.');
    await app.shot(page, 'alert-edit');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await detail.waitFor();
    await expect.poll(() => detail.textContent()).toContain('do not arrest');
    await page.getByTestId('alert-history').waitFor();
    // The history is read again after the save: the version list may still be the stale one for a moment.
    await expect.poll(() => page.getByTestId('alert-history').textContent()).toContain('Updated');

    // Cancel: a reason is required.
    await page.getByTestId('alert-cancel').click();
    await page.getByRole('button', { name: 'Cancel the alert' }).click();
    await expect.poll(() => page.locator('.cancel-alert .field-error').textContent()).toContain('required');
    await page.getByLabel('Reason for cancelling').fill('Person found safe in Lyon.');
    await page.getByRole('button', { name: 'Cancel the alert' }).click();
    await expect.poll(() => page.getByTestId('alert-notice').textContent()).toBe('The alert is cancelled.');
    // The notice comes with the answer; the detail shows the cancelled alert once it is read again.
    await expect.poll(() => detail.textContent()).toContain('Cancelled: Person found safe in Lyon.');
    await expect.poll(() => page.getByTestId('alert-edit').count()).toBe(0);

    // Back on the list, the alert shows as cancelled.
    await page.getByTestId('alert-back').click();
    await expect.poll(() => page.getByTestId('alert-row').first().textContent()).toContain('Cancelled');

    // In Arabic the form runs right to left, its labels and errors translated.
    await page.getByTestId('language').selectOption('ar');
    await page.getByTestId('new-person').click();
    await editor.waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByLabel('تاريخ الميلاد (YYYY').fill('1990-13');
    await page.getByRole('button', { name: 'نشر' }).click();
    // The empty name and the thirteenth month, each beside its field.
    await expect.poll(() => page.locator('.field-error').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('يحتاج الاسم'), expect.stringContaining('موجود في التقويم')]));
    await app.shot(page, 'alert-new-ar');

    expect(app.consoleErrors).toEqual([]);
  }, 60_000);
});
