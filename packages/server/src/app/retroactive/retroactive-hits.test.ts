import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { D02B_TWO_LEGS } from '../../../../core/src/paxlst/test-fixtures.js';
import { ENGINES, as, documentAlert, openTestDeps, type TestContext } from '../../../test/engines.js';
import { defaultConfig } from '../../config.js';
import { openDeps } from '../../main.js';
import { queryAudit } from '../../store/audit-repo.js';
import { eventsAfter } from '../../store/event-repo.js';
import { createAlert } from '../create-alert.js';
import { getHit } from '../hits/get-hit.js';
import { checkDocuments } from '../check-documents.js';
import { recordHitOutcome } from '../hits/record-outcome.js';
import { listHits } from '../hits/list-hits.js';
import { decideReview } from '../review/decide-review.js';
import { screen } from '../screen.js';
import { screenFlight } from '../screen-flight.js';
import { updateAlert } from '../update-alert.js';
import { forgetScreeningQueries } from './forget-queries.js';
import { RetroFollower, startRetroFollower } from './retro-follower.js';

const HOUR = 3_600_000;

/** Wanted for arrest: reviewed before publication. */
const wanted = (visibility: unknown = { mode: 'all' }) => ({
  kind: 'person',
  category: 'arrest',
  person: { names: [{ family: 'LEBRUN', given: 'PAUL' }], birthDate: '1965-01-02', sex: 'M' },
  offence: { description: 'Armed robbery', maxSentenceYears: 10 },
  visibility,
});
const traveller = { person: { names: [{ family: 'LEBRUN', given: 'PAUL' }], birthDate: '1965-01-02' } };
const approve = (t: TestContext, id: string) => decideReview(t.deps, as('IPO', 'reviewer'), id, { decision: 'approve', reason: 'warrant attached' });

