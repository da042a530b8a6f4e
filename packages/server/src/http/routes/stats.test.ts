import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, as, documentAlert, personAlert } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';
import { createAlert } from '../../app/create-alert.js';
import type { DashboardStats } from '@crosscheck/core/api';
import { dashboardStatsSchema } from '@crosscheck/core/api/schemas';
import { screen } from '../../app/screen.js';
import { sendHitForm } from '../../app/hits/send-hit-form.js';

const count = (list: { kind: string; status: string; count: number }[], kind: string, status: string) => list.find((c) => c.kind === kind && c.status === status)?.count ?? 0;

describe.each(ENGINES)('dashboard statistics over HTTP on %s', (engine) => {
  let h: Harness;
  let now = new Date('2026-03-10T09:00:00.000Z');
  beforeAll(async () => {
    h = await httpHarness(engine, [['FRA', 'bureau'], ['FRA', 'analyst'], ['FRA', 'frontline'], ['FRA', 'admin'], ['DEU', 'bureau'], ['ESP', 'auditor'], ['ITA', 'reviewer']]);
    h.t.deps.clock = () => now;
  });
  afterAll(async () => h.close());

  const stats = async (key: string, query = '') => {
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/stats${query}`, headers: bearer(key) });
    expect(res.statusCode, res.body).toBe(200);
    // Every answer is exactly what the API contract (and so the OpenAPI description) states.
    const body = res.json<DashboardStats>();
    expect(dashboardStatsSchema.parse(body)).toEqual(body);
    return body;
  };

  it('counts alerts by kind and status over what the member may see, and its own apart', async () => {
    const before = await stats(h.key('FRA'));
    expect(before).toMatchObject({ member: 'FRA', days: 30, alerts: { visible: [], own: [] } });

    await createAlert(h.t.deps, as('FRA'), documentAlert('FRA', '12AB34567'));
    await createAlert(h.t.deps, as('FRA'), documentAlert('FRA', '12AB34568'));
    await createAlert(h.t.deps, as('DEU'), personAlert('MUELLER'));
    // Hidden from ITA, and one under review (DEU's only until approved).
    await createAlert(h.t.deps, as('DEU'), documentAlert('DEU', 'C01X00T47', { mode: 'all-except', members: ['ITA'] }));
    await createAlert(h.t.deps, as('DEU'), { ...personAlert('SCHMIDT'), category: 'arrest' });

    const fra = await stats(h.key('FRA', 'analyst'));
    expect(count(fra.alerts.visible, 'document', 'active')).toBe(3);
    expect(count(fra.alerts.visible, 'person', 'active')).toBe(1);
    expect(count(fra.alerts.visible, 'person', 'pending-review')).toBe(0);
    expect(fra.alerts.own).toEqual([{ kind: 'document', status: 'active', count: 2 }]);

    const ita = await stats(h.key('ITA', 'reviewer'));
    expect(count(ita.alerts.visible, 'document', 'active')).toBe(2);
    expect(ita.alerts.own).toEqual([]);

    const deu = await stats(h.key('DEU'));
    expect(count(deu.alerts.visible, 'person', 'pending-review')).toBe(1);
    expect(count(deu.alerts.own, 'document', 'active')).toBe(1);
    expect(count(deu.alerts.own, 'person', 'pending-review')).toBe(1);

    // A purged alert (its personal data replaced by a tombstone) is never counted, even by its owner.
    const purged = await h.t.deps.db.selectFrom('alerts').select('id').where('search_text', 'like', '%12ab34568%').executeTakeFirstOrThrow();
    await h.t.deps.db.updateTable('alerts').set({ status: 'expired', purged_at: now.toISOString() }).where('id', '=', purged.id).execute();
    const after = await stats(h.key('FRA'));
    expect(after.alerts.own).toEqual([{ kind: 'document', status: 'active', count: 1 }]);
    expect(count(after.alerts.visible, 'document', 'expired')).toBe(0);
  });

  it('gives hits per UTC day on our alerts and from our screenings, and by screening country', async () => {
    const stolen = { documents: [{ number: '12AB34567', issuingState: 'FRA' }] };
    now = new Date('2026-03-08T23:30:00.000Z');
    await screen(h.t.deps, as('DEU', 'frontline'), stolen);
    now = new Date('2026-03-10T08:00:00.000Z');
    await screen(h.t.deps, as('DEU', 'frontline'), stolen);
    await screen(h.t.deps, as('ESP', 'frontline'), stolen);
    // Long ago: outside a 30-day window, inside a 60-day one.
    now = new Date('2026-01-20T12:00:00.000Z');
    await screen(h.t.deps, as('ESP', 'frontline'), stolen);
    now = new Date('2026-03-10T09:00:00.000Z');

    const fra = await stats(h.key('FRA'), '?days=3');
    expect(fra.hits.from).toBe('2026-03-08T00:00:00.000Z');
    expect(fra.hits.perDay).toEqual([
      { day: '2026-03-08', onOurAlerts: 1, byOurScreening: 0 },
      { day: '2026-03-09', onOurAlerts: 0, byOurScreening: 0 },
      { day: '2026-03-10', onOurAlerts: 2, byOurScreening: 0 },
    ]);
    expect(fra.hits.totals).toEqual({ onOurAlerts: 3, byOurScreening: 0 });
    expect(fra.hits.byCountry).toEqual([
      { member: 'DEU', name: expect.stringContaining('Germany'), numeric: '276', alpha2: 'DE', count: 2 },
      { member: 'ESP', name: expect.stringContaining('Spain'), numeric: '724', alpha2: 'ES', count: 1 },
    ]);

    expect((await stats(h.key('FRA'))).hits.perDay).toHaveLength(30);
    const wide = await stats(h.key('FRA'), '?days=60');
    expect(wide.hits.totals.onOurAlerts).toBe(4);
    expect(wide.hits.byCountry.map((c) => [c.member, c.count])).toEqual([['DEU', 2], ['ESP', 2]]);

    const deu = await stats(h.key('DEU'), '?days=3');
    expect(deu.hits.totals).toEqual({ onOurAlerts: 0, byOurScreening: 2 });
    expect(deu.hits.byCountry).toEqual([]);

    // A member on neither side of a hit counts none of it.
    const ita = await stats(h.key('ITA', 'reviewer'), '?days=365');
    expect(ita.hits.totals).toEqual({ onOurAlerts: 0, byOurScreening: 0 });
  });

  it('lists a G form past its reply deadline to both bureaus, and to nobody else', async () => {
    const hit = await h.t.deps.db.selectFrom('hits').select(['id', 'alert_id']).where('screening_member', '=', 'DEU').orderBy('id').executeTakeFirstOrThrow();
    await sendHitForm(h.t.deps, as('DEU'), hit.id, { form: 'G', handlingCode: 'H1', text: 'Document seized at Frankfurt airport' });
    expect((await stats(h.key('FRA'))).overdue).toEqual({ total: 0, items: [] });

    now = new Date('2026-03-10T22:30:00.000Z');
    const fra = await stats(h.key('FRA'));
    expect(fra.overdue).toEqual({
      total: 1,
      items: [{ hitId: hit.id, alertId: hit.alert_id, form: 'G', dueAt: '2026-03-10T21:00:00.000Z', owed: 'by-us', otherMember: 'DEU', minutesLate: 90 }],
    });
    expect((await stats(h.key('DEU'))).overdue.items).toMatchObject([{ hitId: hit.id, owed: 'to-us', otherMember: 'FRA' }]);
    expect((await stats(h.key('ESP', 'auditor'))).overdue).toEqual({ total: 0, items: [] });

    // Answering stops the clock.
    await sendHitForm(h.t.deps, as('FRA'), hit.id, { form: 'M', handlingCode: 'H1', text: 'Thank you, we proceed.' });
    expect((await stats(h.key('FRA'))).overdue.total).toBe(0);
  });

  it('refuses roles without stats.read and a bad number of days, and audits the read', async () => {
    const get = (key: string, query = '') => h.app.inject({ method: 'GET', url: `/api/v1/stats${query}`, headers: bearer(key) });
    for (const role of ['frontline', 'admin'] as const) {
      const res = await get(h.key('FRA', role));
      expect(res.statusCode).toBe(403);
      expect(String(res.headers['content-type'])).toContain('application/problem+json');
    }
    for (const days of ['0', '366', '1.5', 'abc', '']) {
      const res = await get(h.key('FRA'), `?days=${days}`);
      expect(res.statusCode, days).toBe(422);
      expect(res.json()).toMatchObject({ field: 'days' });
    }
    expect((await get(h.key('FRA'), '?months=3')).statusCode).toBe(422);
    expect((await get(h.key('FRA'), '?days=365')).statusCode).toBe(200);

    const entries = await h.t.deps.db.selectFrom('audit_log').select(['member', 'outcome', 'detail']).where('action', '=', 'stats.read').orderBy('seq', 'desc').limit(2).execute();
    expect(entries.map((e) => [e.member, e.outcome, JSON.parse(e.detail)])).toEqual([['FRA', 'ok', { days: 365 }], ['FRA', 'validation.invalid', {}]]);
  });

  it('documents the route in the OpenAPI description', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, Record<string, { summary?: string; parameters?: { name: string }[] }>> }>();
    expect(doc.paths['/api/v1/stats']?.get?.summary).toBeTruthy();
    expect(doc.paths['/api/v1/stats']?.get?.parameters?.map((p) => p.name)).toContain('days');
  });
});
