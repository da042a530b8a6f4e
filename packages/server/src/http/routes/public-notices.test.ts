import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines.js';
import { bearer, httpHarness, testHttpOptions, type Harness } from '../../../test/http-harness.js';
import { loadConfig } from '../../config.js';
import { buildApp } from '../build-app.js';

// The start of a JFIF file: enough for the photo route to recognise a JPEG.
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);

const wanted = (family: string, extra: Record<string, unknown> = {}, person: Record<string, unknown> = {}) => ({
  kind: 'person',
  category: 'arrest',
  person: { names: [{ family, given: 'Daniela Marie' }], birthDate: '1958-11-05', sex: 'F', nationalities: ['DEU'], birthPlace: 'KARLSRUHE', birthCountry: 'DEU', description: { heightCm: 165, weightKg: 63, eyes: 'BRO', hair: 'BLA', marks: 'Birthmarks in the face' }, arrest: { charge: 'Attempted murder and aggravated robbery' }, ...person },
  offence: { description: 'Attempted murder', maxSentenceYears: 15 },
  visibility: { mode: 'all' },
  publicNotice: true,
  ...extra,
});
const missing = (family: string) => ({ kind: 'person', category: 'missing', person: { names: [{ family, given: 'Max' }, { full: 'Max Muster', type: 'birth' }], birthDate: '2010', sex: 'M', nationalities: ['AUT'] }, visibility: { mode: 'all' }, publicNotice: true });

