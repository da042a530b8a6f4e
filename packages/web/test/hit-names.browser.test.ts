import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_KINDS, ALERT_STATUSES, CORE_ACTIONS, DOCUMENT_STATUSES, DOCUMENT_TYPES, HIT_OUTCOMES, PERSON_CATEGORIES, WARNING_FLAGS } from '@crosscheck/core/constants';
import { REASON_CODES } from '@crosscheck/core/reasons';
import { createAlert } from '../../server/src/app/create-alert.js';
import { decideReview } from '../../server/src/app/review/decide-review.js';
import { screen } from '../../server/src/app/screen.js';
import { hasChromium, setupCtx, startWebApp, type WebApp } from './harness.ts';

/**
 * A bureau officer reads the hits inbox and a thread by who and what the hits are on, in English
 * and in Arabic: no record is labelled by its id alone (the id is kept in a copy button's
 * tooltip), and no code of the core reaches the Arabic page untranslated.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Every code the core can put on these pages, from its own lists. */
const CODES = new Set<string>([...PERSON_CATEGORIES, ...WARNING_FLAGS, ...CORE_ACTIONS, ...HIT_OUTCOMES, ...ALERT_STATUSES, ...DOCUMENT_STATUSES, ...DOCUMENT_TYPES, ...ALERT_KINDS, ...REASON_CODES]);

/** What the officer sees: the page's rendered text (tooltips, aria labels and attributes are not shown). */
const visibleText = (page: Page) => page.locator('main').innerText();

/**
 * The codes shown as words: a code is a whole lower-case token (letters, digits, dots and dashes).
 * Case counts: an owner's own instruction, "Arrest and inform the FRA bureau.", is the owner's
 * text, shown as written, and not the category code `arrest`.
 */
