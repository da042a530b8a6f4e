import { AUDIT_ACTIONS, DOCUMENT_TYPES, LINK_COLORS, ROLES } from '@crosscheck/core/constants';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../server/src/app/create-alert.js';
import { screen } from '../../server/src/app/screen.js';
import { EN } from '../src/i18n/dictionary.ts';
import { dictionary as ar } from '../src/i18n/languages/ar.ts';
import { dictionary as es } from '../src/i18n/languages/es.ts';
import { dictionary as fr } from '../src/i18n/languages/fr.ts';
import { hasChromium, setupCtx, startWebApp, type WebApp } from './harness.ts';

/**
 * Records and people by name, and words instead of codes, on the audit page and the links page:
 * a stolen German passport and the French missing man who carries it are linked; an analyst
 * decides the link (no answer is chosen for it, and red asks first); the operator's auditor reads
 * the trail in English and in Arabic.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Every code the pages could leak, taken from the dictionaries' keys (`<prefix>.<code>`) and the core's lists. */
const CODES = new Set<string>([
  ...AUDIT_ACTIONS,
  ...ROLES,
  ...DOCUMENT_TYPES,
  ...LINK_COLORS,
  'person',
  'vehicle',
  'name-birth-date',
  ...[EN, fr, es, ar].flatMap((d) => Object.keys(d).flatMap((k) => (/^(audit\.targetKind|audit\.outcome|category|alertStatus)\./.test(k) ? [k.slice(k.indexOf('.', 6) + 1)] : []))),
]);

/**
 * For each element matched: its text without the ids (`.record-id`, kept to copy), and whether it
 * showed an id at all. A record's label is what is left; it must hold no UUID, and an element
 * that shows an id must say something else beside it.
 */
async function labelsOf(page: Page, selector: string): Promise<{ text: string; hadId: boolean }[]> {
  return page.$$eval(selector, (els) =>
    els.map((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      const ids = copy.querySelectorAll('.record-id');
      ids.forEach((n) => n.remove());
      return { text: (copy.textContent ?? '').replace(/\s+/g, ' ').trim(), hadId: ids.length > 0 };
    }),
  );
}

async function expectNamedRecords(page: Page, selector: string): Promise<void> {
  const labels = await labelsOf(page, selector);
  expect(labels.length).toBeGreaterThan(0);
  for (const l of labels) {
    expect(l.text, `a UUID shown as a label: ${l.text}`).not.toMatch(UUID);
    if (l.hadId) expect(l.text, 'an id shown with nothing beside it').not.toBe('');
  }
}

