import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFindings } from '../../server/src/app/chain/record-findings.js';
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

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');
const hex64 = (c: string) => c.repeat(64);

const IMAGE = png();
const TEXT = Buffer.from('Mirror <script>alert(1)</script> at https://example.org/leak and http://exampleonionaddressxx.onion/list', 'utf8');
const ARCHIVE = Buffer.alloc(20_000, 7);

const imageFinding = {
  method: 'ordinals',
  size: IMAGE.length,
  sha256: sha256(IMAGE),
  md5: md5(IMAGE),
  mediaType: 'image/png',
  declaredType: 'image/png',
  decoded: null,
  text: null,
  matches: [{ source: 'hash-list', name: 'member-list.txt', on: 'payload' }],
  locations: [{ txid: hex64('a'), height: 790_123, blockHash: `00000000${'b'.repeat(56)}`, place: { kind: 'input', index: 0, item: 1 } }],
  fields: { pointer: 0, metaprotocol: 'none' },
  notes: ['cursed: OP_66 before the envelope'],
};

const textFinding = {
  method: 'op-return',
  size: TEXT.length,
  sha256: sha256(TEXT),
  md5: md5(TEXT),
  mediaType: 'text/plain',
  declaredType: null,
  decoded: null,
  text: { printableRatio: 1, language: 'en', urls: ['https://example.org/leak'], onions: ['exampleonionaddressxx.onion'], preview: TEXT.toString('utf8') },
  matches: [],
  locations: [{ txid: hex64('c'), height: 850_000, blockHash: hex64('d'), place: { kind: 'output', index: 3 } }],
  fields: {},
  notes: [],
};

const archiveFinding = {
  method: 'output-data',
  size: ARCHIVE.length,
  sha256: sha256(ARCHIVE),
  md5: md5(ARCHIVE),
  mediaType: 'application/gzip',
  declaredType: null,
  decoded: { encoding: 'gzip', size: 1_000_000, sha256: hex64('e'), md5: 'f'.repeat(32), mediaType: null, capped: true },
  text: null,
  matches: [{ source: 'yara', name: 'gzip_bomb', on: 'decoded' }],
  locations: [
    { txid: hex64('1'), height: 230_009, blockHash: hex64('2'), place: { kind: 'outputs', first: 0, last: 413 } },
    { txid: hex64('3'), height: null, blockHash: null, place: { kind: 'outputs', first: 0, last: 12 } },
  ],
  fields: {},
  notes: [],
};

describe.skipIf(!hasChromium)('blockchain findings in chromium', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp(async ({ deps, user }) => {
      await user('fra.analyst', 'FRA', 'analyst');
      await user('fra.desk', 'FRA', 'frontline');
      await recordFindings(deps, setupCtx('FRA', 'analyst'), [
        { finding: archiveFinding, content: ARCHIVE },
        { finding: textFinding, content: TEXT },
        { finding: imageFinding, content: IMAGE },
      ]);
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
    const archive = findings.filter({ hasText: 'Fake keys and hashes of outputs' });
    expect(await archive.getByTestId('finding-location').count()).toBe(2);
    expect(await archive.textContent()).toContain('outputs 0–413');
    expect(await archive.textContent()).toContain('height 230009');
    expect(await archive.textContent()).toContain('not in a known block');
    expect(await archive.getByTestId('finding-size').textContent()).toBe('20 kB');
    expect(await archive.getByTestId('finding-capped').textContent()).toContain('Capped: likely decompression bomb');
    expect(await archive.getByTestId('finding-matches').textContent()).toContain('YARA rule: gzip_bomb (on the decoded bytes)');

    // Text stays text: the script tag is letters on the page, the addresses are not links.
    const text = findings.filter({ hasText: 'OP_RETURN' });
    expect(await text.getByTestId('finding-preview').textContent()).toContain('<script>alert(1)</script>');
    expect(await text.locator('script').count()).toBe(0);
    expect(await text.getByTestId('finding-urls').textContent()).toContain('https://example.org/leak');
    expect(await text.getByTestId('finding-onions').textContent()).toContain('exampleonionaddressxx.onion');
    expect(await text.locator('a').count()).toBe(0);
    expect(await text.textContent()).toContain('output 3');
    await app.shot(page, 'chain-findings');

    // Filtered by method: the inscription alone.
    await page.getByTestId('chain-filter-method').selectOption({ label: 'Ordinals inscription' });
    await page.getByRole('button', { name: 'Apply the filters' }).click();
    await expect.poll(() => findings.count()).toBe(1);
    const image = findings.first();
    expect(await image.getByTestId('finding-method').textContent()).toBe('Ordinals inscription');
    expect(await image.textContent()).toContain('input 0, inscription 1');
    expect(await image.textContent()).toContain('height 790123');
    expect(await image.getByTestId('finding-type').textContent()).toBe('image/png');
    expect(await image.getByTestId('finding-matches').textContent()).toContain('Hash list: member-list.txt');

    // Not drawn, not even fetched, until revealed.
    expect(await image.locator('img').count()).toBe(0);
    expect(await image.textContent()).toContain('Not shown.');
    expect(contentRequests).toHaveLength(0);
    await app.shot(page, 'chain-image-hidden');

    await image.getByRole('button', { name: 'Reveal the image' }).click();
    const img = image.getByTestId('chain-image');
    await img.waitFor();
    expect(await img.getAttribute('src')).toMatch(/^blob:/);
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(24);
    expect(contentRequests).toHaveLength(1);
    await app.shot(page, 'chain-image-revealed');

    // Hidden again: the picture goes.
    await image.getByRole('button', { name: 'Hide again' }).click();
    expect(await image.locator('img').count()).toBe(0);

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
