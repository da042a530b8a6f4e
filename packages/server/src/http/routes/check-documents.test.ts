import { MAX_CHECK_DOCUMENTS } from '@crosscheck/core';
import { documentCheckResponseSchema, hitDetailSchema, hitListSchema } from '@crosscheck/core/api/schemas';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { ENGINES, as, documentAlert } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';
import { createAlert } from '../../app/create-alert.js';
import { Limits } from '../../app/limits/limits.js';
import { defaultConfig } from '../../config.js';
import { queryAudit } from '../../store/audit-repo.js';
import { eventsAfter, eventsHead } from '../../store/event-repo.js';

const CHECK = '/api/v1/check/documents';
const passport = (number: string, issuingState = 'FRA') => ({ issuingState, number, type: 'passport' });

describe.each(ENGINES)('carrier checks over HTTP on %s', (engine) => {
  let h: Harness;
  // ESP's airline, checking passengers at Madrid: ESP's key of role carrier.
  let carrier: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    h = await httpHarness(engine, [['ESP', 'carrier'], ['FRA', 'bureau'], ['ESP', 'bureau'], ['DEU', 'bureau']]);
    carrier = h.key('ESP', 'carrier');
    ids.stolen = (await createAlert(h.t.deps, as('FRA'), documentAlert('FRA', '12AB34567'))).id;
    // Shared with DEU only: ESP's carrier must not learn of it.
    ids.hidden = (await createAlert(h.t.deps, as('FRA'), documentAlert('FRA', '99ZZ00001', { mode: 'only', members: ['DEU'] }))).id;
    // Hidden from the frontline: recorded for its owner, but the carrier hears nothing.
    ids.discreet = (await createAlert(h.t.deps, as('FRA'), { ...documentAlert('FRA', '77QQ00002'), hiddenFromFrontline: true })).id;
    // A person alert listing a passport: not a document alert, so not what a carrier checks.
    ids.person = (await createAlert(h.t.deps, as('FRA'), { kind: 'person', category: 'missing', person: { names: [{ family: 'MOREAU', given: 'ANNA' }], documents: [{ issuingState: 'FRA', type: 'passport', number: '55CC00003' }] }, visibility: { mode: 'all' } })).id;
  }, 60_000);
  afterAll(async () => h?.close());

  const check = (documents: unknown, key = carrier) => h.app.inject({ method: 'POST', url: CHECK, headers: bearer(key), payload: { documents } as object });
  const hitsOf = (alertId: string) => h.t.deps.db.selectFrom('hits').selectAll().where('alert_id', '=', alertId).execute();

  it('answers refer for a stolen passport and no-hit otherwise, in order, and nothing else', async () => {
    const res = await check([passport('00000000'), passport('12AB34567'), passport('12AB34567', 'DEU'), { issuingState: 'fra', number: ' 12 ab-34567 ', type: 'identity-card' }]);
    expect(res.statusCode).toBe(200);
    // Exactly the contract: no alert id, owner, category, score or reason anywhere in the answer.
    expect(res.json()).toEqual({ results: [{ result: 'no-hit' }, { result: 'refer' }, { result: 'no-hit' }, { result: 'refer' }] });
    documentCheckResponseSchema.parse(res.json());
    for (const leak of [ids.stolen!, 'FRA', 'stolen', 'score', 'reason', 'alert']) expect(res.body).not.toContain(leak);
  });

  it('answers no-hit for alerts the carrier’s member may not see, OCR look-alikes, person alerts and alerts hidden from the frontline', async () => {
    const res = await check([passport('99ZZ00001'), passport('12A834567'), passport('55CC00003'), passport('77QQ00002')]);
    expect(res.json()).toEqual({ results: [{ result: 'no-hit' }, { result: 'no-hit' }, { result: 'no-hit' }, { result: 'no-hit' }] });
    expect(await hitsOf(ids.hidden!)).toEqual([]);
    expect(await hitsOf(ids.person!)).toEqual([]);
    // The owner still learns that its document was presented, as with any screening, and the
    // carrier's bureau that its carrier was told nothing.
    const [discreet] = await hitsOf(ids.discreet!);
    expect(discreet).toMatchObject({ owner: 'FRA', screening_member: 'ESP', origin: 'carrier-check' });
    const notice = await h.t.deps.db.selectFrom('events').select('data').where('member', '=', 'ESP').where('type', '=', 'hit.carrier-check').where('data', 'like', `%${discreet!.id}%`).executeTakeFirstOrThrow();
    expect(JSON.parse(notice.data)).toMatchObject({ hitId: discreet!.id, result: 'no-hit' });
  });

  it('records a hit for the owner and a notice to the carrier’s bureau, both marked as a carrier check, and audits the request once with its counts', async () => {
    const head = await eventsHead(h.t.deps.db);
    const before = new Set((await hitsOf(ids.stolen!)).map((x) => x.id));
    expect((await check([passport('12AB34567'), passport('00000001')])).json().results.map((r: { result: string }) => r.result)).toEqual(['refer', 'no-hit']);
    const added = (await hitsOf(ids.stolen!)).filter((x) => !before.has(x.id));
    expect(added).toHaveLength(1);
    const newest = added[0]!;
    expect(newest).toMatchObject({ owner: 'FRA', screening_member: 'ESP', origin: 'carrier-check' });
    const screening = await h.t.deps.db.selectFrom('screenings').selectAll().where('id', '=', newest.screening_id).executeTakeFirstOrThrow();
    expect(screening).toMatchObject({ member: 'ESP', origin: 'carrier-check', hit_count: 1 });

    const owner = await eventsAfter(h.t.deps.db, 'FRA', head, 10);
    expect(owner.map((e) => [e.type, e.data.hitId, e.data.origin])).toEqual([['hit.created', newest.id, 'carrier-check']]);
    const home = await eventsAfter(h.t.deps.db, 'ESP', head, 10);
    expect(home.map((e) => e.type)).toEqual(['hit.carrier-check']);
    expect(home[0]!.data).toMatchObject({ hitId: newest.id, alertId: ids.stolen, owner: 'FRA', origin: 'carrier-check', result: 'refer', credential: expect.stringMatching(/^key:/) });

    // Both bureaus read the hit "from a carrier check"; the carrier itself reads nothing.
    for (const member of ['FRA', 'ESP']) {
      const detail = await h.app.inject({ method: 'GET', url: `/api/v1/hits/${newest.id}`, headers: bearer(h.key(member)) });
      expect(hitDetailSchema.parse(detail.json())).toMatchObject({ id: newest.id, origin: 'carrier-check', owner: 'FRA', screeningMember: 'ESP' });
      const list = hitListSchema.parse((await h.app.inject({ method: 'GET', url: '/api/v1/hits', headers: bearer(h.key(member)) })).json());
      expect(list.items.find((i) => i.id === newest.id)?.origin).toBe('carrier-check');
    }
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/hits/${newest.id}`, headers: bearer(carrier) })).statusCode).toBe(403);
    // A third member does not see the hit at all.
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/hits/${newest.id}`, headers: bearer(h.key('DEU')) })).statusCode).toBe(404);

    const [entry] = await queryAudit(h.t.deps.db, { action: 'carrier.check-documents', limit: 1 });
    expect(entry).toMatchObject({ member: 'ESP', role: 'carrier', outcome: 'ok', target: 'screenings' });
    expect(JSON.parse(String(entry!.detail))).toEqual({ documents: 2, refer: 1, hits: [newest.id] });
  });

  it('keeps only the screenings that found something: the other passengers’ documents are counted, not stored', async () => {
    const before = await h.t.deps.db.selectFrom('screenings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect((await check([passport('A0000001'), passport('A0000002'), passport('A0000003')])).statusCode).toBe(200);
    const after = await h.t.deps.db.selectFrom('screenings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it(`takes ${MAX_CHECK_DOCUMENTS} documents in one request (past the harness’s 64 KiB body limit) and refuses ${MAX_CHECK_DOCUMENTS + 1} naming the field`, async () => {
    const full = Array.from({ length: MAX_CHECK_DOCUMENTS }, (_, i) => ({ issuingState: 'FRA', number: `X${String(i).padStart(8, '0')}ABCDEFGHIJKLMNOPQRSTUVWXYZ01234`, type: 'residence-permit' }));
    full[MAX_CHECK_DOCUMENTS - 1] = passport('12AB34567');
    expect(JSON.stringify({ documents: full }).length).toBeGreaterThan(64 * 1024);
    const ok = await check(full);
    expect(ok.statusCode).toBe(200);
    const results = ok.json().results as { result: string }[];
    expect(results).toHaveLength(MAX_CHECK_DOCUMENTS);
    expect(results.filter((r) => r.result === 'refer')).toHaveLength(1);
    expect(results[MAX_CHECK_DOCUMENTS - 1]).toEqual({ result: 'refer' });

    const tooMany = await check([...full, passport('1')]);
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json()).toMatchObject({ code: 'validation.invalid', field: 'documents' });
  });

  it('refuses bad items with a 422 naming the item’s field, and an empty check', async () => {
    const cases: [unknown, string][] = [
      [[passport('1'), { issuingState: 'FRA', number: '1', type: 'boarding-pass' }], 'documents.1.type'],
      [[{ issuingState: 'FRA', type: 'passport' }], 'documents.0.number'],
      [[passport('1'), passport('2'), { issuingState: 'FRANCE', number: '3', type: 'passport' }], 'documents.2.issuingState'],
      [[{ ...passport('1'), holder: 'ANNA' }], 'documents.0.holder'],
      [[], 'documents'],
    ];
    for (const [documents, field] of cases) {
      const res = await check(documents);
      expect(res.statusCode, field).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().field, field).toBe(field);
    }
    const refused = await queryAudit(h.t.deps.db, { action: 'carrier.check-documents', limit: 50 });
    expect(refused.filter((e) => e.outcome === 'validation.invalid').length).toBeGreaterThanOrEqual(cases.length);
  });

  it('is documented in the OpenAPI document: its body with the limits, its answer with nothing but the results', async () => {
    type Json = Record<string, any>;
    const doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json() as Json;
    const op = doc.paths[CHECK].post as Json;
    const body = op.requestBody.content['application/json'].schema as Json;
    expect(body.properties.documents).toMatchObject({ minItems: 1, maxItems: MAX_CHECK_DOCUMENTS });
    expect(Object.keys(body.properties.documents.items.properties).sort()).toEqual(['issuingState', 'number', 'type']);
    const answer = op.responses['200'].content['application/json'].schema as Json;
    expect(Object.keys(answer.properties)).toEqual(['results']);
    expect(answer.properties.results.items).toMatchObject({ additionalProperties: false, properties: { result: { enum: ['refer', 'no-hit'] } } });
    expect(Object.keys(answer.properties.results.items.properties)).toEqual(['result']);
  });

  it('refuses every other role, with the permission in words', async () => {
    const res = await check([passport('12AB34567')], h.key('FRA'));
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe('your role (bureau) may not check travel documents for a carrier');
  });

  it('spends one screening request of the key’s rate per check, however many documents it holds', async () => {
    const saved = h.t.deps.limits;
    h.t.deps.limits = new Limits({ ...defaultConfig().limits, rate: { screenPerMinute: 2, writePerMinute: 100 } });
    try {
      const many = Array.from({ length: 500 }, (_, i) => passport(`R${i}`));
      expect((await check(many)).statusCode).toBe(200);
      expect((await check(many)).statusCode).toBe(200);
      const limited = await check([passport('R1')]);
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ code: 'rate.limited' });
    } finally {
      h.t.deps.limits = saved;
    }
  });
});

// The README's own example, against the demo data a first start has.
const readme = readFileSync(new URL('../../../../../README.md', import.meta.url), 'utf8');
const [, example, answer] = /## Carrier checks[\s\S]*?-d '(.*?)'[\s\S]*?\n(\{"results".*)\n/.exec(readme)!;

describe('the README’s carrier check', () => {
  it('answers as the README says on the demo data', async () => {
    const h = await httpHarness('sqlite', [['ESP', 'carrier']]);
    try {
      await seedDemo(h.t.deps);
      const res = await h.app.inject({ method: 'POST', url: CHECK, headers: { ...bearer(h.key('ESP', 'carrier')), 'content-type': 'application/json' }, payload: example! });
      expect(res.body).toBe(answer);
    } finally {
      await h.close();
    }
  }, 60_000);
});
