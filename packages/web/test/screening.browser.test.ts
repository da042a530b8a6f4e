import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../server/src/app/create-alert.js';
import { decideReview } from '../../server/src/app/review/decide-review.js';
import { dictionary as AR } from '../src/i18n/languages/ar.ts';
import { hasChromium, setupCtx, startWebApp, type WebApp } from './harness.ts';

// ICAO Doc 9303's specimen passport: holder ERIKSSON ANNA MARIA, issued by the specimen state UTO, expired on 2012-04-15.
const MRZ = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

/**
 * The screening console with an MRZ and a typed person: both persons are screened, each hit says
 * which one it found, and the document's own state (expired, specimen, wrong check digit) and a
 * bad birth date are told beside their fields, in English and in Arabic.
 */
describe.skipIf(!hasChromium)('the screening console in chromium', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp(async ({ deps, operator, user }) => {
      await user('deu.frontline', 'DEU', 'frontline');
      const reviewer = { ...operator, actor: { ...operator.actor, role: 'reviewer' as const } };
      const wanted = async (member: string, alert: unknown) => {
        const a = await createAlert(deps, setupCtx(member), alert);
        if (a.status === 'pending-review') await decideReview(deps, reviewer, a.id, { decision: 'approve', reason: 'test data' });
      };
      await wanted('DEU', {
        kind: 'person',
        category: 'arrest',
        person: { names: [{ family: 'ERIKSSON', given: 'ANNA MARIA' }], birthDate: '1974-08-12', sex: 'F', nationalities: ['SWE'], warnings: ['escape-risk'] },
        action: 'Arrest for extradition; inform the DEU bureau at once.',
        visibility: { mode: 'all' },
      });
      await wanted('FRA', {
        kind: 'person',
        category: 'locate',
        person: { names: [{ family: 'GADDAFI', given: 'MUAMMAR' }], birthDate: '1942-06-07', sex: 'M', nationalities: ['LBY'] },
        action: 'Locate and report the address to the FRA bureau.',
        visibility: { mode: 'all' },
      });
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  const typeMrz = async (page: Page, lines: string[]) => {
    await page.locator('#mrz').fill(lines.join('\n'));
  };

  it('screens the MRZ holder and the person typed, each hit saying which one it found', async () => {
    const page = await app.openAs('deu.frontline', '/screen');
    await page.locator('#mrz').waitFor();
    await typeMrz(page, MRZ);
    await page.getByLabel('Names').fill('Muammar Gaddafi');
    await page.getByLabel('Date of birth (YYYY-MM-DD)').fill('1942');
    await page.getByRole('button', { name: 'Screen' }).click();
    const hits = page.getByTestId('found-hit');
    await expect.poll(() => hits.count()).toBe(2);
    const texts = await hits.allTextContents();
    const eriksson = texts.find((x) => x.includes('Arrest for extradition'));
    const gaddafi = texts.find((x) => x.includes('Locate and report'));
    expect(eriksson).toContain('Found by the MRZ holder');
    expect(eriksson).toContain('Escape risk');
    expect(gaddafi).toContain('Found by the person typed');
    // Beside the MRZ: the person typed is not its holder, and the passport is an expired specimen.
    const warnings = page.getByTestId('mrz-warnings');
    await expect.poll(() => warnings.textContent()).toContain('The person typed and the MRZ holder differ in name');
    expect(await warnings.textContent()).toMatch(/differ in date of birth: typed “1942”, the MRZ reads “(12 Aug 1974|Aug 12, 1974)”/);
    expect(await warnings.textContent()).toMatch(/The document expired on (15 Apr 2012|Apr 15, 2012)\./);
    await app.shot(page, 'screening-two-persons');
    expect(app.consoleErrors).toEqual([]);
  });

  it('warns of an expired document and a wrong check digit beside the MRZ, in English and in Arabic', async () => {
    const page = await app.openAs('deu.frontline', '/screen');
    await page.locator('#mrz').waitFor();
    await typeMrz(page, [MRZ[0]!, `${MRZ[1]!.slice(0, -1)}7`]);
    await expect.poll(() => page.getByTestId('mrz-status').textContent()).toBe('Check digit wrong: composite.');
    const warnings = page.getByTestId('mrz-warnings');
    expect(await warnings.textContent()).toMatch(/The document expired on (15 Apr 2012|Apr 15, 2012)\./);
    expect(await warnings.textContent()).toContain('Issued by “UTO”, the ICAO specimen state');
    // Where the MRZ is, not under the form: the warnings come right after the zone.
    const zone = (await page.locator('#mrz').boundingBox())!;
    const told = (await warnings.boundingBox())!;
    const button = (await page.getByRole('button', { name: 'Screen' }).boundingBox())!;
    expect(told.y).toBeGreaterThan(zone.y);
    expect(told.y).toBeLessThan(button.y);
    await app.shot(page, 'screening-mrz-warnings');

    await page.getByTestId('language').selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => page.getByTestId('mrz-status').textContent()).toBe(`${AR['screen.mrzCheckFailed'].replace('{fields}', AR['check.composite'])}`);
    const arabic = (await warnings.textContent()) ?? '';
    expect(arabic).toContain('انتهت صلاحية الوثيقة في');
    expect(arabic).toContain('2012');
    expect(arabic).not.toContain('expired');
    await app.shot(page, 'screening-mrz-warnings-ar');
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
  });

  it('tells a bad birth date beside its field, before sending anything', async () => {
    const page = await app.openAs('deu.frontline', '/screen');
    await page.locator('#mrz').waitFor();
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/screen')) sent.push(r.url());
    });
    await page.getByLabel('Names').fill('Anna Eriksson');
    const birth = page.getByLabel('Date of birth (YYYY-MM-DD)');
    await birth.fill('1974-02-30');
    await page.getByRole('button', { name: 'Screen' }).click();
    const error = page.getByTestId('screen-birth-date-error');
    await error.waitFor();
    expect(await birth.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('screen-birth-date');
    // Beside the field: just under it, above the next fieldset, and not in the results.
    const field = (await birth.boundingBox())!;
    const told = (await error.boundingBox())!;
    expect(told.y).toBeGreaterThanOrEqual(field.y + field.height - 1);
    expect(told.y - (field.y + field.height)).toBeLessThan(40);
    expect(await page.getByTestId('results').textContent()).toBe('');
    expect(sent).toEqual([]);
    await app.shot(page, 'screening-birth-date-error');
    // Corrected, it screens.
    await birth.fill('1974-08-12');
    await page.getByRole('button', { name: 'Screen' }).click();
    await expect.poll(() => page.getByTestId('found-hit').count()).toBe(1);
    expect(await error.count()).toBe(0);
  });
});
