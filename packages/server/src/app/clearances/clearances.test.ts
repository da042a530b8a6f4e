import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScreenResponse } from '@crosscheck/core/api';
import { ENGINES, as, documentAlert, domainError, openTestDeps, personAlert, type TestContext } from '../../../test/engines.js';
import { queryAudit } from '../../store/audit-repo.js';
import { eventsAfter } from '../../store/event-repo.js';
import { createAlert } from '../create-alert.js';
import { getHit } from '../hits/get-hit.js';
import { listHits } from '../hits/list-hits.js';
import { recordHitOutcome } from '../hits/record-outcome.js';
import { purgeExpiredAlerts } from '../retention/purge-expired.js';
import { screenBatch } from '../screen-batch.js';
import { screen } from '../screen.js';
import { updateAlert } from '../update-alert.js';
import { endClearanceBy } from './end-clearance.js';
import { getClearance, listClearances } from './list-clearances.js';

const HOUR = 3_600_000;

/** The traveller cleared: the stolen number on FRA's alert, typed one way… */
const TYPED = { documents: [{ number: '12AB34567', issuingState: 'FRA' }] };
/** …and another: lower case, spaces, a hyphen, the state in lower case. */
const RETYPED = { documents: [{ number: '12 ab-34567', issuingState: 'fra' }] };

