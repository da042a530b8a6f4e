import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../server/src/app/create-alert.js';
import { sendHitForm } from '../../server/src/app/hits/send-hit-form.js';
import { screen } from '../../server/src/app/screen.js';
import { hasChromium, setupCtx, startWebApp, type WebApp } from './harness.ts';

/**
 * The dashboard in a real browser: FRA's stolen passport has been hit by screenings in
 * Germany (twice) and Spain; Germany's bureau sent a hit report (G form) whose reply is now late.
 * The FRA bureau sees the counts, today's bars, both countries coloured on the map (drawn from
 * bundled shapes, no request leaves the origin) and the overdue reply, which opens the hit.
 */
describe.skipIf(!hasChromium)('dashboard in chromium', () => {
  let app: WebApp;
  let hitId = '';

  beforeAll(async () => {
    app = await startWebApp(async ({ deps, user }) => {
      await user('fra.bureau', 'FRA', 'bureau');
      await user('ita.analyst', 'ITA', 'analyst');
      await createAlert(deps, setupCtx('FRA'), { kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: '12AB34567', status: 'stolen-issued' }, visibility: { mode: 'all' } });
      await createAlert(deps, setupCtx('FRA'), { kind: 'vehicle', vehicle: { vin: '1M8GDM9AXKP042788', plate: 'AB-123-CD', plateCountry: 'FRA' }, visibility: { mode: 'all' } });
      const stolen = { documents: [{ number: '12AB34567', issuingState: 'FRA' }] };
      await screen(deps, setupCtx('DEU', 'frontline'), stolen);
      await screen(deps, setupCtx('DEU', 'frontline'), stolen);
      await screen(deps, setupCtx('ESP', 'frontline'), stolen);
      const hit = await deps.db.selectFrom('hits').select('id').where('screening_member', '=', 'DEU').orderBy('id').executeTakeFirstOrThrow();
      hitId = hit.id;
      await sendHitForm(deps, setupCtx('DEU'), hitId, { form: 'G', handlingCode: 'H1', text: 'Passport seized at Frankfurt airport' });
      // The reply was due 90 minutes ago (the clock is 12 hours; the deadline is written directly).
      await deps.db.updateTable('hit_forms').set({ reply_due_at: new Date(Date.now() - 90 * 60_000).toISOString() }).where('hit_id', '=', hitId).execute();
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('shows the bureau its counts, today’s hits, the two screening countries on the map and the late reply', async () => {
    const page = await app.openAs('fra.bureau', '/dashboard');
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(app.url) && !r.url().startsWith('blob:')) elsewhere.push(r.url());
    });
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.getByTestId('counts-own').waitFor();

    // Counts: FRA's two active alerts, one document and one vehicle.
    expect(await page.getByTestId('counts-own-total').textContent()).toBe('2');
    expect(await page.getByTestId('counts-own').locator('td[data-kind="document"][data-status="active"]').textContent()).toBe('1');
    expect(await page.getByTestId('hits-totals').textContent()).toContain('3 hit(s) on our alerts');

    // The chart: today's bar on our alerts counts all three hits.
    const today = new Date().toISOString().slice(0, 10);
    const bar = page.locator(`[data-testid="hit-bar"][data-day="${today}"][data-series="onOurAlerts"]`);
    expect(await bar.getAttribute('data-count')).toBe('3');

    // The map: Germany and Spain coloured, the same figures in the table.
    const map = page.getByTestId('hits-map');
    expect(await map.getAttribute('data-coloured')).toBe('2');
    await expect.poll(() => map.locator('path.has-hits').count()).toBe(2);
    expect(await map.locator('path.country').count()).toBeGreaterThan(150);
    const rows = page.getByTestId('country-table').locator('tbody tr');
    expect(await rows.allTextContents()).toEqual([expect.stringMatching(/Germany \(DEU\)2$/), expect.stringMatching(/Spain \(ESP\)1$/)]);
    await map.locator('path.has-hits').first().hover();
    await expect.poll(() => page.locator('.leaflet-tooltip').textContent()).toMatch(/(Germany: 2|Spain: 1) hit\(s\)/);

    // The late reply is FRA's to give, to DEU.
    const overdue = page.getByTestId('overdue-row');
    expect(await overdue.count()).toBe(1);
    expect(await overdue.first().textContent()).toContain('We owe DEU a reply');
    expect(await overdue.first().textContent()).toMatch(/1 h 3\d min/);
    await app.shot(page, 'dashboard');

    // The period can be changed by keyboard alone; the figures follow.
    await page.getByTestId('dashboard-period').focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.getByTestId('hits-totals').textContent()).toContain('Last 7 days');

    // The overdue reply opens its hit.
    await overdue.first().getByRole('link').click();
    await expect.poll(() => page.evaluate(() => location.pathname + location.search)).toBe(`/hits?id=${hitId}`);

    expect(elsewhere).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('tells a member without hits so, explains a failed request, and reads right to left in Arabic', async () => {
    const page = await app.openAs('ita.analyst', '/dashboard');
    await page.getByTestId('hits-empty').waitFor();
    expect(await page.getByTestId('hits-empty').textContent()).toBe('No hits in the last 30 days.');
    expect(await page.getByTestId('overdue-section').textContent()).toContain('No reply is overdue.');
    // ITA sees FRA's alerts (visible to all) but owns none.
    expect(await page.getByTestId('counts-visible-total').textContent()).toBe('2');
    expect(await page.getByTestId('counts-own').textContent()).toContain('No alerts.');

    // A refused request shows the server's own explanation and a way to try again; the figures come back.
    await page.route('**/api/v1/stats?*', (route) =>
      route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ status: 503, code: 'unavailable', title: 'unavailable', detail: 'The database is being maintained.' }) }),
    );
    app.expectError = /status of 503/;
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => page.getByTestId('dashboard-error').textContent()).toContain('The figures could not be loaded: The database is being maintained.');
    // The figures read before stay on screen, said to be possibly out of date.
    expect(await page.getByTestId('dashboard-error').textContent()).toContain('Shown as last read; it may be out of date.');
    expect(await page.getByTestId('counts-visible-total').textContent()).toBe('2');
    expect(await page.getByTestId('dashboard-status').textContent()).toBe('');
    await app.shot(page, 'dashboard-refresh-failed');
    app.expectError = null;
    await page.unroute('**/api/v1/stats?*');
    await page.getByTestId('dashboard-error').getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('hits-empty').waitFor();

    // A slow answer for a period no longer chosen is abandoned: it never replaces the one asked for after it.
    await page.route('**/api/v1/stats?days=7', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue().catch(() => undefined);
    });
    await page.getByTestId('dashboard-period').selectOption('7');
    await page.getByTestId('dashboard-period').selectOption('90');
    await expect.poll(() => page.getByTestId('hits-empty').textContent()).toBe('No hits in the last 90 days.');
    await page.waitForTimeout(2000);
    expect(await page.getByTestId('hits-empty').textContent()).toBe('No hits in the last 90 days.');
    await page.unroute('**/api/v1/stats?days=7');

    await page.getByTestId('language').selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('heading', { name: 'لوحة المتابعة', level: 1 }).waitFor();
    await app.shot(page, 'dashboard-empty-ar');
    await page.context().close();
    expect(app.consoleErrors).toEqual([]);
  }, 60_000);
});
