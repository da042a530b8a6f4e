import { findingListSchema, findingSchema } from '@crosscheck/core/api/schemas';
import { TAXII_MEDIA_TYPE, taxiiCollectionId } from '@crosscheck/core/chain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, as } from '../../../test/engines.js';
import { hex64, location, pngBytes, scanned, textFinding } from '../../../test/findings.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';
import { recordFindings } from '../../app/chain/record-findings.js';
import { queryAudit } from '../../store/audit-repo.js';

const MISSING = '019a0000-0000-7000-8000-000000000000';

describe.each(ENGINES)('blockchain findings over HTTP on %s', (engine) => {
  let h: Harness;
  let image = '';
  let onion = '';
  let shared = '';
  let big = '';
  const png = pngBytes('first image');
  beforeAll(async () => {
    h = await httpHarness(engine, [['FRA', 'bureau'], ['FRA', 'analyst'], ['FRA', 'frontline'], ['FRA', 'auditor'], ['DEU', 'bureau'], ['DEU', 'analyst'], ['ITA', 'analyst']]);
    const text = textFinding('backup of links http://example.test/list and abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion', { method: 'output-data' });
    const r = await recordFindings(h.t.deps, as('FRA', 'analyst'), [
      { finding: scanned(png, { method: 'ordinals', mediaType: 'image/png', declaredType: 'image/png', locations: [location('inscription', 780_000, { kind: 'input', index: 0, item: 0 })] }), content: png },
      text,
      { finding: scanned(Buffer.from('shared indicator'), { matches: [{ source: 'hash-list', name: 'bad.txt', on: 'payload' }], locations: [location('shared', 700_000)] }), content: Buffer.from('shared indicator') },
      // Bytes not handed over (a JSON-lines import): the finding stands, its content is not kept.
      { finding: scanned(Buffer.from('too big to keep'), { method: 'stamp', locations: [location('big', 900_000)] }) },
    ]);
    [image, onion, shared, big] = r.ids as [string, string, string, string];
  });
  // Ids are time-ordered to the millisecond; findings recorded in one call share it.
  const inOrder = (...list: string[]) => [...list].sort();
  afterAll(async () => h.close());

  const get = (key: string, url: string) => h.app.inject({ method: 'GET', url, headers: bearer(key) });
  const patch = (key: string, id: string, body: unknown) => h.app.inject({ method: 'PATCH', url: `/api/v1/chain/findings/${id}`, headers: bearer(key), payload: body as object });
  const ids = async (key: string, query = '') => {
    const res = await get(key, `/api/v1/chain/findings${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (findingListSchema.parse(res.json()).items).map((f) => f.id);
  };

  it('lists the member’s own findings with their locations, in the contract’s shape', async () => {
    const res = await get(h.key('FRA', 'analyst'), '/api/v1/chain/findings');
    expect(res.statusCode).toBe(200);
    const list = findingListSchema.parse(res.json());
    expect(list.items.map((f) => f.id)).toEqual(inOrder(image, onion, shared, big));
    const byId = new Map(list.items.map((f) => [f.id, f]));
    expect(byId.get(image)).toMatchObject({ method: 'ordinals', mediaType: 'image/png', owner: 'FRA', status: 'new', contentKept: true, visibility: { mode: 'only', members: [] } });
    expect(byId.get(image)!.locations).toEqual([location('inscription', 780_000, { kind: 'input', index: 0, item: 0 })]);
    expect(byId.get(big)).toMatchObject({ contentKept: false });
    expect(byId.get(big)!.notes.join(' ')).toContain('content not kept');
  });

  it('filters by method, media type prefix, status, matched, txid, hashes, heights and words', async () => {
    const key = h.key('FRA', 'bureau');
    expect(await ids(key, '?method=ordinals')).toEqual([image]);
    expect(await ids(key, '?mediaType=image/')).toEqual([image]);
    expect(await ids(key, '?mediaType=text/')).toEqual([onion]);
    expect(await ids(key, '?matched=true')).toEqual([shared]);
    expect(await ids(key, '?matched=false')).toEqual(inOrder(image, onion, big));
    expect(await ids(key, `?txid=${hex64('shared')}`)).toEqual([shared]);
    expect(await ids(key, `?sha256=${scanned(png).sha256.toUpperCase()}`)).toEqual([image]);
    expect(await ids(key, `?md5=${scanned(png).md5}`)).toEqual([image]);
    expect(await ids(key, '?minHeight=750000&maxHeight=850000')).toEqual(inOrder(image, onion));
    expect(await ids(key, '?text=EXAMPLE.test')).toEqual([onion]);
    expect(await ids(key, '?text=onion%20backup')).toEqual([onion]);
    expect(await ids(key, '?text=nothing-like-this')).toEqual([]);
    expect(await ids(key, '?status=known-bad')).toEqual([]);
    const bad = await get(key, '/api/v1/chain/findings?method=carrier-pigeon');
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ code: 'validation.invalid', field: 'method' });
  });

  it('pages with a cursor, never repeating or skipping a finding', async () => {
    const key = h.key('FRA', 'bureau');
    const seen: string[] = [];
    let cursor = '';
    for (let i = 0; i < 10; i++) {
      const page = findingListSchema.parse((await get(key, `/api/v1/chain/findings?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json());
      seen.push(...page.items.map((f) => f.id));
      if (!page.next) break;
      cursor = page.next;
    }
    expect(seen).toEqual(inOrder(image, onion, shared, big));
  });

  it('keeps a new finding with its owner; known-bad shares it as the visibility says, without the list itself', async () => {
    expect(await ids(h.key('DEU', 'analyst'))).toEqual([]);
    expect((await get(h.key('DEU', 'analyst'), `/api/v1/chain/findings/${shared}`)).statusCode).toBe(404);

    // A visibility alone shares nothing while the finding is new.
    expect((await patch(h.key('FRA', 'bureau'), shared, { visibility: { mode: 'only', members: ['DEU'] } })).statusCode).toBe(200);
    expect(await ids(h.key('DEU', 'analyst'))).toEqual([]);

    const res = await patch(h.key('FRA', 'analyst'), shared, { status: 'known-bad' });
    expect(res.statusCode, res.body).toBe(200);
    expect(findingSchema.parse(res.json())).toMatchObject({ status: 'known-bad', visibility: { mode: 'only', members: ['DEU'] } });

    expect(await ids(h.key('DEU', 'analyst'))).toEqual([shared]);
    const seen = await get(h.key('DEU', 'bureau'), `/api/v1/chain/findings/${shared}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ id: shared, owner: 'FRA', status: 'known-bad' });
    expect(seen.json()).not.toHaveProperty('visibility');

    // ITA is not in the list: the finding is absent for it, exactly like an unknown id.
    expect(await ids(h.key('ITA', 'analyst'))).toEqual([]);
    const hidden = await get(h.key('ITA', 'analyst'), `/api/v1/chain/findings/${shared}`);
    const unknown = await get(h.key('ITA', 'analyst'), `/api/v1/chain/findings/${MISSING}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toMatchObject({ code: 'finding.not-found' });
    const { requestId: _a, ...hiddenBody } = hidden.json() as Record<string, unknown>;
    const { requestId: _b, ...unknownBody } = unknown.json() as Record<string, unknown>;
    expect(hiddenBody).toEqual(unknownBody);
  });

  it('lets only the owner decide: a member that sees the finding gets 403, one that does not 404', async () => {
    const seer = await patch(h.key('DEU', 'bureau'), shared, { status: 'benign' });
    expect(seer.statusCode).toBe(403);
    expect(seer.json()).toMatchObject({ code: 'finding.not-owner' });
    expect((await patch(h.key('ITA', 'analyst'), shared, { status: 'benign' })).statusCode).toBe(404);
    expect((await patch(h.key('FRA', 'bureau'), shared, {})).statusCode).toBe(422);
    expect((await patch(h.key('FRA', 'bureau'), shared, { status: 'harmless' })).json()).toMatchObject({ field: 'status' });
  });

  it('reveals the bytes as a download only, and puts every reveal on the trail with the finding id', async () => {
    const res = await get(h.key('FRA', 'analyst'), `/api/v1/chain/findings/${image}/content`);
    expect(res.statusCode).toBe(200);
    expect(Buffer.compare(res.rawPayload, png)).toBe(0);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="finding-[0-9a-f]{64}\.bin"/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(res.headers['cache-control']).toBe('no-store');
    const entries = await queryAudit(h.t.deps.db, { action: 'finding.reveal', limit: 10 });
    expect(entries.find((e) => e.target === `finding:${image}` && e.outcome === 'ok')).toBeDefined();

    // Shared known-bad content may be revealed by the members it is shared with.
    expect((await get(h.key('DEU', 'bureau'), `/api/v1/chain/findings/${shared}/content`)).rawPayload.toString()).toBe('shared indicator');
    // Content that was not kept says so.
    const unkept = await get(h.key('FRA', 'analyst'), `/api/v1/chain/findings/${big}/content`);
    expect(unkept.statusCode).toBe(409);
    expect(unkept.json()).toMatchObject({ code: 'finding.content-not-kept' });
    // Hidden content is absent, like an unknown id.
    expect((await get(h.key('ITA', 'analyst'), `/api/v1/chain/findings/${image}/content`)).statusCode).toBe(404);
  });

  it('refuses roles without the chain permissions the same way whether the finding exists or not', async () => {
    for (const role of ['frontline', 'auditor'] as const) {
      const key = h.key('FRA', role);
      const list = await get(key, '/api/v1/chain/findings');
      expect(list.statusCode).toBe(403);
      expect(list.json()).toMatchObject({ code: 'access.forbidden' });
      const existing = await get(key, `/api/v1/chain/findings/${image}/content`);
      const missing = await get(key, `/api/v1/chain/findings/${MISSING}/content`);
      expect(existing.statusCode).toBe(403);
      const { requestId: _a, ...a } = existing.json() as Record<string, unknown>;
      const { requestId: _b, ...b } = missing.json() as Record<string, unknown>;
      expect(a).toEqual(b);
      expect(existing.rawPayload.includes(png)).toBe(false);
    }
    const refused = await queryAudit(h.t.deps.db, { action: 'finding.reveal', result: 'refused', limit: 20 });
    expect(refused.some((e) => e.target === `finding:${image}` && e.outcome === 'access.forbidden' && e.role === 'frontline')).toBe(true);
  });

  it('imports a scan’s JSON lines: identical bytes in two transactions are one finding with both locations', async () => {
    const bytes = Buffer.from('split archive part');
    const line = (tx: string, height: number) => JSON.stringify({ txid: hex64(tx), height, blockHash: hex64(`block ${height}`), ...scanned(bytes, { method: 'output-data', locations: [location(tx, height, { kind: 'outputs', first: 0, last: 206 })] }), content: bytes.toString('base64') });
    const post = (body: string) => h.app.inject({ method: 'POST', url: '/api/v1/chain/findings', headers: { ...bearer(h.key('DEU', 'analyst')), 'content-type': 'application/x-ndjson' }, payload: body });
    const res = await post(`${line('part one', 600_000)}\n\n${line('part two', 600_001)}\n`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ recorded: 1, merged: 1, locationsAdded: 2 });
    const id = (res.json() as { ids: string[] }).ids[0]!;
    const finding = findingSchema.parse((await get(h.key('DEU', 'analyst'), `/api/v1/chain/findings/${id}`)).json());
    expect(finding.locations.map((l) => l.height)).toEqual([600_000, 600_001]);
    expect(finding.contentKept).toBe(true);
    expect((await get(h.key('DEU', 'analyst'), `/api/v1/chain/findings/${id}/content`)).rawPayload.toString()).toBe('split archive part');
    // The same lines again add nothing.
    expect((await post(line('part one', 600_000))).json()).toMatchObject({ recorded: 0, merged: 1, locationsAdded: 0 });

    const broken = await post(`${line('part three', 600_002)}\n{"method":`);
    expect(broken.statusCode).toBe(422);
    expect(broken.json()).toMatchObject({ code: 'validation.invalid', field: 'line 2' });
    const lying = await post(JSON.stringify({ ...scanned(bytes), content: Buffer.from('other bytes').toString('base64') }));
    expect(lying.statusCode).toBe(422);
    expect(lying.json()).toMatchObject({ field: 'findings.0.content' });
    const longType = await post(JSON.stringify(scanned(Buffer.from('typed'), { mediaType: `text/${'x'.repeat(300)}` })));
    expect(longType.statusCode).toBe(422);
    expect(longType.json()).toMatchObject({ field: 'findings.0.mediaType' });
    const incomplete = await post(JSON.stringify({ method: 'op-return' }));
    expect(incomplete.statusCode).toBe(422);
    expect((incomplete.json() as { field: string }).field).toMatch(/^findings\.0\./);
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/chain/findings', headers: { ...bearer(h.key('FRA', 'frontline')), 'content-type': 'application/x-ndjson' }, payload: line('x', 1) })).statusCode).toBe(403);
  });

  it('refuses integers outside a 32-bit count naming the field, on every engine, before anything is stored', async () => {
    const post = (finding: unknown) => h.app.inject({ method: 'POST', url: '/api/v1/chain/findings', headers: { ...bearer(h.key('DEU', 'analyst')), 'content-type': 'application/x-ndjson' }, payload: JSON.stringify(finding) });
    const bytes = Buffer.from('out of range');
    const cases: [unknown, string][] = [
      [scanned(bytes, { size: -1 }), 'findings.0.size'],
      [scanned(bytes, { size: 3_000_000_000 }), 'findings.0.size'],
      [scanned(bytes, { locations: [location('far', 2_147_483_648)] }), 'findings.0.locations.0.height'],
      [scanned(bytes, { locations: [location('neg', 1, { kind: 'output', index: -3 })] }), 'findings.0.locations.0.place.index'],
      [scanned(bytes, { locations: [location('range', 1, { kind: 'outputs', first: 0, last: 4_000_000_000 })] }), 'findings.0.locations.0.place.last'],
      [scanned(bytes, { decoded: { encoding: 'gzip', size: -5, sha256: hex64('d'), md5: '0'.repeat(32), mediaType: null, capped: false } }), 'findings.0.decoded.size'],
    ];
    for (const [finding, field] of cases) {
      const res = await post(finding);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ field });
    }
    expect(await ids(h.key('DEU', 'analyst'), `?sha256=${scanned(bytes).sha256}`)).toEqual([]);
  });

  it('refuses an import from a role that may not record before reading its body, and audits the refusal', async () => {
    const refusals = async (f: (e: { role: string; member: string; outcome: string }) => boolean) => (await queryAudit(h.t.deps.db, { action: 'finding.record', result: 'refused', limit: 100 })).filter(f).length;
    const forbidden = (e: { role: string; outcome: string }) => e.role === 'frontline' && e.outcome === 'access.forbidden';
    const before = await refusals(forbidden);
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/chain/findings', headers: { ...bearer(h.key('FRA', 'frontline')), 'content-type': 'application/x-ndjson' }, payload: '{"method": not json\n[]' });
    expect(res.statusCode, res.body).toBe(403);
    expect(await refusals(forbidden)).toBe(before + 1);
    // A refused body from a role that may record is on the trail too.
    const invalid = (e: { member: string; outcome: string }) => e.member === 'ITA' && e.outcome === 'validation.invalid';
    const invalidBefore = await refusals(invalid);
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/chain/findings', headers: { ...bearer(h.key('ITA', 'analyst')), 'content-type': 'application/x-ndjson' }, payload: 'garbage' })).statusCode).toBe(422);
    expect(await refusals(invalid)).toBe(invalidBefore + 1);
  });

  it('lists and serves over TAXII the first 100 locations of a finding with its locationCount; the finding itself has them all', async () => {
    const bytes = Buffer.from('written in many places');
    const many = Array.from({ length: 150 }, (_, i) => location(`place ${i}`, 830_000 + i));
    const [id] = (await recordFindings(h.t.deps, as('ITA', 'analyst'), [{ finding: scanned(bytes, { locations: many }) }])).ids;
    const list = findingListSchema.parse((await get(h.key('ITA', 'analyst'), '/api/v1/chain/findings')).json());
    const listed = list.items.find((f) => f.id === id)!;
    expect(listed.locations).toEqual(many.slice(0, 100));
    expect(listed.locationCount).toBe(150);
    const one = findingSchema.parse((await get(h.key('ITA', 'analyst'), `/api/v1/chain/findings/${id}`)).json());
    expect(one.locations).toHaveLength(150);
    const taxii = await h.app.inject({ method: 'GET', url: `/taxii2/findings/collections/${taxiiCollectionId('ITA')}/objects/?match[type]=observed-data`, headers: { ...bearer(h.key('ITA', 'analyst')), accept: TAXII_MEDIA_TYPE } });
    expect(taxii.statusCode, taxii.body).toBe(200);
    const observed = (taxii.json() as { objects: { number_observed: number; extensions: Record<string, { locations: unknown[] }> }[] }).objects[0]!;
    expect(observed.number_observed).toBe(150);
    expect(Object.values(observed.extensions)[0]!.locations).toHaveLength(100);
  });

  it('refuses imported texts and lists over their limits, naming the field', async () => {
    const post = (finding: unknown) => h.app.inject({ method: 'POST', url: '/api/v1/chain/findings', headers: { ...bearer(h.key('DEU', 'analyst')), 'content-type': 'application/x-ndjson' }, payload: JSON.stringify(finding) });
    const bytes = Buffer.from('too much text');
    const text = { printableRatio: 1, language: 'en', urls: [], onions: [], preview: 'ok' };
    const cases: [unknown, RegExp][] = [
      [scanned(bytes, { text: { ...text, preview: 'x'.repeat(4_001) } }), /^findings\.0\.text\.preview$/],
      [scanned(bytes, { text: { ...text, urls: Array.from({ length: 101 }, (_, i) => `http://u${i}.test/`) } }), /^findings\.0\.text\.urls$/],
      [scanned(bytes, { text: { ...text, onions: ['o'.repeat(2_001)] } }), /^findings\.0\.text\.onions\.0$/],
      [scanned(bytes, { notes: Array.from({ length: 51 }, () => 'n') }), /^findings\.0\.notes$/],
      [scanned(bytes, { notes: ['n'.repeat(501)] }), /^findings\.0\.notes\.0$/],
      [scanned(bytes, { fields: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 1])) }), /^findings\.0\.fields/],
      [scanned(bytes, { fields: { big: 'v'.repeat(1_001) } }), /^findings\.0\.fields\.big$/],
      [scanned(bytes, { matches: Array.from({ length: 101 }, (_, i) => ({ source: 'yara' as const, name: `r${i}`, on: 'payload' as const })) }), /^findings\.0\.matches$/],
      [scanned(bytes, { matches: [{ source: 'yara', name: 'r'.repeat(201), on: 'payload' }] }), /^findings\.0\.matches\.0\.name$/],
      [scanned(bytes, { decoded: { encoding: 'e'.repeat(41), size: 1, sha256: hex64('d'), md5: '0'.repeat(32), mediaType: null, capped: false } }), /^findings\.0\.decoded\.encoding$/],
      [scanned(bytes, { declaredType: 't'.repeat(256) }), /^findings\.0\.declaredType$/],
      [scanned(bytes, { locations: Array.from({ length: 1_001 }, (_, i) => location('many', 1, { kind: 'output', index: i })) }), /^findings\.0\.locations$/],
    ];
    for (const [finding, field] of cases) {
      const res = await post(finding);
      expect(res.statusCode, res.body).toBe(422);
      expect((res.json() as { field: string }).field).toMatch(field);
    }
    expect(await ids(h.key('DEU', 'analyst'), `?sha256=${scanned(bytes).sha256}`)).toEqual([]);
  });
});
