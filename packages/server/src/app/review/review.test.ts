import type { ScreenHit } from '@crosscheck/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, as, domainError, openTestDeps, type TestContext } from '../../../test/engines.js';
import { cancelAlert } from '../cancel-alert.js';
import { createAlert } from '../create-alert.js';
import { exportAlerts } from '../export-alerts.js';
import { listChanges } from '../list-changes.js';
import { screenBatch } from '../screen-batch.js';
import { updateAlert } from '../update-alert.js';
import { decideReview } from './decide-review.js';
import { reviewQueue } from './review-queue.js';

const arrest = (description: string) => ({
  kind: 'person',
  category: 'arrest',
  person: { names: [{ family: 'LEBRUN', given: 'PAUL' }], birthDate: '1965-01-02' },
  offence: { description, maxSentenceYears: 10 },
  visibility: { mode: 'all' },
});
const reviewer = () => as('IPO', 'reviewer');
const approve = (t: TestContext, id: string) => decideReview(t.deps, reviewer(), id, { decision: 'approve', reason: 'meets the rules' });

describe.each(ENGINES)('review use cases on %s', (engine) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await openTestDeps(engine);
  });
  afterEach(async () => t.close());

  it('sends an approved alert back to review when a patch raises a flag the reviewer did not see', async () => {
    const alert = await createAlert(t.deps, as('FRA'), arrest('Armed robbery'));
    await approve(t, alert.id);
    const harmless = await updateAlert(t.deps, as('FRA'), alert.id, { action: 'Arrest and call the FRA bureau' });
    expect(harmless.status).toBe('active');
    const risky = await updateAlert(t.deps, as('FRA'), alert.id, { offence: { description: 'Armed robbery and desertion', maxSentenceYears: 10 } });
    expect(risky.status).toBe('pending-review');
    const queued = (await reviewQueue(t.deps, reviewer(), {})).items.find((i) => i.alert.id === alert.id);
    expect(queued?.flags.map((f) => f.code)).toEqual(['military']);
  });

  it('lets the owner correct an alert under review, which stays under review, but not cancel it', async () => {
    const alert = await createAlert(t.deps, as('FRA'), arrest('Armed robbery'));
    expect((await updateAlert(t.deps, as('FRA'), alert.id, { remarks: 'Seen in Lyon' })).status).toBe('pending-review');
    expect(await domainError(cancelAlert(t.deps, as('FRA'), alert.id, { reason: 'withdrawn' }))).toMatchObject({ kind: 'conflict' });
    expect(await domainError(updateAlert(t.deps, as('DEU'), alert.id, { remarks: 'x' }))).toMatchObject({ kind: 'not-found' });
  });

  it('lists the queue oldest first', async () => {
    const first = await createAlert(t.deps, as('FRA'), arrest('Armed robbery'));
    const second = await createAlert(t.deps, as('DEU'), arrest('Fraud'));
    expect((await reviewQueue(t.deps, reviewer(), {})).items.map((i) => i.alert.id)).toEqual([first.id, second.id]);
  });

  it('leaves alerts under review and rejected out of other members’ exports', async () => {
    const pending = await createAlert(t.deps, as('FRA'), arrest('Armed robbery'));
    const rejected = await createAlert(t.deps, as('FRA'), arrest('Fraud'));
    await decideReview(t.deps, reviewer(), rejected.id, { decision: 'reject', reason: 'no warrant attached' });
    const seen = async (member: string) => {
      const ids: string[] = [];
      await exportAlerts(t.deps, as(member), {}, (a) => ids.push(a.id));
      return ids;
    };
    expect(await seen('DEU')).toEqual([]);
    expect(await seen('FRA')).toEqual([pending.id, rejected.id]);
  });

  it('withdraws an alert hidden from the frontline from a frontline follower of the change feed', async () => {
    const alert = await createAlert(t.deps, as('FRA'), { kind: 'vehicle', vehicle: { vin: 'WVWZZZ1JZXW000001' }, visibility: { mode: 'all' } });
    const before = await listChanges(t.deps, as('DEU', 'frontline'), {});
    expect(before.items.map((c) => c.action)).toEqual(['created']);
    await updateAlert(t.deps, as('FRA'), alert.id, { hiddenFromFrontline: true });
    const frontline = await listChanges(t.deps, as('DEU', 'frontline'), { after: before.items[0]!.seq });
    expect(frontline.items.map((c) => c.action)).toEqual(['withdrawn']);
    // Read from the start, the superseded version is not shown at all: only the withdrawal.
    expect((await listChanges(t.deps, as('DEU', 'frontline'), {})).items.map((c) => c.action)).toEqual(['withdrawn']);
    const bureau = await listChanges(t.deps, as('DEU'), {});
    expect(bureau.items.map((c) => c.action)).toEqual(['created', 'updated']);
  });

  it('cuts discreet-check hits down for the frontline in a batch too', async () => {
    const alert = await createAlert(t.deps, as('FRA'), { kind: 'person', category: 'discreet-check', person: { names: [{ family: 'LEBRUN', given: 'PAUL' }], birthDate: '1965-01-02' }, action: 'Note the route', visibility: { mode: 'all' } });
    await (await t.deps.screeningIndex()).catchUp();
    const batch = [{ person: { names: ['Paul Lebrun'], birthDate: '1965-01-02' } }];
    const front = await screenBatch(t.deps, as('DEU', 'frontline'), 'application/json', batch);
    expect(front.items[0]).toMatchObject({ hits: [{ alertId: alert.id, category: 'discreet-check', action: 'discreet check: do not alert the person; report to your bureau' }] });
    expect((front.items[0] as { hits: ScreenHit[] }).hits[0]).not.toHaveProperty('score');
    const bureau = await screenBatch(t.deps, as('DEU'), 'application/json', batch);
    expect((bureau.items[0] as { hits: ScreenHit[] }).hits[0]).toMatchObject({ alertId: alert.id, action: 'Note the route', score: expect.any(Number) });
  });
});
