import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { D02B_TWO_LEGS } from '../../../core/src/paxlst/test-fixtures.js';
import { ENGINES, as } from '../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../test/http-harness.js';
import { addUser } from '../app/manage-users.js';
import { createAlert } from '../app/create-alert.js';
import { queryAudit } from '../store/audit-repo.js';

const PASSWORD = 'correct horse battery staple';
const HOST = 'crosscheck.example.org';
const APP = `https://${HOST}`;
// A traveller whose passport FRA reported stolen: screening it creates a hit for FRA.
const STOLEN_PASSPORT = '{"documents":[{"issuingState":"FRA","number":"14FR56789"}]}';

describe.each(ENGINES)('changes made with the session cookie on %s', (engine) => {
  let h: Harness;
  let cookie: string;

  beforeAll(async () => {
    h = await httpHarness(engine, [['FRA', 'bureau']], 64 * 1024, { trustProxy: true, secureCookies: 'auto' });
    await createAlert(h.t.deps, as('FRA'), { kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: '14FR56789', status: 'stolen-issued' }, action: 'Seize the passport.', visibility: { mode: 'all' } });
    await addUser(h.t.deps, as('IPO', 'admin'), { username: 'deu.officer', member: 'DEU', role: 'frontline', password: PASSWORD });
    const login = await h.app.inject({ method: 'POST', url: '/api/v1/session', headers: { host: HOST, 'x-forwarded-proto': 'https', origin: APP }, payload: { username: 'deu.officer', password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    cookie = `cc_session=${login.cookies.find((c) => c.name === 'cc_session')!.value}`;
  });
  afterAll(async () => h.close());

  const hitsOfDeu = async (): Promise<number> => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/hits', headers: bearer(h.key('FRA')) });
    return (res.json() as { items: { screeningMember: string }[] }).items.filter((x) => x.screeningMember === 'DEU').length;
  };
  const screenings = async (): Promise<number> => (await queryAudit(h.t.deps.db, { limit: 1000 })).filter((e) => e.action.startsWith('screening.run') && e.outcome === 'ok').length;
  const asBrowser = (headers: Record<string, string>) => ({ host: HOST, 'x-forwarded-proto': 'https', cookie, ...headers });

  it('refuses a text/plain flight posted from another site, and screens no one', async () => {
    const [hitsBefore, screeningsBefore] = [await hitsOfDeu(), await screenings()];
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/screen/flight', headers: asBrowser({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' }), payload: D02B_TWO_LEGS });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'request.cross-origin' });
    expect(await hitsOfDeu()).toBe(hitsBefore);
    expect(await screenings()).toBe(screeningsBefore);
  });

  it('refuses a sibling subdomain (same site, another origin), also when the browser sends no Sec-Fetch-Site', async () => {
    const before = await hitsOfDeu();
    const attempts: Record<string, string>[] = [{ origin: `https://notes.example.org`, 'sec-fetch-site': 'same-site' }, { origin: `https://notes.example.org` }, { origin: 'null' }, { origin: `http://${HOST}` }];
    for (const headers of attempts) {
      const res = await h.app.inject({ method: 'POST', url: '/api/v1/screen/batch', headers: asBrowser({ ...headers, 'content-type': 'text/plain' }), payload: STOLEN_PASSPORT });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json()).toMatchObject({ code: 'request.cross-origin' });
      if (!('sec-fetch-site' in headers)) expect(res.json<{ detail: string }>().detail).toContain(APP);
    }
    expect(await hitsOfDeu()).toBe(before);
  });

  it('refuses a change that carries neither Origin nor Sec-Fetch-Site, naming why', async () => {
    const res = await h.app.inject({ method: 'PUT', url: '/api/v1/session/language', headers: asBrowser({}), payload: { language: 'fr' } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'request.origin-missing' });
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/session', headers: asBrowser({}) })).json()).toMatchObject({ language: null });
  });

  it('takes the same changes from the application itself, by Origin or by Sec-Fetch-Site', async () => {
    const before = await hitsOfDeu();
    const own = await h.app.inject({ method: 'POST', url: '/api/v1/screen/batch', headers: asBrowser({ origin: APP, 'sec-fetch-site': 'same-origin', 'content-type': 'text/plain' }), payload: STOLEN_PASSPORT });
    expect(own.statusCode, own.body).toBe(200);
    expect(await hitsOfDeu()).toBe(before + 1);
    const bySite = await h.app.inject({ method: 'PUT', url: '/api/v1/session/language', headers: asBrowser({ 'sec-fetch-site': 'same-origin' }), payload: { language: 'fr' } });
    expect(bySite.statusCode).toBe(200);
  });

  it('leaves requests made with an API key alone: they carry no ambient credential', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/screen/batch', headers: { ...bearer(h.key('FRA')), origin: 'https://evil.example', 'content-type': 'text/plain' }, payload: STOLEN_PASSPORT });
    expect(res.statusCode).toBe(200);
  });

  it('refuses signing in from another site, and takes it from scripts that say nothing', async () => {
    const forged = await h.app.inject({ method: 'POST', url: '/api/v1/session', headers: { host: HOST, origin: 'https://evil.example' }, payload: { username: 'deu.officer', password: PASSWORD } });
    expect(forged.statusCode).toBe(403);
    expect(forged.headers['set-cookie']).toBeUndefined();
    const script = await h.app.inject({ method: 'POST', url: '/api/v1/session', headers: { host: HOST }, payload: { username: 'deu.officer', password: PASSWORD } });
    expect(script.statusCode).toBe(200);
  });
});
