import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, logIn, startWebApp, type WebApp } from './harness.ts';

/** What an officer sees after too many failed logins: when to try again, not a network error. */
describe.skipIf(!hasChromium)('login back-off in chromium', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp(async ({ user }) => {
      await user('fra.typist', 'FRA', 'bureau');
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('says when logins are accepted again, and that the right password will not do before then', async () => {
    const page = await app.open(await app.browser.newContext({ locale: 'en-GB' }));
    app.expectError = /status of (401|429)/;
    for (let i = 0; i < 4; i++) {
      await logIn(page, 'fra.typist', `wrong ${i}`);
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(i < 3 ? /Wrong username or password/ : /Too many failed logins: logins are refused until \d{1,2}:\d\d:\d\d( [AP]M)? (UTC|GMT[+-]?[\d:]*|[A-Z]{3,5}), even with the right password/);
    }
    app.expectError = null;
    expect(app.consoleErrors).toEqual([]);
  });
});
