import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePaxlst } from '@crosscheck/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { D02B_TWO_LEGS, paxlstWithPassengers } from '../../../../core/src/paxlst/test-fixtures.js';
import { ENGINES, as } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';
import { createAlert } from '../../app/create-alert.js';
import { queryAudit } from '../../store/audit-repo.js';
import type { FlightReport } from '@crosscheck/core/api';
import { flightReportSchema } from '@crosscheck/core/api/schemas';

describe.each(ENGINES)('POST /api/v1/screen/flight on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await httpHarness(engine, [['DEU', 'frontline'], ['FRA', 'bureau'], ['DEU', 'auditor'], ['IPO', 'auditor']]);
    // Marie Dubois travels on a passport FRA reported stolen; Omar Hassan (born 1978) is reported missing by FRA.
    await createAlert(h.t.deps, as('FRA'), { kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: '14FR56789', status: 'stolen-issued' }, action: 'Seize the passport.', visibility: { mode: 'all' } });
    await createAlert(h.t.deps, as('FRA'), { kind: 'person', category: 'missing', person: { names: [{ family: 'HASSAN', given: 'OMAR' }], birthDate: '1978', sex: 'M' }, action: 'Report where he was seen to the FRA bureau.', visibility: { mode: 'all' } });
  });
  afterAll(async () => h.close());

  const post = (payload: string | object, type = 'application/edifact') =>
    h.app.inject({ method: 'POST', url: '/api/v1/screen/flight', headers: { ...bearer(h.key('DEU', 'frontline')), 'content-type': type }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });

  it('screens every traveller of the message and reports the flight, each traveller in message order with their hits, and a summary', async () => {
    const res = await post(D02B_TWO_LEGS);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as FlightReport;
    expect(flightReportSchema.parse(report)).toEqual(report);
    expect(report.flights[0]).toMatchObject({ designator: 'XX123', legs: [{ departure: { airport: 'CDG' }, arrival: { airport: 'KEF' } }, { departure: { airport: 'KEF' }, arrival: { airport: 'JFK' } }] });
    expect(report.travellers.map((t) => `${t.position} ${t.role} ${t.name.family}`)).toEqual(['1 passenger DUBOIS', '2 passenger NOWAK', '3 passenger HASSAN', '4 crew LARSEN', '5 crew SILVA']);
    const [dubois, nowak, hassan] = report.travellers;
    expect(dubois!.hits.map((x) => x.kind)).toEqual(['document']);
    expect(dubois!.hits[0]).toMatchObject({ owner: 'FRA', action: 'Seize the passport.' });
    expect(nowak!.hits).toEqual([]);
    expect(hassan!.hits[0]).toMatchObject({ kind: 'person', owner: 'FRA' });
    expect(report.summary).toEqual({ travellers: 5, passengers: 3, crew: 2, screened: 5, notScreened: 0, travellersWithHits: 2, hits: 2 });
    expect(report.warnings).toEqual([]);

    // The owner is told, as for any screening.
    const hits = (await h.app.inject({ method: 'GET', url: '/api/v1/hits', headers: bearer(h.key('FRA')) })).json() as { items: { id: string; screeningMember: string }[] };
    expect(hits.items.filter((x) => x.screeningMember === 'DEU')).toHaveLength(2);
    // Each result names its hit, which the owner sees as well.
    expect([dubois!.hits[0]!.hitId, hassan!.hits[0]!.hitId].every((id) => hits.items.some((x) => x.id === id))).toBe(true);
    const audit = await queryAudit(h.t.deps.db, { action: 'screening.run-flight', limit: 100 });
    expect(audit[0]).toMatchObject({ member: 'DEU', outcome: 'ok' });
  });

  it('screens a dirty message and names what is wrong with it as warnings, by segment', async () => {
    const dirty = D02B_TWO_LEGS.replace('CNT+42:3', 'CNT+42:9').replace('NAD+FL+++NOWAK', '\r\nNAD+FL+++NOWAK');
    const report = (await post(dirty, 'text/plain')).json() as FlightReport;
    expect(report.summary.travellers).toBe(5);
    const cnt = report.warnings.find((w) => /9/.test(w.message) && /3/.test(w.message));
    expect(cnt, JSON.stringify(report.warnings)).toBeDefined();
    expect(cnt!.segment).toBeGreaterThan(0);
  });

  it('takes the message in JSON too', async () => {
    const res = await post({ paxlst: D02B_TWO_LEGS }, 'application/json');
    expect(res.statusCode).toBe(200);
    expect((res.json() as FlightReport).summary.travellers).toBe(5);
  });

  it('refuses what is not a PAXLST message, naming the segment, and oversized input, as problem+json, on the audit trail', async () => {
    const garbage = await post('hello, this is not EDIFACT');
    expect(garbage.statusCode).toBe(422);
    expect(garbage.headers['content-type']).toContain('application/problem+json');
    expect(garbage.body).toMatch(/segment \d+/);
    const empty = await post({}, 'application/json');
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('paxlst');
    const huge = await post(`UNA:+.? '${'X'.repeat(5_100_000)}`);
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toContain('application/problem+json');
    const crowded = await post(paxlstWithPassengers(2001));
    expect(crowded.statusCode).toBe(413);
    expect(crowded.body).toContain('at most 2000 travellers');
    const refused = await queryAudit(h.t.deps.db, { action: 'screening.run-flight', limit: 100 });
    expect(refused.some((e) => e.outcome.startsWith('paxlst.'))).toBe(true);
  });

  it('is for the roles that screen', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/screen/flight', headers: { ...bearer(h.key('DEU', 'auditor')), 'content-type': 'application/edifact' }, payload: D02B_TWO_LEGS });
    expect(res.statusCode).toBe(403);
  });

  const real = fileURLToPath(new URL('../../../../../../shared/testdata/paxlst/', import.meta.url));
  it.skipIf(!existsSync(real))('screens every real message of ../shared/testdata/paxlst, one result per traveller the reader finds', async () => {
    const files = readdirSync(real).filter((f) => !/\.(md|json)$/i.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const bytes = readFileSync(real + f);
      let expected: number;
      try {
        expected = parsePaxlst(bytes).travellers.length;
      } catch {
        continue; // not a message the reader accepts (the folder holds expectations too)
      }
      const res = await h.app.inject({ method: 'POST', url: '/api/v1/screen/flight', headers: { ...bearer(h.key('DEU', 'frontline')), 'content-type': 'application/edifact' }, payload: bytes });
      expect(res.statusCode, `${f}: ${res.body.slice(0, 300)}`).toBe(200);
      expect((res.json() as FlightReport).travellers, f).toHaveLength(expected);
    }
  });
});
