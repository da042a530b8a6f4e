import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../server/src/app/create-alert.js';
import { decideReview } from '../../server/src/app/review/decide-review.js';
import { hasChromium, setupCtx, startWebApp, type WebApp } from './harness.ts';

/**
 * The screening console's Advanced fold: an officer sets the hit threshold and evidence weights
 * for one screening; the answer says which were applied, and a value outside the operator's
 * bounds is told beside its field.
 */
describe.skipIf(!hasChromium)('the screening console’s own threshold and weights in chromium', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp(async ({ deps, operator, user }) => {
      await user('deu.frontline', 'DEU', 'frontline');
      const reviewer = { ...operator, actor: { ...operator.actor, role: 'reviewer' as const } };
      const a = await createAlert(deps, setupCtx('FRA'), {
        kind: 'person',
        category: 'locate',
        person: { names: [{ family: 'KOWALCZYK', given: 'ANNA' }], birthDate: '1974-08-12', sex: 'F' },
        action: 'Locate and report the address to the FRA bureau.',
        visibility: { mode: 'all' },
      });
      if (a.status === 'pending-review') await decideReview(deps, reviewer, a.id, { decision: 'approve', reason: 'test data' });
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('screens with the threshold typed, says so, and tells a threshold outside the bounds beside its field', async () => {
    const page = await app.openAs('deu.frontline', '/screen');
    await page.locator('#mrz').waitFor();
    // Born in another year: 1 − 0.3 = 0.7, a hit at the default threshold.
    await page.getByLabel('Names').fill('Anna Kowalczyk');
    await page.getByLabel('Date of birth (YYYY-MM-DD)').fill('1990');
    await page.getByRole('button', { name: 'Screen' }).click();
    await expect.poll(() => page.getByTestId('found-hit').count()).toBe(1);
    expect(await page.getByTestId('screen-settings').count()).toBe(0);

    await page.getByTestId('screen-advanced').locator('summary').click();
    await page.getByLabel('Hit threshold (a score from 0 to 1)').fill('0.75');
    await page.getByRole('button', { name: 'Screen' }).click();
    await expect.poll(() => page.getByTestId('screen-settings').textContent()).toBe('Screened with threshold 0.75; weights: birth date 1, nationality 1, sex 1.');
    expect(await page.getByTestId('found-hit').count()).toBe(0);

    await page.getByLabel('Weight of the birth date').fill('0');
    await page.getByRole('button', { name: 'Screen' }).click();
    await expect.poll(() => page.getByTestId('screen-settings').textContent()).toBe('Screened with threshold 0.75; weights: birth date 0, nationality 1, sex 1.');
    await expect.poll(() => page.getByTestId('found-hit').count()).toBe(1);
    await app.shot(page, 'screening-advanced-settings');

    await page.getByLabel('Hit threshold (a score from 0 to 1)').fill('0.3');
    await page.getByRole('button', { name: 'Screen' }).click();
    const error = page.getByTestId('screen-threshold-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Allowed on this server: from 0.6 to 0.95.');
    expect(app.consoleErrors.filter((e) => !e.includes('422'))).toEqual([]);
  });

  it('in Arabic: the fold reads right to left, and a threshold typed in Arabic-Indic digits is applied', async () => {
    const page = await app.openAs('deu.frontline', '/screen');
    await page.getByTestId('language').selectOption('ar');
    await page.locator('#screen-names').fill('Anna Kowalczyk');
    await page.locator('#screen-birth-date').fill('1990');
    await page.getByTestId('screen-advanced').locator('summary').click();
    await page.locator('#screen-threshold').fill('٠٫٧٥');
    await page.locator('#screen-weight-birthDate').fill('٠');
    await page.locator('button.primary[type=submit]').click();
    await expect.poll(() => page.getByTestId('found-hit').count()).toBe(1);
    expect(await page.getByTestId('screen-settings').textContent()).toContain('فُحص بعتبة');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('[data-testid=screen-advanced]')!).direction)).toBe('rtl');
    await app.shot(page, 'screening-advanced-settings-ar');
    await page.getByTestId('language').selectOption('en');
  });
});
