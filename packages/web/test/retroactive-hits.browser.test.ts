import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { D02B_TWO_LEGS } from '../../core/src/paxlst/test-fixtures.js';
import { screen } from '../../server/src/app/screen.js';
import { screenFlight } from '../../server/src/app/screen-flight.js';
import { hasChromium, setupCtx, startWebApp, type WebApp } from './harness.ts';

/**
 * Hits after the fact in a real browser: DEU's border screened a traveller and a flight's
 * passengers, and found nothing; then FRA publishes a missing person and POL a stolen identity card
 * that match them. The server's lookback (a background task) finds both, and DEU's bureau sees
 * them arrive live in its inbox, marked "found after the fact" with when and where the traveller
 * was screened, in English, French and Arabic.
 */
/** Text without the bidi isolates around the place's values. */
// Without the isolates and with plain hyphens and spaces (the departure is written unbreakable).
const plain = (text: string | null) => (text ?? '').replace(/[\u2066\u2068\u2069]/g, '').replace(/\u2011/g, '-').replace(/\u00a0/g, ' ');

describe.skipIf(!hasChromium)('hits after the fact in chromium', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp(async ({ deps, user }) => {
      await user('deu.bureau', 'DEU', 'bureau');
      await user('fra.bureau', 'FRA', 'bureau');
      await user('pol.bureau', 'POL', 'bureau');
      const single = await screen(deps, setupCtx('DEU', 'frontline'), { person: { names: [{ family: 'LEBRUN', given: 'PAUL' }], birthDate: '1965-01-02' } });
      expect(single.hits).toEqual([]);
      const flight = await screenFlight(deps, setupCtx('DEU', 'frontline'), { paxlst: D02B_TWO_LEGS });
      expect(flight.summary.hits).toBe(0);
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  /** Publishes through the API with the page's session, as the alert editor does. */
  const publish = (page: Page, alert: unknown) =>
    page.evaluate(async (body) => {
      const res = await fetch('/api/v1/alerts', { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return res.status;
    }, alert);

  it('shows DEU’s bureau the hits found after the fact, live, with the original screening’s time and place', async () => {
    const deu = await app.openAs('deu.bureau', '/hits');
    await deu.getByText('No hits yet').or(deu.getByTestId('hits')).first().waitFor();
    await deu.getByTestId('live').getByText('Live').waitFor();
    expect(await deu.getByTestId('hit-row').count()).toBe(0);

    const fra = await app.openAs('fra.bureau', '/');
    expect(await publish(fra, { kind: 'person', category: 'missing', person: { names: [{ family: 'LEBRUN', given: 'PAUL' }], birthDate: '1965-01-02', sex: 'M' }, visibility: { mode: 'all' } })).toBe(201);
    const pol = await app.openAs('pol.bureau', '/');
    expect(await publish(pol, { kind: 'document', document: { issuingState: 'POL', type: 'identity-card', number: 'ABC123456', status: 'stolen-issued' }, visibility: { mode: 'all' } })).toBe(201);

    // Both arrive without reloading: the lookback runs in the background, within seconds.
    await expect.poll(() => deu.getByTestId('hit-row').count(), { timeout: 15_000 }).toBe(2);
    const marks = deu.getByTestId('retroactive-mark');
    expect(await marks.count()).toBe(2);
    const texts = plain((await marks.allTextContents()).join(' | '));
    expect(texts).toContain('Found after the fact');
    expect(texts).toContain('flight XX123, CDG → JFK, departing 2024-03-01 10:30');
    expect(texts).toContain('at a screening by Germany (DEU)');
    await app.shot(deu, 'retroactive-inbox-en');

    // The hit's page says it too, with the screening's time apart from the hit's.
    await deu.getByTestId('hit-row').filter({ hasText: 'XX123' }).click();
    await deu.getByTestId('hit-summary').waitFor();
    expect(await deu.getByTestId('retroactive-detail').textContent()).toContain('The alert was published after this screening');
    expect(plain(await deu.getByTestId('retroactive-place').textContent())).toBe('flight XX123, CDG → JFK, departing 2024-03-01 10:30');
    expect(await deu.getByTestId('retroactive-screened-at').textContent()).toMatch(/\d{4}/);
    await app.shot(deu, 'retroactive-hit-en');

    // In French and in Arabic (right to left).
    await deu.getByTestId('language').selectOption('fr');
    await deu.getByTestId('retroactive-detail').getByText('Trouvée après coup').waitFor();
    expect(plain(await deu.getByTestId('retroactive-place').textContent())).toBe('vol XX123, CDG → JFK, départ le 2024-03-01 10:30');
    await app.shot(deu, 'retroactive-hit-fr');
    await deu.getByTestId('language').selectOption('ar');
    await deu.getByTestId('retroactive-detail').getByText('وُجد بأثر رجعي').waitFor();
    expect(await deu.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await app.shot(deu, 'retroactive-hit-ar');
    await deu.goto(`${app.url}/hits`);
    await expect.poll(() => deu.getByTestId('retroactive-mark').count()).toBe(2);
    expect((await deu.getByTestId('retroactive-mark').allTextContents()).join(' ')).toContain('في فحص أجراه');
    await app.shot(deu, 'retroactive-inbox-ar');

    // The owner sees its hit marked the same way.
    const fraHits = await app.openAs('fra.bureau', '/hits');
    await expect.poll(() => fraHits.getByTestId('retroactive-mark').count()).toBe(1);
    expect(app.consoleErrors).toEqual([]);
  });
});
