import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../server/src/app/create-alert.js';
import { decideReview } from '../../server/src/app/review/decide-review.js';
import { screen } from '../../server/src/app/screen.js';
import { hasChromium, setupCtx, startWebApp, type WebApp } from './harness.ts';

/**
 * Match reasons reach the officer in the language of the console: the server sends codes, the page
 * words them (Arabic right to left, with the record's Latin names kept in their own direction),
 * and a hit recorded before reasons had codes still shows its English sentences.
 */
const OLD_REASON = 'surname QADHAFI ~ GADDAFI: transliteration variant';

describe.skipIf(!hasChromium)('match reasons in chromium', () => {
  let app: WebApp;
  let oldHit = '';

  beforeAll(async () => {
    app = await startWebApp(async ({ deps, user }) => {
      await user('deu.frontline', 'DEU', 'frontline');
      await user('lby.bureau', 'LBY', 'bureau');
      const alert = await createAlert(deps, setupCtx('LBY'), {
        kind: 'person',
        category: 'arrest',
        person: { names: [{ family: 'QADHAFI', given: 'MUAMMAR' }], birthDate: '1942-06-07', sex: 'M', nationalities: ['LBY'], warnings: ['armed'] },
        action: 'Arrest and inform the LBY bureau',
        visibility: { mode: 'all' },
      });
      await decideReview(deps, setupCtx('IPO', 'reviewer'), alert.id, { decision: 'approve', reason: 'meets the rules' });
      // A hit as an earlier version recorded it: its reasons are English sentences.
      const earlier = await screen(deps, setupCtx('LBY', 'bureau'), { person: { names: ['Muammar Gaddafi'] } });
      const row = await deps.db.selectFrom('hits').select('id').where('screening_id', '=', earlier.screeningId).executeTakeFirstOrThrow();
      await deps.db.updateTable('hits').set({ reasons: JSON.stringify([OLD_REASON]) }).where('id', '=', row.id).execute();
      oldHit = row.id;
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  const inLanguage = async (page: Page, language: string, dir: 'ltr' | 'rtl') => {
    await page.getByTestId('language').selectOption(language);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(dir);
  };
  const reasons = (page: Page) => page.getByTestId('hit-card').first().locator('li[data-reason]').allTextContents();

  it('shows why a person hit in Arabic, then in French, Spanish and English, without screening again', async () => {
    const front = await app.openAs('deu.frontline', '/screen');
    await inLanguage(front, 'ar', 'rtl');
    await front.locator('input[name="names"]').fill('Muammar Gaddafi');
    await front.locator('input[name="birthDate"]').fill('1942-06-07');
    await front.locator('input[name="nationality"]').fill('LBY');
    await front.locator('button[type="submit"]').click();
    const card = front.getByTestId('hit-card').first();
    await card.waitFor();

    const arabic = await reasons(front);
    expect(arabic).toEqual(['الاسم الأول MUAMMAR: متطابق', 'اللقب GADDAFI ~ QADHAFI: نقل حرفي مختلف', 'تاريخ الميلاد 1942-06-07: متطابق', 'الجنسية LBY: متطابقة']);
    const cardText = (await card.textContent()) ?? '';
    for (const english of ['transliteration', 'same', 'born', 'nationality', 'surname']) expect(cardText).not.toContain(english);
    // The category and the warning are words of the page too.
    expect(cardText).toContain('قبض');
    expect(cardText).toContain('مسلح');
    // The names from the records stay left to right inside the Arabic sentence.
    expect(await card.locator('li[data-reason="name.transliteration-variant"] bdi').allTextContents()).toEqual(['GADDAFI', 'QADHAFI']);
    expect(await card.locator('li[data-reason="birth-date.same"] bdi').getAttribute('dir')).toBe('ltr');
    await app.shot(front, 'reasons-ar');

    await inLanguage(front, 'fr', 'ltr');
    expect(await reasons(front)).toEqual(['prénom MUAMMAR : identique', 'nom de famille GADDAFI ~ QADHAFI : variante de translittération', 'naissance 1942-06-07 : identique', 'nationalité LBY : identique']);
    await inLanguage(front, 'es', 'ltr');
    expect(await reasons(front)).toContain('apellido GADDAFI ~ QADHAFI: variante de transliteración');
    await inLanguage(front, 'en', 'ltr');
    expect(await reasons(front)).toEqual(['given name MUAMMAR: same', 'surname GADDAFI ~ QADHAFI: transliteration variant', 'born 1942-06-07: same', 'nationality LBY: same']);
    expect(app.consoleErrors).toEqual([]);
  });

  it('shows a hit recorded with sentence reasons as it was, in an Arabic hit thread', async () => {
    const bureau = await app.openAs('lby.bureau', `/hits?id=${oldHit}`);
    await inLanguage(bureau, 'ar', 'rtl');
    await expect.poll(() => bureau.getByText(OLD_REASON).count()).toBe(1);
    await app.shot(bureau, 'reasons-old-hit-ar');
    expect(app.consoleErrors).toEqual([]);
  });
});
