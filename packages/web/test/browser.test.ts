import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../server/src/app/create-alert.js';
import type { Ctx } from '../../server/src/app/deps.js';
import { addMember } from '../../server/src/app/manage-members.js';
import { addUser } from '../../server/src/app/manage-users.js';
import { loadConfig } from '../../server/src/config.js';
import { openDeps, serve, type Running } from '../../server/src/main.js';

/**
 * Issue 5's first slice in a real browser (Debian's chromium driven by playwright-core): the
 * specimen passport, entered as stolen by its issuing state, is screened at a DEU border post
 * by typing its MRZ; the issuing state's bureau sees the hit arrive in its inbox live.
 */
const CHROMIUM = '/usr/bin/chromium';
const WEB_DIR = fileURLToPath(new URL('..', import.meta.url));
const SHOTS = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));
// ICAO Doc 9303's specimen passport, issued by the fictitious state Utopia (UTO).
const MRZ = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const PASSWORD = 'correct horse battery staple';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser tests skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);

describe.skipIf(!hasChromium)('web application in chromium', () => {
  let dir: string;
  let server: Running;
  let browser: Browser;
  const consoleErrors: string[] = [];
  // Set while a step expects the browser to log a refused request (a wrong password answers 401).
  let expectRefusal = false;

  beforeAll(async () => {
    await build({ configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-web-'));
    mkdirSync(SHOTS, { recursive: true });
    const config = loadConfig({ LOG_LEVEL: 'silent' }, { db: join(dir, 'web.db'), port: 0 });

    // Set up with the use cases, as an operator would, before the server starts.
    const { deps, database } = await openDeps(config);
    const admin: Ctx = { actor: { member: deps.operator, role: 'admin', credential: 'test:setup' }, requestId: 'test/setup' };
    await addMember(deps, admin, { code: 'UTO', name: 'Utopia', kind: 'country' });
    await addUser(deps, admin, { username: 'uto.bureau', member: 'UTO', role: 'bureau', password: PASSWORD });
    await addUser(deps, admin, { username: 'deu.frontline', member: 'DEU', role: 'frontline', password: PASSWORD });
    // Only the issuing state may enter its own documents: Utopia reports its passport stolen.
    const uto: Ctx = { actor: { member: 'UTO', role: 'bureau', credential: 'test:setup' }, requestId: 'test/setup' };
    await createAlert(deps, uto, { kind: 'document', document: { issuingState: 'UTO', type: 'passport', number: 'L898902C3', status: 'stolen-issued' }, action: 'Seize the document and contact the UTO bureau.', visibility: { mode: 'all' } });
    await database.close();

    server = await serve(config, { demo: false });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const open = async (context: BrowserContext): Promise<Page> => {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      if (expectRefusal && /status of 401/.test(m.text())) return;
      consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(server.url + '/');
    return page;
  };

  const logIn = async (page: Page, username: string, password = PASSWORD) => {
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
  };

  it('runs the stolen specimen passport from screening to the owner bureau’s live inbox, by keyboard, and in Arabic', async () => {
    // The owner bureau opens its inbox first; the hit must arrive there without a reload.
    const bureauContext = await browser.newContext({ locale: 'en-GB' });
    const bureau = await open(bureauContext);
    await bureau.screenshot({ path: join(SHOTS, 'login.png'), fullPage: true });

    expectRefusal = true;
    await logIn(bureau, 'uto.bureau', 'wrong password');
    await expect.poll(() => bureau.getByRole('alert').textContent()).toContain('Wrong username or password');
    expectRefusal = false;

    await logIn(bureau, 'uto.bureau');
    await bureau.getByRole('link', { name: 'Hits inbox' }).click();
    await bureau.getByText('No hits yet').waitFor();
    await bureau.getByTestId('live').getByText('Live').waitFor();
    await bureau.screenshot({ path: join(SHOTS, 'hits-inbox-empty.png'), fullPage: true });

    // The border officer, keyboard only: focus the MRZ, type it, Tab to Screen, Enter.
    const frontContext = await browser.newContext({ locale: 'en-GB' });
    const front = await open(frontContext);
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
    await front.screenshot({ path: join(SHOTS, 'screening-mrz.png'), fullPage: true });

    for (let i = 0; i < 20; i++) {
      await front.keyboard.press('Tab');
      if (await front.evaluate(() => document.activeElement?.getAttribute('type') === 'submit')) break;
    }
    expect(await front.evaluate(() => document.activeElement?.textContent)).toBe('Screen');
    await front.keyboard.press('Enter');

    const card = front.getByTestId('hit-card').first();
    await card.waitFor();
    expect(await card.textContent()).toContain('Seize the document');
    await front.screenshot({ path: join(SHOTS, 'screening-hit.png'), fullPage: true });

    // The bureau's inbox shows the hit, live.
    await bureau.getByTestId('hit-row').first().waitFor({ timeout: 10_000 });
    expect(await bureau.getByTestId('hit-row').count()).toBe(1);
    expect(await bureau.getByTestId('hit-row').first().textContent()).toContain('DEU');
    await bureau.screenshot({ path: join(SHOTS, 'hits-inbox-live.png'), fullPage: true });

    // Two keystrokes on the focused card: 2 (not the same person), Enter.
    await front.keyboard.press('Tab');
    expect(await front.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('hit-card');
    await front.keyboard.press('2');
    await front.keyboard.press('Enter');
    await expect.poll(() => front.getByTestId('outcome-status').first().textContent()).toContain('Outcome recorded: Not the same person');
    // The owner hears of the outcome too.
    await expect.poll(() => bureau.getByTestId('hit-row').first().textContent(), { timeout: 10_000 }).toContain('Not the same person');

    // Arabic: right to left, remembered across a reload.
    await front.getByTestId('language').selectOption('ar');
    expect(await front.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await front.evaluate(() => document.documentElement.lang)).toBe('ar');
    await front.screenshot({ path: join(SHOTS, 'screening-ar.png'), fullPage: true });
    await front.reload();
    await front.locator('#mrz').waitFor();
    expect(await front.evaluate(() => document.documentElement.dir)).toBe('rtl');

    // The owner bureau finds its stolen passport among the alerts and opens it, by keyboard.
    await bureau.getByRole('link', { name: 'Alerts' }).click();
    await bureau.getByLabel('Search').fill('L898902C3');
    await bureau.keyboard.press('Enter');
    const row = bureau.getByTestId('alert-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('Stolen (issued)');
    await bureau.screenshot({ path: join(SHOTS, 'alerts-search.png'), fullPage: true });
    await row.first().focus();
    await bureau.keyboard.press('Enter');
    const detail = bureau.getByTestId('alert-detail');
    await detail.waitFor();
    expect(await detail.textContent()).toContain('Seize the document');
    await bureau.getByTestId('alert-history').waitFor();
    expect(await bureau.getByTestId('alert-history').textContent()).toContain('Created');
    await bureau.screenshot({ path: join(SHOTS, 'alert-detail.png'), fullPage: true });

    await bureauContext.close();
    await frontContext.close();
    expect(consoleErrors).toEqual([]);
  }, 90_000);
});
