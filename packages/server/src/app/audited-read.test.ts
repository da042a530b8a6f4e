import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, as, documentAlert, domainError, openTestDeps, type TestContext } from '../../test/engines.js';
import { queryAudit, verifyAuditChain } from '../store/audit-repo.js';
import { onWriteBatches } from '../store/store-deps.js';
import { createAlert } from './create-alert.js';
import { getAlert } from './get-alert.js';
import { screen } from './screen.js';
import { screenBatch } from './screen-batch.js';

// Use cases that read before they write: the reading is outside the write transaction, the
// refusals found while reading are still on the trail, and what is written lands with its entry.
describe.each(ENGINES)('reading before writing on %s', (engine) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await openTestDeps(engine);
  });
  afterEach(async () => t.close());

  const screenings = async () => (await t.deps.db.selectFrom('screenings').select('id').execute()).length;

  it('records a screening refused while reading, and writes no screening for it', async () => {
    expect((await domainError(screen(t.deps, as('DEU', 'auditor'), { documents: [{ number: 'X1' }] }))).kind).toBe('forbidden');
    expect((await domainError(screen(t.deps, as('DEU', 'frontline'), {}))).kind).toBe('validation');
    expect((await domainError(screenBatch(t.deps, as('DEU', 'frontline'), 'text/csv', 'not,a\n"csv'))).kind).toBe('validation');
    const entries = await queryAudit(t.deps.db, { member: 'DEU', limit: 10 });
    expect(entries.map((e) => [e.action, e.outcome]).reverse()).toEqual([
      ['screening.run', 'access.forbidden'],
      ['screening.run', 'validation.invalid'],
      ['screening.run-batch', 'batch.invalid'],
    ]);
    expect(await screenings()).toBe(0);
  });

  it('keeps an alert hidden from a member invisible, on the trail as not found', async () => {
    const hidden = await createAlert(t.deps, as('FRA'), documentAlert('FRA', 'H1', { mode: 'only', members: ['ESP'] }));
    expect((await domainError(getAlert(t.deps, as('DEU'), hidden.id))).kind).toBe('not-found');
    const [entry] = await queryAudit(t.deps.db, { member: 'DEU', limit: 1 });
    expect(entry).toMatchObject({ action: 'alert.read', target: `alert:${hidden.id}`, outcome: 'alert.not-found' });
  });

  it('writes the screenings of concurrent requests, each with its hit and entry, the chain intact', async () => {
    await createAlert(t.deps, as('FRA'), documentAlert('FRA', 'C1'));
    const batches: number[] = [];
    onWriteBatches(t.deps, (jobs) => batches.push(jobs));
    const results = await Promise.all(Array.from({ length: 8 }, () => screen(t.deps, as('DEU', 'frontline'), { documents: [{ number: 'C1', issuingState: 'FRA' }] })));
    expect(results.every((r) => r.hits.length === 1 && r.hits[0]!.hitId)).toBe(true);
    // One job each, however the batches fell.
    expect(batches.reduce((a, b) => a + b, 0)).toBe(8);
    const entries = await queryAudit(t.deps.db, { action: 'screening.run', limit: 20 });
    expect(entries.map((e) => e.target).sort()).toEqual(results.map((r) => `screening:${r.screeningId}`).sort());
    expect(await screenings()).toBe(8);
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });
});
