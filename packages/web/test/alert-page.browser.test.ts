import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../server/src/app/create-alert.js';
import { decideReview } from '../../server/src/app/review/decide-review.js';
import { hasChromium, setupCtx, startWebApp, type WebApp } from './harness.ts';

/**
 * The alert page as an officer reads it, in a real browser: everything the alert holds (sex, the
 * arrest warrant, the offence, a stolen document's date and place) in sections, in words; and a
 * rejected alert going back to its owner, who reads the reviewer's reason, corrects it and
 * resubmits it, so that it appears again in the reviewer's queue with its history.
 */
const wanted = (family: string, arrest?: Record<string, string>) => ({
  kind: 'person',
  category: 'arrest',
  person: {
    names: [{ family, given: 'ANNA' }],
    sex: 'F',
    birthDate: '1971-03-09',
    nationalities: ['SWE'],
    warnings: ['armed', 'escape-risk'],
    documents: [{ type: 'passport', number: 'SE1234567', issuingState: 'SWE' }],
    ...(arrest ? { arrest } : {}),
  },
  offence: { description: 'Armed robbery of a cash transport', maxSentenceYears: 12, lawReference: 'Code pénal art. 311-9' },
  action: 'Arrest and inform the FRA bureau',
  visibility: { mode: 'all' },
});

