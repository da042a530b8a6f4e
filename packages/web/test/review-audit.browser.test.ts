import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../server/src/app/create-alert.js';
import { hasChromium, setupCtx, startWebApp, type WebApp } from './harness.ts';

/**
 * The review queue and audit page in a real browser: the operator's reviewer rejects an
 * arrest alert the pre-checks flag as political and approves an ordinary one, by keyboard; the
 * operator's auditor finds the approval in the trail and verifies the chain.
 */
const arrest = (family: string, full: string | undefined, description: string) => ({
  kind: 'person',
  category: 'arrest',
  person: { names: [{ family, given: 'IVAN', ...(full ? { full, script: 'Cyrl' } : {}) }], birthDate: '1971-03-09', sex: 'M' },
  offence: { description, maxSentenceYears: 10 },
  action: 'Arrest and inform the FRA bureau',
  visibility: { mode: 'all' },
});

describe.skipIf(!hasChromium)('review queue and audit trail in chromium', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp(async ({ deps, user }) => {
      await user('ipo.reviewer', 'IPO', 'reviewer');
      await user('ipo.auditor', 'IPO', 'auditor');
      await user('fra.auditor', 'FRA', 'auditor');
      // Oldest first: the flagged alert is submitted before the ordinary one.
      await createAlert(deps, setupCtx('FRA'), arrest('PETROV', 'Иван Петров', 'Sedition: organising dissident meetings'));
      await createAlert(deps, setupCtx('FRA'), arrest('LEBRUN', undefined, 'Armed robbery of a bank'));
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('rejects a flagged alert with a reason, approves another, and the auditor finds and verifies it', async () => {
    const reviewer = await app.openAs('ipo.reviewer', '/review');
    const rows = reviewer.getByTestId('review-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('Иван Петров');
    expect(await rows.first().textContent()).toContain('Possibly political');
    expect(await rows.nth(1).textContent()).toContain('No pre-check flag');
    await app.shot(reviewer, 'review-queue');

    // Keyboard: open the flagged alert, read why the flag matters, reject with a reason.
    await rows.first().focus();
    await reviewer.keyboard.press('Enter');
    const detail = reviewer.getByTestId('review-detail');
    await detail.waitFor();
    const flags = reviewer.getByTestId('review-flags');
    expect(await flags.textContent()).toContain('The word “dissident” appears');
    expect(await flags.textContent()).toContain('Cooperation is for ordinary crime');
    expect(await detail.textContent()).toContain('Sedition: organising dissident meetings');
    await app.shot(reviewer, 'review-detail');

    // No decision is chosen for the reviewer: recording without a choice says so and sends nothing.
    const approve = reviewer.getByTestId('review-approve');
    const reject = reviewer.getByTestId('review-reject');
    expect([await approve.isChecked(), await reject.isChecked()]).toEqual([false, false]);
    const reason = reviewer.getByLabel('Reason (the owner bureau reads it');
    await reason.focus();
    await reviewer.keyboard.press('Enter');
    await expect.poll(() => reviewer.getByTestId('review-choice-help').textContent()).toContain('Choose approve or reject');
    expect(await approve.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await detail.isVisible()).toBe(true);
    await app.shot(reviewer, 'review-no-default');
    // Rejecting needs the reason the owner reads.
    await reject.check();
    await reason.focus();
    await reviewer.keyboard.press('Enter');
    await expect.poll(() => detail.textContent()).toContain('Give a reason');
    expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await reviewer.keyboard.type('Political offence: excluded by the rules');
    await reviewer.keyboard.press('Enter');

    const notice = reviewer.getByTestId('review-notice');
    await expect.poll(() => notice.textContent()).toContain('Rejected: the alert goes back to FRA');
    await expect.poll(() => rows.count()).toBe(1);
    // The focus moves on to the next alert waiting, so the reviewer can go on with Enter.
    expect(await reviewer.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('review-row');
    await reviewer.keyboard.press('Enter');
    await reviewer.getByTestId('review-approve').check();
    await reviewer.getByTestId('review-submit').click();
    await expect.poll(() => notice.textContent()).toContain('Approved: the alert from FRA is published');
    await reviewer.getByText('Nothing is waiting for review.').waitFor();
    await app.shot(reviewer, 'review-empty');

    // The operator's auditor: the two decisions in the trail, then the whole chain verified.
    const auditor = await app.openAs('ipo.auditor', '/audit');
    await auditor.getByTestId('audit-row').first().waitFor();
    await auditor.getByLabel('Action').selectOption('review.decide');
    await auditor.getByLabel('Outcome').selectOption('allowed');
    await auditor.getByRole('button', { name: 'Apply the filters' }).click();
    const auditRows = auditor.getByTestId('audit-row');
    await expect.poll(() => auditRows.count()).toBe(2);
    for (const text of await auditRows.allTextContents()) {
      expect(text).toContain('Decided on an alert under review');
      expect(text).toContain('Allowed');
    }
    await app.shot(auditor, 'audit');

    await auditor.getByTestId('audit-verify').click();
    // The scan runs on a worker thread started for it: seconds on a loaded machine, not the poll's default second.
    await expect.poll(() => auditor.getByTestId('audit-verify-result').textContent(), { timeout: 20_000 }).toMatch(/The chain is intact: \d+ entries checked/);
    await app.shot(auditor, 'audit-verified');

    // In Arabic the page reads right to left and still says the chain is intact.
    await auditor.getByTestId('language').selectOption('ar');
    await expect.poll(() => auditor.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await auditor.getByRole('button', { name: 'التحقق من السلسلة' }).click();
    await expect.poll(() => auditor.getByTestId('audit-verify-result').textContent(), { timeout: 20_000 }).toContain('السلسلة سليمة');
    await app.shot(auditor, 'audit-ar');

    // A member's auditor learns that the chain is intact, and no count of others' entries.
    const member = await app.openAs('fra.auditor', '/audit');
    await member.getByTestId('audit-verify').click();
    await expect.poll(() => member.getByTestId('audit-verify-result').textContent(), { timeout: 20_000 }).toContain('The chain is intact: no entry has been altered');
    expect(await member.getByTestId('audit-verify-result').textContent()).not.toMatch(/\d+ entries/);

    // A read that fails says why, in the reader's language, and "try again" reads it again.
    await member.getByTestId('audit-row').first().waitFor();
    await member.route('**/api/v1/audit?*', (route) =>
      route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ status: 503, code: 'unavailable', title: 'unavailable', detail: 'The database is being maintained.' }) }),
    );
    app.expectError = /status of 503/;
    await member.getByTestId('language').selectOption('fr');
    await expect.poll(() => member.evaluate(() => document.documentElement.lang)).toBe('fr');
    await member.getByRole('button', { name: 'Appliquer les filtres' }).click();
    await expect.poll(() => member.getByTestId('audit-error').textContent()).toContain('Le journal d’audit n’a pas pu être chargé : The database is being maintained.');
    expect(await member.getByTestId('audit-row').count()).toBe(0);
    await app.shot(member, 'audit-failed-fr');
    app.expectError = null;
    await member.unroute('**/api/v1/audit?*');
    // While the read is under way the page says so (in French), then shows the entries.
    await member.route('**/api/v1/audit?*', async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue().catch(() => undefined);
    });
    await member.getByTestId('audit-error').getByRole('button', { name: 'Réessayer' }).click();
    await member.getByRole('status').filter({ hasText: 'Chargement…' }).waitFor();
    await app.shot(member, 'audit-loading-fr');
    await member.getByTestId('audit-row').first().waitFor();
    await member.unroute('**/api/v1/audit?*');

    expect(app.consoleErrors).toEqual([]);
  }, 60_000);
});
