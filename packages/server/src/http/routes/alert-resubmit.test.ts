import type { Role } from '@crosscheck/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';

const CREDENTIALS: [string, Role][] = [
  ['FRA', 'bureau'],
  ['FRA', 'frontline'],
  ['FRA', 'analyst'],
  ['DEU', 'bureau'],
  ['IPO', 'bureau'],
  ['IPO', 'reviewer'],
];

const arrest = (family: string) => ({
  kind: 'person',
  category: 'arrest',
  person: { names: [{ family, given: 'LUC' }], birthDate: '1971-03-09', sex: 'M' },
  offence: { description: 'Robbery', maxSentenceYears: 12 },
  action: 'Arrest and inform the FRA bureau',
  visibility: { mode: 'all' },
});

// The reviewer's refusal says the owner needs the reason "to correct the alert": the owner
// corrects it and it goes back to review, with the rejection and the resubmission kept.
describe.each(ENGINES)('a rejected alert goes back to its owner on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await httpHarness(engine, CREDENTIALS);
  });
  afterAll(async () => h.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, member: string, role: Role = 'bureau', payload?: unknown) =>
    h.app.inject({ method, url, headers: bearer(h.key(member, role)), ...(payload !== undefined ? { payload: payload as object } : {}) });
  const rejected = async (family: string) => {
    const created = await call('POST', '/api/v1/alerts', 'FRA', 'bureau', arrest(family));
    expect(created.statusCode).toBe(201);
    const id = (created.json() as { id: string }).id;
    const refused = await call('POST', `/api/v1/review/${id}/decision`, 'IPO', 'reviewer', { decision: 'reject', reason: 'The warrant number is missing' });
    expect(refused.statusCode).toBe(200);
    return id;
  };
  const queueIds = async () => ((await call('GET', '/api/v1/review', 'IPO', 'reviewer')).json() as { items: { alert: { id: string } }[] }).items.map((i) => i.alert.id);

  it('lets the owner read the reason, correct the alert and send it back to the review queue, with its history', async () => {
    const id = await rejected('CORRIGE');
    expect(await queueIds()).not.toContain(id);
    expect((await call('GET', `/api/v1/alerts/${id}`, 'FRA')).json()).toMatchObject({ status: 'rejected', statusReason: 'The warrant number is missing' });

    const fixed = await call('PATCH', `/api/v1/alerts/${id}`, 'FRA', 'bureau', { person: { ...arrest('CORRIGE').person, arrest: { charge: 'Robbery', warrantReference: 'TJ-PARIS-2026-118' } } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const alert = fixed.json() as Record<string, unknown>;
    expect(alert).toMatchObject({ status: 'pending-review', person: { arrest: { warrantReference: 'TJ-PARIS-2026-118' } } });
    // The refusal's reason belonged to the rejected version; the new one waits for a new decision.
    expect(alert.statusReason).toBeUndefined();
    expect(await queueIds()).toContain(id);
    // The reviewer sees it was refused before, and why.
    const queued = ((await call('GET', '/api/v1/review', 'IPO', 'reviewer')).json() as { items: { alert: { id: string }; previousRejection?: { reason: string } }[] }).items.find((i) => i.alert.id === id);
    expect(queued?.previousRejection?.reason).toBe('The warrant number is missing');

    const history = (await call('GET', `/api/v1/alerts/${id}/history`, 'FRA')).json() as { items: { action: string; status: string; statusReason: string | null }[] };
    expect(history.items.map((v) => [v.action, v.status, v.statusReason])).toEqual([
      ['created', 'pending-review', null],
      ['rejected', 'rejected', 'The warrant number is missing'],
      ['resubmitted', 'pending-review', null],
    ]);
    const trail = await h.t.deps.db.selectFrom('audit_log').select(['action', 'member', 'outcome', 'detail']).where('target', '=', `alert:${id}`).where('action', 'in', ['review.decide', 'alert.update']).orderBy('seq').execute();
    expect(trail.map((e) => [e.action, e.member, e.outcome])).toEqual([
      ['review.decide', 'IPO', 'ok'],
      ['alert.update', 'FRA', 'ok'],
    ]);
    expect(JSON.parse(trail[0]!.detail)).toMatchObject({ decision: 'rejected' });
    expect(JSON.parse(trail[1]!.detail)).toMatchObject({ resubmitted: true, from: 'rejected', status: 'pending-review' });

    // Decided again, like any alert under review.
    const approved = await call('POST', `/api/v1/review/${id}/decision`, 'IPO', 'reviewer', { decision: 'approve', reason: 'Warrant now given' });
    expect(approved.json()).toMatchObject({ alert: { status: 'active' } });
    expect((await call('GET', `/api/v1/alerts/${id}`, 'DEU')).json()).toMatchObject({ status: 'active' });
  });

  it('refuses everyone but the owner’s bureau, exactly as for an alert that does not exist', async () => {
    const id = await rejected('AUTRUI');
    const missing = '00000000-0000-4000-8000-000000000000';
    const patch = { remarks: 'corrected' };
    for (const [member, role, status] of [
      ['DEU', 'bureau', 404],
      ['IPO', 'bureau', 404],
      ['IPO', 'reviewer', 403],
      ['FRA', 'frontline', 403],
      ['FRA', 'analyst', 403],
    ] as [string, Role, number][]) {
      const onRejected = await call('PATCH', `/api/v1/alerts/${id}`, member, role, patch);
      const onNothing = await call('PATCH', `/api/v1/alerts/${missing}`, member, role, patch);
      expect([member, role, onRejected.statusCode], onRejected.body).toEqual([member, role, status]);
      expect(onRejected.headers['content-type']).toMatch(/application\/problem\+json/);
      // Same answer as for no alert at all: nothing tells whether it exists, nor names its subject.
      const { instance: _a, requestId: _c, ...seen } = onRejected.json() as Record<string, unknown>;
      const { instance: _b, requestId: _d, ...none } = onNothing.json() as Record<string, unknown>;
      expect(seen).toEqual(none);
      expect(onRejected.body).not.toContain('AUTRUI');
    }
    const after = (await call('GET', `/api/v1/alerts/${id}`, 'FRA')).json() as Record<string, unknown>;
    expect([after.status, after.version, after.remarks]).toEqual(['rejected', 2, undefined]);
    expect(await queueIds()).not.toContain(id);
  });
});
