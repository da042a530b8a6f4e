import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertDetailSchema, storedAlertSchema } from '@crosscheck/core/api/schemas';
import { ENGINES } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';

// The asset alerts' contract over HTTP: what a client posts, what it is told back.
describe.each(ENGINES)('asset alerts over HTTP on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await httpHarness(engine, [['DEU', 'bureau'], ['FRA', 'bureau'], ['ITA', 'bureau']]);
  });
  afterAll(async () => h.close());

  const post = (member: string, payload: object) => h.app.inject({ method: 'POST', url: '/api/v1/alerts', headers: bearer(h.key(member)), payload });
  const get = (member: string, id: string) => h.app.inject({ method: 'GET', url: `/api/v1/alerts/${id}`, headers: bearer(h.key(member)) });
  const asset = (body: object, extra: object = {}) => ({ kind: 'asset', category: 'asset-tracing', asset: body, visibility: { mode: 'all' }, ...extra });

  it('answers a wrong IBAN check digit with a 422 naming asset.iban and its code', async () => {
    const res = await post('DEU', asset({ type: 'bank-account', iban: 'DE88 3704 0044 0532 0130 00' }));
    expect(res.statusCode).toBe(422);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'validation.invalid', field: 'asset.iban', errors: [{ field: 'asset.iban', code: 'asset.iban-checksum' }] });
    const unknownCountry = await post('DEU', asset({ type: 'bank-account', iban: 'US64SVBKUS6S3300958879' }));
    expect(unknownCountry.json()).toMatchObject({ errors: [{ field: 'asset.iban', code: 'asset.iban-country' }] });
  });

  it('tells the doubts about a valid identifier in the 201, and links persons both ways', async () => {
    const person = await post('DEU', { kind: 'person', category: 'missing', person: { names: [{ family: 'ERIKSSON', given: 'ANNA' }] }, visibility: { mode: 'all' } });
    const personId = (person.json() as { id: string }).id;
    const res = await post('DEU', asset({ type: 'bank-account', iban: 'FR14 2004 1010 0505 0001 3M02 606', bic: 'DEUTDEFF' }, { persons: [personId] }));
    expect(res.statusCode).toBe(201);
    const created = res.json() as { id: string; warnings: unknown[] };
    expect(storedAlertSchema.parse(created)).toEqual(created);
    expect(created.warnings).toEqual([{ field: 'asset.bic', code: 'asset.bic-country-differs', message: expect.any(String) }]);

    const read = (await get('FRA', created.id)).json();
    expect(alertDetailSchema.parse(read)).toEqual(read);
    expect(read).toMatchObject({ persons: [personId], personAlerts: [{ id: personId, kind: 'person', subject: { kind: 'person', name: { family: 'ERIKSSON' } } }] });
    const fromPerson = (await get('ITA', personId)).json();
    expect(alertDetailSchema.parse(fromPerson)).toEqual(fromPerson);
    expect(fromPerson).toMatchObject({ assetAlerts: [{ id: created.id, subject: { kind: 'asset', assetType: 'bank-account', identifier: 'FR14 2004 1010 0505 0001 3M02 606' } }] });
  });

  it('refuses a person alert the writer may not read with the same 422 as an id that does not exist', async () => {
    const hidden = await post('DEU', { kind: 'person', category: 'missing', person: { names: [{ family: 'HIDDEN' }] }, visibility: { mode: 'only', members: ['FRA'] } });
    const hiddenId = (hidden.json() as { id: string }).id;
    const a = await post('ITA', asset({ type: 'vessel', imo: 'IMO 9074729', flag: 'MLT' }, { persons: [hiddenId] }));
    const b = await post('ITA', asset({ type: 'vessel', imo: 'IMO 9074729', flag: 'MLT' }, { persons: ['0190aaaa-0000-7000-8000-000000000000'] }));
    expect(a.statusCode).toBe(422);
    const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined, requestId: undefined });
    expect(strip(a.json())).toEqual(strip(b.json()));
    expect(a.json()).toMatchObject({ field: 'persons.0', errors: [{ field: 'persons.0', code: 'asset.reference' }] });
  });
});
