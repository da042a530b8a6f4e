import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, as, documentAlert, personAlert } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';
import { png } from '../../../test/png.js';
import { createAlert } from '../../app/create-alert.js';
import { queryAudit } from '../../store/audit-repo.js';

/** The start of a JFIF file (SOI, APP0 "JFIF", EOI): what a JPEG is recognised by. */
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
const gif = Buffer.concat([Buffer.from('GIF89a', 'ascii'), Buffer.from([1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3b])]);
const MISSING = '019a0000-0000-7000-8000-000000000000';

describe.each(ENGINES)('photos of alerts over HTTP on %s', (engine) => {
  let h: Harness;
  let shared = '';
  let hidden = '';
  let vehicleOrDocument = '';
  beforeAll(async () => {
    h = await httpHarness(engine, [['FRA', 'bureau'], ['DEU', 'bureau'], ['ITA', 'bureau'], ['FRA', 'frontline'], ['DEU', 'frontline']]);
    shared = (await createAlert(h.t.deps, as('FRA'), personAlert('DUPONT', { mode: 'all-except', members: ['ITA'] }))).id;
    hidden = (await createAlert(h.t.deps, as('FRA'), { ...personAlert('MARTIN'), hiddenFromFrontline: true })).id;
    vehicleOrDocument = (await createAlert(h.t.deps, as('FRA'), documentAlert('FRA', '12AB34567'))).id;
  });
  afterAll(async () => h.close());

  const upload = (key: string, alertId: string, bytes: Buffer, type = 'image/png') =>
    h.app.inject({ method: 'POST', url: `/api/v1/alerts/${alertId}/photos`, headers: { ...bearer(key), 'content-type': type }, payload: bytes });
  const list = (key: string, alertId: string) => h.app.inject({ method: 'GET', url: `/api/v1/alerts/${alertId}/photos`, headers: bearer(key) });
  const fetchPhoto = (key: string, alertId: string, photoId: string) => h.app.inject({ method: 'GET', url: `/api/v1/alerts/${alertId}/photos/${photoId}`, headers: bearer(key) });
  const remove = (key: string, alertId: string, photoId: string) => h.app.inject({ method: 'DELETE', url: `/api/v1/alerts/${alertId}/photos/${photoId}`, headers: bearer(key) });
  const withoutRequestId = (body: string) => {
    const { requestId: _drop, ...rest } = JSON.parse(body) as Record<string, unknown>;
    return rest;
  };
  const photoIds = async (key: string, alertId: string) => ((await list(key, alertId)).json() as { items: { id: string }[] }).items.map((p) => p.id);

  let first = '';
  const original = png(2, 2);

  it('stores a PNG and gives back the same bytes with the sniffed type, to every member that sees the alert', async () => {
    const res = await upload(h.key('FRA'), shared, original);
    expect(res.statusCode).toBe(201);
    const photo = res.json() as { id: string; url: string; contentType: string; size: number; createdBy?: string };
    expect(photo).toMatchObject({ contentType: 'image/png', size: original.length, url: `/api/v1/alerts/${shared}/photos/${photo.id}` });
    expect(res.headers.location).toBe(photo.url);
    first = photo.id;

    const listed = (await list(h.key('DEU'), shared)).json() as { items: { id: string; contentType: string; createdBy?: string }[] };
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ id: first, contentType: 'image/png' });
    // Who added it is the owner's business, as in the alert's history.
    expect(listed.items[0]!.createdBy).toBeUndefined();
    expect(((await list(h.key('FRA'), shared)).json() as { items: { createdBy?: string }[] }).items[0]!.createdBy).toMatch(/^key:/);

    const got = await fetchPhoto(h.key('DEU', 'frontline'), shared, first);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['cache-control']).toBe('no-store');
    expect(got.headers['content-disposition']).toBe(`inline; filename="photo-${first}.png"; filename*=UTF-8''photo-${first}.png`);
    expect(got.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(Buffer.compare(got.rawPayload, original)).toBe(0);
  });

  it('trusts the bytes, not the declared type: a JPEG sent as image/png is stored as image/jpeg', async () => {
    const res = await upload(h.key('FRA'), shared, jpeg, 'image/png');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ contentType: 'image/jpeg' });
    expect((await fetchPhoto(h.key('FRA'), shared, (res.json() as { id: string }).id)).headers['content-type']).toBe('image/jpeg');
  });

  it('refuses other types with 415 naming what was received, and is audited', async () => {
    const disguised = await upload(h.key('FRA'), shared, gif, 'image/png');
    expect(disguised.statusCode).toBe(415);
    expect(disguised.headers['content-type']).toContain('application/problem+json');
    expect(disguised.json()).toMatchObject({ status: 415, code: 'photo.unsupported-type' });
    expect((disguised.json() as { detail: string }).detail).toContain('image/gif');

    const text = await upload(h.key('FRA'), shared, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/webp');
    expect(text.statusCode).toBe(415);
    expect((text.json() as { detail: string }).detail).toContain('not a recognised image');

    const declaredGif = await upload(h.key('FRA'), shared, gif, 'image/gif');
    expect(declaredGif.statusCode).toBe(415);
    expect((declaredGif.json() as { detail: string }).detail).toContain('image/gif');

    const json = await h.app.inject({ method: 'POST', url: `/api/v1/alerts/${shared}/photos`, headers: bearer(h.key('FRA')), payload: { photo: 'x' } });
    expect(json.statusCode).toBe(415);
    expect((json.json() as { detail: string }).detail).toContain('application/json');

    const refusals = await queryAudit(h.t.deps.db, { action: 'photo.add', limit: 50 });
    expect(refusals.filter((e) => e.outcome === 'photo.unsupported-type').length).toBeGreaterThanOrEqual(3);
  });

  it('takes photos above the API’s usual body limit up to 2 MiB, and refuses more with 413', async () => {
    const big = png(200, 200, true);
    expect(big.length).toBeGreaterThan(64 * 1024);
    expect((await upload(h.key('FRA'), shared, big)).statusCode).toBe(201);
    const tooLarge = Buffer.concat([original, Buffer.alloc(2 * 1024 * 1024)]);
    const res = await upload(h.key('FRA'), shared, tooLarge);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ status: 413, code: 'request.too-large' });
  });

  it('keeps at most 5 photos per alert', async () => {
    expect(await photoIds(h.key('FRA'), shared)).toHaveLength(3);
    expect((await upload(h.key('FRA'), shared, png(3, 3))).statusCode).toBe(201);
    expect((await upload(h.key('FRA'), shared, png(4, 4))).statusCode).toBe(201);
    const sixth = await upload(h.key('FRA'), shared, png(5, 5));
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json()).toMatchObject({ code: 'photo.limit' });
    expect(await photoIds(h.key('FRA'), shared)).toHaveLength(5);
  });

  it('lets only the owner’s bureau add photos, and to person alerts only', async () => {
    expect((await upload(h.key('DEU'), shared, original)).statusCode).toBe(403);
    // A role that may not change alerts is told so, whether or not it could see this one.
    expect((await upload(h.key('FRA', 'frontline'), hidden, original)).statusCode).toBe(403);
    expect((await upload(h.key('DEU', 'frontline'), shared, original)).statusCode).toBe(403);
    const document = await upload(h.key('FRA'), vehicleOrDocument, original);
    expect(document.statusCode).toBe(409);
    expect(document.json()).toMatchObject({ code: 'photo.person-only' });
  });

  it('answers a member that may not see the alert exactly as for a missing alert', async () => {
    const missing = await list(h.key('ITA'), MISSING);
    expect(missing.statusCode).toBe(404);
    for (const res of [await list(h.key('ITA'), shared), await fetchPhoto(h.key('ITA'), shared, first), await upload(h.key('ITA'), shared, original), await remove(h.key('ITA'), shared, first)]) {
      expect(res.statusCode).toBe(404);
      expect(withoutRequestId(res.body)).toEqual(withoutRequestId(missing.body));
    }
  });

  it('hides the photos of an alert hidden from the frontline from every frontline user, the owner’s own included', async () => {
    const added = await upload(h.key('FRA'), hidden, original);
    expect(added.statusCode).toBe(201);
    const photoId = (added.json() as { id: string }).id;
    expect((await list(h.key('DEU'), hidden)).statusCode).toBe(200);
    expect((await fetchPhoto(h.key('DEU'), hidden, photoId)).statusCode).toBe(200);
    const missing = await list(h.key('FRA', 'frontline'), MISSING);
    for (const key of [h.key('FRA', 'frontline'), h.key('DEU', 'frontline')]) {
      for (const res of [await list(key, hidden), await fetchPhoto(key, hidden, photoId)]) {
        expect(res.statusCode).toBe(404);
        expect(withoutRequestId(res.body)).toEqual(withoutRequestId(missing.body));
      }
    }
    expect((await list(h.key('DEU', 'frontline'), shared)).statusCode).toBe(200);
  });

  it('deletes a photo for the owner’s bureau only; reads are audited', async () => {
    expect((await remove(h.key('DEU'), shared, first)).statusCode).toBe(403);
    expect((await remove(h.key('FRA'), shared, first)).statusCode).toBe(204);
    expect((await remove(h.key('FRA'), shared, first)).statusCode).toBe(404);
    expect((await fetchPhoto(h.key('FRA'), shared, first)).statusCode).toBe(404);
    expect(await photoIds(h.key('FRA'), shared)).toHaveLength(4);
    expect((await upload(h.key('FRA'), shared, png(6, 6))).statusCode).toBe(201);

    for (const action of ['photo.add', 'photo.list', 'photo.read', 'photo.delete']) {
      const entries = await queryAudit(h.t.deps.db, { action, limit: 100 });
      expect(entries.some((e) => e.outcome === 'ok' && e.target === `alert:${shared}`)).toBe(true);
    }
  });

  it('documents the routes in the OpenAPI description', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, Record<string, { summary?: string }>> }>();
    expect(doc.paths['/api/v1/alerts/{id}/photos']?.post?.summary).toBeTruthy();
    expect(doc.paths['/api/v1/alerts/{id}/photos']?.get?.summary).toBeTruthy();
    expect(doc.paths['/api/v1/alerts/{id}/photos/{photoId}']?.get?.summary).toBeTruthy();
    expect(doc.paths['/api/v1/alerts/{id}/photos/{photoId}']?.delete?.summary).toBeTruthy();
  });
});
