import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, as } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';
import { addUser } from '../../app/manage-users.js';

const PASSWORD = 'correct horse battery staple';

describe.each(ENGINES)('a user’s interface language over HTTP on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await httpHarness(engine, [['FRA', 'bureau']]);
    await addUser(h.t.deps, as('IPO', 'admin'), { username: 'fra.officer', member: 'FRA', role: 'frontline', password: PASSWORD });
    await addUser(h.t.deps, as('IPO', 'admin'), { username: 'fra.other', member: 'FRA', role: 'frontline', password: PASSWORD });
  });
  afterAll(async () => h.close());

  const logIn = async (username: string) => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'cc_session')!;
    // As the browser sends them with the application's own requests.
    return { cookie: `cc_session=${cookie.value}`, origin: 'http://localhost' };
  };

  it('is kept for the user, so a second browser (a new session) opens in it; other users keep theirs', async () => {
    const first = await logIn('fra.officer');
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/session', headers: first })).json()).toMatchObject({ member: 'FRA', role: 'frontline', language: null });

    const put = await h.app.inject({ method: 'PUT', url: '/api/v1/session/language', headers: first, payload: { language: 'ar' } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ language: 'ar' });

    const second = await logIn('fra.officer');
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/session', headers: second })).json()).toMatchObject({ language: 'ar' });
    const other = await logIn('fra.other');
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/session', headers: other })).json()).toMatchObject({ language: null });
  });

  it('refuses a language the application does not have, naming the field, and changes nothing', async () => {
    const s = await logIn('fra.other');
    const res = await h.app.inject({ method: 'PUT', url: '/api/v1/session/language', headers: s, payload: { language: 'de' } });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toContain('language');
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/session', headers: s })).json()).toMatchObject({ language: null });
  });

  it('is not for API keys (409) nor for anyone not signed in (401)', async () => {
    const key = await h.app.inject({ method: 'PUT', url: '/api/v1/session/language', headers: bearer(h.key('FRA')), payload: { language: 'fr' } });
    expect(key.statusCode).toBe(409);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/session', headers: bearer(h.key('FRA')) })).json()).toMatchObject({ language: null });
    const anonymous = await h.app.inject({ method: 'PUT', url: '/api/v1/session/language', payload: { language: 'fr' } });
    expect(anonymous.statusCode).toBe(401);
  });

  it('has no users of the replica role: a national copy signs in with a key', async () => {
    await expect(addUser(h.t.deps, as('IPO', 'admin'), { username: 'fra.copy', member: 'FRA', role: 'replica', password: PASSWORD })).rejects.toThrow(/replica is a role for API keys/);
  });
});
