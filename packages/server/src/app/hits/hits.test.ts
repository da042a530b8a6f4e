import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, as, documentAlert, domainError, openTestDeps, type TestContext } from '../../../test/engines.js';
import { queryAudit } from '../../store/audit-repo.js';
import { eventsAfter } from '../../store/event-repo.js';
import { createAlert } from '../create-alert.js';
import { screen } from '../screen.js';
import { getHit } from './get-hit.js';
import { listHits } from './list-hits.js';
import { recordHitOutcome } from './record-outcome.js';
import { sendHitForm } from './send-hit-form.js';

const HOUR = 3_600_000;

describe.each(ENGINES)('hits on %s', (engine) => {
  let t: TestContext;
  let now: Date;
  let hitId: string;
  let alertId: string;

  beforeEach(async () => {
    now = new Date('2026-03-01T08:00:00.000Z');
    t = await openTestDeps(engine, () => now);
    alertId = (await createAlert(t.deps, as('FRA'), documentAlert('FRA', '12AB34567'))).id;
    const r = await screen(t.deps, as('DEU', 'frontline'), { documents: [{ number: '12AB34567', issuingState: 'FRA' }] });
    const row = await t.deps.db.selectFrom('hits').select('id').where('screening_id', '=', r.screeningId).executeTakeFirstOrThrow();
    hitId = row.id;
  });
  afterEach(async () => t.close());

  it('shows the reasons of a hit recorded before reasons had codes as the sentences they were', async () => {
    await t.deps.db.updateTable('hits').set({ reasons: JSON.stringify(['document FRA 12AB34567: same number and issuing state']) }).where('id', '=', hitId).execute();
    expect((await getHit(t.deps, as('FRA'), hitId)).reasons).toEqual(['document FRA 12AB34567: same number and issuing state']);
    expect((await listHits(t.deps, as('DEU', 'frontline'), {})).items[0]!.reasons).toEqual(['document FRA 12AB34567: same number and issuing state']);
  });

  const later = (hours: number) => {
    now = new Date(now.getTime() + hours * HOUR);
  };

  it('shows a hit to the owner and the screening member, and to nobody else', async () => {
    const forOwner = await getHit(t.deps, as('FRA'), hitId);
    expect(forOwner).toMatchObject({ id: hitId, alertId, owner: 'FRA', screeningMember: 'DEU', score: 1, outcome: null, forms: [] });
    expect(forOwner.reasons).toEqual([{ code: 'document.same-number', number: '12AB34567', state: 'FRA' }]);
    // The screening officer is named to DEU only.
    expect(forOwner.screenedBy).toBeUndefined();
    expect((await getHit(t.deps, as('DEU', 'frontline'), hitId)).screenedBy).toBe('cli:test-DEU-frontline');

    expect((await listHits(t.deps, as('FRA'), {})).items.map((h) => h.id)).toEqual([hitId]);
    expect((await listHits(t.deps, as('DEU', 'frontline'), {})).items.map((h) => h.id)).toEqual([hitId]);
    expect(await listHits(t.deps, as('ITA'), {})).toEqual({ items: [], next: null });
    const hidden = await domainError(getHit(t.deps, as('ITA'), hitId));
    const missing = await domainError(getHit(t.deps, as('ITA'), 'no-such-hit'));
    expect([hidden.kind, hidden.code, hidden.message]).toEqual([missing.kind, missing.code, missing.message]);
    expect(hidden.kind).toBe('not-found');
  });

  it('pages newest first', async () => {
    const ids = [hitId];
    for (let i = 0; i < 2; i++) {
      await new Promise((r) => setTimeout(r, 3));
      const r = await screen(t.deps, as('DEU', 'frontline'), { documents: [{ number: '12AB34567', issuingState: 'FRA' }] });
      ids.unshift((await t.deps.db.selectFrom('hits').select('id').where('screening_id', '=', r.screeningId).executeTakeFirstOrThrow()).id);
    }
    const first = await listHits(t.deps, as('FRA'), { limit: '2' });
    expect(first.items.map((h) => h.id)).toEqual(ids.slice(0, 2));
    const second = await listHits(t.deps, as('FRA'), { limit: '2', after: first.next! });
    expect(second).toEqual({ items: [expect.objectContaining({ id: ids[2] })], next: null });
    expect((await listHits(t.deps, as('FRA'), { alertId })).items).toHaveLength(3);
    expect((await listHits(t.deps, as('FRA'), { alertId: 'another-alert' })).items).toEqual([]);
  });

  it('lets the screening member record the outcome, replaces it on a second record, and tells the owner', async () => {
    const first = await recordHitOutcome(t.deps, as('DEU', 'frontline'), hitId, { outcome: 'confirmed', note: 'same person' });
    expect(first.outcome).toEqual({ outcome: 'confirmed', note: 'same person', at: now.toISOString(), by: 'cli:test-DEU-frontline' });
    later(1);
    await recordHitOutcome(t.deps, as('DEU'), hitId, { outcome: 'action-taken', note: 'arrested' });
    expect((await getHit(t.deps, as('FRA'), hitId)).outcome).toEqual({ outcome: 'action-taken', note: 'arrested', at: now.toISOString() });

    const events = (await eventsAfter(t.deps.db, 'FRA', 0, 100)).filter((e) => e.type === 'hit.updated').map((e) => e.data);
    expect(events).toEqual([
      { hitId, alertId, outcome: 'confirmed' },
      { hitId, alertId, outcome: 'action-taken' },
    ]);
    expect(await queryAudit(t.deps.db, { action: 'hit.record-outcome', limit: 10 })).toHaveLength(2);
  });

  it('refuses the outcome from the owner and from a member on neither side', async () => {
    expect((await domainError(recordHitOutcome(t.deps, as('FRA'), hitId, { outcome: 'confirmed', note: 'x' }))).kind).toBe('forbidden');
    expect((await domainError(recordHitOutcome(t.deps, as('ITA'), hitId, { outcome: 'confirmed', note: 'x' }))).kind).toBe('not-found');
    expect((await domainError(recordHitOutcome(t.deps, as('DEU'), hitId, { outcome: 'arrested', note: 'x' }))).field).toBe('outcome');
    expect((await getHit(t.deps, as('FRA'), hitId)).outcome).toBeNull();
  });

  it('tracks the reply to a G form: overdue after 12 hours, cleared by the answer', async () => {
    const g = await sendHitForm(t.deps, as('DEU'), hitId, { form: 'G', handlingCode: 'H1', sourceGrade: 'A', infoGrade: '1', text: 'Subject checked at Frankfurt airport' });
    const dueAt = new Date(now.getTime() + 12 * HOUR).toISOString();
    expect(g).toMatchObject({ form: 'G', from: 'DEU', to: 'FRA', replyDueAt: dueAt, text: 'Subject checked at Frankfurt airport', reason: null });
    const toFra = (await eventsAfter(t.deps.db, 'FRA', 0, 100)).filter((e) => e.type === 'hit.updated').map((e) => e.data);
    expect(toFra).toEqual([{ hitId, alertId, form: 'G', formId: g.id }]);

    later(11);
    expect((await listHits(t.deps, as('FRA'), { overdue: 'true' })).items).toEqual([]);
    later(2);
    for (const member of ['FRA', 'DEU']) {
      const overdue = await listHits(t.deps, as(member), { overdue: 'true' });
      expect(overdue.items.map((h) => [h.id, h.overdue])).toEqual([[hitId, { form: 'G', dueAt, waitingFor: 'FRA' }]]);
    }
    expect((await listHits(t.deps, as('ITA'), { overdue: 'true' })).items).toEqual([]);

    const answer = await sendHitForm(t.deps, as('FRA'), hitId, { form: 'M', handlingCode: 'H1', text: 'Please proceed with the arrest' });
    expect(answer).toMatchObject({ from: 'FRA', to: 'DEU', replyDueAt: null });
    expect((await listHits(t.deps, as('FRA'), { overdue: 'true' })).items).toEqual([]);
    expect((await listHits(t.deps, as('DEU'), {})).items[0]!.overdue).toBeNull();
    const thread = await getHit(t.deps, as('DEU'), hitId);
    expect(thread.forms.map((f) => [f.form, f.from, f.replyDueAt])).toEqual([
      ['G', 'DEU', null],
      ['M', 'FRA', null],
    ]);
    expect((await queryAudit(t.deps.db, { action: 'hit.send-form', limit: 10 })).map((e) => e.outcome)).toEqual(['ok', 'ok']);
  });

  it('uses the configured reply time', async () => {
    t.deps.cooperation = { ...t.deps.cooperation, replyHours: 2 };
    const h = await sendHitForm(t.deps, as('FRA'), hitId, { form: 'H', handlingCode: 'H0', text: 'cannot act', reason: 'the offence is not punishable in France' });
    expect(h).toMatchObject({ from: 'FRA', to: 'DEU', reason: 'the offence is not punishable in France', replyDueAt: new Date(now.getTime() + 2 * HOUR).toISOString() });
  });

  it('refuses an H form without its reason, naming the field, and forms from outsiders or frontline', async () => {
    const e = await domainError(sendHitForm(t.deps, as('FRA'), hitId, { form: 'H', handlingCode: 'H0', text: 'cannot act' }));
    expect([e.kind, e.field]).toEqual(['validation', 'reason']);
    expect((await domainError(sendHitForm(t.deps, as('ITA'), hitId, { form: 'M', handlingCode: 'H0', text: 'hello' }))).kind).toBe('not-found');
    expect((await domainError(sendHitForm(t.deps, as('DEU', 'frontline'), hitId, { form: 'M', handlingCode: 'H0', text: 'hello' }))).kind).toBe('forbidden');
    expect((await getHit(t.deps, as('FRA'), hitId)).forms).toEqual([]);
  });
});
