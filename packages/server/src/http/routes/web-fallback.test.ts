import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';

const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

// No storage is read on these paths: one engine is enough.
describe('an unknown address', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await httpHarness('sqlite', [['FRA', 'bureau']]);
  });
  afterAll(async () => h.close());

  it('typed in a browser gets the app (which shows its own "not found" page), still with status 404', async () => {
    for (const url of ['/alertz', '/alerts/extra', '/docs-typo?x=1']) {
      const res = await h.app.inject({ method: 'GET', url, headers: HTML });
      expect(res.statusCode, url).toBe(404);
      expect(String(res.headers['content-type']), url).toContain('text/html');
      expect(res.body, url).toMatch(/<html/i);
      expect(res.body, url).not.toContain('resource.not-found');
    }
  });

  it('under /api/ keeps its problem+json 404, even when a browser asks for HTML', async () => {
    for (const headers of [HTML, { ...HTML, ...bearer(h.key('FRA')) }]) {
      const res = await h.app.inject({ method: 'GET', url: '/api/v1/alertz', headers });
      // Without credentials the API answers 401 before routing; with them, 404.
      expect(String(res.headers['content-type'])).toContain('application/problem+json');
      expect([401, 404]).toContain(res.statusCode);
    }
    const escaped = await h.app.inject({ method: 'GET', url: '/%61pi/v1/alertz', headers: { ...HTML, ...bearer(h.key('FRA')) } });
    expect(escaped.statusCode).toBe(404);
    expect(escaped.json()).toMatchObject({ code: 'resource.not-found' });
  });

  it('asked for by a program, or as an asset, or with another method, keeps problem+json', async () => {
    const cases = [
      { method: 'GET' as const, url: '/alertz', headers: { accept: 'application/json' } },
      { method: 'GET' as const, url: '/alertz', headers: {} },
      { method: 'GET' as const, url: '/assets/missing.js', headers: HTML },
      { method: 'POST' as const, url: '/alertz', headers: HTML },
    ];
    for (const c of cases) {
      const res = await h.app.inject(c);
      expect(res.statusCode, `${c.method} ${c.url}`).toBe(404);
      expect(res.json(), `${c.method} ${c.url}`).toMatchObject({ code: 'resource.not-found' });
    }
  });
});
