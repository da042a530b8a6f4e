import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, logIn, PASSWORD, startWebApp, type WebApp } from './harness.ts';

const pathOf = (page: Page) => {
  const u = new URL(page.url());
  return u.pathname + u.search;
};

/**
 * The address bar tells the truth: it names the page shown, a page the role may not open says so
 * there, an unknown address gets the app's own "not found" page, and reload and back/forward land
 * on what the address names.
 */
describe.skipIf(!hasChromium)('addresses in chromium', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp(async ({ user }) => {
      await user('deu.bureau', 'DEU', 'bureau');
      await user('deu.frontline', 'DEU', 'frontline');
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  const fresh = async (path = '/', locale = 'en-GB') => app.open(await app.browser.newContext({ locale }), path);

  it('after login, the address becomes the page shown, not /login; reload stays there', async () => {
    const page = await fresh('/');
    await expect.poll(() => pathOf(page)).toBe('/login');
    await logIn(page, 'deu.frontline');
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    // The frontline desk lands on the screening console, and the address says so.
    await expect.poll(() => pathOf(page)).toBe('/screen');
    expect(await page.getByRole('link', { name: 'Screening' }).getAttribute('aria-current')).toBe('page');

    await page.reload();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    expect(pathOf(page)).toBe('/screen');
    expect(await page.getByRole('link', { name: 'Screening' }).getAttribute('aria-current')).toBe('page');

    // Back from the first page after login does not return to the login form.
    await page.getByRole('link', { name: 'Alerts' }).click();
    await expect.poll(() => pathOf(page)).toBe('/alerts');
    await page.goBack();
    await expect.poll(() => pathOf(page)).toBe('/screen');
    expect(await page.getByRole('link', { name: 'Screening' }).getAttribute('aria-current')).toBe('page');
    await page.goForward();
    await expect.poll(() => pathOf(page)).toBe('/alerts');
    expect(await page.getByRole('link', { name: 'Alerts' }).getAttribute('aria-current')).toBe('page');
    await page.goBack();
    await expect.poll(() => pathOf(page)).toBe('/screen');
    await page.goBack();
    // What is before the first page is the blank tab, never the login form again.
    expect(pathOf(page)).not.toMatch(/^\/login/);
  });

  it('a page asked for before logging in is the page shown after it', async () => {
    const page = await fresh('/alerts');
    await expect.poll(() => pathOf(page)).toBe('/login?next=%2Falerts');
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await logIn(page, 'deu.bureau');
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await expect.poll(() => pathOf(page)).toBe('/alerts');
    expect(await page.getByRole('link', { name: 'Alerts' }).getAttribute('aria-current')).toBe('page');
  });

  it('a page the role may not open says so in words, with links to what it can open', async () => {
    const page = await fresh('/review');
    await logIn(page, 'deu.bureau');
    const refusal = page.getByTestId('not-allowed');
    await refusal.waitFor();
    // The address stays what was asked for: it is not the dashboard shown under /review.
    expect(pathOf(page)).toBe('/review');
    expect(await refusal.textContent()).toContain('The page Review (/review) is not open to your role (bureau)');
    expect(await page.getByTestId('dashboard').count()).toBe(0);
    expect(await page.locator('nav [aria-current=page]').count()).toBe(0);
    await app.shot(page, 'address-not-allowed');

    await refusal.getByRole('link', { name: 'Alerts' }).click();
    await expect.poll(() => pathOf(page)).toBe('/alerts');
    await page.goBack();
    await expect.poll(() => pathOf(page)).toBe('/review');
    await refusal.waitFor();
  });

  it('a mistyped address shows the app’s own "not found" page, in the reader’s language, not the server’s problem+json', async () => {
    const page = await fresh('/login');
    await logIn(page, 'deu.bureau');
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    // The server answers 404 (the address names nothing), which the browser reports.
    app.expectError = /404/;
    await page.goto(`${app.url}/alertz`);
    const notFound = page.getByTestId('not-found');
    await notFound.waitFor();
    expect(pathOf(page)).toBe('/alertz');
    expect(await notFound.textContent()).toContain('There is no page at /alertz');
    expect(await page.content()).not.toContain('resource.not-found');
    await app.shot(page, 'address-not-found');
    await notFound.getByRole('link', { name: 'Hits inbox' }).click();
    await expect.poll(() => pathOf(page)).toBe('/hits');

    const arabic = await fresh('/alertz', 'ar');
    await expect.poll(() => pathOf(arabic)).toBe('/login?next=%2Falertz');
    await arabic.locator('input[name=username]').fill('deu.bureau');
    await arabic.locator('input[name=password]').fill(PASSWORD);
    await arabic.locator('form.login button[type=submit]').click();
    const shown = arabic.getByTestId('not-found');
    await shown.waitFor();
    expect(pathOf(arabic)).toBe('/alertz');
    expect(await shown.textContent()).toContain('الصفحة غير موجودة');
    app.expectError = null;
  });
});
