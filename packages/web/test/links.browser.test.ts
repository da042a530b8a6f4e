import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../server/src/app/create-alert.js';
import { screen } from '../../server/src/app/screen.js';
import { hasChromium, setupCtx, startWebApp, type WebApp } from './harness.ts';

/**
 * Identity links in a real browser: two bureaus report the same missing man, one in Latin letters and one
 * in Cyrillic, with the same date of birth. The server's link follower links them yellow; an
 * analyst of a third member finds the link in the graph's list and marks it white.
 */
const missing = (names: unknown[]) => ({ kind: 'person', category: 'missing', person: { names, birthDate: '1980-05-12', sex: 'M' }, visibility: { mode: 'all' } });

describe.skipIf(!hasChromium)('identity links in chromium', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp(async ({ deps, user }) => {
      await user('esp.analyst', 'ESP', 'analyst');
      await createAlert(deps, setupCtx('DEU'), missing([{ family: 'IVANOV', given: 'SERGEI' }]));
      await createAlert(deps, setupCtx('FRA'), missing([{ full: 'Сергей Иванов', script: 'Cyrl' }]));
      // ESP's border screened the man once: the analyst sees that hit on both alerts.
      await screen(deps, setupCtx('ESP', 'frontline'), { person: { names: ['Sergei Ivanov'], birthDate: '1980-05-12' } });
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  /** The follower links alerts in the server's background, within a second or two of its start. */
  async function waitForLink(page: Page): Promise<void> {
    for (let i = 0; i < 20; i++) {
      if ((await page.getByTestId('link-row').count()) > 0) return;
      await page.waitForTimeout(500);
      if (await page.getByText('No identity link to show.').isVisible()) await page.reload();
    }
    throw new Error('no identity link appeared');
  }

  it('shows two alerts linked yellow, and marks the link white with a reason from the list', async () => {
    const page = await app.openAs('esp.analyst', '/links');
    await waitForLink(page);
    await page.getByTestId('link-graph').locator('canvas').first().waitFor();
    const row = page.getByTestId('link-row');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('Yellow · to resolve');
    expect(await row.textContent()).toContain('Сергей Иванов · born 1980 · Missing person (France)');
    expect(await row.textContent()).toContain('Same name and date of birth: 1980-05-12');

    // Keyboard only: focus the link in the list, Enter, then the decision.
    await row.focus();
    await page.keyboard.press('Enter');
    expect(await row.getAttribute('aria-pressed')).toBe('true');
    const details = page.getByTestId('link-details');
    await details.getByText('Resolve this link').waitFor();
    await details.getByRole('button', { name: 'Record the decision' }).click();
    await details.getByText('Required.').waitFor();
    await details.getByText('Choose what the link means.').waitFor();

    await details.getByLabel('White · the same person').check();
    await details.getByLabel('Reason (required)').fill('Same man: the Cyrillic name is the Russian spelling of the German record.');
    await details.getByRole('button', { name: 'Record the decision' }).click();
    await expect.poll(() => page.getByTestId('decision-status').textContent()).toContain('Link marked white: the same person.');
    await expect.poll(() => row.textContent()).toContain('White · the same person');
    expect(await details.textContent()).toContain('Decided by ESP');
    expect(await details.textContent()).toContain('Russian spelling');

    // ESP screened the man once: both alerts count that hit (the graph draws it as a node).
    expect((await details.textContent())?.match(/Hits your bureau is party to: 1/g)).toHaveLength(2);
    await page.getByTestId('links-filter').selectOption('white');
    await expect.poll(() => row.count()).toBe(1);
    await app.shot(page, 'links-graph');
    await page.getByTestId('links-filter').selectOption('yellow');
    await page.getByText('No identity link to show.').waitFor();

    // In Arabic the page runs right to left, the Cyrillic name keeps its own direction.
    await page.getByTestId('links-filter').selectOption('');
    await row.waitFor();
    await page.getByTestId('language').selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => row.textContent()).toContain('أبيض');
    await app.shot(page, 'links-graph-ar');

    expect(app.consoleErrors).toEqual([]);
  }, 60_000);
});