describe.each(ENGINES)('hits after the fact on %s', (engine) => {
  let t: TestContext;
  let now: Date;
  const later = (hours: number) => {
    now = new Date(now.getTime() + hours * HOUR);
  };
  const events = async (member: string) => (await eventsAfter(t.deps.db, member, 0, 100)).filter((e) => e.type === 'hit.created' || e.type === 'hit.retroactive');
  const retroHits = async () => t.deps.db.selectFrom('hits').selectAll().where('retroactive', '=', 1).execute();
  const catchUp = () => new RetroFollower(t.deps).catchUp();

  beforeEach(async () => {
    now = new Date('2026-03-01T08:00:00.000Z');
    t = await openTestDeps(engine, () => now);
  });
  afterEach(async () => t.close());

  it('tells FRA and DEU within seconds when a person screened at DEU’s border is published as wanted by FRA an hour later', async () => {
    const screened = await screen(t.deps, as('DEU', 'frontline'), traveller);
    expect(screened.hits).toEqual([]);
    const screenedAt = now.toISOString();
    later(1);
    const alert = await createAlert(t.deps, as('FRA'), wanted());
    // Under review, it is not published: nothing yet.
    expect(await catchUp()).toBe(0);
    const follower = startRetroFollower(t.deps, (err) => {
      throw err;
    });
    try {
      const started = Date.now();
      await approve(t, alert.id);
      let fra: Awaited<ReturnType<typeof events>> = [];
      let deu: Awaited<ReturnType<typeof events>> = [];
      while (Date.now() - started < 5000 && (fra.length === 0 || deu.length === 0)) {
        await new Promise((r) => setTimeout(r, 50));
        [fra, deu] = [await events('FRA'), await events('DEU')];
      }
      expect(Date.now() - started).toBeLessThan(5000);
      const [hit] = await retroHits();
      expect(fra).toEqual([expect.objectContaining({ type: 'hit.created', data: expect.objectContaining({ hitId: hit!.id, alertId: alert.id, screeningId: screened.screeningId, screeningMember: 'DEU', retroactive: true, screenedAt, kind: 'person' }) })]);
      expect(deu).toEqual([expect.objectContaining({ type: 'hit.retroactive', data: expect.objectContaining({ hitId: hit!.id, alertId: alert.id, owner: 'FRA', screeningId: screened.screeningId, retroactive: true, screenedAt }) })]);
    } finally {
      follower.stop();
    }
    // Both bureaus read it as a hit marked as found after the fact, with the screening's time.
    const [row] = await retroHits();
    const forOwner = await getHit(t.deps, as('FRA'), row!.id);
    expect(forOwner).toMatchObject({ alertId: alert.id, owner: 'FRA', screeningMember: 'DEU', retroactive: { screenedAt, place: null } });
    expect(forOwner.score).toBeGreaterThanOrEqual(0.7);
    expect(forOwner.reasons.length).toBeGreaterThan(0);
    expect((await listHits(t.deps, as('DEU'), {})).items).toEqual([expect.objectContaining({ id: row!.id, retroactive: { screenedAt, place: null } })]);
    expect(row!.created_at > screenedAt).toBe(true);
    // The system's finding is on the audit trail.
    const audit = await queryAudit(t.deps.db, { action: 'hit.find-retroactive', limit: 10 });
    expect(audit.map((a) => a.target)).toEqual([`hit:${row!.id}`]);
  });

  it('decides each past screening by its own threshold and weights, as when it was made', async () => {
    // Born in another decade: 1 − 0.3 = 0.7 by default.
    const otherYear = { person: { ...traveller.person, birthDate: '1980' } };
    const asMeasured = await screen(t.deps, as('DEU', 'frontline'), otherYear);
    const stricter = await screen(t.deps, as('DEU', 'frontline'), { ...otherYear, threshold: 0.75 });
    const yearIgnored = await screen(t.deps, as('DEU', 'frontline'), { ...otherYear, threshold: 0.75, weights: { birthDate: 0 } });
    later(1);
    await approve(t, (await createAlert(t.deps, as('FRA'), wanted())).id);
    expect(await catchUp()).toBe(2);
    const found = new Map((await retroHits()).map((h) => [h.screening_id, h.score]));
    expect(found).toEqual(new Map([[asMeasured.screeningId, 0.7], [yearIgnored.screeningId, 1]]));
    expect(found.has(stricter.screeningId)).toBe(false);
  });

  it('finds nothing with a lookback of 0', async () => {
    t.deps.retention = { ...t.deps.retention, lookbackHours: 0 };
    await screen(t.deps, as('DEU', 'frontline'), traveller);
    later(1);
    await approve(t, (await createAlert(t.deps, as('FRA'), wanted())).id);
    expect(await catchUp()).toBe(0);
    expect(await events('FRA')).toEqual([]);
    expect(await events('DEU')).toEqual([]);
  });

  it('does not reach back past the lookback, nor to screenings made after the alert', async () => {
    expect(t.deps.retention.lookbackHours).toBe(72);
    await screen(t.deps, as('DEU', 'frontline'), traveller);
    later(73);
    const inside = await screen(t.deps, as('ITA', 'frontline'), traveller);
    later(1);
    await approve(t, (await createAlert(t.deps, as('FRA'), wanted())).id);
    expect(await catchUp()).toBe(1);
    expect((await retroHits()).map((h) => h.screening_id)).toEqual([inside.screeningId]);
  });

  it('finds nothing in a screening by a member the alert’s visibility leaves out', async () => {
    const deu = await screen(t.deps, as('DEU', 'frontline'), traveller);
    const ita = await screen(t.deps, as('ITA', 'bureau'), traveller);
    later(1);
    await approve(t, (await createAlert(t.deps, as('FRA'), wanted({ mode: 'all-except', members: ['DEU'] }))).id);
    expect(await catchUp()).toBe(1);
    const hits = await retroHits();
    expect(hits.map((h) => h.screening_id)).toEqual([ita.screeningId]);
    expect(hits.map((h) => h.screening_id)).not.toContain(deu.screeningId);
    expect(await events('DEU')).toEqual([]);
  });

  it('records a hit on an alert hidden from the frontline as live screening would: the owner and the bureau are told, the frontline is not shown it', async () => {
    await screen(t.deps, as('DEU', 'frontline'), traveller);
    later(1);
    const alert = await createAlert(t.deps, as('FRA'), { ...wanted(), hiddenFromFrontline: true });
    await approve(t, alert.id);
    expect(await catchUp()).toBe(1);
    const [row] = await retroHits();
    expect((await events('FRA')).map((e) => e.type)).toEqual(['hit.created']);
    expect((await events('DEU')).map((e) => e.type)).toEqual(['hit.retroactive']);
    expect((await listHits(t.deps, as('DEU'), {})).items.map((h) => h.id)).toEqual([row!.id]);
    expect((await listHits(t.deps, as('DEU', 'frontline'), {})).items).toEqual([]);
  });

  it('screens a patch that adds an alias, finding a screening that matched only the alias, and never hits a pair twice', async () => {
    // A missing person is published without review, and patched in place.
    const missing = (names: { family: string; given: string; type?: string }[]) => ({ kind: 'person', category: 'missing', person: { names, birthDate: '1965-01-02', sex: 'M' }, visibility: { mode: 'all' } });
    const byAlias = await screen(t.deps, as('DEU', 'frontline'), { person: { names: [{ family: 'KOWALCZYK', given: 'PIOTR' }], birthDate: '1965-01-02' } });
    const byName = await screen(t.deps, as('ESP', 'frontline'), traveller);
    later(1);
    const alert = await createAlert(t.deps, as('FRA'), missing([{ family: 'LEBRUN', given: 'PAUL' }]));
    expect(alert.status).toBe('active');
    expect(await catchUp()).toBe(1);
    expect((await retroHits()).map((h) => h.screening_id)).toEqual([byName.screeningId]);
    // A screening after publication hits live.
    later(1);
    const live = await screen(t.deps, as('BEL', 'frontline'), traveller);
    expect(live.hits.map((h) => h.alertId)).toEqual([alert.id]);
    // A patch that adds nothing to be found by is not screened again.
    later(1);
    await updateAlert(t.deps, as('FRA'), alert.id, { action: 'Call the FRA bureau' });
    expect(await catchUp()).toBe(0);
    const patched = await updateAlert(t.deps, as('FRA'), alert.id, { person: missing([{ family: 'LEBRUN', given: 'PAUL' }, { family: 'KOWALCZYK', given: 'PIOTR', type: 'alias' }]).person });
    expect(patched.status).toBe('active');
    expect(await catchUp()).toBe(1);
    const hits = await retroHits();
    expect(hits.map((h) => h.screening_id).sort()).toEqual([byAlias.screeningId, byName.screeningId].sort());
    // The live screening and the one found at publication got nothing more.
    const perScreening = await t.deps.db.selectFrom('hits').select('screening_id').where('alert_id', '=', alert.id).execute();
    expect(perScreening.map((h) => h.screening_id).sort()).toEqual([byAlias.screeningId, byName.screeningId, live.screeningId].sort());
  });

  it('screens a wanted person again when a patch sends it back to review and it is approved', async () => {
    const byAlias = await screen(t.deps, as('DEU', 'frontline'), { person: { names: [{ family: 'KOWALCZYK', given: 'PIOTR' }], birthDate: '1965-01-02' } });
    later(1);
    const alert = await createAlert(t.deps, as('FRA'), wanted());
    await approve(t, alert.id);
    expect(await catchUp()).toBe(0);
    const patched = await updateAlert(t.deps, as('FRA'), alert.id, { person: { ...wanted().person, names: [{ family: 'LEBRUN', given: 'PAUL' }, { family: 'KOWALCZYK', given: 'PIOTR', type: 'alias' }] } });
    expect(patched.status).toBe('pending-review');
    expect(await catchUp()).toBe(0);
    await approve(t, alert.id);
    expect(await catchUp()).toBe(1);
    expect((await retroHits()).map((h) => h.screening_id)).toEqual([byAlias.screeningId]);
  });

  it('picks up where it stopped after a restart, without repeating', async () => {
    await screen(t.deps, as('DEU', 'frontline'), traveller);
    later(1);
    await approve(t, (await createAlert(t.deps, as('FRA'), wanted())).id);
    expect(await catchUp()).toBe(1);
    // A new process (a restart, or a second node) reads the cursor from the store.
    expect(await new RetroFollower(t.deps).catchUp()).toBe(0);
    await createAlert(t.deps, as('FRA'), documentAlert('FRA', '99XX00001'));
    const again = await Promise.all([new RetroFollower(t.deps).catchUp(), new RetroFollower(t.deps).catchUp()]);
    expect(again).toEqual([0, 0]);
    expect(await retroHits()).toHaveLength(1);
    expect(await events('FRA')).toHaveLength(1);
  });

  // Several nodes share a PostgreSQL database (an embedded SQLite file has one process; two handles
  // in one thread would wait on each other synchronously).
  it.skipIf(engine === 'sqlite')('writes each hit once when two nodes follow the same database', async () => {
    const other = await openDeps(defaultConfig({ db: t.store.target }));
    try {
      other.deps.clock = () => now;
      await screen(t.deps, as('DEU', 'frontline'), traveller);
      await screen(t.deps, as('ITA', 'frontline'), traveller);
      later(1);
      await approve(t, (await createAlert(t.deps, as('FRA'), wanted())).id);
      const created = await Promise.all([new RetroFollower(t.deps).catchUp(), new RetroFollower(other.deps).catchUp()]);
      expect(created.reduce((a, b) => a + b, 0)).toBe(2);
      expect(await retroHits()).toHaveLength(2);
      expect(await events('FRA')).toHaveLength(2);
    } finally {
      await other.database.close();
    }
  });

  it('finds a flight’s traveller, with the flight as the place', async () => {
    await screenFlight(t.deps, as('DEU', 'frontline'), { paxlst: D02B_TWO_LEGS });
    later(2);
    const alert = await createAlert(t.deps, as('POL'), documentAlert('POL', 'ABC123456'));
    expect(await catchUp()).toBe(1);
    const [row] = await retroHits();
    const forDeu = await getHit(t.deps, as('DEU'), row!.id);
    expect(forDeu.alertId).toBe(alert.id);
    expect(forDeu.retroactive).toEqual({ screenedAt: '2026-03-01T08:00:00.000Z', place: { flight: 'XX123', from: 'CDG', to: 'JFK', departure: '2024-03-01T10:30' } });
    expect((await events('DEU'))[0]?.data).toMatchObject({ place: { flight: 'XX123' } });
  });

  it('forgets the queries of screenings without hits when the lookback has passed, and keeps those with hits', async () => {
    const plain = await screen(t.deps, as('DEU', 'frontline'), { person: { names: [{ family: 'NOBODY', given: 'ELSE' }] } });
    const found = await screen(t.deps, as('DEU', 'frontline'), traveller);
    later(1);
    await approve(t, (await createAlert(t.deps, as('FRA'), wanted())).id);
    await catchUp();
    const query = async (id: string) => (await t.deps.db.selectFrom('screenings').select('query').where('id', '=', id).executeTakeFirstOrThrow()).query;
    expect(await forgetScreeningQueries(t.deps)).toBe(0);
    later(72);
    expect(await forgetScreeningQueries(t.deps)).toBe(1);
    expect(await query(plain.screeningId)).toBe('{}');
    expect(JSON.parse(await query(found.screeningId))).toMatchObject(traveller);
  });

  it('counts a hit after the fact on its screening, and does not tell the owner again of a traveller its screening member cleared on that version', async () => {
    const stolen = { documents: [{ number: '12AB34567', issuingState: 'FRA' }] };
    // DEU screens the traveller before the alert exists, and again after it was published but
    // before the follower ran (a lagging follower), and finds the traveller is not the holder.
    const before = await screen(t.deps, as('DEU', 'frontline'), stolen);
    later(1);
    const alert = await createAlert(t.deps, as('FRA'), documentAlert('FRA', '12AB34567'));
    later(1);
    const live = (await screen(t.deps, as('DEU', 'frontline'), stolen)).hits.find((h) => h.alertId === alert.id)!;
    await recordHitOutcome(t.deps, as('DEU', 'frontline'), live.hitId!, { outcome: 'not-same-person', note: 'another holder' });
    expect(await catchUp()).toBe(1);
    const [row] = await retroHits();
    expect(row!.screening_id).toBe(before.screeningId);
    const screening = await t.deps.db.selectFrom('screenings').select('hit_count').where('id', '=', before.screeningId).executeTakeFirstOrThrow();
    expect(Number(screening.hit_count)).toBe(1);
    // FRA heard of the live hit only; the hit after the fact is recorded under DEU's clearance.
    expect((await events('FRA')).map((e) => e.data.hitId)).toEqual([live.hitId]);
    expect((await getHit(t.deps, as('FRA'), row!.id)).clearedBefore).toMatchObject({ member: 'DEU' });
    expect((await events('DEU')).map((e) => e.type)).toEqual(['hit.retroactive']);
  });

  it('finds after the fact in a carrier’s check only what a live check would: not a person alert listing the document', async () => {
    await createAlert(t.deps, as('FRA'), documentAlert('FRA', '12AB34567'));
    const checked = await checkDocuments(t.deps, as('DEU', 'carrier'), { documents: [{ issuingState: 'FRA', number: '12AB34567', type: 'passport' }] });
    expect(checked.results).toEqual([{ result: 'refer' }]);
    later(1);
    const person = { names: [{ family: 'LEBRUN', given: 'PAUL' }], birthDate: '1965-01-02', sex: 'M', documents: [{ issuingState: 'FRA', type: 'passport', number: '12AB34567' }] };
    await createAlert(t.deps, as('ITA'), { kind: 'person', category: 'missing', person, visibility: { mode: 'all' } });
    expect(await catchUp()).toBe(0);
    expect(await retroHits()).toEqual([]);
  });

  it('forgets a flight traveller’s place with the query when the lookback has passed without a hit', async () => {
    const flight = await screenFlight(t.deps, as('DEU', 'frontline'), { paxlst: D02B_TWO_LEGS });
    const ids = flight.travellers.flatMap((tr) => (tr.screeningId ? [tr.screeningId] : []));
    const rows = () => t.deps.db.selectFrom('screenings').select(['query', 'place']).where('id', 'in', ids).execute();
    expect((await rows()).every((r) => r.place !== null)).toBe(true);
    later(73);
    expect(await forgetScreeningQueries(t.deps)).toBe(ids.length);
    expect(await rows()).toEqual(ids.map(() => ({ query: '{}', place: null })));
  });
});