describe.each(ENGINES)('INTERPOL-style public notices on %s', (engine) => {
  let h: Harness;
  let klette = '';
  let other = '';
  let child = '';
  beforeAll(async () => {
    h = await httpHarness(engine, [['DEU', 'bureau'], ['FRA', 'bureau'], ['IPO', 'reviewer']]);
    const publish = async (member: string, body: unknown) => {
      const res = await h.app.inject({ method: 'POST', url: '/api/v1/alerts', headers: bearer(h.key(member)), payload: body as object });
      expect(res.statusCode, res.body).toBe(201);
      const alert = res.json() as { id: string; status: string };
      // Arrest warrants are reviewed before anyone else, the public included, may read them.
      if (alert.status === 'pending-review') {
        const decided = await h.app.inject({ method: 'POST', url: `/api/v1/review/${alert.id}/decision`, headers: bearer(h.key('IPO', 'reviewer')), payload: { decision: 'approve', reason: 'checked' } });
        expect(decided.statusCode, decided.body).toBe(200);
      }
      return alert.id;
    };
    klette = await publish('DEU', wanted('KLETTE', { caseReference: 'BKA-SECRET-4711' }, { documents: [{ issuingState: 'DEU', type: 'passport', number: 'C01X00T47' }] }));
    other = await publish('FRA', wanted('DURAND', {}, { names: [{ family: 'DURAND', given: 'Paul' }], sex: 'M', birthDate: '1990-01-02', nationalities: ['FRA'] }));
    child = await publish('DEU', missing('MUSTER'));
    await publish('DEU', wanted('NOTPUBLIC', { publicNotice: false }));
  });
  afterAll(async () => h.close());

  const get = (url: string) => h.app.inject({ method: 'GET', url, headers: { host: 'crosscheck.example' } });

  it('lists red notices to anyone, without a key, in INTERPOL’s shape, only those their owners made public', async () => {
    const res = await get('/public/notices/v1/red');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; query: unknown; _embedded: { notices: { entity_id: string; name: string; forename: string; date_of_birth: string; nationalities: string[]; _links: { self: { href: string } } }[] }; _links: Record<string, { href: string }> };
    expect(body.total).toBe(2);
    expect(body.query).toEqual({ page: 1, resultPerPage: 20 });
    const k = body._embedded.notices.find((n) => n.entity_id === klette)!;
    expect(k).toMatchObject({ name: 'KLETTE', forename: 'Daniela Marie', date_of_birth: '1958/11/05', nationalities: ['DE'] });
    expect(k._links.self.href).toBe(`http://crosscheck.example/public/notices/v1/red/${klette}`);
    expect(JSON.stringify(body)).not.toContain('NOTPUBLIC');
    expect(body._embedded.notices.map((n) => n.entity_id)).not.toContain(child);
  });

  it('gives the detail of a red notice with its arrest warrant from the owner’s country', async () => {
    const res = await get(`/public/notices/v1/red/${klette}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      entity_id: klette,
      name: 'KLETTE',
      forename: 'Daniela Marie',
      date_of_birth: '1958/11/05',
      sex_id: 'F',
      nationalities: ['DE'],
      country_of_birth_id: 'DE',
      place_of_birth: 'KARLSRUHE',
      height: 1.65,
      weight: 63,
      eyes_colors_id: ['BRO'],
      hairs_id: ['BLA'],
      distinguishing_marks: 'Birthmarks in the face',
      arrest_warrants: [{ issuing_country_id: 'DE', charge: 'Attempted murder and aggravated robbery', charge_translation: null }],
    });
    // Nothing of the bureau's working data leaves: no action, remarks, visibility or case reference.
    expect(Object.keys(res.json() as object)).not.toContain('visibility');
  });

  it('filters and pages with INTERPOL’s query parameters, with links to the other pages', async () => {
    const ids = async (query: string) => ((await get(`/public/notices/v1/red?${query}`)).json() as { _embedded: { notices: { entity_id: string }[] } })._embedded.notices.map((n) => n.entity_id);
    expect(await ids('name=klette')).toEqual([klette]);
    expect(await ids('forename=paul')).toEqual([other]);
    expect(await ids('nationality=FR')).toEqual([other]);
    expect(await ids('sexId=F')).toEqual([klette]);
    expect(await ids('arrestWarrantCountryId=DE')).toEqual([klette]);
    expect(await ids('ageMin=60')).toEqual([klette]);
    expect(await ids('ageMax=40')).toEqual([other]);
    expect(await ids('freeText=durand')).toEqual([other]);
    expect(await ids('freeText=daniela')).toEqual([klette]);
    // What the notice does not show cannot be searched for: no guessing a passport number or a case reference.
    expect(await ids('freeText=C01X00T47')).toEqual([]);
    expect(await ids('freeText=c01x')).toEqual([]);
    expect(await ids('freeText=BKA-SECRET')).toEqual([]);
    const page1 = (await get('/public/notices/v1/red?resultPerPage=1')).json() as { total: number; _embedded: { notices: unknown[] }; _links: { next?: { href: string }; last: { href: string } } };
    expect(page1.total).toBe(2);
    expect(page1._embedded.notices).toHaveLength(1);
    expect(page1._links.next!.href).toContain('page=2');
    expect(page1._links.last.href).toContain('page=2');
    const page2 = (await get(new URL(page1._links.next!.href).pathname + new URL(page1._links.next!.href).search)).json() as { _embedded: { notices: unknown[] }; _links: { next?: unknown; previous?: unknown } };
    expect(page2._embedded.notices).toHaveLength(1);
    expect(page2._links.next).toBeUndefined();
    expect(page2._links.previous).toBeDefined();
  });

  it('serves missing persons as yellow notices, with the birth name and the reporting country', async () => {
    const list = (await get('/public/notices/v1/yellow')).json() as { total: number };
    expect(list.total).toBe(1);
    expect((await get(`/public/notices/v1/yellow/${child}`)).json()).toMatchObject({ name: 'MUSTER', forename: 'Max', date_of_birth: '2010', birth_name: 'Max Muster', country: 'DE', sex_id: 'M' });
    // A yellow notice is not a red one.
    expect((await get(`/public/notices/v1/red/${child}`)).statusCode).toBe(404);
  });

  it('shows the notice’s photos publicly, only while it is public', async () => {
    const up = await h.app.inject({ method: 'POST', url: `/api/v1/alerts/${klette}/photos`, headers: { ...bearer(h.key('DEU')), 'content-type': 'image/jpeg' }, payload: JPEG });
    expect(up.statusCode, up.body).toBe(201);
    const images = (await get(`/public/notices/v1/red/${klette}/images`)).json() as { _embedded: { images: { picture_id: string; _links: { self: { href: string } } }[] } };
    expect(images._embedded.images).toHaveLength(1);
    const picture = await get(new URL(images._embedded.images[0]!._links.self.href).pathname);
    expect(picture.statusCode).toBe(200);
    expect(picture.headers['content-type']).toBe('image/jpeg');
    expect(picture.rawPayload.equals(JPEG)).toBe(true);
    expect(((await get(`/public/notices/v1/red/${klette}`)).json() as { _links: { thumbnail?: unknown } })._links.thumbnail).toBeDefined();
  });

  it('withdraws a notice the moment its owner unpublishes or cancels it: the same 404 as an id that never existed', async () => {
    const never = await get('/public/notices/v1/red/019a0000-0000-7000-8000-000000000000');
    expect(never.statusCode).toBe(404);
    const patched = await h.app.inject({ method: 'PATCH', url: `/api/v1/alerts/${other}`, headers: bearer(h.key('FRA')), payload: { publicNotice: null } });
    expect(patched.statusCode, patched.body).toBe(200);
    const gone = await get(`/public/notices/v1/red/${other}`);
    expect(gone.statusCode).toBe(404);
    const strip = (b: string) => ({ ...(JSON.parse(b) as Record<string, unknown>), requestId: undefined, instance: undefined });
    expect(strip(gone.body)).toEqual(strip(never.body));
    const cancelled = await h.app.inject({ method: 'POST', url: `/api/v1/alerts/${child}/cancel`, headers: bearer(h.key('DEU')), payload: { reason: 'found safe' } });
    expect(cancelled.statusCode).toBe(200);
    expect(((await get('/public/notices/v1/yellow')).json() as { total: number }).total).toBe(0);
  });

  it('refuses to make public what is not for everyone, naming the field, and bad queries naming the parameter', async () => {
    const post = (body: unknown) => h.app.inject({ method: 'POST', url: '/api/v1/alerts', headers: bearer(h.key('DEU')), payload: body as object });
    const restricted = await post(wanted('SECRET', { visibility: { mode: 'only', members: ['FRA'] } }));
    expect(restricted.statusCode).toBe(422);
    expect(restricted.body).toContain('publicNotice');
    const document = await post({ kind: 'document', document: { issuingState: 'DEU', type: 'passport', number: 'C01X00T47', status: 'lost' }, visibility: { mode: 'all' }, publicNotice: true });
    expect(document.statusCode).toBe(422);
    expect(document.body).toContain('publicNotice');
    const tooMany = await get('/public/notices/v1/red?resultPerPage=500');
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.headers['content-type']).toContain('application/problem+json');
    expect(tooMany.body).toContain('resultPerPage');
    expect((await get('/public/notices/v1/yellow?arrestWarrantCountryId=DE')).statusCode).toBe(422);
  });

  it('writes its links on the configured public address rather than the Host a client sent', async () => {
    const app = await buildApp(h.t.deps, testHttpOptions({ bodyLimit: 64 * 1024, publicUrl: loadConfig({ CROSSCHECK_PUBLIC_URL: 'https://notices.example.org/' }).http.publicUrl }));
    try {
      const res = await app.inject({ method: 'GET', url: '/public/notices/v1/red', headers: { host: 'attacker.example' } });
      expect((res.json() as { _links: { self: { href: string } } })._links.self.href).toMatch(/^https:\/\/notices\.example\.org\/public\/notices\/v1\/red\?/);
    } finally {
      await app.close();
    }
    expect(() => loadConfig({ CROSSCHECK_PUBLIC_URL: 'ftp://notices.example.org' })).toThrow(/CROSSCHECK_PUBLIC_URL/);
  });
});
