import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../server/src/app/create-alert.js';
import { hasChromium, setupCtx, startWebApp, type WebApp } from './harness.ts';

/**
 * The SIS recast categories in a real browser. FRA's bureau writes an inquiry check with two
 * questions in the alert editor; DEU's bureau screens the person, opens the hit and answers the
 * questions there; FRA reads the answers in the hit's thread. A preventive alert on a child is
 * shown to DEU's frontline desk as protection (green, with the owner's instruction), never as a
 * wanted person, in English and in Arabic.
 */
const QUESTIONS = ['Where are you travelling to?', 'Who paid for your ticket?'];

describe.skipIf(!hasChromium)('SIS recast categories in chromium', () => {
  let app: WebApp;
  let preventiveId = '';

  beforeAll(async () => {
    app = await startWebApp(async ({ deps, user }) => {
      await user('fra.bureau', 'FRA', 'bureau');
      // A second FRA officer whose language nobody changes (the server keeps each user's choice).
      await user('fra.officer', 'FRA', 'bureau');
      await user('deu.bureau', 'DEU', 'bureau');
      await user('deu.frontline', 'DEU', 'frontline');
      preventiveId = (await createAlert(deps, setupCtx('FRA'), {
        kind: 'person',
        category: 'preventive',
        person: { names: [{ family: 'LEROUX', given: 'CAMILLE' }], birthDate: '2017-02-03', sex: 'F' },
        preventive: { subject: 'child-abduction-risk', instruction: 'Keep the child with you and call the FRA bureau: +33 1 00 00 00 00' },
        visibility: { mode: 'all' },
      })).id;
      await createAlert(deps, setupCtx('FRA'), {
        kind: 'person',
        category: 'return-decision',
        person: { names: [{ family: 'MOREAU', given: 'JEAN' }], birthDate: '1985-01-01' },
        returnDecision: { decidedOn: '2026-01-10', leaveBy: '2026-02-10', reference: 'OQTF-2026-17' },
        visibility: { mode: 'all' },
      });
      // Another desk officer, so that the language changes of the preventive test do not reach this one.
      await user('deu.gate', 'DEU', 'frontline');
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  const inLanguage = async (page: Page, language: string) => {
    await page.getByTestId('language').selectOption(language);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
  };

  it('lets the owner ask questions, the screening bureau answer them on the hit, and the owner read the answers', async () => {
    // FRA writes the inquiry check in the editor: the questions appear with the category.
    const fra = await app.openAs('fra.bureau', '/alerts');
    await fra.getByTestId('new-person').click();
    await fra.getByTestId('alert-editor').waitFor();
    await fra.getByLabel('Category').selectOption('inquiry-check');
    await fra.getByTestId('recast-inquiry-fields').waitFor();
    await fra.getByLabel('Family name (Latin letters)').fill('GARNIER');
    await fra.getByLabel('Given names (Latin letters)').fill('LOUIS');
    await fra.getByLabel('Date of birth (YYYY, YYYY-MM or YYYY-MM-DD)', { exact: true }).fill('1980-05-17');
    // An inquiry check without a question is refused beside the questions.
    await fra.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => fra.getByTestId('recast-inquiry-fields').locator('.field-error').count()).toBeGreaterThan(0);
    await fra.getByLabel('Question 1').fill(QUESTIONS[0]!);
    await fra.getByRole('button', { name: 'Add a question' }).click();
    await fra.getByLabel('Question 2').fill(QUESTIONS[1]!);
    await app.shot(fra, 'recast-inquiry-editor');
    await fra.getByRole('button', { name: 'Publish' }).click();
    const detail = fra.getByTestId('alert-detail');
    await detail.waitFor();
    expect(await fra.getByTestId('recast-questions').textContent()).toContain(QUESTIONS[1]);
    expect(await fra.getByTestId('alert-what-to-do').textContent()).toContain('Inquiry check: interview the person');
    await app.shot(fra, 'recast-inquiry-alert');

    // DEU's bureau screens the person: the card shows the questions to ask.
    const deu = await app.openAs('deu.bureau', '/screen');
    await deu.getByLabel('Names').fill('Louis Garnier');
    await deu.getByLabel('Date of birth (YYYY-MM-DD)').fill('1980-05-17');
    await deu.getByRole('button', { name: 'Screen' }).click();
    const card = deu.getByTestId('hit-card').first();
    await card.getByTestId('recast-questions').waitFor();
    expect(await card.textContent()).toContain('Inquiry check');

    // It opens the hit and answers there.
    await deu.goto(`${app.url}/hits`);
    await deu.getByTestId('hit-row').first().click();
    const form = deu.getByTestId('inquiry-answers');
    await form.waitFor();
    await deu.getByRole('button', { name: 'Send the answers' }).click();
    expect(await deu.getByTestId('inquiry-answers-status').textContent()).toContain('Answer every question');
    await deu.getByLabel('Answer 1').fill('To Lisbon, for work');
    await deu.getByLabel('Answer 2').fill('Declined to answer');
    await form.getByRole('combobox').selectOption('H1');
    await deu.getByRole('button', { name: 'Send the answers' }).click();
    await expect.poll(() => deu.getByTestId('inquiry-answers-status').textContent()).toContain('The answers were sent to France (FRA)');
    await expect.poll(() => deu.getByTestId('form-answers').count()).toBe(1);
    await app.shot(deu, 'recast-inquiry-answered');

    // FRA, the owner, reads the answers in the thread and has no form to answer its own questions.
    await fra.goto(`${app.url}/hits`);
    await fra.getByTestId('hit-row').first().click();
    const answers = fra.getByTestId('form-answers');
    await answers.waitFor();
    const text = await answers.textContent();
    expect(text).toContain(QUESTIONS[0]);
    expect(text).toContain('To Lisbon, for work');
    expect(text).toContain('Declined to answer');
    expect(await fra.getByTestId('inquiry-answers').count()).toBe(0);
    await app.shot(fra, 'recast-inquiry-owner-thread');

    // The same thread in Arabic, right to left: the answers are record text, kept as written.
    await inLanguage(fra, 'ar');
    await expect.poll(() => fra.getByTestId('form-answers').textContent()).toContain('إجابات الفحص الاستجوابي');
    expect(await fra.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await app.shot(fra, 'recast-inquiry-owner-thread-ar');
    expect(app.consoleErrors).toEqual([]);
  });

  it('shows a preventive alert’s hit to the frontline as protection with its instruction, never as wanted, in English and Arabic', async () => {
    const desk = await app.openAs('deu.frontline', '/screen');
    await desk.getByLabel('Names').fill('Camille Leroux');
    await desk.getByLabel('Date of birth (YYYY-MM-DD)').fill('2017-02-03');
    await desk.getByRole('button', { name: 'Screen' }).click();
    const card = desk.getByTestId('hit-card').first();
    const banner = card.getByTestId('recast-protect');
    await banner.waitFor();
    expect(await card.getAttribute('class')).toContain('protective');
    expect(await banner.textContent()).toContain('Protection: keep this person safe');
    expect(await card.getByTestId('recast-protect-subject').textContent()).toBe('Child at risk of parental abduction');
    expect(await card.getByTestId('recast-protect-instruction').textContent()).toContain('Keep the child with you');
    const english = (await card.innerText()).toLowerCase();
    expect(english).toContain('prevent the person from travelling');
    expect(english).not.toMatch(/\bwanted\b|\barrest/);
    // The protective border is green, not the wanted red.
    const border = await card.evaluate((el) => getComputedStyle(el).borderInlineStartColor);
    expect(border).toBe('rgb(27, 110, 58)');
    await app.shot(desk, 'recast-preventive-card');

    await inLanguage(desk, 'ar');
    await expect.poll(() => banner.textContent()).toContain('حماية: ضع هذا الشخص');
    const arabic = await card.innerText();
    expect(arabic).toContain('طفل معرّض لخطر الاختطاف');
    expect(arabic).toContain('امنع الشخص من السفر');
    // No code of the core reaches the Arabic card untranslated.
    expect(arabic).not.toMatch(/preventive|child-abduction-risk|wanted/);
    await app.shot(desk, 'recast-preventive-card-ar');

    // The alert's page says why the alert exists in the protective section, not "Why wanted".
    const owner = await app.openAs('fra.officer', `/alerts?id=${preventiveId}`);
    await owner.getByTestId('alert-recast').waitFor();
    expect(await owner.getByTestId('alert-wanted').count()).toBe(0);
    expect(await owner.getByTestId('alert-what-to-do').textContent()).toContain('Preventive alert: prevent the person from travelling');
    expect((await owner.getByTestId('alert-detail').innerText()).toLowerCase()).not.toMatch(/\bwanted\b|\barrest/);
    // What to do is framed in the protective green too, not the red.
    expect(await owner.getByTestId('alert-what-to-do').evaluate((el) => getComputedStyle(el).borderInlineStartColor)).toBe('rgb(27, 110, 58)');
    await inLanguage(owner, 'ar');
    await expect.poll(() => owner.getByTestId('alert-recast').textContent()).toContain('احمِ هذا الشخص');
    await app.shot(owner, 'recast-preventive-alert-ar');
    expect(app.consoleErrors).toEqual([]);
  });

  it('lets the desk record that a return decision’s person left the territory, with the fifth key', async () => {
    const desk = await app.openAs('deu.gate', '/screen');
    await desk.getByLabel('Names').fill('Jean Moreau');
    await desk.getByLabel('Date of birth (YYYY-MM-DD)').fill('1985-01-01');
    await desk.getByRole('button', { name: 'Screen' }).click();
    const card = desk.getByTestId('hit-card').first();
    await card.getByTestId('recast-return').waitFor();
    expect(await card.getByTestId('recast-return').textContent()).toContain('to leave by');
    expect(await card.textContent()).toContain('Outcome: press 1–5');
    await card.focus();
    await desk.keyboard.press('5');
    await desk.keyboard.press('Enter');
    await expect.poll(() => desk.getByTestId('outcome-status').first().textContent()).toContain('Outcome recorded: Left the territory');
    await app.shot(desk, 'recast-return-left');
    expect(app.consoleErrors).toEqual([]);
  });
});
