import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, as, readFull, listFull, documentAlert, domainError, openTestDeps, type TestContext } from '../../../test/engines.js';
import { LinkFollower } from '../../links/link-follower.js';
import { queryAudit, verifyAuditChain } from '../../store/audit-repo.js';
import { eventsAfter } from '../../store/event-repo.js';
import { createAlert } from '../create-alert.js';
import { expireAlerts } from '../expire-alerts.js';
import { getAlert } from '../get-alert.js';
import { listAlerts } from '../list-alerts.js';
import { screen } from '../screen.js';
import { extendAlert } from './extend-alert.js';
import { listExpiringAlerts } from './list-expiring.js';
import { decideReview } from '../review/decide-review.js';
import { addPhoto } from '../photos/add-photo.js';

const wanted = {
  kind: 'person',
  category: 'missing',
  person: { names: [{ family: 'BRANDAUER', given: 'KLAUS' }], birthDate: '1961-03-09', documents: [{ issuingState: 'AUT', type: 'passport', number: 'P7781234' }] },
  visibility: { mode: 'all-except', members: ['ITA'] },
};
const search = { person: { names: ['Klaus Brandauer'], birthDate: '1961-03-09' } };

describe.each(ENGINES)('retention on %s', (engine) => {
  let t: TestContext;
  let now: Date;
  const at = (iso: string) => {
    now = new Date(iso);
  };
  beforeEach(async () => {
    now = new Date('2026-01-15T09:00:00Z');
    t = await openTestDeps(engine, () => now);
  });
  afterEach(async () => t.close());

  const eventsOf = async (member: string, type: string) => (await eventsAfter(t.deps.db, member, 0, 1000)).filter((e) => e.type === type).map((e) => e.data);

  it('sets the review date by kind: persons in 5 years, documents in 10', async () => {
    const person = await createAlert(t.deps, as('AUT'), wanted);
    const document = await createAlert(t.deps, as('AUT'), documentAlert('AUT', 'X1'));
    expect(person.reviewDate).toBe('2031-01-15');
    expect(document.reviewDate).toBe('2036-01-15');
    expect((await readFull(t.deps, as('AUT'), person.id)).reviewDate).toBe('2031-01-15');
  });

  it('warns the owner once, four months ahead, and lists the alert as expiring', async () => {
    const near = await createAlert(t.deps, as('AUT'), wanted);
    await createAlert(t.deps, as('AUT'), documentAlert('AUT', 'X1'));
    at('2030-09-14T12:00:00Z');
    await expireAlerts(t.deps);
    expect(await eventsOf('AUT', 'alert.expiring')).toEqual([]);
    at('2030-09-15T12:00:00Z');
    await expireAlerts(t.deps);
    await expireAlerts(t.deps);
    expect(await eventsOf('AUT', 'alert.expiring')).toEqual([{ alertId: near.id, reviewDate: '2031-01-15' }]);
    expect(await listExpiringAlerts(t.deps, as('AUT'))).toEqual({ items: [{ id: near.id, kind: 'person', category: 'missing', reviewDate: '2031-01-15' }] });
    expect((await listExpiringAlerts(t.deps, as('DEU'))).items).toEqual([]);
    const [entry] = await queryAudit(t.deps.db, { action: 'alert.warn-expiring', limit: 5 });
    expect(entry).toMatchObject({ member: 'AUT', role: 'system', target: `alert:${near.id}` });
  });

  it('expires the alert on its review date: it no longer hits, and the owner is told', async () => {
    const alert = await createAlert(t.deps, as('AUT'), wanted);
    expect((await screen(t.deps, as('DEU', 'frontline'), search)).hits.map((h) => h.alertId)).toEqual([alert.id]);
    at('2031-01-14T23:00:00Z');
    await expireAlerts(t.deps);
    expect((await readFull(t.deps, as('AUT'), alert.id)).status).toBe('active');
    at('2031-01-15T00:30:00Z');
    await expireAlerts(t.deps);
    expect(await readFull(t.deps, as('AUT'), alert.id)).toMatchObject({ status: 'expired', statusReason: 'review date 2031-01-15 passed', version: 2 });
    expect(await eventsOf('AUT', 'alert.expired')).toEqual([{ alertId: alert.id, reason: 'review date 2031-01-15 passed' }]);
    await (await t.deps.screeningIndex()).catchUp();
    expect((await screen(t.deps, as('DEU', 'frontline'), search)).hits).toEqual([]);
    expect((await screen(t.deps, as('DEU', 'frontline'), { documents: [{ issuingState: 'AUT', number: 'P7781234' }] })).hits).toEqual([]);
    expect((await listAlerts(t.deps, as('DEU'), { status: 'active' })).items).toEqual([]);
  });

  it('extends the review date with a recorded reason, and warns again before the new date', async () => {
    const alert = await createAlert(t.deps, as('AUT'), wanted);
    at('2030-12-01T08:00:00Z');
    await expireAlerts(t.deps);
    const extended = await extendAlert(t.deps, as('AUT'), alert.id, { reason: 'suspect still sought, warrant renewed' });
    expect(extended.reviewDate).toBe('2035-12-01');
    expect((await listExpiringAlerts(t.deps, as('AUT'))).items).toEqual([]);
    const [entry] = await queryAudit(t.deps.db, { action: 'alert.extend', limit: 1 });
    expect(entry).toMatchObject({ member: 'AUT', target: `alert:${alert.id}`, outcome: 'ok' });
    expect(JSON.parse(entry!.detail)).toEqual({ from: '2031-01-15', to: '2035-12-01', reason: 'suspect still sought, warrant renewed' });

    // A shorter extension, still inside the warning period: the owner is warned of the new date.
    await extendAlert(t.deps, as('AUT'), alert.id, { reason: 'one more month', reviewDate: '2031-02-15' });
    at('2031-01-15T08:00:00Z');
    await expireAlerts(t.deps);
    expect((await readFull(t.deps, as('AUT'), alert.id)).status).toBe('active');
    expect((await eventsOf('AUT', 'alert.expiring')).map((e) => e.reviewDate)).toEqual(['2031-01-15', '2031-02-15']);
  });

  it('refuses an extension without a reason, beyond the retention period, or by anyone but the owner', async () => {
    const alert = await createAlert(t.deps, as('AUT'), wanted);
    expect((await domainError(extendAlert(t.deps, as('AUT'), alert.id, {}))).kind).toBe('validation');
    expect((await domainError(extendAlert(t.deps, as('AUT'), alert.id, { reason: 'x', reviewDate: '2031-01-16' }))).code).toBe('review-date.too-late');
    expect((await domainError(extendAlert(t.deps, as('AUT'), alert.id, { reason: 'x', reviewDate: '2026-01-15' }))).code).toBe('review-date.not-future');
    expect((await domainError(extendAlert(t.deps, as('DEU'), alert.id, { reason: 'x' }))).kind).toBe('forbidden');
    const hidden = await domainError(extendAlert(t.deps, as('ITA'), alert.id, { reason: 'x' }));
    const missing = await domainError(extendAlert(t.deps, as('ITA'), '019a0000-0000-7000-8000-000000000000', { reason: 'x' }));
    expect([hidden.kind, hidden.message]).toEqual(['not-found', missing.message]);
    expect((await domainError(extendAlert(t.deps, as('AUT', 'frontline'), alert.id, { reason: 'x' }))).kind).toBe('forbidden');
    expect((await readFull(t.deps, as('AUT'), alert.id)).reviewDate).toBe('2031-01-15');
  });

  it('purges the personal data after the grace period, leaving a tombstone on a valid audit trail', async () => {
    const alert = await createAlert(t.deps, as('AUT'), wanted);
    // The start of a JFIF file is all the photo check needs to know a JPEG.
    await addPhoto(t.deps, as('AUT'), alert.id, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]), 'image/jpeg');
    await createAlert(t.deps, as('DEU'), { ...wanted, person: { ...wanted.person, names: [{ family: 'HUBER' }] }, visibility: { mode: 'all' } });
    await new LinkFollower(t.deps).catchUp();
    const { screeningId } = await screen(t.deps, as('DEU', 'frontline'), search);
    at('2031-01-15T08:00:00Z');
    await expireAlerts(t.deps);
    at('2031-02-10T08:00:00Z');
    await expireAlerts(t.deps);
    expect(JSON.stringify(await getAlert(t.deps, as('AUT'), alert.id))).toContain('BRANDAUER');
    at('2031-02-15T08:00:01Z');
    await expireAlerts(t.deps);
    await expireAlerts(t.deps);

    const purged = await readFull(t.deps, as('AUT'), alert.id);
    expect(purged).toMatchObject({ kind: 'person', category: 'missing', status: 'expired', visibility: { mode: 'all-except', members: ['ITA'] } });
    const rows = await t.deps.db.selectFrom('alert_versions').select('body').where('alert_id', '=', alert.id).execute();
    expect(rows).toHaveLength(2);
    for (const text of [JSON.stringify(purged), ...rows.map((r) => r.body)]) {
      expect(text).toContain('[purged]');
      for (const secret of ['BRANDAUER', 'KLAUS', '1961', 'P7781234']) expect(text).not.toContain(secret);
    }
    expect((await listAlerts(t.deps, as('AUT'), { text: 'brandauer' })).items).toEqual([]);
    const hits = await t.deps.db.selectFrom('hits').select('reasons').where('screening_id', '=', screeningId).where('alert_id', '=', alert.id).execute();
    expect(hits).toHaveLength(1);
    expect(JSON.parse(hits[0]!.reasons)).toEqual(['[purged]']);
    const links = await t.deps.db.selectFrom('identity_links').select('detail').execute();
    expect(links).toHaveLength(1);
    expect(JSON.parse(links[0]!.detail)).toEqual({ purged: true });
    expect(await t.deps.db.selectFrom('alert_photos').select('id').where('alert_id', '=', alert.id).execute()).toEqual([]);

    // The other holder of the passport reached its review date too: one tombstone each.
    const tombstones = (await queryAudit(t.deps.db, { action: 'alert.purge', limit: 10 })).filter((e) => e.target === `alert:${alert.id}`);
    expect(tombstones).toHaveLength(1);
    expect(tombstones[0]).toMatchObject({ target: `alert:${alert.id}`, role: 'system' });
    expect(JSON.parse(tombstones[0]!.detail)).toEqual({ kind: 'person', owner: 'AUT', status: 'expired', endedAt: '2031-01-15T08:00:00.000Z', purgedAt: '2031-02-15T08:00:01.000Z', photos: 1 });
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('neither warns about nor expires an alert still under review', async () => {
    const pending = await createAlert(t.deps, as('AUT'), { ...wanted, category: 'arrest', person: { ...wanted.person, arrest: { charge: 'fraud' } } });
    expect(pending.status).toBe('pending-review');
    at('2031-02-01T08:00:00Z');
    await expireAlerts(t.deps);
    expect((await readFull(t.deps, as('AUT'), pending.id)).status).toBe('pending-review');
    expect(await eventsOf('AUT', 'alert.expiring')).toEqual([]);
    expect(await eventsOf('AUT', 'alert.expired')).toEqual([]);
  });

  it('purges a request refused by review after the grace period too', async () => {
    const pending = await createAlert(t.deps, as('AUT'), { ...wanted, category: 'arrest', person: { ...wanted.person, arrest: { charge: 'insulting the head of state' } } });
    await decideReview(t.deps, as('IPO', 'reviewer'), pending.id, { decision: 'reject', reason: 'an offence of a political character' });
    at('2026-02-10T09:00:00Z');
    await expireAlerts(t.deps);
    expect(JSON.stringify(await getAlert(t.deps, as('AUT'), pending.id))).toContain('BRANDAUER');
    at('2026-02-16T09:00:00Z');
    await expireAlerts(t.deps);
    const purged = await readFull(t.deps, as('AUT'), pending.id);
    expect(purged.status).toBe('rejected');
    expect(JSON.stringify(purged)).not.toContain('BRANDAUER');
    const tombstone = (await queryAudit(t.deps.db, { action: 'alert.purge', limit: 10 })).find((e) => e.target === `alert:${pending.id}`);
    expect(JSON.parse(tombstone!.detail)).toMatchObject({ status: 'rejected' });
  });
});