describe.skipIf(!hasChromium)('the alert page in chromium', () => {
  let app: WebApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startWebApp(async ({ deps, user }) => {
      await user('fra.bureau', 'FRA', 'bureau');
      await user('deu.bureau', 'DEU', 'bureau');
      await user('ipo.reviewer', 'IPO', 'reviewer');
      const reviewer = setupCtx('IPO', 'reviewer');
      const person = await createAlert(deps, setupCtx('FRA'), wanted('LINDQVIST', { charge: 'Armed robbery', law: 'Code pénal art. 311-9', maximumPenalty: '20 years of imprisonment', warrantReference: 'TJ-PARIS-2026-042' }));
      await decideReview(deps, reviewer, person.id, { decision: 'approve', reason: 'meets the rules' });
      ids.person = person.id;
      const document = await createAlert(deps, setupCtx('FRA'), { kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: '18AB23456', status: 'stolen-issued', eventDate: '2026-03-14', eventPlace: 'Gare de Lyon, Paris' }, visibility: { mode: 'all' } });
      ids.document = document.id;
      const refused = await createAlert(deps, setupCtx('FRA'), wanted('BERGQVIST', { charge: 'Armed robbery' }));
      await decideReview(deps, reviewer, refused.id, { decision: 'reject', reason: 'The warrant number is missing' });
      ids.refused = refused.id;
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('shows sex, the arrest warrant, the offence and a stolen document’s date and place, grouped as an officer reads them', async () => {
    const page = await app.openAs('deu.bureau', `/alerts?id=${ids.person}`);
    await page.getByTestId('alert-detail').waitFor();
    const headings = await page.locator('.alert-detail h2').allTextContents();
    expect(headings.slice(0, 6)).toEqual(['Identity', 'Why wanted', 'What to do', 'Warnings', 'Identity documents', 'Photos']);
    expect(await page.getByTestId('alert-sex').textContent()).toBe('Female');
    expect(await page.getByTestId('alert-birth-date').textContent()).toBe('Mar 9, 1971');
    const warrant = await page.getByTestId('alert-warrant').textContent();
    for (const text of ['Charge', 'Armed robbery', 'Law', 'Code pénal art. 311-9', 'Maximum penalty', '20 years of imprisonment', 'Warrant number', 'TJ-PARIS-2026-042']) expect(warrant).toContain(text);
    const offence = await page.getByTestId('alert-offence').textContent();
    for (const text of ['Armed robbery of a cash transport', '12 years', 'Code pénal art. 311-9']) expect(offence).toContain(text);
    expect(await page.getByTestId('alert-warnings').textContent()).toMatch(/Armed.*Escape risk/i);
    expect(await page.getByTestId('alert-documents').textContent()).toContain('SE1234567');
    await app.shot(page, 'alert-page-person');

    await page.goto(`${app.url}/alerts?id=${ids.document}`);
    await page.getByTestId('alert-document').waitFor();
    expect(await page.getByTestId('alert-event-date').textContent()).toBe('Mar 14, 2026');
    expect(await page.getByTestId('alert-event-place').textContent()).toBe('Gare de Lyon, Paris');
    expect(await page.getByTestId('alert-document').textContent()).toContain('Stolen on');
    await app.shot(page, 'alert-page-document');

    // In Arabic: the sections, the sex and the theft date in words of the language.
    await page.getByTestId('language').selectOption('ar');
    await expect.poll(() => page.getByTestId('alert-document').textContent()).toContain('سُرقت في');
    await page.goto(`${app.url}/alerts?id=${ids.person}`);
    await expect.poll(() => page.getByTestId('alert-identity').textContent()).toContain('الهوية');
    expect(await page.getByTestId('alert-warrant').textContent()).toContain('رقم المذكرة');
    await app.shot(page, 'alert-page-person-ar');
    // The language is the user's setting: back to English for the next test's sign-in.
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(app.consoleErrors).toEqual([]);
  }, 60_000);

  it('sends a rejected alert back to its owner, who corrects and resubmits it into the review queue', async () => {
    // Another member sees nothing of it, as before.
    const other = await app.openAs('deu.bureau', `/alerts?id=${ids.refused}`);
    app.expectError = /status of 404/;
    await other.getByText('The alert could not be opened').waitFor();
    app.expectError = null;

    const owner = await app.openAs('fra.bureau', `/alerts?id=${ids.refused}`);
    const rejected = owner.getByTestId('alert-rejected');
    await rejected.waitFor();
    expect(await owner.getByTestId('alert-rejected-reason').textContent()).toBe('The warrant number is missing');
    await app.shot(owner, 'alert-rejected');
    await owner.getByTestId('alert-resubmit').click();
    await owner.getByTestId('alert-editor').waitFor();
    expect(await owner.getByTestId('editor-rejected').textContent()).toContain('The warrant number is missing');
    expect(await owner.getByLabel('Charge', { exact: true }).inputValue()).toBe('Armed robbery');
    await owner.getByLabel('Warrant number', { exact: true }).fill('TJ-PARIS-2026-118');
    await owner.getByLabel('Maximum penalty (as the warrant states it)').fill('20 years of imprisonment');
    await app.shot(owner, 'alert-resubmit-editor');
    await owner.getByRole('button', { name: 'Resubmit for review' }).click();

    const notice = owner.getByTestId('alert-notice');
    await expect.poll(() => notice.textContent()).toContain('Resubmitted: the alert is back in the review queue');
    expect(await owner.getByTestId('alert-warrant').textContent()).toContain('TJ-PARIS-2026-118');
    expect(await owner.getByTestId('alert-rejected').count()).toBe(0);
    await expect.poll(() => owner.getByTestId('alert-history').textContent()).toContain('Resubmitted for review');
    const history = await owner.getByTestId('alert-history').textContent();
    expect(history).toContain('Rejected: The warrant number is missing');
    await app.shot(owner, 'alert-resubmitted');

    // Back in the reviewer's queue, with the correction.
    const reviewer = await app.openAs('ipo.reviewer', '/review');
    const rows = reviewer.getByTestId('review-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('BERGQVIST');
    expect(await rows.first().textContent()).toContain('Resubmitted');
    await rows.first().click();
    const detail = reviewer.getByTestId('review-detail');
    await detail.waitFor();
    expect(await detail.textContent()).toContain('TJ-PARIS-2026-118');
    // The reviewer sees why it was refused before, to judge the correction.
    expect(await reviewer.getByTestId('review-resubmitted').textContent()).toContain('The warrant number is missing');
    await app.shot(reviewer, 'review-resubmitted');
    expect(app.consoleErrors).toEqual([]);
  }, 60_000);
});
