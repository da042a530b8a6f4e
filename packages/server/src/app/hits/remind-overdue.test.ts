import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, as, documentAlert, openTestDeps, type TestContext } from '../../../test/engines.js';
import { queryAudit } from '../../store/audit-repo.js';
import { eventsAfter } from '../../store/event-repo.js';
import { createAlert } from '../create-alert.js';
import { screen } from '../screen.js';
import { remindOverdueReplies } from './remind-overdue.js';
import { sendHitForm } from './send-hit-form.js';

describe.each(ENGINES)('overdue replies on %s', (engine) => {
  let t: TestContext;
  let now: Date;
  beforeEach(async () => {
    now = new Date('2026-03-01T08:00:00.000Z');
    t = await openTestDeps(engine, () => now);
  });
  afterEach(async () => t.close());

  const overdueEvents = async (member: string) =>
    (await eventsAfter(t.deps.db, member, 0, 100)).filter((e) => e.type === 'hit.updated' && e.data.overdue).map((e) => e.data as Record<string, any>);

  it('tells both bureaus once when the reply to a G form is 12 hours late, and nobody when it came in time', async () => {
    await createAlert(t.deps, as('FRA'), documentAlert('FRA', '12AB34567'));
    const r = await screen(t.deps, as('DEU', 'frontline'), { documents: [{ number: '12AB34567', issuingState: 'FRA' }] });
    const hit = await t.deps.db.selectFrom('hits').select(['id', 'alert_id']).where('screening_id', '=', r.screeningId).executeTakeFirstOrThrow();
    await sendHitForm(t.deps, as('DEU'), hit.id, { form: 'G', handlingCode: 'H1', text: 'Checked at the border.' });

    now = new Date('2026-03-01T19:59:00.000Z');
    expect(await remindOverdueReplies(t.deps)).toBe(0);
    now = new Date('2026-03-01T20:01:00.000Z');
    expect(await remindOverdueReplies(t.deps)).toBe(1);
    expect(await remindOverdueReplies(t.deps)).toBe(0);
    for (const member of ['FRA', 'DEU']) {
      const events = await overdueEvents(member);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ hitId: hit.id, alertId: hit.alert_id, overdue: { form: 'G', waitingFor: 'FRA', dueAt: '2026-03-01T20:00:00.000Z' } });
    }
    expect(await overdueEvents('ITA')).toEqual([]);
    expect((await queryAudit(t.deps.db, { action: 'hit.remind-overdue', limit: 10 })).map((e) => e.target)).toEqual([`hit:${hit.id}`]);

    // A second form answered in time raises nothing.
    await sendHitForm(t.deps, as('DEU'), hit.id, { form: 'H', handlingCode: 'H0', text: 'Cannot hold the person.', reason: 'no legal basis for detention' });
    now = new Date('2026-03-02T01:00:00.000Z');
    await sendHitForm(t.deps, as('FRA'), hit.id, { form: 'M', handlingCode: 'H0', text: 'Understood.' });
    now = new Date('2026-03-02T12:00:00.000Z');
    expect(await remindOverdueReplies(t.deps)).toBe(0);
  });
});
