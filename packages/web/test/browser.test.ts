import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../server/src/app/create-alert.js';
import { hasChromium, logIn, setupCtx, startWebApp, type WebApp } from './harness.ts';

// ICAO Doc 9303's specimen passport, issued by the fictitious state Utopia (UTO).
const MRZ = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

/**
 * Screening at the border in a real browser (Debian's chromium driven by playwright-core): the
 * specimen passport, entered as stolen by its issuing state, is screened at a DEU border post
 * by typing its MRZ; the issuing state's bureau sees the hit arrive in its inbox live.
 */
describe.skipIf(!hasChromium)('web application in chromium', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp(async ({ deps, user, member }) => {
      await member('UTO', 'Utopia');
      await user('uto.bureau', 'UTO', 'bureau');
      await user('deu.frontline', 'DEU', 'frontline');
      // Only the issuing state may enter its own documents: Utopia reports its passport stolen.
      await createAlert(deps, setupCtx('UTO'), { kind: 'document', document: { issuingState: 'UTO', type: 'passport', number: 'L898902C3', status: 'stolen-issued' }, action: 'Seize the document and contact the UTO bureau.', visibility: { mode: 'all' } });
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  const open = async (locale = 'en-GB'): Promise<Page> => app.open(await app.browser.newContext({ locale }));

  it('runs the stolen specimen passport from screening to the owner bureau’s live inbox, by keyboard, and in Arabic', async () => {
    // The owner bureau opens its inbox first; the hit must arrive there without a reload.
    const bureau = await open();
    await app.shot(bureau, 'login');

    app.expectError = /status of 401/;
    await logIn(bureau, 'uto.bureau', 'wrong password');
    await expect.poll(() => bureau.getByRole('alert').textContent()).toContain('Wrong username or password');
    app.expectError = null;

    await logIn(bureau, 'uto.bureau');
    await bureau.getByRole('link', { name: 'Hits inbox' }).click();
    await bureau.getByText('No hits yet').waitFor();
    await bureau.getByTestId('live').getByText('Live').waitFor();
    await app.shot(bureau, 'hits-inbox-empty');

    // The border officer, keyboard only: focus the MRZ, type it, Tab to Screen, Enter.
    const front = await open();
    await logIn(front, 'deu.frontline');
    const mrz = front.locator('#mrz');
    await mrz.waitFor();
    await mrz.focus();
    // A misread check digit is named as the officer types.
    await front.keyboard.type(`${MRZ[0]}\n${MRZ[1]!.slice(0, -1)}9`);
    await expect.poll(() => front.getByTestId('mrz-status').textContent()).toContain('composite');
    await front.keyboard.press('Backspace');
    await front.keyboard.type('0');
    await expect.poll(() => front.getByTestId('mrz-status').textContent()).toContain('MRZ valid (TD3)');
    await app.shot(front, 'screening-mrz');

    for (let i = 0; i < 20; i++) {
      await front.keyboard.press('Tab');
      if (await front.evaluate(() => document.activeElement?.getAttribute('type') === 'submit')) break;
    }
    expect(await front.evaluate(() => document.activeElement?.textContent)).toBe('Screen');
    const screened = front.waitForResponse((r) => r.url().endsWith('/api/v1/screen'));
    await front.keyboard.press('Enter');
    const hitId = ((await (await screened).json()) as { hits: { hitId: string | null }[] }).hits[0]?.hitId;
    expect(hitId).toEqual(expect.any(String));

    const card = front.getByTestId('hit-card').first();
    await card.waitFor();
    expect(await card.textContent()).toContain('Seize the document');
    await app.shot(front, 'screening-hit');

    // The bureau's inbox shows the hit, live.
    await bureau.getByTestId('hit-row').first().waitFor({ timeout: 10_000 });
    expect(await bureau.getByTestId('hit-row').count()).toBe(1);
    expect(await bureau.getByTestId('hit-row').first().textContent()).toContain('DEU');
    await app.shot(bureau, 'hits-inbox-live');

    // Two keystrokes on the focused card: 2 (not the same person), Enter. The outcome goes to the
    // hit the screening named, without looking it up.
    const hitRequests: string[] = [];
    front.on('request', (r) => {
      if (r.url().includes('/api/v1/hits')) hitRequests.push(`${r.method()} ${new URL(r.url()).pathname}${new URL(r.url()).search}`);
    });
    await front.keyboard.press('Tab');
    expect(await front.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('hit-card');
    await front.keyboard.press('2');
    await front.keyboard.press('Enter');
    await expect.poll(() => front.getByTestId('outcome-status').first().textContent()).toContain('Outcome recorded: Not the same person');
    expect(hitRequests).toEqual([`POST /api/v1/hits/${hitId}/outcome`]);
    // The owner hears of the outcome too.
    await expect.poll(() => bureau.getByTestId('hit-row').first().textContent(), { timeout: 10_000 }).toContain('Not the same person');

    // Arabic: right to left, remembered across a reload.
    await front.getByTestId('language').selectOption('ar');
    await expect.poll(() => front.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => front.evaluate(() => document.documentElement.lang)).toBe('ar');
    await app.shot(front, 'screening-ar');
    await front.reload();
    await front.locator('#mrz').waitFor();
    await expect.poll(() => front.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // The choice is the user's, not the browser's: another browser opens in Arabic once signed in.
    const elsewhere = await open();
    await logIn(elsewhere, 'deu.frontline');
    await elsewhere.locator('#mrz').waitFor();
    await expect.poll(() => elsewhere.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await elsewhere.context().close();

    // The owner bureau finds its stolen passport among the alerts and opens it, by keyboard.
    await bureau.getByRole('link', { name: 'Alerts' }).click();
    await bureau.getByLabel('Search').fill('L898902C3');
    await bureau.keyboard.press('Enter');
    const row = bureau.getByTestId('alert-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('Stolen (issued)');
    await app.shot(bureau, 'alerts-search');
    await row.first().focus();
    await bureau.keyboard.press('Enter');
    const detail = bureau.getByTestId('alert-detail');
    await detail.waitFor();
    expect(await detail.textContent()).toContain('Seize the document');
    await bureau.getByTestId('alert-history').waitFor();
    expect(await bureau.getByTestId('alert-history').textContent()).toContain('Created');
    await app.shot(bureau, 'alert-detail');
    // A search in the address (as the dashboard's counts link) is applied when the page opens.
    await bureau.goto(`${app.url}/alerts?kind=vehicle&status=active`);
    await bureau.getByText('No alert matches this search.').waitFor();
    expect(await bureau.getByLabel('Kind').inputValue()).toBe('vehicle');
    await bureau.goto(`${app.url}/alerts?kind=document`);
    await expect.poll(() => bureau.getByTestId('alert-row').count()).toBe(1);
    // Back to the vehicle search: the form and the results follow the address.
    await bureau.goBack();
    await bureau.getByText('No alert matches this search.').waitFor();
    expect(await bureau.getByLabel('Kind').inputValue()).toBe('vehicle');


    await bureau.context().close();
    await front.context().close();
    expect(app.consoleErrors).toEqual([]);
  }, 90_000);
});
