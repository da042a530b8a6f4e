import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../server/src/app/create-alert.js';
import { sendHitForm } from '../../server/src/app/hits/send-hit-form.js';
import { screen } from '../../server/src/app/screen.js';
import type { Deps } from '../../server/src/app/deps.js';
import { hasChromium, setupCtx, startWebApp, type WebApp } from './harness.ts';

/**
 * The hits inbox in a real browser: two bureaus work on a hit together in its thread of forms, live, and a
 * thread whose reply is past its deadline is marked overdue in the list and in the thread.
 */
const HOUR = 3_600_000;

async function screenDocument(deps: Deps, number: string): Promise<string> {
  const r = await screen(deps, setupCtx('DEU', 'frontline'), { documents: [{ number, issuingState: 'FRA' }] });
  return (await deps.db.selectFrom('hits').select('id').where('screening_id', '=', r.screeningId).executeTakeFirstOrThrow()).id;
}

const stolenPassport = (number: string) => ({ kind: 'document', document: { issuingState: 'FRA', type: 'passport', number, status: 'stolen-issued' }, action: 'Seize the document and contact the FRA bureau.', visibility: { mode: 'all' } });

describe.skipIf(!hasChromium)('hit thread in chromium', () => {
  let app: WebApp;
  let freshHit = '';
  let lateHit = '';

  beforeAll(async () => {
    app = await startWebApp(async ({ deps, user }) => {
      await user('fra.bureau', 'FRA', 'bureau');
      await user('deu.bureau', 'DEU', 'bureau');
      await user('deu.frontline', 'DEU', 'frontline');
      // A day ago DEU reported a hit with a G form that FRA never answered: 12 hours overdue by now.
      const realClock = deps.clock;
      deps.clock = () => new Date(Date.now() - 20 * HOUR);
      await createAlert(deps, setupCtx('FRA'), stolenPassport('05LATE123'));
      lateHit = await screenDocument(deps, '05LATE123');
      await sendHitForm(deps, setupCtx('DEU'), lateHit, { form: 'G', handlingCode: 'H1', text: 'Passport seized at Munich airport yesterday.' });
      deps.clock = realClock;
      // What the centre stores when it cannot find a national copy's forwarded hit again (app/replica/forward.ts).
      await deps.db.updateTable('hits').set({ reasons_claimed_by: 'replica:deu-copy-1' }).where('id', '=', lateHit).execute();
      await createAlert(deps, setupCtx('FRA'), stolenPassport('09FRESH77'));
      freshHit = await screenDocument(deps, '09FRESH77');
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  const thread = (page: Page) => page.getByTestId('hit-form');

  it('sends a G form with H2 that the owner sees live and answers with an M form; a late reply is marked overdue; an outcome note from the border reaches the owner live', async () => {
    // The screening bureau, in its inbox: the late thread is marked, and the filter keeps it alone.
    const deu = await app.openAs('deu.bureau', '/hits');
    await expect.poll(() => deu.getByTestId('hit-row').count()).toBe(2);
    const lateRow = deu.locator(`tr[data-hit-id="${lateHit}"]`);
    expect(await lateRow.getByTestId('hit-overdue').textContent()).toContain('Reply overdue');
    expect(await lateRow.getByTestId('hit-overdue').textContent()).toContain('waiting for France (FRA)');
    expect(await deu.locator(`tr[data-hit-id="${freshHit}"]`).getByTestId('hit-overdue').textContent()).not.toContain('overdue');
    await deu.getByLabel('Overdue replies only').check();
    await expect.poll(() => deu.getByTestId('hit-row').count()).toBe(1);
    expect(await deu.getByTestId('hit-row').first().getAttribute('data-hit-id')).toBe(lateHit);
    await deu.getByLabel('Overdue replies only').uncheck();
    await expect.poll(() => deu.getByTestId('hit-row').count()).toBe(2);

    // The owner bureau has the fresh hit's thread open.
    const fra = await app.openAs('fra.bureau', `/hits?id=${freshHit}`);
    await fra.getByText('No form has been sent on this hit yet.').waitFor();
    await fra.getByTestId('live').getByText('Live').waitFor();

    // DEU opens the fresh hit from its inbox by keyboard: focus the row, Enter.
    await deu.locator(`tr[data-hit-id="${freshHit}"]`).focus();
    await deu.keyboard.press('Enter');
    await deu.getByTestId('hit-summary').waitFor();
    expect(new URL(deu.url()).search).toBe(`?id=${freshHit}`);
    expect(await deu.getByTestId('hit-summary').textContent()).toContain('Screening member');

    // The browser refuses an empty form before anything is sent.
    // Nothing is chosen for the officer: the kind of form and the handling code are asked for.
    expect(await deu.locator('input[name="form"]:checked').count()).toBe(0);
    expect(await deu.getByLabel('Handling code').inputValue()).toBe('');
    await deu.getByRole('button', { name: 'Send the form' }).click();
    await deu.getByText('Required.').waitFor();
    await deu.getByText('Choose the kind of form.').waitFor();
    await deu.getByText('Choose a handling code: it says what the other bureau may do with the text.').waitFor();
    expect(await deu.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('form');

    // A G form under handling code H2.
    await deu.getByLabel('G · Hit report').check();
    await deu.getByLabel('Handling code').selectOption('H2');
    await deu.getByLabel('Source reliability (optional)').selectOption('B');
    await deu.getByLabel('Text', { exact: true }).fill('Holder questioned at Frankfurt airport; the passport is held here.');
    await deu.getByRole('button', { name: 'Send the form' }).click();
    await expect.poll(() => deu.getByTestId('form-status').textContent()).toContain('G form sent to France (FRA)');
    await expect.poll(() => thread(deu).count()).toBe(1);
    expect(await thread(deu).first().textContent()).toContain('Reply due from France (FRA)');
    // The sender is named to its own bureau by username, not by credential id; FRA is not told who.
    expect(await thread(deu).first().textContent()).toContain('deu.bureau');
    expect(await thread(deu).first().textContent()).not.toContain('user:');

    // FRA sees it arrive without reloading, with the handling code in words.
    await expect.poll(() => thread(fra).count(), { timeout: 10_000 }).toBe(1);
    const g = thread(fra).first();
    expect(await g.textContent()).toContain('G · Hit report');
    expect(await g.getByTestId('form-handling').textContent()).toContain('H2: not to be passed on');
    expect(await g.textContent()).toContain('Holder questioned at Frankfurt airport');
    expect(await g.textContent()).not.toContain('deu.bureau');

    // FRA answers with an M form; DEU sees it live and its G form is answered.
    await fra.getByLabel('M · Other information').check();
    await fra.getByLabel('Handling code').selectOption('H0');
    await fra.getByLabel('Text', { exact: true }).fill('Thank you. Please send the passport to the FRA bureau.');
    await fra.getByRole('button', { name: 'Send the form' }).click();
    await expect.poll(() => thread(fra).count()).toBe(2);
    await expect.poll(() => thread(deu).count(), { timeout: 10_000 }).toBe(2);
    expect(await thread(deu).nth(1).textContent()).toContain('M · Other information');
    expect(await thread(deu).nth(1).textContent()).toContain('From France (FRA) to Germany (DEU)');
    await expect.poll(() => thread(deu).first().textContent()).toContain('Answered');
    await app.shot(deu, 'hit-thread');

    // Back to the inbox (Escape), then the late thread: its G form is marked overdue.
    await deu.locator('body').click();
    await deu.keyboard.press('Escape');
    await deu.getByTestId('hits-table').waitFor();
    await deu.locator(`tr[data-hit-id="${lateHit}"]`).click();
    await thread(deu).first().waitFor();
    expect(await thread(deu).first().getByTestId('form-overdue').textContent()).toBe('Overdue');
    expect(await thread(deu).first().textContent()).toContain('The reply from France (FRA) was due');
    await app.shot(deu, 'hit-thread-overdue');

    // At the border the passport is checked again; the officer records the outcome with a note:
    // 3 (action taken), Tab to the note, type it, Enter.
    const front = await app.openAs('deu.frontline', '/screen');
    await front.locator('input[name="documentNumber"]').fill('09FRESH77');
    await front.locator('input[name="issuingState"]').fill('FRA');
    await front.getByRole('button', { name: 'Screen' }).click();
    const card = front.getByTestId('hit-card').first();
    await card.waitFor();
    await card.focus();
    await front.keyboard.press('3');
    await front.keyboard.press('Tab');
    expect(await front.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('outcome-note');
    await front.keyboard.type('Passport seized; holder released.');
    await front.keyboard.press('Enter');
    await expect.poll(() => front.getByTestId('outcome-status').first().textContent()).toContain('Outcome recorded: Action taken');

    // The owner bureau, in its inbox, gets the new hit live with its outcome, and reads the note in its thread.
    await fra.getByRole('link', { name: 'Back to the inbox' }).click();
    await expect.poll(() => fra.getByTestId('hit-row').count(), { timeout: 10_000 }).toBe(3);
    await expect.poll(() => fra.getByTestId('hit-row').first().textContent(), { timeout: 10_000 }).toContain('Action taken');
    await fra.getByTestId('hit-row').first().click();
    await expect.poll(() => fra.getByTestId('hit-outcome').textContent()).toContain('Passport seized; holder released.');

    expect(app.consoleErrors).toEqual([]);
  }, 60_000);

  it("marks a hit whose reasons are a national copy's claim as such in its thread, and no other", async () => {
    const fra = await app.openAs('fra.bureau', `/hits?id=${lateHit}`);
    await expect.poll(() => fra.getByTestId('reasons-claimed').textContent()).toContain('Reasons claimed by the national copy replica:deu-copy-1');
    const fresh = await app.openAs('fra.bureau', `/hits?id=${freshHit}`);
    await fresh.getByTestId('hit-summary').waitFor();
    expect(await fresh.getByTestId('reasons-claimed').count()).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  }, 60_000);
});
