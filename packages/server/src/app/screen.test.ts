import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, as, documentAlert, domainError, openTestDeps, type TestContext } from '../../test/engines.js';
import { queryAudit } from '../store/audit-repo.js';
import { cancelAlert } from './cancel-alert.js';
import { createAlert } from './create-alert.js';
import type { ScreenHit } from '@crosscheck/core';
import { decideReview } from './review/decide-review.js';
import { screen, type ShownHit } from './screen.js';
import { screenBatch } from './screen-batch.js';

const frontline = (member: string) => as(member, 'frontline');
/** Hits of ordinary alerts carry everything; only discreet checks are cut down for the frontline. */
const full = (h: ShownHit | undefined) => h as ScreenHit;

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
});
