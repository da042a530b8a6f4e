import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, as, documentAlert, domainError, openTestDeps, type TestContext } from '../../test/engines.js';
import { queryAudit } from '../store/audit-repo.js';
import { cancelAlert } from './cancel-alert.js';
import { createAlert } from './create-alert.js';
import { DISCREET_ACTION } from '@crosscheck/core';
import type { FullScreenResult, ScreenResult } from '@crosscheck/core/api';
import { screenBatchResponseSchema, screenResponseSchema } from '@crosscheck/core/api/schemas';
import { decideReview } from './review/decide-review.js';
import { screen } from './screen.js';
import { screenBatch } from './screen-batch.js';

const frontline = (member: string) => as(member, 'frontline');
/** Results of ordinary alerts carry everything; only discreet checks are cut down for the frontline. */
function full(h: ScreenResult | undefined): FullScreenResult {
  if (h?.access !== 'full') throw new Error(`expected a full result, got ${JSON.stringify(h)}`);
  return h;
}

describe.each(ENGINES)('screening on %s', (engine) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await openTestDeps(engine);
  });
  afterEach(async () => t.close());

  it('finds a stolen document by state and number, stores the screening and the hit, and audits it', async () => {
    const alert = await createAlert(t.deps, as('FRA'), documentAlert('FRA', '12AB34567', { mode: 'all-except', members: ['ITA'] }));
    const r = await screen(t.deps, frontline('DEU'), { documents: [{ number: '12 AB 34567', issuingState: 'fra' }] });
    expect(r.hits).toHaveLength(1);
    expect(r.hits[0]).toMatchObject({ alertId: alert.id, kind: 'document', owner: 'FRA', score: 1 });
    expect(full(r.hits[0]).reasons).toEqual([{ code: 'document.same-number', number: '12 AB 34567', state: 'FRA' }]);
    const stored = await t.deps.db.selectFrom('hits').selectAll().where('screening_id', '=', r.screeningId).execute();
    expect(stored.map((h) => [h.alert_id, h.owner, h.screening_member])).toEqual([[alert.id, 'FRA', 'DEU']]);
    const [entry] = await queryAudit(t.deps.db, { action: 'screening.run', limit: 1 });
    expect(entry).toMatchObject({ member: 'DEU', target: `screening:${r.screeningId}`, outcome: 'ok' });
  });

  it('stops hitting an alert the day after its end date, even before the scheduler has expired it (a national copy offline)', async () => {
    const today = t.deps.clock().toISOString().slice(0, 10);
    await createAlert(t.deps, as('FRA'), { ...documentAlert('FRA', '44EX00001'), expiresAt: today });
    const query = { documents: [{ number: '44EX00001', issuingState: 'FRA' }] };
    expect((await screen(t.deps, frontline('DEU'), query)).hits).toHaveLength(1);
    const tomorrow = new Date(t.deps.clock().getTime() + 24 * 3600 * 1000);
    t.deps.clock = () => tomorrow;
    expect((await screen(t.deps, frontline('DEU'), query)).hits).toEqual([]);
    expect((await screenBatch(t.deps, frontline('DEU'), 'application/json', [query])).items[0]).toMatchObject({ hits: [] });
  });

  it('does not let results a frontline caller will not be shown take the places of the query limit', async () => {
    // Two alerts on one passport score alike; the hidden one, created first, ranks first.
    const hidden = await createAlert(t.deps, as('FRA'), { ...documentAlert('FRA', '12AB34567', { mode: 'all' }), hiddenFromFrontline: true });
    const shown = await createAlert(t.deps, as('FRA'), documentAlert('FRA', '12AB34567', { mode: 'all' }));
    expect((await screen(t.deps, as('DEU'), { documents: [{ number: '12AB34567', issuingState: 'FRA' }], limit: 1 })).hits.map((h) => h.alertId)).toEqual([hidden.id]);
    const r = await screen(t.deps, frontline('DEU'), { documents: [{ number: '12AB34567', issuingState: 'FRA' }], limit: 1 });
    expect(r.hits.map((h) => h.alertId)).toEqual([shown.id]);
    // Both were recorded: the owner hears of the hidden one too.
    const stored = await t.deps.db.selectFrom('hits').select('alert_id').where('screening_id', '=', r.screeningId).execute();
    expect(new Set(stored.map((h) => h.alert_id))).toEqual(new Set([hidden.id, shown.id]));
  });

  it('never returns an alert hidden from the screening member', async () => {
    await createAlert(t.deps, as('FRA'), documentAlert('FRA', '12AB34567', { mode: 'all-except', members: ['ITA'] }));
    const r = await screen(t.deps, frontline('ITA'), { documents: [{ number: '12AB34567', issuingState: 'FRA' }] });
    expect(r.hits).toEqual([]);
  });

  it('finds a document read with OCR confusions, scored below an exact match', async () => {
    await createAlert(t.deps, as('FRA'), documentAlert('FRA', '12AB34567'));
    const r = await screen(t.deps, frontline('DEU'), { documents: [{ number: '12A834S67', issuingState: 'FRA' }] });
    expect(r.hits).toHaveLength(1);
    expect(full(r.hits[0]).score).toBeLessThan(1);
    expect(full(r.hits[0]).reasons).toEqual([{ code: 'document.ocr-variant', number: '12A834S67', state: 'FRA' }]);
  });

  it('finds a person across scripts and spellings, with readable reasons and the alert action', async () => {
    const alert = await createAlert(t.deps, as('DEU'), {
      kind: 'person',
      category: 'arrest',
      person: { names: [{ family: 'QADHAFI', given: 'MUAMMAR' }, { full: 'معمر القذافي' }], birthDate: '1942-06-07', sex: 'M', nationalities: ['LBY'], warnings: ['armed'] },
      action: 'Arrest and inform the DEU bureau',
      visibility: { mode: 'all' },
    });
    await decideReview(t.deps, as('IPO', 'reviewer'), alert.id, { decision: 'approve', reason: 'meets the rules' });
    for (const name of ['Muammar Gaddafi', 'Муаммар Каддафи', 'GADDAFI, Moammar']) {
      const r = await screen(t.deps, frontline('FRA'), { person: { names: [name], birthDate: '1942', nationality: 'ly' } });
      expect(r.hits[0], name).toMatchObject({ alertId: alert.id, category: 'arrest', action: 'Arrest and inform the DEU bureau', warnings: ['armed'] });
      expect(full(r.hits[0]).reasons, name).toContainEqual({ code: 'birth-date.same-year', year: '1942' });
      expect(full(r.hits[0]).reasons, name).toContainEqual({ code: 'nationality.same', countries: ['LBY'] });
    }
    const cyrillic = await screen(t.deps, frontline('FRA'), { person: { names: ['Муаммар Каддафи'] } });
    expect(full(cyrillic.hits[0]).reasons).toContainEqual({ code: 'name.script', side: 'query', script: 'Cyrl', reading: 'MUAMMAR KADDAFI' });

    const other = await screen(t.deps, frontline('FRA'), { person: { names: ['George Bush'], birthDate: '1946-07-06' } });
    expect(other.hits).toEqual([]);
  });

  it('merges the reasons of every probe that found a person, each reason once', async () => {
    const alert = await createAlert(t.deps, as('DEU'), {
      kind: 'person',
      category: 'locate',
      person: { names: [{ family: 'KOWALCZYK', given: 'JAN' }], documents: [{ type: 'passport', number: 'ZS1234567', issuingState: 'POL' }] },
      visibility: { mode: 'all' },
    });
    await decideReview(t.deps, as('IPO', 'reviewer'), alert.id, { decision: 'approve', reason: 'meets the rules' });
    const passport = { number: 'ZS1234567', issuingState: 'POL' };
    const r = await screen(t.deps, frontline('FRA'), { person: { names: ['Jan Kowalczyk'] }, documents: [passport, passport] });
    expect(r.hits.map((h) => h.alertId)).toEqual([alert.id]);
    expect(full(r.hits[0]).reasons).toEqual([
      { code: 'name.same', field: 'given-name', query: 'JAN', record: 'JAN' },
      { code: 'name.same', field: 'surname', query: 'KOWALCZYK', record: 'KOWALCZYK' },
      { code: 'document.shared', number: 'ZS1234567' },
      { code: 'document.held', number: 'ZS1234567', state: 'POL' },
    ]);
  });

  it('finds a vehicle by VIN and by plate with its country', async () => {
    const alert = await createAlert(t.deps, as('ITA'), { kind: 'vehicle', vehicle: { vin: '1M8GDM9AXKP042788', plate: 'AB-123-CD', plateCountry: 'FRA' }, visibility: { mode: 'all' } });
    expect((await screen(t.deps, frontline('FRA'), { vehicle: { vin: '1m8gdm9axkp042788' } })).hits[0]).toMatchObject({ alertId: alert.id, score: 1 });
    expect((await screen(t.deps, frontline('FRA'), { vehicle: { plate: 'ab 123 cd', plateCountry: 'FR' } })).hits[0]).toMatchObject({ alertId: alert.id });
    expect((await screen(t.deps, frontline('FRA'), { vehicle: { plate: 'AB-123-CD', plateCountry: 'DEU' } })).hits).toEqual([]);
  });

  it('does not let alerts hidden from the screening member push visible ones out of the results', async () => {
    const hidden = { kind: 'person', category: 'locate', person: { names: [{ family: 'KOWALCZYK', given: 'JAN' }] }, visibility: { mode: 'only', members: ['ITA'] } };
    for (let i = 0; i < 300; i++) await createAlert(t.deps, as('DEU'), hidden);
    const visible = await createAlert(t.deps, as('ITA'), { ...hidden, visibility: { mode: 'all' } });
    await decideReview(t.deps, as('IPO', 'reviewer'), visible.id, { decision: 'approve', reason: 'meets the rules' });
    const r = await screen(t.deps, frontline('FRA'), { person: { names: ['Jan Kowalczyk'] } });
    expect(r.hits.map((h) => h.alertId)).toEqual([visible.id]);
  }, 60_000);

  it('finds a document number screened without its issuing state', async () => {
    const alert = await createAlert(t.deps, as('FRA'), documentAlert('FRA', '99XY12345'));
    const r = await screen(t.deps, frontline('DEU'), { documents: [{ number: '99XY12345' }] });
    expect(r.hits.map((h) => h.alertId)).toEqual([alert.id]);
    expect(full(r.hits[0]).reasons).toEqual([{ code: 'document.same-number', number: '99XY12345' }]);
  });

  it('refuses an unreadable MRZ instead of answering "no hits"', async () => {
    const e = await domainError(screen(t.deps, frontline('DEU'), { mrz: 'HELLO WORLD' }));
    expect(e).toMatchObject({ code: 'mrz.unreadable', field: 'mrz' });
  });

  it('stops finding an alert once it is cancelled', async () => {
    const alert = await createAlert(t.deps, as('FRA'), documentAlert('FRA', 'X1'));
    expect((await screen(t.deps, frontline('DEU'), { documents: [{ number: 'X1', issuingState: 'FRA' }] })).hits).toHaveLength(1);
    await cancelAlert(t.deps, as('FRA'), alert.id, { reason: 'recovered' });
    await (await t.deps.screeningIndex()).catchUp();
    expect((await screen(t.deps, frontline('DEU'), { documents: [{ number: 'X1', issuingState: 'FRA' }] })).hits).toEqual([]);
  });

  it('refuses an empty query naming why, and a role that may not screen', async () => {
    expect((await domainError(screen(t.deps, frontline('DEU'), {}))).message).toContain('a screening needs');
    expect((await domainError(screen(t.deps, frontline('DEU'), { person: { names: ['X'], birthDate: '1965-13-01' } }))).field).toBe('person.birthDate');
    expect((await domainError(screen(t.deps, as('DEU', 'auditor'), { documents: [{ number: 'X' }] }))).kind).toBe('forbidden');
  });

  it('screens a batch as JSON lines or CSV, answering in input order with errors in place', async () => {
    await createAlert(t.deps, as('FRA'), documentAlert('FRA', 'P1'));
    const lines = [JSON.stringify({ id: 'a', documents: [{ number: 'P1', issuingState: 'FRA' }] }), JSON.stringify({ id: 'b' }), JSON.stringify({ id: 'c', documents: [{ number: 'NONE' }] })].join('\n');
    const r = await screenBatch(t.deps, frontline('DEU'), 'application/x-ndjson', lines);
    expect(r.items.map((i) => [i.id, 'hits' in i ? i.hits.length : 'error'])).toEqual([
      ['a', 1],
      ['b', 'error'],
      ['c', 0],
    ]);
    const csv = 'id,name,documentNumber,documentState\nx,John Smith,P1,FRA\ny,Jane Roe,,\n';
    const c = await screenBatch(t.deps, frontline('DEU'), 'text/csv', csv);
    expect(c.items.map((i) => [i.id, 'hits' in i ? i.hits.length : 'error'])).toEqual([
      ['x', 1],
      ['y', 0],
    ]);
  });

  it('gives every recorded result the id of its hit, so an outcome is recorded on it directly', async () => {
    const doc = await createAlert(t.deps, as('FRA'), documentAlert('FRA', '55HI00001'));
    const r = await screen(t.deps, frontline('DEU'), { documents: [{ number: '55HI00001', issuingState: 'FRA' }] });
    expect(screenResponseSchema.parse(r)).toEqual(r);
    const stored = await t.deps.db.selectFrom('hits').select(['id', 'alert_id']).where('screening_id', '=', r.screeningId).execute();
    expect(r.hits.map((h) => [h.hitId, h.alertId])).toEqual(stored.map((h) => [h.id, h.alert_id]));
    expect(r.hits[0]).toMatchObject({ access: 'full', alertId: doc.id, hitId: expect.any(String) });

    // In a batch, each traveller's results carry their own hits.
    const b = await screenBatch(t.deps, frontline('DEU'), 'application/json', [{ documents: [{ number: '55HI00001', issuingState: 'FRA' }] }, { documents: [{ number: '55HI00001', issuingState: 'FRA' }] }]);
    expect(screenBatchResponseSchema.parse(b)).toEqual(b);
    const ids = b.items.map((item) => ('hits' in item ? item.hits[0]?.hitId : undefined));
    expect(new Set(ids).size).toBe(2);
    for (const [k, item] of b.items.entries()) {
      if (!('hits' in item)) throw new Error('screened');
      const row = await t.deps.db.selectFrom('hits').select(['screening_id']).where('id', '=', ids[k]!).executeTakeFirstOrThrow();
      expect(row.screening_id).toBe(item.screeningId);
    }
  });

  it('gives no hit id to a result below the alerting threshold, which is not recorded', async () => {
    await createAlert(t.deps, as('FRA'), { kind: 'person', category: 'missing', person: { names: [{ family: 'WOJCIECHOWSKI', given: 'KRZYSZTOF' }], birthDate: '1970-03-04' }, visibility: { mode: 'all' } });
    const r = await screen(t.deps, as('DEU'), { person: { names: ['Krzysztof Wojciechowsky'], birthDate: '1981-11-12' }, minScore: 0.3 });
    const low = r.hits.filter((h) => full(h).score < 0.7);
    expect(low.length).toBeGreaterThan(0);
    expect(low.map((h) => h.hitId)).toEqual(low.map(() => null));
    const stored = await t.deps.db.selectFrom('hits').select('id').where('screening_id', '=', r.screeningId).execute();
    expect(stored.map((h) => h.id).sort()).toEqual(r.hits.flatMap((h) => (h.hitId ? [h.hitId] : [])).sort());
  });

  it('answers the frontline a discreet check as the instruction only, with its hit, and leaves out alerts hidden from the frontline', async () => {
    const person = (category: string, family: string, extra: object = {}) => ({ kind: 'person', category, person: { names: [{ family, given: 'ANNA' }], birthDate: '1980-05-06' }, action: 'Follow and report', visibility: { mode: 'all' }, ...extra });
    const discreet = await createAlert(t.deps, as('FRA'), person('discreet-check', 'SZYMANSKA'));
    const hidden = await createAlert(t.deps, as('FRA'), person('missing', 'SZYMANSKA', { hiddenFromFrontline: true }));
    const query = { person: { names: ['Anna Szymanska'], birthDate: '1980-05-06' } };

    const front = await screen(t.deps, frontline('DEU'), query);
    expect(screenResponseSchema.parse(front)).toEqual(front);
    expect(front.hits).toEqual([{ access: 'instruction-only', hitId: expect.any(String), alertId: discreet.id, kind: 'person', category: 'discreet-check', action: DISCREET_ACTION, owner: 'FRA' }]);
    // Both were recorded and their owner told, the hidden one included.
    const stored = await t.deps.db.selectFrom('hits').select(['id', 'alert_id']).where('screening_id', '=', front.screeningId).execute();
    expect(stored.map((h) => h.alert_id).sort()).toEqual([discreet.id, hidden.id].sort());
    expect(stored.find((h) => h.alert_id === discreet.id)!.id).toBe(front.hits[0]!.hitId);

    const bureau = await screen(t.deps, as('DEU'), query);
    expect(bureau.hits.map((h) => [h.alertId, h.access]).sort()).toEqual([[discreet.id, 'full'], [hidden.id, 'full']].sort());
    expect(full(bureau.hits.find((h) => h.alertId === discreet.id)).action).toBe('Follow and report');
  });
});
