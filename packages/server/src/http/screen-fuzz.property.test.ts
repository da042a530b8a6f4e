import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, httpHarness, type Harness } from '../../test/http-harness.js';

// Garbage must get a clear 4xx or an empty result: never a 500, never a hang.
describe('screening endpoints under garbage input', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await httpHarness('sqlite', [['DEU', 'frontline'], ['FRA', 'bureau']]);
    await h.app.inject({ method: 'POST', url: '/api/v1/alerts', headers: bearer(h.key('FRA')), payload: { kind: 'person', category: 'missing', person: { names: [{ family: 'ERIKSSON', given: 'ANNA' }] }, visibility: { mode: 'all' } } });
  });
  afterAll(async () => h.close());

  const name = fc.oneof(fc.string({ maxLength: 50 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('', ' ', '<<<', 'Муаммар', 'معمر', '毛泽东', '\u200b', 'a'.repeat(400)));
  const query = fc.record(
    {
      person: fc.record({ names: fc.array(fc.oneof(name, fc.record({ family: name, given: name })), { maxLength: 4 }), birthDate: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('1965-7-16', '1965-13-01', '0000', '1965')), sex: fc.string({ maxLength: 2 }), nationality: fc.string({ maxLength: 4 }) }, { requiredKeys: [] }),
      documents: fc.array(fc.record({ number: fc.string({ maxLength: 45 }), issuingState: fc.string({ maxLength: 4 }) }, { requiredKeys: [] }), { maxLength: 3 }),
      mrz: fc.oneof(fc.string({ maxLength: 120 }), fc.constantFrom('P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10')),
      vehicle: fc.record({ vin: fc.string({ maxLength: 20 }), plate: fc.string({ maxLength: 25 }), plateCountry: fc.string({ maxLength: 4 }) }, { requiredKeys: [] }),
      assets: fc.array(
        fc.oneof(
          fc.record({ iban: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('DE89 3704 0044 0532 0130 00', 'de88370400440532013000', 'XX00')) }),
          fc.record({ imo: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('IMO 9074729', '9074728')) }),
          fc.record({ wallet: fc.oneof(fc.string({ maxLength: 60 }), fc.record({ currency: fc.string({ maxLength: 4 }), address: fc.string({ maxLength: 60 }) })) }),
          fc.record({ cadastralReference: fc.string({ maxLength: 30 }), country: fc.string({ maxLength: 4 }) }, { requiredKeys: [] }),
          fc.record({ company: fc.record({ name, registrationNumber: fc.string({ maxLength: 20 }), country: fc.string({ maxLength: 4 }) }, { requiredKeys: [] }) }),
          fc.anything(),
        ),
        { maxLength: 4 },
      ),
    },
    { requiredKeys: [] },
  );

  it('answers every structured garbage query with 200 or a 4xx problem', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(query, fc.anything()), async (body) => {
        const started = Date.now();
        const res = await h.app.inject({ method: 'POST', url: '/api/v1/screen', headers: { ...bearer(h.key('DEU', 'frontline')), 'content-type': 'application/json' }, payload: JSON.stringify(body ?? null) });
        expect([200, 400, 413, 422]).toContain(res.statusCode);
        if (res.statusCode !== 200) expect(String(res.headers['content-type'])).toContain('application/problem+json');
        expect(Date.now() - started).toBeLessThan(2000);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a 10,000-character name naming the field, and screens an unknown script without error', async () => {
    const long = await h.app.inject({ method: 'POST', url: '/api/v1/screen', headers: bearer(h.key('DEU', 'frontline')), payload: { person: { names: ['x'.repeat(10_000)] } } });
    expect(long.statusCode).toBe(422);
    expect(long.json()).toMatchObject({ field: 'person.names.0' });
    const runic = await h.app.inject({ method: 'POST', url: '/api/v1/screen', headers: bearer(h.key('DEU', 'frontline')), payload: { person: { names: ['ᚠᚢᚦᚨᚱᚲ ᚷᚹᚺ'] } } });
    expect(runic.statusCode).toBe(200);
    expect(runic.json()).toMatchObject({ hits: [] });
  });

  it('answers a deeply nested body with a 4xx, not a crash', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/screen', headers: { ...bearer(h.key('DEU', 'frontline')), 'content-type': 'application/json' }, payload: deep });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });

  it('refuses a batch with too many names in all, before screening anything', async () => {
    const lines = Array.from({ length: 400 }, (_, i) => JSON.stringify({ id: String(i), person: { names: Array.from({ length: 9 }, () => 'Al') } })).join('\n');
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/screen/batch', headers: { ...bearer(h.key('DEU', 'frontline')), 'content-type': 'application/x-ndjson' }, payload: lines });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'batch.too-large' });
  });

  it('answers garbage batches with a 4xx naming what is wrong', async () => {
    const headers = { ...bearer(h.key('DEU', 'frontline')), 'content-type': 'text/csv' };
    const csv = await h.app.inject({ method: 'POST', url: '/api/v1/screen/batch', headers, payload: 'id,name\n"unterminated,x\n' });
    expect(csv.statusCode).toBe(422);
    expect(csv.json()).toMatchObject({ code: 'batch.invalid' });
    const lines = await h.app.inject({ method: 'POST', url: '/api/v1/screen/batch', headers: { ...headers, 'content-type': 'application/x-ndjson' }, payload: '{"id":"a"}\nnot json\n' });
    expect(lines.json()).toMatchObject({ code: 'batch.invalid', detail: expect.stringContaining('line 2') });
  });
});