function codesIn(text: string): string[] {
  const found = new Set<string>();
  for (const code of CODES) {
    const escaped = code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(^|[^\\p{L}\\p{N}.-])${escaped}($|[^\\p{L}\\p{N}-])`, 'u').test(text)) found.add(code);
  }
  if (text.includes(CORE_ACTIONS[0])) found.add(CORE_ACTIONS[0]);
  return [...found];
}

describe.skipIf(!hasChromium)('hits named in chromium', () => {
  let app: WebApp;
  let personHit = '';
  let discreetHit = '';

  beforeAll(async () => {
    app = await startWebApp(async ({ deps, user }) => {
      await user('deu.bureau', 'DEU', 'bureau');
      await user('deu.frontline', 'DEU', 'frontline');
      await user('deu.desk', 'DEU', 'frontline');
      await user('fra.bureau', 'FRA', 'bureau');
      const wanted = await createAlert(deps, setupCtx('FRA'), {
        kind: 'person',
        category: 'arrest',
        person: { names: [{ family: 'ERIKSSON', given: 'ANNA MARIA' }], birthDate: '1974-08-12', sex: 'F', nationalities: ['SWE'], warnings: ['escape-risk'] },
        action: 'Arrest and inform the FRA bureau.',
        visibility: { mode: 'all' },
      });
      await decideReview(deps, setupCtx('IPO', 'reviewer'), wanted.id, { decision: 'approve', reason: 'meets the rules' });
      await createAlert(deps, setupCtx('FRA'), { kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: '12AB34567', status: 'stolen-issued' }, visibility: { mode: 'all' } });
      await createAlert(deps, setupCtx('FRA'), { kind: 'vehicle', vehicle: { plate: 'AB-123-CD', plateCountry: 'FRA', make: 'Peugeot', model: '308' }, visibility: { mode: 'all' } });
      await createAlert(deps, setupCtx('FRA'), { kind: 'person', category: 'discreet-check', person: { names: [{ family: 'KOWALSKI', given: 'JAN' }], birthDate: '1975-04-03' }, visibility: { mode: 'all' } });
      const desk = setupCtx('DEU', 'frontline');
      const hitOf = async (screeningId: string) => (await deps.db.selectFrom('hits').select('id').where('screening_id', '=', screeningId).executeTakeFirstOrThrow()).id;
      personHit = await hitOf((await screen(deps, desk, { person: { names: ['Anna Maria Eriksson'], birthDate: '1974-08-12', nationality: 'SWE' } })).screeningId);
      await screen(deps, desk, { documents: [{ number: '12AB34567', issuingState: 'FRA' }] });
      await screen(deps, desk, { vehicle: { plate: 'AB-123-CD', plateCountry: 'FRA' } });
      discreetHit = await hitOf((await screen(deps, desk, { person: { names: ['Jan Kowalski'], birthDate: '1975-04-03' } })).screeningId);
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  const inLanguage = async (page: Page, language: string) => {
    await page.getByTestId('language').selectOption(language);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
  };

  it('shows the inbox and a thread by name in English and Arabic, the ids only in copy buttons, and no code untranslated in Arabic', async () => {
    const deu = await app.openAs('deu.bureau', '/hits');
    await expect.poll(() => deu.getByTestId('hit-row').count()).toBe(4);
    const alerts = await deu.getByTestId('hit-alert').allInnerTexts();
    expect(alerts.some((a) => a.includes('ERIKSSON, ANNA MARIA') && a.includes('born 1974') && a.includes('Arrest'))).toBe(true);
    expect(alerts.some((a) => a.includes('Passport') && a.includes('FRA 12AB34567') && a.includes('Stolen (issued)'))).toBe(true);
    expect(alerts.some((a) => a.includes('FRA AB-123-CD') && a.includes('Peugeot 308'))).toBe(true);
    // The bureau reads the discreet check's subject too; only the desk does not.
    expect(alerts.some((a) => a.includes('KOWALSKI, JAN'))).toBe(true);
    const inbox = await visibleText(deu);
    expect(inbox).toContain('France (FRA)');
    expect(inbox).toContain('Germany (DEU)');
    expect(inbox).not.toMatch(UUID);
    // Dates with the month in words and the time zone named, never 12/6/26.
    expect(inbox).not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{2}\b/);
    // Each row still gives its alert's number, to copy.
    const ids = await deu.getByTestId('copy-alert-id').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('title')));
    expect(ids).toHaveLength(4);
    for (const id of ids) expect(id).toMatch(UUID);
    await app.shot(deu, 'hits-inbox-named');

    await deu.locator(`tr[data-hit-id="${personHit}"]`).click();
    await deu.getByTestId('hit-summary').waitFor();
    expect(await deu.locator('#hit-title').innerText()).toBe('Hit on ERIKSSON, ANNA MARIA · born 1974 · Arrest');
    const thread = await visibleText(deu);
    expect(thread).toMatch(/born (12 Aug|Aug 12,) 1974/);
    expect(thread).not.toMatch(UUID);
    expect(await deu.getByTestId('hit-summary').getByTestId('copy-alert-id').getAttribute('title')).toMatch(UUID);
    await app.shot(deu, 'hit-thread-named');

    await inLanguage(deu, 'ar');
    await expect.poll(() => deu.locator('#hit-title').innerText()).toContain('تطابق مع');
    const arThread = await visibleText(deu);
    expect(arThread).toContain('ERIKSSON, ANNA MARIA');
    expect(arThread).toContain('قبض');
    expect(arThread).not.toMatch(UUID);
    expect(codesIn(arThread)).toEqual([]);
    await app.shot(deu, 'hit-thread-named-ar');

    await deu.getByRole('link', { name: 'العودة إلى صندوق الوارد' }).click();
    await expect.poll(() => deu.getByTestId('hit-row').count()).toBe(4);
    const arInbox = await visibleText(deu);
    expect(arInbox).not.toMatch(UUID);
    expect(codesIn(arInbox)).toEqual([]);
    expect(arInbox).toContain('جواز سفر');
    // Countries are named in the reader's language.
    expect(arInbox).toContain('فرنسا (FRA)');
    expect(arInbox).toContain('ألمانيا (DEU)');
    await app.shot(deu, 'hits-inbox-named-ar');
    expect(app.consoleErrors).toEqual([]);
  }, 60_000);

  it('gives the desk a discreet check as its instruction in its language on the screening card, never the name', async () => {
    // Its own user: the language chosen is kept for the user, across browsers.
    const desk = await app.openAs('deu.desk', '/screen');
    await desk.locator('input[name="names"]').fill('Jan Kowalski');
    await desk.locator('input[name="birthDate"]').fill('1975-04-03');
    await desk.locator('button[type="submit"]').click();
    const card = desk.getByTestId('hit-card').first();
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('Discreet check: do not alert the person; report to your bureau.');
    expect(text).not.toMatch(/KOWALSKI|1975/);
    expect(await card.getByTestId('hit-card-subject').count()).toBe(0);
    await inLanguage(desk, 'ar');
    await expect.poll(() => card.innerText()).toContain('فحص سري: لا تُنبّه الشخص؛ أبلغ مكتبك.');
    expect(codesIn(await card.innerText())).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  }, 60_000);

  it('names the person and birth date on the screening card, and announces a new hit to the owner by name', async () => {
    const fra = await app.openAs('fra.bureau', '/hits');
    await fra.getByTestId('live').getByText('Live').waitFor();
    const front = await app.openAs('deu.frontline', '/screen');
    await front.locator('input[name="names"]').fill('Anna Maria Eriksson');
    await front.locator('input[name="birthDate"]').fill('1974-08-12');
    await front.locator('button[type="submit"]').click();
    const card = front.getByTestId('hit-card').first();
    await card.waitFor();
    await expect.poll(() => card.getByTestId('hit-card-subject').innerText()).toMatch(/^ERIKSSON, ANNA MARIA · born (12 Aug|Aug 12,) 1974$/);
    expect(await card.innerText()).toContain('Escape risk');
    await app.shot(front, 'hit-card-named');
    await inLanguage(front, 'ar');
    await expect.poll(() => card.getByTestId('hit-card-subject').innerText()).toContain('تاريخ الميلاد');
    const arCard = await card.innerText();
    expect(arCard).toContain('خطر الفرار');
    expect(codesIn(arCard)).toEqual([]);

    await expect.poll(() => fra.getByRole('status').filter({ hasText: 'New hit on' }).innerText(), { timeout: 10_000 }).toBe('New hit on ERIKSSON, ANNA MARIA · born 1974 · Arrest, screened by Germany (DEU).');
    expect(app.consoleErrors).toEqual([]);
  }, 60_000);
});
