import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startWebApp, type WebApp } from './harness.ts';

/**
 * The browsable API documentation (/docs, swagger-ui) renders in a real browser under its strict
 * content security policy: the operations are listed and the browser reports no violation.
 */
describe.skipIf(!hasChromium)('the API documentation in chromium', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp(async () => {});
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('renders every operation with no content-security-policy violation', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || /content security policy/i.test(m.text())) violations.push(m.text());
    });
    page.on('pageerror', (e) => violations.push(String(e)));
    // Reported by the page itself as well, for violations the console does not show.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    const res = await page.goto(`${app.url}/docs/`);
    expect(res?.headers()['content-security-policy']).toContain("default-src 'none'");
    // swagger-ui parses a large bundle and the whole OpenAPI document: seconds on a busy machine.
    await page.locator('.opblock').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('.opblock').count()).toBeGreaterThan(30);
    expect(await page.locator('.opblock-summary-path').allInnerTexts()).toContain('/api/v1/screen/batch');
    // Opening an operation renders its parameters and responses: more of swagger-ui's styling.
    await page.locator('.opblock-summary').first().click();
    await page.locator('.opblock-body').first().waitFor();
    await app.shot(page, 'api-docs');
    expect(violations).toEqual([]);
    await context.close();
  }, 120_000);
});