/** In Arabic, no code of the dictionaries or the core stands as a word (names and ids aside). */
async function expectNoCodes(page: Page, selector: string): Promise<void> {
  const texts = await page.$$eval(selector, (els) =>
    els.map((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      // Ids, names in their own script, member codes and the entry's raw detail are not words to translate.
      copy.querySelectorAll('.record-id, bdi, .member-code, details, [data-testid="link-graph"]').forEach((n) => n.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ');
    }),
  );
  for (const text of texts) {
    for (const word of text.split(/[\s·:(),«»“”]+/)) expect(CODES.has(word), `untranslated code "${word}" in: ${text}`).toBe(false);
  }
  return;
}

describe.skipIf(!hasChromium)('audit and links by name, in words (chromium)', () => {
  let app: WebApp;
  let meyerId = '';

  beforeAll(async () => {
    app = await startWebApp(async ({ deps, user }) => {
      await user('fra.analyst', 'FRA', 'analyst');
      await user('ipo.auditor', 'IPO', 'auditor');
      await user('fra.bureau', 'FRA', 'bureau');
      await user('fra.auditor', 'FRA', 'auditor');
      await user('deu.max', 'DEU', 'bureau');
      // FRA's officer enters the missing man under its own name, so the history has a user to name.
      const officer = await deps.db.selectFrom('users').select('id').where('username', '=', 'fra.bureau').executeTakeFirstOrThrow();
      await createAlert(deps, setupCtx('DEU'), { kind: 'document', document: { issuingState: 'DEU', type: 'passport', number: 'C01X00T47', status: 'stolen-blank' }, visibility: { mode: 'all' } });
      meyerId = (await createAlert(deps, { actor: { member: 'FRA', role: 'bureau', credential: `user:${officer.id}` }, requestId: 'test/setup' }, {
        kind: 'person',
        category: 'missing',
        person: { names: [{ family: 'MEYER', given: 'PAUL' }], birthDate: '1990-02-03', sex: 'M', documents: [{ issuingState: 'DEU', type: 'passport', number: 'C01X00T47' }] },
        visibility: { mode: 'all' },
      })).id;
      await screen(deps, setupCtx('FRA', 'frontline'), { documents: [{ number: 'C01X00T47', issuingState: 'DEU' }] });
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  async function waitForLink(page: Page): Promise<void> {
    for (let i = 0; i < 20; i++) {
      if ((await page.getByTestId('link-row').count()) > 0) return;
      await page.waitForTimeout(500);
      if (await page.getByText('No identity link to show.').isVisible()) await page.reload();
    }
    throw new Error('no identity link appeared');
  }

  it('names the linked records, asks for a decision, confirms red, and the auditor reads who did what in words', async () => {
    const page = await app.openAs('fra.analyst', '/links');
    await waitForLink(page);
    const row = page.getByTestId('link-row');
    expect(await row.textContent()).toContain('MEYER, PAUL · born 1990 · Missing person (France)');
    expect(await row.textContent()).toContain('Passport · DEU C01X00T47 · Stolen blank (Germany)');
    await row.click();
    const details = page.getByTestId('link-details');
    await details.getByText('Resolve this link').waitFor();
    await expectNamedRecords(page, '[data-testid="link-row"], .linked-alerts li');

    // No answer is chosen beforehand: a reason and Record decide nothing.
    expect(await details.locator('input[type="radio"]:checked').count()).toBe(0);
    await details.getByLabel('Reason (required)').fill('Passport reported stolen blank before it was issued to anyone.');
    await details.getByRole('button', { name: 'Record the decision' }).click();
    await details.getByText('Choose what the link means.').waitFor();
    expect(await row.textContent()).toContain('Yellow · to resolve');

    // Red asks first; going back records nothing.
    await details.getByLabel('Red · a false or stolen identity').check();
    await details.getByRole('button', { name: 'Record the decision' }).click();
    const confirm = page.getByTestId('decision-confirm');
    await confirm.waitFor();
    // The question takes the focus: the keyboard meets it before anything else.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Yes, record red');
    await app.shot(page, 'links-confirm-red');
    await confirm.getByRole('button', { name: 'Go back' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await row.textContent()).toContain('Yellow · to resolve');
    await details.getByRole('button', { name: 'Record the decision' }).click();
    await confirm.getByRole('button', { name: 'Yes, record red' }).click();
    await expect.poll(() => page.getByTestId('decision-status').textContent()).toContain('Link marked red');
    await expect.poll(() => details.textContent()).toContain('by fra.analyst');
    await expectNamedRecords(page, '[data-testid="link-row"], .linked-alerts li, [data-testid="link-details"] p');

    await page.getByTestId('language').selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => row.textContent()).toContain('أحمر');
    await expectNoCodes(page, '[data-testid="link-row"], [data-testid="link-details"]');
    await app.shot(page, 'links-named-ar');

    // The operator's auditor: who decided, by name; the link by its two records; the alerts by subject.
    const auditor = await app.openAs('ipo.auditor', '/audit');
    await auditor.getByTestId('audit-row').first().waitFor();
    const decided = auditor.getByTestId('audit-row').filter({ hasText: 'Decided an identity link' });
    await expect.poll(() => decided.count()).toBe(1);
    expect(await decided.getByTestId('audit-actor').textContent()).toContain('fra.analyst');
    expect(await decided.getByTestId('audit-target').textContent()).toMatch(/MEYER, PAUL \(1990\) ↔ DEU C01X00T47|DEU C01X00T47 ↔ MEYER, PAUL \(1990\)/);
    const created = auditor.getByTestId('audit-row').filter({ hasText: 'Created an alert' });
    expect(await created.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Passport · DEU C01X00T47 · Stolen blank'), expect.stringContaining('MEYER, PAUL · born 1990 · Missing person')]));
    expect(await created.filter({ hasText: 'MEYER, PAUL' }).getByTestId('audit-actor').textContent()).toContain('fra.bureau');
    await expectNamedRecords(auditor, '[data-testid="audit-row"] td:not(:last-child)');
    // Dates carry their time zone, months in words.
    expect(await auditor.locator('[data-testid="audit-row"] time').first().textContent()).toMatch(/UTC|GMT|[A-Z]{3,4}$/);
    await app.shot(auditor, 'audit-named');

    await auditor.getByTestId('language').selectOption('ar');
    await expect.poll(() => auditor.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => decided.count()).toBe(0);
    const decidedAr = auditor.getByTestId('audit-row').filter({ hasText: ar['audit.act.link.decide'] });
    await expect.poll(() => decidedAr.count()).toBe(1);
    await expectNoCodes(auditor, '[data-testid="audit-row"]');
    await expectNamedRecords(auditor, '[data-testid="audit-row"] td:not(:last-child)');
    // Every action cell holds one of the Arabic dictionary's words for actions.
    const arActions = new Set(AUDIT_ACTIONS.map((a) => ar[`audit.act.${a}`]));
    for (const text of await auditor.getByTestId('audit-action').allTextContents()) expect(arActions.has(text.trim()), text).toBe(true);
    await app.shot(auditor, 'audit-named-ar');

    expect(app.consoleErrors).toEqual([]);
  }, 90_000);

  it('names who changed an alert on its history to the owner, with the date and its time zone', async () => {
    const page = await app.openAs('fra.bureau', `/alerts?id=${meyerId}`);
    const history = page.getByTestId('alert-history');
    await history.waitFor();
    await expect.poll(() => history.textContent()).toContain('by fra.bureau');
    expect(await history.locator('time').first().textContent()).toMatch(/2\d{3}.*(UTC|GMT)/);
    await expectNamedRecords(page, '[data-testid="alert-history"] li');
    await page.getByTestId('language').selectOption('ar');
    await expect.poll(() => history.textContent()).toContain('fra.bureau');
    await expectNoCodes(page, '[data-testid="alert-history"] li');
    expect(app.consoleErrors).toEqual([]);
  }, 60_000);
  it('tells another member’s user by its member, never by name, to an auditor outside the operator', async () => {
    // DEU's officer opens FRA's alert: FRA's auditor sees the entry, and who opened it only as "a user of DEU".
    const reader = await app.openAs('deu.max', `/alerts?id=${meyerId}`);
    await reader.getByTestId('alert-history').waitFor();
    const auditor = await app.openAs('fra.auditor', '/audit');
    await auditor.getByTestId('audit-row').first().waitFor();
    const opened = auditor.getByTestId('audit-row').filter({ hasText: 'Opened an alert' }).filter({ hasText: 'A user of DEU' });
    await expect.poll(() => opened.count()).toBeGreaterThan(0);
    expect(await opened.first().getByTestId('audit-target').textContent()).toContain('MEYER, PAUL');
    expect(await auditor.locator('body').textContent()).not.toContain('deu.max');
    await app.shot(auditor, 'audit-other-member-unnamed');
    expect(app.consoleErrors).toEqual([]);
  }, 60_000);
});
