import type { Role } from '@crosscheck/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';

const CREDENTIALS: [string, Role][] = [
  ['FRA', 'bureau'],
  ['FRA', 'frontline'],
  ['DEU', 'bureau'],
  ['DEU', 'frontline'],
  ['ITA', 'bureau'],
  ['ITA', 'frontline'],
  ['IPO', 'reviewer'],
  ['DEU', 'reviewer'],
];

const arrest = (family: string, extra: Record<string, unknown> = {}, person: Record<string, unknown> = {}) => ({
  kind: 'person',
  category: 'arrest',
  person: { names: [{ family, given: 'JEAN' }], birthDate: '1970-05-04', sex: 'M', ...person },
  offence: { description: 'Armed robbery of a bank', maxSentenceYears: 20 },
  action: 'Arrest and inform the FRA bureau',
  visibility: { mode: 'all' },
  ...extra,
});

describe.each(ENGINES)('review and owners’ controls over HTTP on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await httpHarness(engine, CREDENTIALS);
  });
  afterAll(async () => h.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, member: string, role: Role = 'bureau', payload?: unknown) =>
    h.app.inject({ method, url, headers: bearer(h.key(member, role)), ...(payload !== undefined ? { payload: payload as object } : {}) });
  const publish = async (body: unknown, owner = 'FRA') => {
    const res = await call('POST', '/api/v1/alerts', owner, 'bureau', body);
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; status: string };
  };
  const decide = (id: string, decision: 'approve' | 'reject', member = 'IPO') =>
    call('POST', `/api/v1/review/${id}/decision`, member, 'reviewer', { decision, reason: `${decision === 'approve' ? 'approved' : 'rejected'} after checking the file` });
  const screenPerson = async (member: string, role: Role, family: string) => {
    // Screening may run up to MAX_LAG_MS behind the feed; these tests screen right after a write.
    await (await h.t.deps.screeningIndex()).catchUp();
    const res = await call('POST', '/api/v1/screen', member, role, { person: { names: [`JEAN ${family}`], birthDate: '1970-05-04' } });
    expect(res.statusCode).toBe(200);
    return (res.json() as { hits: Record<string, unknown>[] }).hits;
  };
  const listIds = async (member: string, role: Role = 'bureau') => ((await call('GET', '/api/v1/alerts?limit=500', member, role)).json() as { items: { id: string }[] }).items.map((a) => a.id);
  const changeIds = async (member: string) => ((await call('GET', '/api/v1/changes?limit=1000', member)).json() as { items: { alertId: string; action: string }[] }).items;
  const queue = async (member = 'IPO') => (await call('GET', '/api/v1/review', member, 'reviewer')).json() as { items: { alert: { id: string }; flags: { code: string; word?: string }[] }[] };

  it('keeps an arrest alert to its owner until a reviewer of the operator approves it, then DEU screens it', async () => {
    const alert = await publish(arrest('MARCHAND'));
    expect(alert.status).toBe('pending-review');
    expect((await call('GET', `/api/v1/alerts/${alert.id}`, 'FRA')).json()).toMatchObject({ status: 'pending-review' });

    expect((await call('GET', `/api/v1/alerts/${alert.id}`, 'DEU')).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/alerts/${alert.id}/history`, 'DEU')).statusCode).toBe(404);
    expect(await listIds('DEU')).not.toContain(alert.id);
    expect((await changeIds('DEU')).map((c) => c.alertId)).not.toContain(alert.id);
    expect(await screenPerson('DEU', 'frontline', 'MARCHAND')).toEqual([]);
    expect(await listIds('FRA')).toContain(alert.id);

    expect((await queue()).items.map((i) => i.alert.id)).toContain(alert.id);
    expect((await queue('DEU')).items).toEqual([]);
    expect((await decide(alert.id, 'approve', 'DEU')).statusCode).toBe(403);

    const approved = await decide(alert.id, 'approve');
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ alert: { id: alert.id, status: 'active' }, review: { decision: 'approved' } });
    expect((await decide(alert.id, 'reject')).statusCode).toBe(409);
    expect((await queue()).items.map((i) => i.alert.id)).not.toContain(alert.id);

    expect((await call('GET', `/api/v1/alerts/${alert.id}`, 'DEU')).json()).toMatchObject({ status: 'active' });
    expect(await listIds('DEU')).toContain(alert.id);
    expect((await changeIds('DEU')).filter((c) => c.alertId === alert.id).map((c) => c.action)).toEqual(['approved']);
    const hits = await screenPerson('DEU', 'frontline', 'MARCHAND');
    expect(hits.map((x) => x.alertId)).toEqual([alert.id]);
    expect(hits[0]).toMatchObject({ category: 'arrest', action: 'Arrest and inform the FRA bureau' });

    const history = (await call('GET', `/api/v1/alerts/${alert.id}/history`, 'DEU')).json() as { items: { action: string }[] };
    expect(history.items.map((v) => v.action)).toEqual(['approved']);

    const events = await h.t.deps.db.selectFrom('events').selectAll().where('member', '=', 'FRA').where('type', '=', 'review.decided').execute();
    expect(events.map((e) => JSON.parse(e.data))).toContainEqual({ alertId: alert.id, decision: 'approved', reason: 'approved after checking the file' });
    const reviews = await h.t.deps.db.selectFrom('alert_reviews').selectAll().where('alert_id', '=', alert.id).execute();
    expect(reviews.map((r) => [r.decision, r.reviewer_member])).toEqual([['approved', 'IPO']]);
  });

  it('keeps a rejected alert with its owner, with the reason, and tells the owner', async () => {
    const alert = await publish(arrest('REJETON'));
    const res = await decide(alert.id, 'reject');
    expect(res.json()).toMatchObject({ alert: { status: 'rejected', statusReason: 'rejected after checking the file' }, review: { decision: 'rejected' } });
    expect((await call('GET', `/api/v1/alerts/${alert.id}`, 'FRA')).json()).toMatchObject({ status: 'rejected' });
    expect((await call('GET', `/api/v1/alerts/${alert.id}`, 'DEU')).statusCode).toBe(404);
    expect(await listIds('DEU')).not.toContain(alert.id);
    expect(await screenPerson('DEU', 'frontline', 'REJETON')).toEqual([]);
    expect((await decide(alert.id, 'approve')).statusCode).toBe(409);
    const events = await h.t.deps.db.selectFrom('events').selectAll().where('member', '=', 'FRA').where('type', '=', 'review.decided').execute();
    expect(events.map((e) => JSON.parse(e.data))).toContainEqual({ alertId: alert.id, decision: 'rejected', reason: 'rejected after checking the file' });
  });

  it('requires a reason for a decision', async () => {
    const alert = await publish(arrest('SANSRAISON'));
    const res = await call('POST', `/api/v1/review/${alert.id}/decision`, 'IPO', 'reviewer', { decision: 'approve' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ field: 'reason' });
  });

  it('sends an active alert patched into a reviewed category back to review', async () => {
    const missing = await publish({ kind: 'person', category: 'missing', person: { names: [{ family: 'DETOUR', given: 'JEAN' }], birthDate: '1970-05-04' }, visibility: { mode: 'all' } });
    expect(missing.status).toBe('active');
    const patched = await call('PATCH', `/api/v1/alerts/${missing.id}`, 'FRA', 'bureau', { category: 'arrest' });
    expect(patched.json()).toMatchObject({ status: 'pending-review', category: 'arrest' });
    expect((await call('GET', `/api/v1/alerts/${missing.id}`, 'DEU')).statusCode).toBe(404);
    expect((await changeIds('DEU')).filter((c) => c.alertId === missing.id).map((c) => c.action)).toEqual(['created', 'withdrawn']);
    expect(await screenPerson('DEU', 'bureau', 'DETOUR')).toEqual([]);
  });

  it('shows the pre-check flags in the queue: a political offence, a refugee from the requesting member', async () => {
    const political = await publish(arrest('POLITIQUE', { offence: { description: 'Membre d’un parti politique interdit', maxSentenceYears: 5 } }));
    const refugee = await publish(arrest('REFUGIE', {}, { refugeeFrom: ['FRA'] }));
    const plain = await publish(arrest('ORDINAIRE'));
    const items = (await queue()).items;
    const flagsOf = (id: string) => items.find((i) => i.alert.id === id)?.flags.map((f) => `${f.code}:${f.word ?? ''}`);
    expect(flagsOf(political.id)).toEqual(['political:politique']);
    expect(flagsOf(refugee.id)).toEqual(['refugee-from-requester:']);
    expect(flagsOf(plain.id)).toEqual([]);
    const decided = (await decide(political.id, 'reject')).json() as { review: { flags: { code: string }[] } };
    expect(decided.review.flags.map((f) => f.code)).toEqual(['political']);
    const stored = await h.t.deps.db.selectFrom('alert_reviews').select('flags').where('alert_id', '=', political.id).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.flags)).toMatchObject([{ code: 'political', word: 'politique' }]);
  });

  it('hides an alert hidden from the frontline from every frontline user, the owner’s too, but not from bureaus', async () => {
    const alert = await publish({ kind: 'person', category: 'missing', person: { names: [{ family: 'CACHE', given: 'JEAN' }], birthDate: '1970-05-04' }, hiddenFromFrontline: true, visibility: { mode: 'all' } });
    for (const member of ['FRA', 'DEU']) {
      expect((await call('GET', `/api/v1/alerts/${alert.id}`, member, 'frontline')).statusCode).toBe(404);
      expect(await listIds(member, 'frontline')).not.toContain(alert.id);
      expect((await call('GET', `/api/v1/alerts/${alert.id}`, member)).statusCode).toBe(200);
      expect(await listIds(member)).toContain(alert.id);
    }
    expect(await screenPerson('DEU', 'frontline', 'CACHE')).toEqual([]);
    expect((await screenPerson('DEU', 'bureau', 'CACHE')).map((x) => x.alertId)).toEqual([alert.id]);
    // The owner still learns that the frontline met the person.
    const stored = await h.t.deps.db.selectFrom('hits').selectAll().where('alert_id', '=', alert.id).execute();
    expect(stored.map((s) => s.screening_member)).toEqual(['DEU', 'DEU']);
  });

  it('keeps alerts hidden from the frontline out of its change feed, and withdraws one it had been shown', async () => {
    const frontlineFeed = async (after = 0) => ((await call('GET', `/api/v1/changes?limit=1000&after=${after}`, 'DEU', 'frontline')).json() as { items: { seq: number; alertId: string; action: string }[] }).items;
    const hidden = await publish({ kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: '07FR55501', status: 'stolen-issued' }, hiddenFromFrontline: true, visibility: { mode: 'all' } });
    await call('PATCH', `/api/v1/alerts/${hidden.id}`, 'FRA', 'bureau', { remarks: 'still hidden' });
    expect((await frontlineFeed()).map((c) => c.alertId)).not.toContain(hidden.id);

    const shown = await publish({ kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: '07FR55502', status: 'stolen-issued' }, visibility: { mode: 'all' } });
    const seen = (await frontlineFeed()).filter((c) => c.alertId === shown.id);
    expect(seen.map((c) => c.action)).toEqual(['created']);
    await call('PATCH', `/api/v1/alerts/${shown.id}`, 'FRA', 'bureau', { hiddenFromFrontline: true });
    expect((await frontlineFeed(seen[0]!.seq)).filter((c) => c.alertId === shown.id).map((c) => c.action)).toEqual(['withdrawn']);
  });

  it('tells the frontline only the instruction of a discreet check; the bureau sees the whole hit', async () => {
    const alert = await publish({ kind: 'person', category: 'discreet-check', person: { names: [{ family: 'DISCRET', given: 'JEAN' }], birthDate: '1970-05-04', warnings: ['armed'] }, action: 'Note companions and route', sourceRef: 'fra-case:D-1', visibility: { mode: 'all' } });
    const [forFrontline] = await screenPerson('DEU', 'frontline', 'DISCRET');
    expect(forFrontline).toEqual({ access: 'instruction-only', hitId: expect.any(String), alertId: alert.id, kind: 'person', category: 'discreet-check', action: 'discreet check: do not alert the person; report to your bureau', owner: 'FRA' });
    const [forBureau] = await screenPerson('DEU', 'bureau', 'DISCRET');
    expect(forBureau).toMatchObject({ access: 'full', alertId: alert.id, action: 'Note companions and route', warnings: ['armed'], sourceRef: 'fra-case:D-1', score: expect.any(Number) });
  });

  it('shows DEU’s territory flag on DEU’s hits and reads, not on ITA’s; the owner sees every flag', async () => {
    const alert = await publish({ kind: 'person', category: 'missing', person: { names: [{ family: 'DRAPEAU', given: 'JEAN' }], birthDate: '1970-05-04' }, visibility: { mode: 'all' } });
    expect((await call('POST', `/api/v1/alerts/${alert.id}/flags`, 'DEU', 'frontline', { reason: 'x' })).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/alerts/${alert.id}/flags`, 'FRA', 'bureau', { reason: 'own' })).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/alerts/${alert.id}/flags`, 'DEU', 'bureau', { reason: 'first reason' })).statusCode).toBe(200);
    const res = await call('POST', `/api/v1/alerts/${alert.id}/flags`, 'DEU', 'bureau', { reason: 'Asylum proceedings pending in Germany' });
    const flag = { member: 'DEU', reason: 'Asylum proceedings pending in Germany', text: 'action not to be taken on the territory of DEU' };
    expect(res.json()).toMatchObject(flag);

    const [deuHit] = await screenPerson('DEU', 'frontline', 'DRAPEAU');
    expect(deuHit).toMatchObject({ alertId: alert.id, flag });
    const [itaHit] = await screenPerson('ITA', 'frontline', 'DRAPEAU');
    expect(itaHit).toMatchObject({ alertId: alert.id });
    expect(itaHit).not.toHaveProperty('flag');
    expect((await call('GET', `/api/v1/alerts/${alert.id}`, 'DEU', 'frontline')).json()).toMatchObject({ flag });
    expect((await call('GET', `/api/v1/alerts/${alert.id}`, 'ITA')).json()).not.toHaveProperty('flag');
    expect((await call('GET', `/api/v1/alerts/${alert.id}`, 'FRA')).json()).toMatchObject({ flags: [flag] });

    expect((await call('DELETE', `/api/v1/alerts/${alert.id}/flags`, 'DEU')).statusCode).toBe(204);
    expect((await call('DELETE', `/api/v1/alerts/${alert.id}/flags`, 'DEU')).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/alerts/${alert.id}`, 'FRA')).json()).toMatchObject({ flags: [] });
    const audit = await h.t.deps.db.selectFrom('audit_log').select(['action', 'outcome']).where('target', '=', `alert:${alert.id}`).where('action', 'in', ['alert.flag', 'alert.unflag']).execute();
    expect(audit.filter((a) => a.outcome === 'ok').map((a) => a.action)).toEqual(['alert.flag', 'alert.flag', 'alert.unflag']);
  });

  it('answers 404 for a flag on an alert the member cannot see', async () => {
    const pending = await publish(arrest('INVISIBLE'));
    expect((await call('POST', `/api/v1/alerts/${pending.id}/flags`, 'DEU', 'bureau', { reason: 'x' })).statusCode).toBe(404);
  });

  it('answers a decision on an alert the reviewer may not see as "not found", and shows reviewers no visibility list', async () => {
    const shared = await publish({ kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: '07FR00321', status: 'stolen-issued' }, visibility: { mode: 'only', members: ['DEU'] } });
    const missing = await decide('0190f0f0-0000-7000-8000-000000000000', 'approve');
    const probe = await decide(shared.id, 'approve');
    expect(probe.statusCode).toBe(404);
    expect(probe.json().code).toBe(missing.json().code);

    const pending = await publish(arrest('DISCRET', { visibility: { mode: 'all-except', members: ['ITA'] } }));
    const item = (await queue()).items.find((i) => i.alert.id === pending.id) as { alert: Record<string, unknown> };
    expect(item.alert.visibility).toBeUndefined();
  });

  it('sends an approved alert back to review when the person or the offence changes, not for its remarks', async () => {
    const alert = await publish(arrest('CHANGEANT'));
    expect((await decide(alert.id, 'approve')).statusCode).toBe(200);
    const remarks = await call('PATCH', `/api/v1/alerts/${alert.id}`, 'FRA', 'bureau', { remarks: 'seen in Lyon' });
    expect(remarks.json()).toMatchObject({ status: 'active' });
    const person = await call('PATCH', `/api/v1/alerts/${alert.id}`, 'FRA', 'bureau', { person: { names: [{ family: 'AUTRE', given: 'JEAN' }], birthDate: '1970-05-04', sex: 'M' } });
    expect(person.json()).toMatchObject({ status: 'pending-review' });
    expect((await call('GET', `/api/v1/alerts/${alert.id}`, 'DEU')).statusCode).toBe(404);
  });
});
