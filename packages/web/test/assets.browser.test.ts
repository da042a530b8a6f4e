import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../server/src/app/create-alert.js';
import { hasChromium, setupCtx, SHOTS, startWebApp, type WebApp } from './harness.ts';

/** Text without the Unicode isolates that keep record data in its own direction. */
const plain = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069]/g, '');

/**
 * Asset alerts from end to end: a bureau creates a bank-account asset in the editor (a wrong IBAN
 * check digit refused beside its field, a BIC of another country said after saving), opens it
 * (the IBAN grouped by four, its type in words, the person it belongs to as a link), follows the
 * link to the person, whose page lists its assets (only those the reader may see), in English,
 * French and Arabic.
 */
describe.skipIf(!hasChromium)('asset alerts in chromium', () => {
  let app: WebApp;
  let personId = '';
  let hiddenAssetId = '';

  beforeAll(async () => {
    app = await startWebApp(async ({ deps, user }) => {
      await user('deu.bureau', 'DEU', 'bureau');
      await user('fra.bureau', 'FRA', 'bureau');
      const person = await createAlert(deps, setupCtx('DEU'), { kind: 'person', category: 'missing', person: { names: [{ family: 'ERIKSSON', given: 'ANNA MARIA' }], birthDate: '1974-08-12' }, visibility: { mode: 'all' } });
      personId = person.id;
      // A company in Cyrillic, seen by everyone; a vessel DEU keeps to itself.
      await createAlert(deps, setupCtx('DEU'), { kind: 'asset', category: 'asset-tracing', asset: { type: 'company', name: 'ООО «Северный ветер»', registrationNumber: '1157746000017', country: 'RUS' }, persons: [personId], visibility: { mode: 'all' } });
      const hidden = await createAlert(deps, setupCtx('DEU'), { kind: 'asset', category: 'asset-tracing', asset: { type: 'vessel', imo: 'IMO 9074729', name: 'NORDWIND', flag: 'MLT' }, persons: [personId], visibility: { mode: 'only', members: [] } });
      hiddenAssetId = hidden.id;
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('creates a bank-account asset, refuses a wrong IBAN beside the field, opens it and reaches its person', async () => {
    const page = await app.openAs('deu.bureau', '/alerts');
    await page.getByTestId('new-asset').click();
    const editor = page.getByTestId('alert-editor');
    await editor.waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('New asset alert');
    await page.getByLabel('IBAN').fill('DE88 3704 0044 0532 0130 00');
    await page.getByLabel('BIC (SWIFT code)').fill('BNPAFRPP');
    await page.getByLabel('Account holder').fill('Anna Maria Eriksson');
    await page.getByLabel('Person alerts it belongs to').fill(personId);
    await page.getByRole('button', { name: 'Publish' }).click();
    const iban = page.getByLabel('IBAN');
    await expect.poll(() => iban.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field-error').allTextContents()).toEqual(['The IBAN check digits do not match: a character is wrong or two are swapped.']);
    await app.shot(page, 'asset-editor-iban-error');

    await iban.fill('DE89 3704 0044 0532 0130 00');
    await page.getByRole('button', { name: 'Publish' }).click();
    const detail = page.getByTestId('alert-detail');
    await detail.waitFor();
    // Valid but doubtful: a French BIC on a German IBAN is said, not refused.
    expect(await page.getByTestId('alert-save-warnings').innerText()).toContain('The BIC is of another country than the IBAN');
    expect(plain(await page.getByRole('heading', { level: 1 }).textContent())).toContain('Asset · Asset tracing · Bank account · DE89 3704 0044 0532 0130 00');
    expect(await page.getByTestId('asset-type').innerText()).toBe('Bank account');
    expect(await page.getByTestId('asset-iban').innerText()).toBe('DE89 3704 0044 0532 0130 00');
    const persons = page.getByTestId('alert-persons');
    expect(await persons.innerText()).toContain('ERIKSSON, ANNA MARIA');
    await app.shot(page, 'asset-detail-en');

    // To the person, whose page lists its assets: the two DEU may see, the company in its own script.
    await page.getByTestId('alert-persons-link').click();
    await page.getByTestId('alert-identity').waitFor();
    const assets = page.getByTestId('alert-assets');
    await assets.waitFor();
    await expect.poll(() => page.getByTestId('alert-assets-link').count()).toBe(3);
    const text = await assets.innerText();
    expect(text).toContain('Bank account · DE89 3704 0044 0532 0130 00');
    expect(text).toContain('ООО «Северный ветер»');
    expect(text).toContain('IMO 9074729');
    await app.shot(page, 'asset-person-en');
    expect(app.consoleErrors).toEqual([]);
  }, 60_000);

  it('shows another member the person’s assets it may see, in French and in Arabic, and nothing of the hidden one', async () => {
    const page = await app.openAs('fra.bureau', `/alerts?id=${personId}`);
    await page.getByTestId('language').selectOption('fr');
    const assets = page.getByTestId('alert-assets');
    await expect.poll(() => assets.innerText()).toContain('Biens');
    await expect.poll(() => page.getByTestId('alert-assets-link').count()).toBe(2);
    const text = await assets.innerText();
    expect(text).toContain('Compte bancaire · DE89 3704 0044 0532 0130 00');
    expect(text).toContain('Société · 1157746000017 · ООО «Северный ветер» · RUS');
    expect(text).not.toContain('9074729');
    expect(await page.content()).not.toContain(hiddenAssetId);
    await app.shot(page, 'asset-person-fr');

    // In Arabic, right to left: the company's page, its fields in Arabic words, its data as written.
    await page.getByTestId('language').selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByTestId('alert-assets-link').filter({ hasText: 'Северный' }).click();
    const asset = page.getByTestId('alert-asset');
    await asset.waitFor();
    await expect.poll(() => page.getByTestId('asset-type').innerText()).toBe('شركة');
    expect(await asset.innerText()).toContain('تعقّب الأصول');
    expect(await page.getByTestId('asset-name').innerText()).toBe('ООО «Северный ветер»');
    expect(await page.getByTestId('alert-persons').innerText()).toContain('ERIKSSON, ANNA MARIA');
    await app.shot(page, 'asset-detail-ar');
    await asset.screenshot({ path: `${SHOTS}asset-section-ar.png` });

    // The list says what each asset is, in Arabic words.
    await page.goto(`${app.url}/alerts?kind=asset`);
    await expect.poll(() => page.getByTestId('alert-row').count()).toBe(2);
    expect(await page.getByTestId('alert-list').innerText()).toContain('حساب مصرفي');
    await app.shot(page, 'asset-list-ar');
    await page.getByTestId('alert-list').screenshot({ path: `${SHOTS}asset-list-ar-rows.png` });
    expect(app.consoleErrors).toEqual([]);
  }, 60_000);

  it('creates a vessel asset in Arabic: the wrong IMO check digit told beside the field, the missing flag after saving', async () => {
    const page = await app.openAs('deu.bureau', '/alerts');
    await page.getByTestId('language').selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByTestId('new-asset').click();
    await page.getByTestId('alert-editor').waitFor();
    await page.getByLabel('نوع الأصل').selectOption('vessel');
    await page.getByLabel('رقم المنظمة البحرية الدولية (IMO)').fill('IMO 9074728');
    await page.getByLabel('اسم السفينة').fill('NORDWIND');
    await page.getByRole('button', { name: 'نشر' }).click();
    const imo = page.getByLabel('رقم المنظمة البحرية الدولية (IMO)');
    await expect.poll(() => imo.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field-error').allTextContents()).toEqual(['رقم التحقق في رقم المنظمة البحرية الدولية غير مطابق: رقم خاطئ أو رقمان متبادلان.']);
    await app.shot(page, 'asset-editor-ar');

    await imo.fill('IMO 9074729');
    await page.getByRole('button', { name: 'نشر' }).click();
    await page.getByTestId('alert-detail').waitFor();
    expect(await page.getByTestId('alert-save-warnings').innerText()).toContain('لا توجد دولة علم للسفينة');
    expect(await page.getByTestId('asset-type').innerText()).toBe('سفينة');
    expect(await page.getByTestId('asset-imo').innerText()).toBe('IMO 9074729');
    await app.shot(page, 'asset-vessel-ar');
    expect(app.consoleErrors).toEqual([]);
  }, 60_000);
});
