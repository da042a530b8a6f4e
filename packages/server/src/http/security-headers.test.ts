import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES, as } from '../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../test/http-harness.js';
import { addUser } from '../app/manage-users.js';
import type { HttpOptions } from './build-app.js';
import { contentDisposition } from './download-headers.js';

const PASSWORD = 'correct horse battery staple';
const HOST = 'crosscheck.example.org';

describe.each(ENGINES)('security headers on %s', (engine) => {
  let h: Harness;
  afterEach(async () => h.close());

  async function start(options: Partial<HttpOptions>): Promise<void> {
    h = await httpHarness(engine, [['FRA', 'bureau'], ['DEU', 'bureau']], 3 * 1024 * 1024, { secureCookies: 'auto', ...options });
    await addUser(h.t.deps, as('IPO', 'admin'), { username: 'fra.officer', member: 'FRA', role: 'bureau', password: PASSWORD });
  }
  const logIn = (headers: Record<string, string>) => h.app.inject({ method: 'POST', url: '/api/v1/session', headers: { host: HOST, ...headers }, payload: { username: 'fra.officer', password: PASSWORD } });
  const sessionCookie = (res: Awaited<ReturnType<typeof logIn>>) => res.cookies.find((c) => c.name === 'cc_session')!;

  it('sends HSTS and a Secure cookie when a trusted proxy says the browser came over HTTPS', async () => {
    await start({ trustProxy: true });
    const res = await logIn({ 'x-forwarded-proto': 'https' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(sessionCookie(res)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
    // Every answer over HTTPS carries it, the web page's and the refusals as well.
    const refused = await h.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: { host: HOST, 'x-forwarded-proto': 'https' } });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('sends neither over plain HTTP, nor when an untrusted client claims HTTPS', async () => {
    await start({ trustProxy: false });
    const claims: Record<string, string>[] = [{}, { 'x-forwarded-proto': 'https' }];
    for (const headers of claims) {
      const res = await logIn(headers);
      expect(res.statusCode).toBe(200);
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(sessionCookie(res).secure).toBeUndefined();
    }
  });

  it('makes the cookie Secure over plain HTTP when the operator says so (HTTPS ending at an undeclared proxy), and lets HSTS be turned off', async () => {
    await start({ secureCookies: true, trustProxy: true, hstsMaxAge: 0 });
    expect(sessionCookie(await logIn({})).secure).toBe(true);
    expect((await logIn({ 'x-forwarded-proto': 'https' })).headers['strict-transport-security']).toBeUndefined();
  });

  it('keeps every API answer out of caches, refusals included, but not the public pages', async () => {
    await start({});
    const answers = await Promise.all([
      h.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: bearer(h.key('FRA')) }),
      h.app.inject({ method: 'GET', url: '/api/v1/alerts' }),
      h.app.inject({ method: 'GET', url: '/api/v1/alerts/nope', headers: bearer(h.key('FRA')) }),
      h.app.inject({ method: 'POST', url: '/api/v1/alerts', headers: bearer(h.key('FRA')), payload: { kind: 'moon' } }),
      h.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: bearer(h.key('FRA')) }),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 401, 404, 422, 404]);
    for (const r of answers) expect(r.headers['cache-control'], r.body).toBe('no-store');
    expect((await h.app.inject({ method: 'GET', url: '/public/notices/v1/red' })).headers['cache-control']).not.toBe('no-store');
  });

  it('applies the API rules to a path with escaped letters, which the router decodes to the same route', async () => {
    await start({});
    const withKey = await h.app.inject({ method: 'GET', url: '/%61pi/v1/alerts', headers: bearer(h.key('FRA')) });
    expect(withKey.statusCode).toBe(200);
    expect(withKey.headers['cache-control']).toBe('no-store');
    const wrongKey = await h.app.inject({ method: 'POST', url: '/%61pi/v1/screen/batch', headers: { authorization: 'Bearer cc_000000000000_nope' }, payload: { travellers: [] } });
    expect(wrongKey.statusCode).toBe(401);
    expect(wrongKey.headers['cache-control']).toBe('no-store');
  });

  it('serves the API documentation under a content security policy without inline script or style', async () => {
    await start({});
    for (const url of ['/docs/', '/docs/static/swagger-initializer.js', '/docs/json']) {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'none'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).not.toContain('unsafe-inline');
    }
  });

  it('serves a message attachment as a download of opaque bytes whatever type the sender declared', async () => {
    await start({});
    const page = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const sent = await h.app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: bearer(h.key('DEU')),
      payload: { to: ['FRA'], subject: 'List', body: 'See the file.', handlingCode: 'H2', attachments: [{ filename: 'list"\r\n.html', contentType: 'text/html', dataBase64: page.toString('base64') }] },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const { id, attachments } = sent.json<{ id: string; attachments: { id: string }[] }>();
    const file = await h.app.inject({ method: 'GET', url: `/api/v1/messages/${id}/attachments/${attachments[0]!.id}`, headers: bearer(h.key('FRA')) });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/octet-stream');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="list___.html"; filename*=UTF-8''list%22%0D%0A.html`);
    expect(file.rawPayload.equals(page)).toBe(true);
  });
});

describe('Content-Disposition', () => {
  it('gives an ASCII fallback and the exact name in UTF-8, with nothing that could end the header or name a path', () => {
    expect(contentDisposition('attachment', 'Lagebild Köln (2).pdf')).toBe(`attachment; filename="Lagebild K_ln (2).pdf"; filename*=UTF-8''Lagebild%20K%C3%B6ln%20%282%29.pdf`);
    expect(contentDisposition('attachment', '..\\a/b;"c*\'.txt')).toBe(`attachment; filename=".._a_b;_c*'.txt"; filename*=UTF-8''..%5Ca%2Fb%3B%22c%2A%27.txt`);
    expect(contentDisposition('inline', 'تقرير.pdf')).toMatch(/^inline; filename="_+\.pdf"; filename\*=UTF-8''(%[0-9A-F]{2})+\.pdf$/);
  });
});
