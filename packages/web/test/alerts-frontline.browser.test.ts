import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../server/src/app/create-alert.js';
import { hasChromium, setupCtx, startWebApp, type WebApp } from './harness.ts';

/**
 * A frontline officer searching the alerts page meets a discreet check as screening would show
 * it — the instruction and the owner — and not what the owner wrote about the person; a bureau
 * opening the same alert reads it in full.
 */
describe.skipIf(!hasChromium)('a discreet check on the alerts page, in chromium', () => {
  let app: WebApp;
  let id = '';

  beforeAll(async () => {
    app = await startWebApp(async ({ deps, user }) => {
      await user('deu.frontline', 'DEU', 'frontline');
      await user('deu.bureau', 'DEU', 'bureau');
      const alert = await createAlert(deps, setupCtx('FRA'), {
        kind: 'person',
        category: 'discreet-check',
        person: { names: [{ family: 'VOLKOV', given: 'ANDREI' }], birthDate: '1975-02-03' },
        action: 'Surveillance by the DGSI: note companions and route',
        remarks: 'Suspected courier for a smuggling network',
        visibility: { mode: 'all' },
      });
      id = alert.id;
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('shows the frontline the instruction only, in the list and opened', async () => {
    const officer = await app.openAs('deu.frontline', '/alerts');
    const row = officer.getByTestId('alert-row');
    await expect.poll(() => row.count()).toBe(1);
    const text = await row.first().textContent();
    expect(text).toContain('Discreet check');
    expect(text).toContain('Do not alert the person; report to your bureau.');
    expect(text).not.toContain('VOLKOV');
    await row.first().click();
    const detail = officer.getByTestId('alert-detail');
    await detail.waitFor();
    expect(await officer.getByTestId('alert-instruction').textContent()).toBe('Do not alert the person; report to your bureau.');
    const shown = (await detail.textContent()) ?? '';
    for (const secret of ['VOLKOV', 'Surveillance', 'courier', '1975']) expect(shown).not.toContain(secret);
    await app.shot(officer, 'alert-discreet-frontline');

    const bureau = await app.openAs('deu.bureau', `/alerts?id=${id}`);
    await bureau.getByTestId('alert-detail').waitFor();
    expect(await bureau.getByTestId('alert-detail').textContent()).toContain('Surveillance by the DGSI');
  });
});
