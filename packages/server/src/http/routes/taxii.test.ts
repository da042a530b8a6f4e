import { TAXII_MEDIA_TYPE, taxiiCollectionId, type StixObject } from '@crosscheck/core/chain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, as } from '../../../test/engines.js';
import { location, scanned } from '../../../test/findings.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';
import { stixValidators } from '../../../test/stix-schemas.js';
import { recordFindings } from '../../app/chain/record-findings.js';
import { TAXII_MAX_EXAMINED } from '../../app/chain/taxii-entries.js';
import { updateFinding } from '../../app/chain/update-finding.js';
import { queryAudit } from '../../store/audit-repo.js';

const schemas = stixValidators();
const TAXII = { accept: TAXII_MEDIA_TYPE };

interface Envelope {
  more: boolean;
  next?: string;
  objects?: StixObject[];
}

describe.each(ENGINES)('TAXII 2.1 over the findings on %s', (engine) => {
  let h: Harness;
  const fra: string[] = [];
  let exceptDeu = '';
  let later = '';
  beforeAll(async () => {
    h = await httpHarness(engine, [['FRA', 'analyst'], ['DEU', 'analyst'], ['ITA', 'bureau'], ['DEU', 'frontline']]);
    const items = Array.from({ length: 6 }, (_, i) => {
      const bytes = Buffer.from(`payload number ${i}`);
      return { finding: scanned(bytes, { locations: [location(`taxii ${i}`, 810_000 + i)] }), content: bytes };
    });
    fra.push(...(await recordFindings(h.t.deps, as('FRA', 'analyst'), items)).ids);
    // Three known-bad findings shared with DEU alone, one known-bad kept from DEU, one left new, one for later.
    for (const id of fra.slice(0, 3)) await updateFinding(h.t.deps, as('FRA', 'analyst'), id, { status: 'known-bad', visibility: { mode: 'only', members: ['DEU'] } });
    exceptDeu = fra[3]!;
    await updateFinding(h.t.deps, as('FRA', 'analyst'), exceptDeu, { status: 'known-bad', visibility: { mode: 'all-except', members: ['DEU'] } });
    later = fra[5]!;
    await recordFindings(h.t.deps, as('DEU', 'analyst'), [{ finding: scanned(Buffer.from('a finding of DEU')) }]);
  });
  afterAll(async () => h.close());

  const get = (key: string, url: string, headers: Record<string, string> = TAXII) => h.app.inject({ method: 'GET', url, headers: { ...bearer(key), ...headers } });
  const path = (url: string) => new URL(url).pathname;

  it('answers a TAXII client’s sequence: discovery, API root, collections, objects paged with next and added_after', async () => {
    const key = h.key('DEU', 'analyst');
    const discovery = await get(key, '/taxii2/');
    expect(discovery.statusCode, discovery.body).toBe(200);
    expect(discovery.headers['content-type']).toBe(TAXII_MEDIA_TYPE);
    expect(discovery.headers['cache-control']).toBe('no-store');
    const d = discovery.json() as { default: string; api_roots: string[] };
    expect(d.api_roots).toEqual([d.default]);

    const root = await get(key, path(d.api_roots[0]!));
    expect(root.statusCode).toBe(200);
    expect(root.json()).toMatchObject({ versions: [TAXII_MEDIA_TYPE] });

    const collections = await get(key, `${path(d.api_roots[0]!)}collections/`);
    expect(collections.statusCode).toBe(200);
    const list = (collections.json() as { collections: { id: string; can_read: boolean; can_write: boolean; media_types: string[] }[] }).collections;
    expect(list.map((c) => c.id).sort()).toEqual([taxiiCollectionId('FRA'), taxiiCollectionId('DEU')].sort());
    expect(list.every((c) => c.can_read && !c.can_write)).toBe(true);
    const collectionUrl = `${path(d.api_roots[0]!)}collections/${taxiiCollectionId('FRA')}/`;
    expect((await get(key, collectionUrl)).json()).toMatchObject({ id: taxiiCollectionId('FRA'), can_read: true, can_write: false });

    // Pages of four objects: the shared objects, then five per finding, never one twice.
    const objects: StixObject[] = [];
    let next: string | undefined;
    let pages = 0;
    let lastAdded = '';
    do {
      const res = await get(key, `${collectionUrl}objects/?limit=4${next ? `&next=${encodeURIComponent(next)}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe(TAXII_MEDIA_TYPE);
      const envelope = res.json() as Envelope;
      expect(envelope.objects!.length).toBeLessThanOrEqual(4);
      const first = res.headers['x-taxii-date-added-first'] as string;
      lastAdded = res.headers['x-taxii-date-added-last'] as string;
      expect(first <= lastAdded).toBe(true);
      objects.push(...envelope.objects!);
      next = envelope.more ? envelope.next : undefined;
      pages++;
    } while (next && pages < 50);
    expect(pages).toBeGreaterThan(3);
    expect(new Set(objects.map((o) => `${o.id}`)).size).toBe(objects.length);
    const indicators = objects.filter((o) => o.type === 'indicator');
    // What DEU may see of FRA: the three shared with it, not the one kept from it nor the new ones.
    expect(indicators).toHaveLength(3);
    expect(indicators.every((i) => (i.indicator_types as string[])[0] === 'malicious-activity')).toBe(true);
    const shaOf = (i: number) => scanned(Buffer.from(`payload number ${i}`)).sha256;
    expect(indicators.map((i) => i.pattern).sort()).toEqual([0, 1, 2].map((i) => `[file:hashes.'SHA-256' = '${shaOf(i)}']`).sort());
    expect(schemas.bundle({ type: 'bundle', id: 'bundle--6f1e1b7c-5d0a-5c3e-9a61-63726f737363', objects: objects.filter((o) => o.type !== 'extension-definition') })).toBe(true);

    // Nothing was added after the last page's last object…
    const none = await get(key, `${collectionUrl}objects/?added_after=${encodeURIComponent(lastAdded)}`);
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ more: false });
    expect(none.headers['x-taxii-date-added-first']).toBeUndefined();

    // …until FRA confirms another finding and shares it with DEU: only that finding's objects come.
    await new Promise((r) => setTimeout(r, 5));
    await updateFinding(h.t.deps, as('FRA', 'analyst'), later, { status: 'known-bad', visibility: { mode: 'all' } });
    const added = await get(key, `${collectionUrl}objects/?added_after=${encodeURIComponent(lastAdded)}`);
    const fresh = (added.json() as Envelope).objects!;
    expect(fresh.map((o) => o.type)).toEqual(['file', 'artifact', 'observed-data', 'indicator', 'relationship']);
    expect(fresh.find((o) => o.type === 'indicator')!.pattern).toBe(`[file:hashes.'SHA-256' = '${shaOf(5)}']`);
    expect(String(added.headers['x-taxii-date-added-first']) > lastAdded).toBe(true);

    // The manifest lists the same objects with their dates; one object is found by its id; a filter by type keeps indicators.
    const manifest = (await get(key, `${collectionUrl}manifest/?limit=1000`)).json() as { objects: { id: string; date_added: string; version: string; media_type: string }[] };
    const everything = ((await get(key, `${collectionUrl}objects/?limit=1000`)).json() as Envelope).objects!;
    expect(manifest.objects.map((m) => m.id)).toEqual(everything.map((o) => o.id));
    for (const [i, m] of manifest.objects.entries()) {
      expect(m.media_type).toBe('application/stix+json;version=2.1');
      expect(m.version).toBe(typeof everything[i]!.modified === 'string' ? everything[i]!.modified : m.date_added);
    }
    const indicator = everything.find((o) => o.type === 'indicator')!;
    const one = await get(key, `${collectionUrl}objects/${indicator.id}/`);
    expect(one.statusCode).toBe(200);
    expect((one.json() as Envelope).objects).toEqual([indicator]);
    expect((await get(key, `${collectionUrl}objects/indicator--00000000-0000-5000-8000-000000000000/`)).statusCode).toBe(404);
    const onlyIndicators = ((await get(key, `${collectionUrl}objects/?match[type]=indicator,relationship&limit=1000`)).json() as Envelope).objects!;
    expect(new Set(onlyIndicators.map((o) => o.type))).toEqual(new Set(['indicator', 'relationship']));
    expect(onlyIndicators).toHaveLength(8);

    const trail = await queryAudit(h.t.deps.db, { action: 'taxii.list-objects', member: 'DEU', limit: 50 });
    expect(trail.length).toBeGreaterThan(pages);
    expect(trail.every((e) => e.target === `taxii-collection:${taxiiCollectionId('FRA')}`)).toBe(true);
  });

  it('never shows a member another member’s restricted findings, nor a collection it may not read', async () => {
    const key = h.key('ITA', 'bureau');
    const list = (await get(key, '/taxii2/findings/collections/')).json() as { collections: { id: string }[] };
    // ITA sees FRA's finding kept from DEU (and the later one shared with all), and no DEU collection.
    expect(list.collections.map((c) => c.id)).toEqual([taxiiCollectionId('FRA')]);
    const objects = ((await get(key, `/taxii2/findings/collections/${taxiiCollectionId('FRA')}/objects/?limit=1000`)).json() as Envelope).objects!;
    const patterns = objects.filter((o) => o.type === 'indicator').map((o) => o.pattern);
    expect(patterns).toContain(`[file:hashes.'SHA-256' = '${scanned(Buffer.from('payload number 3')).sha256}']`);
    expect(patterns.some((p) => String(p).includes(scanned(Buffer.from('payload number 0')).sha256))).toBe(false);

    // DEU's collection is as unknown to ITA as an id that does not exist.
    const hidden = await get(key, `/taxii2/findings/collections/${taxiiCollectionId('DEU')}/objects/`);
    const unknown = await get(key, `/taxii2/findings/collections/${taxiiCollectionId('XXX')}/objects/`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.headers['content-type']).toBe(TAXII_MEDIA_TYPE);
    const strip = (b: Record<string, unknown>) => ({ ...b, error_id: '' });
    expect(strip(hidden.json())).toEqual(strip(unknown.json()));
    expect((await get(key, `/taxii2/findings/collections/${taxiiCollectionId('DEU')}/`)).statusCode).toBe(404);
  });

  it('negotiates the media type, refuses the roles without findings, and wants a key', async () => {
    const key = h.key('DEU', 'analyst');
    for (const accept of ['application/json', 'application/taxii+json;version=2.0', 'application/taxii+json;version=2.1;q=0']) {
      const res = await get(key, '/taxii2/', { accept });
      expect(res.statusCode, accept).toBe(406);
      expect(res.headers['content-type']).toBe(TAXII_MEDIA_TYPE);
      expect(res.json()).toMatchObject({ http_status: '406', error_code: 'taxii.not-acceptable' });
    }
    for (const accept of ['application/taxii+json', 'application/json, application/taxii+json;version=2.1', '*/*']) {
      expect((await get(key, '/taxii2/', { accept })).statusCode, accept).toBe(200);
    }
    const refusals = await queryAudit(h.t.deps.db, { action: 'taxii.discover', outcome: 'taxii.not-acceptable', limit: 10 });
    expect(refusals.length).toBeGreaterThanOrEqual(3);

    const frontline = await get(h.key('DEU', 'frontline'), '/taxii2/findings/collections/');
    expect(frontline.statusCode).toBe(403);
    expect(frontline.json()).toMatchObject({ http_status: '403', error_code: 'access.forbidden' });

    const anonymous = await h.app.inject({ method: 'GET', url: '/taxii2/', headers: TAXII });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toContain('Bearer');

    const badNext = await get(key, `/taxii2/findings/collections/${taxiiCollectionId('FRA')}/objects/?next=forged`);
    expect(badNext.statusCode).toBe(422);
    expect(badNext.json()).toMatchObject({ details: { field: 'next' } });
  });

  it('records on the trail which findings each objects or manifest page handed out', async () => {
    const key = h.key('DEU', 'analyst');
    const url = `/taxii2/findings/collections/${taxiiCollectionId('FRA')}/`;
    const shown = fra.slice(0, 3);
    for (const kind of ['objects', 'manifest']) {
      const res = await get(key, `${url}${kind}/?limit=1000`);
      expect(res.statusCode).toBe(200);
      const [entry] = await queryAudit(h.t.deps.db, { action: 'taxii.list-objects', member: 'DEU', limit: 1 });
      const detail = JSON.parse(entry!.detail) as { ids: string[] };
      // DEU sees FRA's three findings shared with it, and the later one shared with every member.
      expect([...detail.ids].sort(), kind).toEqual([...shown, later].sort());
    }
    const indicator = ((await get(key, `${url}objects/?match[type]=indicator&limit=1`)).json() as Envelope).objects![0]!;
    await get(key, `${url}objects/${indicator.id}/`);
    const [entry] = await queryAudit(h.t.deps.db, { action: 'taxii.list-objects', member: 'DEU', limit: 1 });
    expect((JSON.parse(entry!.detail) as { ids: string[] }).ids).toHaveLength(1);
  });

  it('accepts the standard version filters: all, first and last select the one version kept; only spec_version 2.1 has objects', async () => {
    const key = h.key('DEU', 'analyst');
    const url = `/taxii2/findings/collections/${taxiiCollectionId('FRA')}/`;
    const objects = async (query: string) => {
      const res = await get(key, `${url}objects/?limit=1000${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as Envelope).objects ?? [];
    };
    const everything = await objects('');
    expect(everything.length).toBeGreaterThan(0);
    for (const q of ['&match[version]=all', '&match[version]=last', '&match[version]=first', '&match[version]=first,last', '&match[spec_version]=2.1', '&match[spec_version]=2.0,2.1']) {
      expect(await objects(q), q).toEqual(everything);
    }
    expect(await objects('&match[spec_version]=2.0')).toEqual([]);
    const indicator = everything.find((o) => o.type === 'indicator')!;
    expect(await objects(`&match[version]=${encodeURIComponent(String(indicator.modified))}&match[type]=indicator`)).toContainEqual(indicator);
    expect(await objects('&match[version]=2001-01-01T00:00:00.000Z')).toEqual([]);
    const manifest = await get(key, `${url}manifest/?match[version]=last&match[spec_version]=2.1`);
    expect(manifest.statusCode, manifest.body).toBe(200);
    const one = await get(key, `${url}objects/${indicator.id}/?match[version]=all&match[spec_version]=2.1`);
    expect(one.statusCode, one.body).toBe(200);
    expect((one.json() as Envelope).objects).toEqual([indicator]);
    expect((await get(key, `${url}objects/?match[version]=someday`)).statusCode).toBe(422);
  });
});

describe.each(ENGINES)('TAXII over a collection larger than what one request reads, on %s', (engine) => {
  let h: Harness;
  const COUNT = TAXII_MAX_EXAMINED + 50;
  const url = `/taxii2/findings/collections/${taxiiCollectionId('ESP')}/`;
  beforeAll(async () => {
    h = await httpHarness(engine, [['ESP', 'analyst']]);
    const items = Array.from({ length: COUNT }, (_, i) => ({ finding: scanned(Buffer.from(`bulk ${i}`), { locations: [location(`bulk ${i}`, 820_000)] }) }));
    await recordFindings(h.t.deps, as('ESP', 'analyst'), items);
  }, 120_000);
  afterAll(async () => h.close());
  const get = async (path: string) => {
    const res = await h.app.inject({ method: 'GET', url: path, headers: { ...bearer(h.key('ESP', 'analyst')), ...TAXII } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Envelope;
  };

  it('reads at most a capped number of findings per request and says there is more, so a client paging on gets every object once', async () => {
    const first = await get(`${url}objects/?match[type]=indicator&limit=1000`);
    expect(first.objects).toHaveLength(TAXII_MAX_EXAMINED);
    expect(first.more).toBe(true);
    const second = await get(`${url}objects/?match[type]=indicator&limit=1000&next=${encodeURIComponent(first.next!)}`);
    expect(second.more).toBe(false);
    const all = [...first.objects!, ...second.objects!];
    expect(all).toHaveLength(COUNT);
    expect(new Set(all.map((o) => o.id)).size).toBe(COUNT);
    expect(all.every((o) => o.type === 'indicator')).toBe(true);
  }, 60_000);

  it('finds an object after the cap by following next; a filter no finding can meet answers at once, without more', async () => {
    const everything: StixObject[] = [];
    let next: string | undefined;
    do {
      const page = await get(`${url}objects/?match[type]=relationship&limit=1000${next ? `&next=${encodeURIComponent(next)}` : ''}`);
      everything.push(...(page.objects ?? []));
      next = page.more ? page.next : undefined;
    } while (next);
    const last = everything[everything.length - 1]!;
    const one = await get(`${url}objects/${last.id}/`);
    expect(one.objects ?? []).toEqual([]);
    expect(one.more).toBe(true);
    const found = await get(`${url}objects/${last.id}/?next=${encodeURIComponent(one.next!)}`);
    expect(found.objects).toEqual([last]);

    const identities = await get(`${url}objects/?match[type]=identity,extension-definition`);
    expect(identities.more).toBe(false);
    expect(identities.objects!.map((o) => o.type).sort()).toEqual(['extension-definition', 'identity', 'identity']);
  }, 60_000);
});