describe.each(ENGINES)('cleared travellers on %s', (engine) => {
  let t: TestContext;
  let now: Date;
  let alertId: string;

  beforeEach(async () => {
    now = new Date('2026-03-01T08:00:00.000Z');
    t = await openTestDeps(engine, () => now);
    alertId = (await createAlert(t.deps, as('FRA'), documentAlert('FRA', '12AB34567'))).id;
  });
  afterEach(async () => t.close());

  const later = (hours: number) => {
    now = new Date(now.getTime() + hours * HOUR);
  };
  const hitOf = (r: ScreenResponse) => r.hits.find((h) => h.alertId === alertId)!;
  /** The hit.created events FRA's bureau received, by hit id. */
  const toldOwner = async () => (await eventsAfter(t.deps.db, 'FRA', 0, 1000)).filter((e) => e.type === 'hit.created').map((e) => e.data.hitId);
  const screenAndClear = async () => {
    const first = hitOf(await screen(t.deps, as('DEU', 'frontline'), TYPED));
    const detail = await recordHitOutcome(t.deps, as('DEU', 'frontline'), first.hitId!, { outcome: 'not-same-person', note: 'another holder, document checked' });
    const clearanceId = (await listClearances(t.deps, as('DEU'), {})).items[0]!.id;
    return { firstHit: first.hitId!, detail, clearanceId };
  };

  it('records the next hit of a cleared traveller without telling the owner, and says so to the screening member and the owner', async () => {
    const { firstHit, clearanceId } = await screenAndClear();
    expect(await toldOwner()).toEqual([firstHit]);
    later(2);

    const again = hitOf(await screen(t.deps, as('DEU', 'frontline'), RETYPED));
    expect(again.hitId).not.toBeNull();
    expect(again).toMatchObject({ access: 'full', clearedBefore: { clearanceId, at: '2026-03-01T08:00:00.000Z', member: 'DEU', memberAlpha2: 'DE' } });
    // Recorded (both sides see it), but FRA's bureau was not told.
    expect(await toldOwner()).toEqual([firstHit]);
    expect((await getHit(t.deps, as('FRA'), again.hitId!)).clearedBefore).toMatchObject({ clearanceId, member: 'DEU' });
    expect((await listHits(t.deps, as('DEU', 'frontline'), {})).items.find((h) => h.id === again.hitId)!.clearedBefore).toMatchObject({ clearanceId });
    // The first hit itself was not recorded under a clearance.
    expect((await getHit(t.deps, as('FRA'), firstHit)).clearedBefore).toBeUndefined();

    // A batch (and so a flight) goes through the same recording.
    const batch = await screenBatch(t.deps, as('DEU', 'frontline'), 'application/json', [RETYPED]);
    const item = batch.items[0]!;
    expect('hits' in item && item.hits[0]).toMatchObject({ clearedBefore: { clearanceId } });
    expect(await toldOwner()).toEqual([firstHit]);
    expect((await getClearance(t.deps, as('FRA'), clearanceId)).suppressed).toBe(2);
  });

  it('applies only to the clearing member’s own screenings, and only to the same traveller', async () => {
    await screenAndClear();
    const other = hitOf(await screen(t.deps, as('ITA', 'frontline'), TYPED));
    expect(other).not.toHaveProperty('clearedBefore');
    expect(await toldOwner()).toContain(other.hitId);
    const anotherDocument = hitOf(await screen(t.deps, as('DEU', 'frontline'), { documents: [{ number: '12AB34567', issuingState: 'BEL' }] }));
    // A different issuing state is a different document (a weaker hit on the same number, if any).
    if (anotherDocument) expect(await toldOwner()).toContain(anotherDocument.hitId);
  });

  it('ends with a new version of the alert: the owner is told again', async () => {
    const { clearanceId } = await screenAndClear();
    const suppressed = hitOf(await screen(t.deps, as('DEU', 'frontline'), TYPED));
    expect(await toldOwner()).not.toContain(suppressed.hitId);
    await updateAlert(t.deps, as('FRA'), alertId, { remarks: 'seen in Lyon' });
    const again = hitOf(await screen(t.deps, as('DEU', 'frontline'), TYPED));
    expect(again).not.toHaveProperty('clearedBefore');
    expect(await toldOwner()).toContain(again.hitId);
    expect(await getClearance(t.deps, as('DEU'), clearanceId)).toMatchObject({ status: 'superseded', canRevoke: false });
    expect((await listClearances(t.deps, as('FRA'), { status: 'active' })).items).toEqual([]);
    expect((await listClearances(t.deps, as('FRA'), { status: 'superseded' })).items.map((c) => c.id)).toEqual([clearanceId]);
  });

  it('ends with the owner’s objection, which the clearing member hears of', async () => {
    const { clearanceId, firstHit } = await screenAndClear();
    const suppressed = hitOf(await screen(t.deps, as('DEU', 'frontline'), TYPED));
    expect(await toldOwner()).not.toContain(suppressed.hitId);
    expect((await domainError(endClearanceBy(t.deps, as('DEU'), clearanceId, 'object', {}))).code).toBe('clearance.not-owner');
    // Objecting is the owner bureau's decision, not its frontline desk's.
    expect((await domainError(endClearanceBy(t.deps, as('FRA', 'frontline'), clearanceId, 'object', {}))).kind).toBe('forbidden');
    const objected = await endClearanceBy(t.deps, as('FRA'), clearanceId, 'object', { note: 'the number is on our watch list whoever holds it' });
    expect(objected).toMatchObject({ status: 'objected', endNote: 'the number is on our watch list whoever holds it', endedBy: 'cli:test-FRA-bureau', canObject: false });
    expect((await domainError(endClearanceBy(t.deps, as('FRA'), clearanceId, 'object', {}))).code).toBe('clearance.ended');
    expect((await eventsAfter(t.deps.db, 'DEU', 0, 100)).map((e) => [e.type, e.data])).toContainEqual(['hit.updated', { hitId: firstHit, alertId, clearanceId, clearance: 'objected' }]);

    const again = hitOf(await screen(t.deps, as('DEU', 'frontline'), TYPED));
    expect(again).not.toHaveProperty('clearedBefore');
    expect(await toldOwner()).toContain(again.hitId);
    // The clearing member sees the objection but not the owner's credential.
    expect(await getClearance(t.deps, as('DEU'), clearanceId)).not.toHaveProperty('endedBy');
  });

  it('is revoked by the clearing member only, and then the owner is told again', async () => {
    const { clearanceId } = await screenAndClear();
    expect(await getClearance(t.deps, as('DEU', 'frontline'), clearanceId)).toMatchObject({ canRevoke: true, canObject: false, clearedBy: 'cli:test-DEU-frontline' });
    expect(await getClearance(t.deps, as('FRA'), clearanceId)).toMatchObject({ canRevoke: false, canObject: true, traveller: 'FRA 12AB34567' });
    expect(await getClearance(t.deps, as('FRA'), clearanceId)).not.toHaveProperty('clearedBy');
    expect((await domainError(endClearanceBy(t.deps, as('FRA'), clearanceId, 'revoke', {}))).code).toBe('clearance.not-yours');
    expect(await endClearanceBy(t.deps, as('DEU', 'frontline'), clearanceId, 'revoke', {})).toMatchObject({ status: 'revoked', canRevoke: false });
    expect((await domainError(endClearanceBy(t.deps, as('DEU'), clearanceId, 'revoke', {}))).code).toBe('clearance.ended');
    const again = hitOf(await screen(t.deps, as('DEU', 'frontline'), TYPED));
    expect(await toldOwner()).toContain(again.hitId);
  });

  it('is withdrawn when the clearing member records another outcome on its hit', async () => {
    const { clearanceId, firstHit } = await screenAndClear();
    await recordHitOutcome(t.deps, as('DEU'), firstHit, { outcome: 'confirmed', note: 'on second look, it is' });
    expect((await getClearance(t.deps, as('DEU'), clearanceId)).status).toBe('withdrawn');
    const again = hitOf(await screen(t.deps, as('DEU', 'frontline'), TYPED));
    expect(await toldOwner()).toContain(again.hitId);
  });

  it('does not exist for anyone but the owner and the clearing member', async () => {
    const { clearanceId } = await screenAndClear();
    const missing = await domainError(getClearance(t.deps, as('ITA'), 'no-such-clearance'));
    for (const attempt of [getClearance(t.deps, as('ITA'), clearanceId), endClearanceBy(t.deps, as('ITA'), clearanceId, 'revoke', {}), endClearanceBy(t.deps, as('ITA'), clearanceId, 'object', {})]) {
      const refused = await domainError(attempt);
      expect([refused.kind, refused.code, refused.message]).toEqual([missing.kind, missing.code, missing.message]);
    }
    expect(missing.code).toBe('clearance.not-found');
    expect(await listClearances(t.deps, as('ITA'), {})).toEqual({ items: [], next: null });
    expect((await listClearances(t.deps, as('FRA'), { side: 'on-my-alerts' })).items.map((c) => c.id)).toEqual([clearanceId]);
    expect((await listClearances(t.deps, as('FRA'), { side: 'mine' })).items).toEqual([]);
  });

  it('is not shown to a frontline user where the hit is not (an alert hidden from the frontline)', async () => {
    const hidden = (await createAlert(t.deps, as('FRA'), { ...documentAlert('FRA', '77HID0001'), hiddenFromFrontline: true })).id;
    const r = await screen(t.deps, as('DEU'), { documents: [{ number: '77HID0001', issuingState: 'FRA' }] });
    await recordHitOutcome(t.deps, as('DEU'), r.hits.find((h) => h.alertId === hidden)!.hitId!, { outcome: 'not-same-person', note: 'other holder' });
    const [clearance] = (await listClearances(t.deps, as('DEU'), {})).items;
    expect(clearance).toMatchObject({ alertId: hidden });
    expect((await domainError(getClearance(t.deps, as('DEU', 'frontline'), clearance!.id))).code).toBe('clearance.not-found');
    expect((await domainError(endClearanceBy(t.deps, as('DEU', 'frontline'), clearance!.id, 'revoke', {}))).code).toBe('clearance.not-found');
    expect((await listClearances(t.deps, as('DEU', 'frontline'), {})).items).toEqual([]);
  });

  it('is made only for a traveller the screening identifies: a document with its state, or a full name, birth date and nationality', async () => {
    const person = (await createAlert(t.deps, as('FRA'), personAlert('ERIKSSON'))).id;
    const hitOn = (r: ScreenResponse) => r.hits.find((h) => h.alertId === person)!.hitId!;
    // A name alone identifies nobody: no clearance.
    const vague = hitOn(await screen(t.deps, as('DEU'), { person: { names: ['Anna Eriksson'], birthDate: '1974-08' } }));
    await recordHitOutcome(t.deps, as('DEU'), vague, { outcome: 'not-same-person', note: 'no' });
    expect((await listClearances(t.deps, as('DEU'), {})).items).toEqual([]);
    const [entry] = await queryAudit(t.deps.db, { action: 'hit.record-outcome', limit: 1 });
    expect(JSON.parse(entry!.detail!)).toMatchObject({ clearance: { notCleared: 'no-identity' } });

    // A full identity does, and the same person typed another way is the same traveller.
    const full = hitOn(await screen(t.deps, as('DEU'), { person: { names: [{ family: 'Eriksson', given: 'Anna' }], birthDate: '1974-08-02', nationality: 'se' } }));
    await recordHitOutcome(t.deps, as('DEU'), full, { outcome: 'not-same-person', note: 'born in August, not the one' });
    const [clearance] = (await listClearances(t.deps, as('DEU'), {})).items;
    expect(clearance).toMatchObject({ status: 'active', traveller: 'Eriksson, Anna · 1974-08-02 · SE', subject: expect.anything() });
    const again = await screen(t.deps, as('DEU'), { person: { names: ['  ERIKSSON   anna '], birthDate: '1974-8-2', nationality: 'SWE' } });
    expect(again.hits.find((h) => h.alertId === person)).toMatchObject({ clearedBefore: { clearanceId: clearance!.id } });
    // Another birth date is another traveller.
    const other = await screen(t.deps, as('DEU'), { person: { names: ['Anna Eriksson'], birthDate: '1974-08-03', nationality: 'SWE' } });
    expect(other.hits.find((h) => h.alertId === person)).not.toHaveProperty('clearedBefore');
  });

  it('is purged with the alert’s personal data', async () => {
    const { clearanceId } = await screenAndClear();
    await screen(t.deps, as('DEU', 'frontline'), TYPED);
    await t.deps.db.updateTable('alerts').set({ status: 'expired', updated_at: '2025-01-01T00:00:00.000Z' }).where('id', '=', alertId).execute();
    expect(await purgeExpiredAlerts(t.deps)).toBe(1);
    for (const table of ['clearances', 'clearance_keys', 'clearance_matches'] as const) {
      expect(await t.deps.db.selectFrom(table).selectAll().execute()).toEqual([]);
    }
    expect((await domainError(getClearance(t.deps, as('DEU'), clearanceId))).code).toBe('clearance.not-found');
    const [purge] = await queryAudit(t.deps.db, { action: 'alert.purge', limit: 1 });
    expect(JSON.parse(purge!.detail!)).toMatchObject({ clearances: 1 });
  });

  it('audits the clearance made, listed, read, revoked and objected to', async () => {
    const { clearanceId } = await screenAndClear();
    const [made] = await queryAudit(t.deps.db, { action: 'hit.record-outcome', limit: 1 });
    expect(JSON.parse(made!.detail!)).toMatchObject({ outcome: 'not-same-person', clearance: { cleared: clearanceId } });
    await getClearance(t.deps, as('FRA'), clearanceId);
    await domainError(getClearance(t.deps, as('ITA'), clearanceId));
    await endClearanceBy(t.deps, as('DEU'), clearanceId, 'revoke', { note: 'wrong traveller cleared' });
    await domainError(endClearanceBy(t.deps, as('FRA'), clearanceId, 'object', {}));
    const outcomes = async (action: 'clearance.list' | 'clearance.read' | 'clearance.revoke' | 'clearance.object') => (await queryAudit(t.deps.db, { action, limit: 10 })).map((e) => [e.member, e.target, e.outcome]);
    expect(await outcomes('clearance.list')).toEqual([['DEU', 'clearances', 'ok']]);
    expect((await outcomes('clearance.read')).sort()).toEqual([['FRA', `clearance:${clearanceId}`, 'ok'], ['ITA', `clearance:${clearanceId}`, 'clearance.not-found']].sort());
    expect(await outcomes('clearance.revoke')).toEqual([['DEU', `clearance:${clearanceId}`, 'ok']]);
    expect(await outcomes('clearance.object')).toEqual([['FRA', `clearance:${clearanceId}`, 'clearance.ended']]);
  });
});
