import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, as, readFull, listFull, domainError, documentAlert, openTestDeps, personAlert, type TestContext } from '../../test/engines.js';
import { alertHistory } from './alert-history.js';
import { cancelAlert } from './cancel-alert.js';
import { createAlert } from './create-alert.js';
import { getAlert } from './get-alert.js';
import { listAlerts } from './list-alerts.js';
import { listChanges } from './list-changes.js';
import { updateAlert } from './update-alert.js';
import { expireAlerts } from './expire-alerts.js';
import { queryAudit } from '../store/audit-repo.js';

describe.each(ENGINES)('alert lifecycle on %s', (engine) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await openTestDeps(engine);
  });
  afterEach(async () => t.close());

  it('publishes an alert owned by the caller, as version 1, and audits alert.create', async () => {
    const ctx = as('FRA');
    const alert = await createAlert(t.deps, ctx, documentAlert('FRA', '12AB34567'));
    expect(alert).toMatchObject({ owner: 'FRA', status: 'active', version: 1, kind: 'document' });
    const [entry] = await queryAudit(t.deps.db, { target: `alert:${alert.id}`, limit: 5 });
    expect(entry).toMatchObject({ action: 'alert.create', member: 'FRA', outcome: 'ok', requestId: ctx.requestId });
  });

  it('refuses a document of another issuing state, naming the field', async () => {
    const e = await domainError(createAlert(t.deps, as('FRA'), documentAlert('ITA', '1')));
    expect(e.code).toBe('document.not-issuer');
    expect(e.field).toBe('document.issuingState');
  });

  it('accepts Germany under its ICAO code D', async () => {
    const alert = await createAlert(t.deps, as('DEU'), documentAlert('D', 'C01X00T47'));
    expect(alert.owner).toBe('DEU');
  });

  it('refuses a visibility list naming an unknown member', async () => {
    const e = await domainError(createAlert(t.deps, as('FRA'), documentAlert('FRA', '1', { mode: 'only', members: ['DEU', 'ZZZ'] })));
    expect(e.field).toBe('visibility.members.1');
  });

  it('keeps every version: update and cancel make versions 2 and 3, history shows all', async () => {
    const a = await createAlert(t.deps, as('FRA'), personAlert('ERIKSSON'));
    const updated = await updateAlert(t.deps, as('FRA'), a.id, { remarks: 'seen in Lyon' });
    expect(updated).toMatchObject({ version: 2, remarks: 'seen in Lyon' });
    const cancelled = await cancelAlert(t.deps, as('FRA'), a.id, { reason: 'found' });
    expect(cancelled).toMatchObject({ version: 3, status: 'cancelled', statusReason: 'found' });
    const history = await alertHistory(t.deps, as('FRA'), a.id);
    expect(history.items.map((v) => [v.version, v.action, v.status])).toEqual([
      [1, 'created', 'active'],
      [2, 'updated', 'active'],
      [3, 'cancelled', 'cancelled'],
    ]);
    expect(history.items[0]!.alert).not.toHaveProperty('remarks');
  });

  it('never shows a member a past version that was hidden from it', async () => {
    const a = await createAlert(t.deps, as('DEU'), { kind: 'vehicle', vehicle: { plate: 'SECRET1', plateCountry: 'DEU' }, remarks: 'informant H.', visibility: { mode: 'only', members: [] } });
    await updateAlert(t.deps, as('DEU'), a.id, { remarks: null, visibility: { mode: 'all' } });
    const ita = await alertHistory(t.deps, as('ITA'), a.id);
    expect(ita.items.map((v) => v.version)).toEqual([2]);
    expect(JSON.stringify(ita)).not.toContain('informant');
    expect((await alertHistory(t.deps, as('DEU'), a.id)).items).toHaveLength(2);
  });

  it('shows the visibility list to the owner only', async () => {
    const a = await createAlert(t.deps, as('FRA'), documentAlert('FRA', '1', { mode: 'all-except', members: ['ITA'] }));
    expect(await readFull(t.deps, as('FRA'), a.id)).toHaveProperty('visibility');
    const seenByDeu = await getAlert(t.deps, as('DEU'), a.id);
    expect(seenByDeu).not.toHaveProperty('visibility');
    expect((await listAlerts(t.deps, as('DEU'), {})).items[0]).not.toHaveProperty('visibility');
    expect((await listChanges(t.deps, as('DEU'), {})).items[0]).not.toHaveProperty('alert.visibility');
  });

  it('refuses to change a cancelled alert', async () => {
    const a = await createAlert(t.deps, as('FRA'), personAlert('X'));
    await cancelAlert(t.deps, as('FRA'), a.id, { reason: 'error' });
    const e = await domainError(updateAlert(t.deps, as('FRA'), a.id, { remarks: 'again' }));
    expect(e.code).toBe('alert.not-active');
  });

  it('lets only the owner bureau change an alert: 403 for another member that sees it, 404 for one that does not', async () => {
    const a = await createAlert(t.deps, as('FRA'), documentAlert('FRA', '1', { mode: 'all-except', members: ['ITA'] }));
    expect((await domainError(updateAlert(t.deps, as('DEU'), a.id, { remarks: 'x' }))).kind).toBe('forbidden');
    expect((await domainError(updateAlert(t.deps, as('ITA'), a.id, { remarks: 'x' }))).kind).toBe('not-found');
    expect((await domainError(updateAlert(t.deps, as('FRA', 'frontline'), a.id, { remarks: 'x' }))).kind).toBe('forbidden');
  });

  it('records a refused read on the trail with its outcome', async () => {
    const a = await createAlert(t.deps, as('FRA'), documentAlert('FRA', '1', { mode: 'only', members: ['DEU'] }));
    await domainError(getAlert(t.deps, as('ITA'), a.id));
    const entries = await queryAudit(t.deps.db, { target: `alert:${a.id}`, action: 'alert.read', limit: 5 });
    expect(entries[0]).toMatchObject({ member: 'ITA', outcome: 'alert.not-found' });
  });

  it('rolls back a failed update completely: no new version, no change-feed entry', async () => {
    const a = await createAlert(t.deps, as('FRA'), documentAlert('FRA', '1'));
    await domainError(updateAlert(t.deps, as('FRA'), a.id, { visibility: { mode: 'only', members: ['QQQ'] } }));
    expect((await readFull(t.deps, as('FRA'), a.id)).version).toBe(1);
    expect((await listChanges(t.deps, as('FRA'), {})).items).toHaveLength(1);
  });

  it('lists with filters and pages through with a cursor without repeats', async () => {
    for (let i = 0; i < 7; i++) await createAlert(t.deps, as('FRA'), documentAlert('FRA', `N${i}`));
    await createAlert(t.deps, as('FRA'), personAlert('Müller'));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listAlerts>> = await listAlerts(t.deps, as('DEU'), { kind: 'document', limit: '3', ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((a) => a.id));
      cursor = page.next;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const found = await listAlerts(t.deps, as('DEU'), { text: 'muller' });
    expect(found.items).toHaveLength(1);
  });

  it('feeds every change in order, and tells a member when an alert is withdrawn from it', async () => {
    const a = await createAlert(t.deps, as('FRA'), documentAlert('FRA', '1'));
    await updateAlert(t.deps, as('FRA'), a.id, { visibility: { mode: 'all-except', members: ['ITA'] } });
    await updateAlert(t.deps, as('FRA'), a.id, { remarks: 'still hidden from ITA' });
    const fra = await listChanges(t.deps, as('FRA'), { after: '0' });
    expect(fra.items.map((c) => [c.version, c.action])).toEqual([
      [1, 'created'],
      [2, 'updated'],
      [3, 'updated'],
    ]);
    const seqs = fra.items.map((c) => c.seq);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    const ita = await listChanges(t.deps, as('ITA'), { after: '0' });
    expect(ita.items.map((c) => [c.version, c.action])).toEqual([
      [1, 'created'],
      [2, 'withdrawn'],
    ]);
    expect(ita.items[1]).not.toHaveProperty('alert');
  });

  it('expires an alert after its expiry date, as a new version on the feed', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    t.deps.clock = () => now;
    const a = await createAlert(t.deps, as('FRA'), { ...documentAlert('FRA', '1'), expiresAt: '2026-06-30' });
    expect(await expireAlerts(t.deps)).toBe(0);
    now = new Date('2026-07-01T00:00:01Z');
    expect(await expireAlerts(t.deps)).toBe(1);
    const after = await getAlert(t.deps, as('FRA'), a.id);
    expect(after).toMatchObject({ status: 'expired', version: 2 });
    expect(await expireAlerts(t.deps)).toBe(0);
  });
});
