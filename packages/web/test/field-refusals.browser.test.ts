import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../server/src/app/create-alert.js';
import { screen } from '../../server/src/app/screen.js';
import { dictionary as FR } from '../src/i18n/languages/fr.ts';
import { ar as auditAr } from '../src/i18n/messages/audit.ar.ts';
import { ar as problemAr } from '../src/i18n/messages/problem.ar.ts';
import { fr as problemFr } from '../src/i18n/messages/problem.fr.ts';
import { hasChromium, setupCtx, startWebApp, type WebApp } from './harness.ts';

/**
 * What the server refuses in a form is told beside the field it names, in the reader's language,
 * not as the server's English detail somewhere below: the screening console, the hit form composer,
 * the alert editor; and the audit filters' date range beside its "to" day.
 */
describe.skipIf(!hasChromium)('refusals beside their field in chromium', () => {
  let app: WebApp;
  let hitId = '';

  beforeAll(async () => {
    app = await startWebApp(async ({ deps, user }) => {
      await user('deu.frontline', 'DEU', 'frontline');
      // A second officer: the server keeps each user's language, and the first one chose French.
      await user('deu.frontline2', 'DEU', 'frontline');
      await user('deu.bureau', 'DEU', 'bureau');
      await user('fra.bureau', 'FRA', 'bureau');
      await user('ipo.auditor', 'IPO', 'auditor');
      await createAlert(deps, setupCtx('FRA'), { kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: '07REFUSE1', status: 'stolen-issued' }, action: 'Seize the document.', visibility: { mode: 'all' } });
      const r = await screen(deps, setupCtx('DEU', 'frontline'), { documents: [{ number: '07REFUSE1', issuingState: 'FRA' }] });
      hitId = (await deps.db.selectFrom('hits').select('id').where('screening_id', '=', r.screeningId).executeTakeFirstOrThrow()).id;
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  /** The reader's chosen language (kept by the server for this user). */
  const speak = async (page: Page, language: 'fr' | 'ar') => {
    await page.getByTestId('language').selectOption(language);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
  };
  /** Just under the field (within a line or two), so it is read with it. */
  const isBeside = async (field: Locator, error: Locator) => {
    const f = (await field.boundingBox())!;
    const e = (await error.boundingBox())!;
    expect(e.y).toBeGreaterThanOrEqual(f.y + f.height - 1);
    expect(e.y - (f.y + f.height)).toBeLessThan(40);
    expect(Math.abs(e.x - f.x)).toBeLessThan(f.width);
  };
  const describedBy = async (field: Locator) => (await field.getAttribute('aria-describedby'))?.split(' ') ?? [];
  const focused = (page: Page, field: Locator) => field.evaluate((el) => el === document.activeElement);

  it('screening: a birth date the server refuses is told beside it, in French, not as English in the results', async () => {
    const page = await app.openAs('deu.frontline', '/screen');
    await speak(page, 'fr');
    // Without the browser's own check (its chunk did not load), only the server can refuse the date.
    let blocked = 0;
    // The blocked chunk and the refused request are logged by the browser: expected here.
    app.expectError = /422|ERR_FAILED|check-query|Failed to fetch dynamically imported module/;
    await page.route('**/assets/check-query*.js', (r) => {
      blocked += 1;
      return r.abort();
    });
    await page.reload();
    const birth = page.locator('input[name="birthDate"]');
    await birth.waitFor();
    await page.locator('input[name="names"]').fill('Anna Eriksson');
    await birth.fill('1974-02-30');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/screen') && r.request().method() === 'POST');
    await page.locator('form button[type="submit"]').click();
    expect((await answer).status()).toBe(422);
    expect(blocked).toBeGreaterThan(0);
    const error = page.getByTestId('screen-birth-date-error');
    await expect.poll(() => error.textContent()).toBe(problemFr['problem.field.date.impossible']);
    expect(await birth.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(birth)).toContain('screen-birth-date-error');
    await expect.poll(() => focused(page, birth)).toBe(true);
    await isBeside(birth, error);
    expect(await page.getByTestId('results').textContent()).toBe('');
    await app.shot(page, 'refusal-screening-fr');
    app.expectError = null;
  }, 60_000);

  it('screening: a refusal on a field with no input (the whole person, the request body) is told in the notice, in French, which takes the focus', async () => {
    const page = await app.openAs('deu.frontline2', '/screen');
    await speak(page, 'fr');
    const names = page.locator('input[name="names"]');
    await names.waitFor();
    await names.fill('Anna Eriksson');
    // The server names a field the page has no input for: the officer must still be told why.
    const refusals = [
      { code: 'validation.invalid', errors: [{ field: 'person', code: 'required', message: 'person is required' }], shown: FR['screen.failed'].replace('{detail}', `person : ${problemFr['problem.field.required']}`) },
      { code: 'request.too-deep', errors: [{ field: '(body)', message: 'nested too deeply' }], shown: FR['screen.failed'].replace('{detail}', problemFr['problem.request.too-deep']) },
    ];
    app.expectError = /422/;
    const notice = page.getByTestId('screen-notice');
    for (const { code, errors, shown } of refusals) {
      await page.route('**/api/v1/screen', (r) =>
        r.fulfill({ status: 422, contentType: 'application/problem+json', body: JSON.stringify({ type: `https://crosscheck.dev/problems/${code}`, title: 'validation', status: 422, code, detail: errors[0]!.message, field: errors[0]!.field, errors }) }),
      );
      await page.locator('form button[type="submit"]').click();
      await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toBe(shown);
      expect(await notice.isVisible()).toBe(true);
      await expect.poll(() => focused(page, notice), { timeout: 10_000 }).toBe(true);
      // No field is marked: none of them was the one refused.
      expect(await page.locator('form [aria-invalid="true"]').count()).toBe(0);
      await page.unroute('**/api/v1/screen');
    }
    await app.shot(page, 'refusal-screening-no-field-fr');
    app.expectError = null;
  }, 60_000);

  it('hit form composer: the text the server refuses is marked beside the text box, in French', async () => {
    const page = await app.openAs('deu.bureau', `/hits?id=${hitId}`);
    await speak(page, 'fr');
    const composer = page.getByTestId('form-composer');
    await composer.waitFor();
    await composer.locator('input[name="form"][value="G"]').check();
    await composer.locator('select[name="handlingCode"]').selectOption('H1');
    const text = composer.locator('textarea[name="text"]');
    await text.fill('Passport seized at the border.');
    // A client that skipped the check: the text never reaches the server, which names the field.
    await page.route('**/api/v1/hits/*/forms', (r) => {
      const { text: _, ...body } = r.request().postDataJSON() as Record<string, unknown>;
      return r.continue({ postData: JSON.stringify(body) });
    });
    app.expectError = /422/;
    await composer.locator('button[type="submit"]').click();
    await expect.poll(() => text.getAttribute('aria-invalid')).toBe('true');
    const error = composer.locator(`[id="${(await describedBy(text)).at(-1) ?? 'none'}"]`);
    expect(await error.textContent()).toBe(problemFr['problem.field.required']);
    await expect.poll(() => focused(page, text)).toBe(true);
    await isBeside(text, error);
    // The status line says it failed, in French too, never the server's English detail.
    expect(await page.getByTestId('form-status').textContent()).not.toContain('is required');
    await app.shot(page, 'refusal-form-composer-fr');
    app.expectError = null;
  }, 60_000);

  it('alert editor: a document of another state is refused beside the issuing state, in Arabic, which takes the focus', async () => {
    const page = await app.openAs('fra.bureau', '/alerts');
    await page.getByTestId('new-document').click();
    await page.getByTestId('alert-editor').waitFor();
    const state = page.locator('input[name="issuingState"]');
    await state.fill('DEU');
    await page.locator('input[name="number"]').fill('C01X00T47');
    await page.getByLabel('Action to take', { exact: true }).fill('Seize the document and contact the FRA bureau.');
    await speak(page, 'ar');
    app.expectError = /422/;
    await page.getByRole('button', { name: 'نشر' }).click();
    await expect.poll(() => state.getAttribute('aria-invalid')).toBe('true');
    const error = page.locator(`[id="${(await describedBy(state)).at(-1) ?? 'none'}"]`);
    expect(await error.textContent()).toBe(problemAr['problem.document.not-issuer']);
    await expect.poll(() => focused(page, state)).toBe(true);
    await isBeside(state, error);
    expect(await page.getByTestId('editor-notice').textContent()).not.toMatch(/only DEU|you are FRA/);
    await app.shot(page, 'refusal-alert-editor-ar');
    app.expectError = null;
  }, 60_000);

  it('audit filters: a range that ends before it starts is told right under the "to" day, in Arabic', async () => {
    const page = await app.openAs('ipo.auditor', '/audit');
    await speak(page, 'ar');
    const filters = page.getByTestId('audit-filters');
    await filters.waitFor();
    await filters.locator('input[name="from"]').fill('2026-03-10');
    const to = filters.locator('input[name="to"]');
    await to.fill('2026-03-01');
    await filters.locator('button[type="submit"]').click();
    const error = page.getByTestId('audit-range-error');
    await expect.poll(() => error.textContent()).toBe(auditAr['audit.badRange']);
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(to)).toEqual(['audit-range-error']);
    await isBeside(to, error);
    // Under the "to" day, not under the whole row: the buttons come after the grid, the error inside it.
    expect(await filters.locator('.audit-filter-grid #audit-range-error').count()).toBe(1);
    await app.shot(page, 'refusal-audit-range-ar');
  }, 60_000);

  afterAll(() => {
    expect(app.consoleErrors).toEqual([]);
  });
});
