import { crc32, deflateSync } from 'node:zlib';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFindings } from '../../server/src/app/chain/record-findings.js';
import { location, scanned, textFinding } from '../../server/test/findings.js';
import { hasChromium, setupCtx, startWebApp, type WebApp } from './harness.ts';

/**
 * The blockchain findings page in a real browser: an analyst filters by method and finds an
 * Ordinals image that is neither drawn nor even requested until "reveal" is pressed; a text
 * finding's preview is text (a script tag in it stays letters) and its addresses are not links;
 * the frontline desk does not get the page.
 */

/** A small real PNG (a red square with a white cross), so the browser has a picture to decode. */
function png(size = 24): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const white = x === size / 2 || y === size / 2;
      row.set(white ? [255, 255, 255] : [200, 30, 40], 1 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

const IMAGE = png();
const TEXT = 'Mirror <script>alert(1)</script> at https://example.org/leak and http://exampleonionaddressxx.onion/list';
const ARCHIVE = Buffer.alloc(20_000, 7);

const image = {
  content: IMAGE,
  finding: scanned(IMAGE, {
    method: 'ordinals',
    mediaType: 'image/png',
    declaredType: 'image/png',
    matches: [{ source: 'hash-list', name: 'member-list.txt', on: 'payload' }],
    locations: [location('inscription', 790_123, { kind: 'input', index: 0, item: 1 })],
    fields: { pointer: 0, metaprotocol: 'none' },
    notes: ['cursed: OP_66 before the envelope'],
  }),
};

const text = textFinding(TEXT, { locations: [location('note', 850_000, { kind: 'output', index: 3 })] });
// The scanner's text facts name the onion address its own way; this one is short, for the page to show.
text.finding.text = { ...text.finding.text!, onions: ['exampleonionaddressxx.onion'] };

// A gzip tar split over 414 outputs of one transaction and 13 of another, its decompression capped.
const archive = {
  content: ARCHIVE,
  finding: scanned(ARCHIVE, {
    method: 'output-data',
    mediaType: 'application/gzip',
    decoded: { encoding: 'gzip', size: 1_000_000, sha256: 'e'.repeat(64), md5: 'f'.repeat(32), mediaType: null, capped: true },
    matches: [{ source: 'yara', name: 'gzip_bomb', on: 'decoded' }],
    locations: [location('archive part 1', 230_009, { kind: 'outputs', first: 0, last: 413 }), location('archive part 2', null, { kind: 'outputs', first: 0, last: 12 })],
  }),
};

describe.skipIf(!hasChromium)('blockchain findings in chromium', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp(async ({ deps, user }) => {
      await user('fra.analyst', 'FRA', 'analyst');
      await user('fra.desk', 'FRA', 'frontline');
      await recordFindings(deps, setupCtx('FRA', 'analyst'), [archive, text, image]);
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('filters by method and shows an image only once it is revealed', async () => {
    const page = await app.openAs('fra.analyst', '/chain');
    const contentRequests: Request[] = [];
    page.on('request', (r) => {
      if (/\/api\/v1\/chain\/findings\/[^/]+\/content/.test(r.url())) contentRequests.push(r);
    });
    const findings = page.getByTestId('finding');
    await expect.poll(() => findings.count()).toBe(3);

    // Where and how each was written, in words.
    const archiveCard = findings.filter({ hasText: 'Fake keys and hashes of outputs' });
    expect(await archiveCard.getByTestId('finding-location').count()).toBe(2);
    expect(await archiveCard.textContent()).toContain('outputs 0–413');
    expect(await archiveCard.textContent()).toContain('height 230009');
    expect(await archiveCard.textContent()).toContain('not in a known block');
    expect(await archiveCard.getByTestId('finding-size').textContent()).toBe('20 kB');
    expect(await archiveCard.getByTestId('finding-capped').textContent()).toContain('Capped: likely decompression bomb');
    expect(await archiveCard.getByTestId('finding-matches').textContent()).toContain('YARA rule: gzip_bomb (on the decoded bytes)');

    // Text stays text: the script tag is letters on the page, the addresses are not links.
    const textCard = findings.filter({ hasText: 'OP_RETURN' });
    expect(await textCard.getByTestId('finding-preview').textContent()).toContain('<script>alert(1)</script>');
    expect(await textCard.locator('script').count()).toBe(0);
    expect(await textCard.getByTestId('finding-urls').textContent()).toContain('https://example.org/leak');
    expect(await textCard.getByTestId('finding-onions').textContent()).toContain('exampleonionaddressxx.onion');
    expect(await textCard.locator('a').count()).toBe(0);
    expect(await textCard.textContent()).toContain('output 3');
    await app.shot(page, 'chain-findings');

    // A malformed transaction id is refused at the field; words find the text; nothing harmless yet.
    await page.getByLabel('Transaction id').fill('not-a-txid');
    await page.getByRole('button', { name: 'Apply the filters' }).click();
    await page.getByText('A transaction id is 64 hexadecimal characters (0–9, a–f).').waitFor();
    expect(await findings.count()).toBe(3);
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByLabel('Words in the text').fill('mirror');
    await page.getByRole('button', { name: 'Apply the filters' }).click();
    await expect.poll(() => findings.count()).toBe(1);
    expect(await findings.first().getByTestId('finding-method').textContent()).toBe('OP_RETURN');
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByTestId('chain-filter-status').selectOption({ label: 'Harmless' });
    await page.getByRole('button', { name: 'Apply the filters' }).click();
    await page.getByTestId('chain-empty').waitFor();
    expect(await page.getByTestId('chain-empty').textContent()).toBe('No finding matches these filters.');
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => findings.count()).toBe(3);

    // Filtered by method: the inscription alone.
    await page.getByTestId('chain-filter-method').selectOption({ label: 'Ordinals inscription' });
    await page.getByRole('button', { name: 'Apply the filters' }).click();
    await expect.poll(() => findings.count()).toBe(1);
    const imageCard = findings.first();
    expect(await imageCard.getByTestId('finding-method').textContent()).toBe('Ordinals inscription');
    expect(await imageCard.textContent()).toContain('input 0, inscription 1');
    expect(await imageCard.textContent()).toContain('height 790123');
    expect(await imageCard.getByTestId('finding-type').textContent()).toBe('image/png');
    expect(await imageCard.getByTestId('finding-matches').textContent()).toContain('Hash list: member-list.txt');

    // Not drawn, not even fetched, until revealed.
    expect(await imageCard.locator('img').count()).toBe(0);
    expect(await imageCard.textContent()).toContain('Not shown.');
    expect(contentRequests).toHaveLength(0);
    await app.shot(page, 'chain-image-hidden');

    await imageCard.getByRole('button', { name: 'Reveal the image' }).click();
    const img = imageCard.getByTestId('chain-image');
    await img.waitFor();
    expect(await img.getAttribute('src')).toMatch(/^blob:/);
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(24);
    expect(contentRequests).toHaveLength(1);
    await app.shot(page, 'chain-image-revealed');

    // Hidden again: the picture goes.
    await imageCard.getByRole('button', { name: 'Hide again' }).click();
    expect(await imageCard.locator('img').count()).toBe(0);

    // The owner marks it known bad, shared with every member.
    await page.getByTestId('chain-filter-method').selectOption({ label: 'OP_RETURN' });
    await page.getByRole('button', { name: 'Apply the filters' }).click();
    await expect.poll(() => findings.count()).toBe(1);
    const decide = findings.first().getByTestId('finding-decide');
    await decide.getByText('Your member’s decision').click();
    await decide.getByLabel('Mark as').selectOption({ label: 'Known bad' });
    await decide.getByLabel('Shared with').selectOption({ label: 'All members' });
    await decide.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => decide.getByTestId('finding-decide-result').textContent()).toBe('Saved.');
    expect(await findings.first().getByTestId('finding-status').textContent()).toBe('Known bad');

    // In Arabic the page runs right to left; hashes and transaction ids stay left to right.
    await page.getByTestId('chain-filter-method').selectOption('');
    await page.getByRole('button', { name: 'Apply the filters' }).click();
    await expect.poll(() => findings.count()).toBe(3);
    await page.getByTestId('language').selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('بيانات عُثر عليها في سلسلة كتل بيتكوين');
    expect(await findings.filter({ hasText: 'نقش Ordinals' }).locator('img').count()).toBe(0);
    await app.shot(page, 'chain-findings-ar');
    expect(contentRequests).toHaveLength(1);

    expect(app.consoleErrors).toEqual([]);
  }, 90_000);

  it('is not a page of the frontline desk', async () => {
    const page = await app.openAs('fra.desk', '/chain');
    const refusal = page.getByTestId('not-allowed');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('is not open to your role');
    expect(await page.getByTestId('finding').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Blockchain findings' }).count()).toBe(0);
  }, 60_000);
});
