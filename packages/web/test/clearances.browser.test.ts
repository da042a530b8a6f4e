import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../server/src/app/create-alert.js';
import { dictionary as AR } from '../src/i18n/languages/ar.ts';
import { hasChromium, setupCtx, startWebApp, type WebApp } from './harness.ts';

/**
 * Cleared travellers in a real browser: a border desk records "not the same person" on a hit,
 * screens the same traveller again (typed another way) and reads "previously cleared on DATE by
 * MEMBER" instead of a fresh alarm for the owner; the owner reads the same on the hit's page; the
 * desk revokes the clearance on the Clearances page; in Arabic, the owner objects to a new one.
 */
describe.skipIf(!hasChromium)('cleared travellers in chromium', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp(async ({ deps, user }) => {
      await user('fra.bureau', 'FRA', 'bureau');
      await user('deu.frontline', 'DEU', 'frontline');
      await createAlert(deps, setupCtx('FRA'), {
        kind: 'document',
        document: { issuingState: 'FRA', type: 'passport', number: '12AB34567', status: 'stolen-issued' },
        action: 'Seize the document and contact the FRA bureau.',
        visibility: { mode: 'all' },
      });
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  const screenDocument = async (page: Page, number: string, state: string, submit = 'Screen') => {
    await page.locator('#screen-document-number').fill(number);
    await page.locator('#screen-issuing-state').fill(state);
    await page.getByRole('button', { name: submit, exact: true }).click();
    await expect.poll(() => page.getByTestId('found-hit').count()).toBe(1);
    // The previous answer is replaced: wait for this one's card.
    await page.getByTestId('hit-card').waitFor();
  };
  const recordNotSamePerson = async (page: Page, outcome: string, record: string, recorded: string) => {
    const card = page.getByTestId('hit-card');
    await card.getByRole('button', { name: new RegExp(outcome) }).click();
    await card.getByRole('button', { name: record, exact: true }).click();
    await expect.poll(() => card.getByTestId('outcome-status').textContent()).toContain(recorded);
  };
  /** The newest hit FRA's bureau has, through the API the page uses. */
  const newestHitOf = (page: Page) => page.evaluate(async () => ((await (await fetch('/api/v1/hits?limit=1')).json()) as { items: { id: string }[] }).items[0]!.id);

  it('records not-same-person, then says "previously cleared" on the next screening and the hit page; the desk revokes it', async () => {
    const desk = await app.openAs('deu.frontline', '/screen');
    await desk.locator('#screen-document-number').waitFor();
    await screenDocument(desk, '12AB34567', 'FRA');
    expect(await desk.getByTestId('cleared-before').count()).toBe(0);
    await recordNotSamePerson(desk, 'Not the same person', 'Record', 'Outcome recorded: Not the same person.');

    // The same passport typed another way: the hit is recorded, but as cleared before.
    await screenDocument(desk, '12 ab-34567', 'fra');
    const note = desk.getByTestId('cleared-before');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/^Previously cleared on .+ by Germany \(DEU\)/);
    expect(await note.textContent()).toContain('without a new notice to the alert’s owner');
    await app.shot(desk, 'clearances-screening-cleared-before');

    // The owner sees the hit, and why it was not told of it.
    const owner = await app.openAs('fra.bureau', '/hits');
    const hitId = await newestHitOf(owner);
    // In the owner's inbox, the hit is marked as cleared before.
    await expect.poll(() => owner.locator(`tr[data-hit-id="${hitId}"]`).getByTestId('hit-cleared-before').textContent()).toBe('Cleared before');
    await owner.goto(`${app.url}/hits?id=${hitId}`);
    await owner.getByTestId('hit-summary').waitFor();
    expect(await owner.getByTestId('hit-summary').getByTestId('cleared-before').textContent()).toMatch(/Previously cleared on .+ by Germany \(DEU\)/);
    await app.shot(owner, 'clearances-hit-page-owner');

    // The desk's Clearances page: the traveller as screened, in force, with one hit kept from the owner.
    await desk.getByRole('link', { name: 'Cleared travellers' }).click();
    const card = desk.getByTestId('clearance-card');
    await card.waitFor();
    expect(await card.locator('h2').textContent()).toBe('FRA 12AB34567');
    expect(await card.getByTestId('clearance-status').textContent()).toBe('In force');
    expect(await card.getByTestId('clearance-suppressed').textContent()).toBe('1');
    expect(await card.getByTestId('clearance-object').count()).toBe(0);
    // The hit's page is the bureau's inbox: the desk is not offered a link it may not open.
    expect(await card.getByRole('link').count()).toBe(0);
    await app.shot(desk, 'clearances-page-en');
    await card.getByTestId('clearance-note').fill('cleared the wrong traveller');
    await card.getByTestId('clearance-revoke').click();
    await expect.poll(() => card.getByTestId('clearance-status').textContent()).toBe('Revoked');
    expect(await card.textContent()).toContain('cleared the wrong traveller');
    expect(await card.getByTestId('clearance-revoke').count()).toBe(0);
    // Revoked ones leave the default view (in force).
    await desk.reload();
    await desk.getByTestId('clearances-empty').or(desk.getByText('No cleared travellers match.')).first().waitFor();

    // Screened again: a fresh alarm for the owner.
    await desk.getByRole('link', { name: 'Screening' }).click();
    await screenDocument(desk, '12AB34567', 'FRA');
    expect(await desk.getByTestId('cleared-before').count()).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });

  it('in Arabic: says "previously cleared" in words, and the owner objects on the Clearances page', async () => {
    const desk = await app.openAs('deu.frontline', '/screen');
    await desk.getByTestId('language').selectOption('ar');
    await desk.locator('#screen-document-number').waitFor();
    await screenDocument(desk, '12AB34567', 'FRA', AR['screen.submit']);
    await recordNotSamePerson(desk, AR['outcome.not-same-person'], AR['hit.confirmButton'], AR['hit.recorded'].replace('{outcome}', AR['outcome.not-same-person']));
    await screenDocument(desk, '12AB34567<', 'FRA', AR['screen.submit']);
    const note = desk.getByTestId('cleared-before');
    await note.waitFor();
    expect(await note.textContent()).toContain(AR['clearances.clearedBefore'].split('{date}')[0]!.trim());
    expect(await desk.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await app.shot(desk, 'clearances-screening-cleared-before-ar');

    const owner = await app.openAs('fra.bureau', '/clearances');
    await owner.getByTestId('language').selectOption('ar');
    const card = owner.getByTestId('clearance-card');
    await expect.poll(() => card.getByTestId('clearance-status').textContent()).toBe(AR['clearances.status.active']);
    expect(await card.getByTestId('clearance-revoke').count()).toBe(0);
    // Members are named in the reader's language.
    expect(await card.textContent()).toContain('ألمانيا (DEU)');
    expect(await card.getByRole('link', { name: AR['clearances.openHit'] }).count()).toBe(1);
    await app.shot(owner, 'clearances-page-ar');
    await card.getByTestId('clearance-object').click();
    await expect.poll(() => card.getByTestId('clearance-status').textContent()).toBe(AR['clearances.status.objected']);
    await app.shot(owner, 'clearances-page-ar-objected');
    expect(app.consoleErrors).toEqual([]);
  });
});
