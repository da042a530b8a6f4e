import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INQUIRY_CHECK_ACTION, PREVENTIVE_ACTION, RETURN_DECISION_ACTION } from '@crosscheck/core';
import { ENGINES, as, domainError, openTestDeps, type TestContext } from '../../../test/engines.js';
import { eventsAfter } from '../../store/event-repo.js';
import { queryAudit } from '../../store/audit-repo.js';
import { createAlert } from '../create-alert.js';
import { updateAlert } from '../update-alert.js';
import { extendAlert } from '../retention/extend-alert.js';
import { expirePastReview } from '../retention/expire-past-review.js';
import { getAlert } from '../get-alert.js';
import { screen } from '../screen.js';
import { answerInquiry } from './answer-inquiry.js';
import { getHit } from './get-hit.js';
import { recordHitOutcome } from './record-outcome.js';

// The SIS recast person categories end to end on each engine: their required sections, review
// dates, instructions, the inquiry check's answers and the return decision's departure.

const person = (family: string, category: string, extra: Record<string, unknown> = {}, birthDate = '1980-05-17') => ({
  kind: 'person',
  category,
  person: { names: [{ family, given: 'ALEX' }], birthDate },
  visibility: { mode: 'all' },
  ...extra,
});
const QUESTIONS = ['Where are you travelling to?', 'Who paid for the ticket?'];

describe.each(ENGINES)('SIS recast categories on %s', (engine) => {
  let t: TestContext;
  let now: Date;

  beforeEach(async () => {
    now = new Date('2026-03-01T08:00:00.000Z');
    t = await openTestDeps(engine, () => now);
  });
  afterEach(async () => t.close());

  const fieldsOf = async (p: Promise<unknown>) => {
    const e = await domainError(p);
    expect(e.kind).toBe('validation');
    return e.problems.map((x) => x.field);
  };
  const hitOf = async (screeningId: string) => (await t.deps.db.selectFrom('hits').select('id').where('screening_id', '=', screeningId).executeTakeFirstOrThrow()).id;

  it('requires each category’s section, refuses it on any other category, and checks what it holds', async () => {
    expect(await fieldsOf(createAlert(t.deps, as('FRA'), person('RETOUR', 'return-decision')))).toEqual(['returnDecision']);
    expect(await fieldsOf(createAlert(t.deps, as('FRA'), person('ENQUETE', 'inquiry-check')))).toEqual(['inquiry']);
    expect(await fieldsOf(createAlert(t.deps, as('FRA'), person('PROTEGE', 'preventive')))).toEqual(['preventive']);
    expect(await fieldsOf(createAlert(t.deps, as('FRA'), person('WANTED', 'arrest', { returnDecision: { decidedOn: '2026-02-01', leaveBy: '2026-04-01' } })))).toEqual(['returnDecision']);
    expect(await fieldsOf(createAlert(t.deps, as('FRA'), person('RETOUR', 'return-decision', { returnDecision: { decidedOn: '2026-02-01', leaveBy: '2026-01-01' } })))).toEqual(['returnDecision.leaveBy']);
    expect(await fieldsOf(createAlert(t.deps, as('FRA'), person('ENQUETE', 'inquiry-check', { inquiry: { questions: Array.from({ length: 21 }, (_, i) => `Q${i}`) } })))).toEqual(['inquiry.questions']);
    // A child-abduction alert protects a minor; an adult at risk is a vulnerable person.
    expect(await fieldsOf(createAlert(t.deps, as('FRA'), person('ADULTE', 'preventive', { preventive: { subject: 'child-abduction-risk' } }, '1990-01-01')))).toEqual(['person.birthDate']);
    // Never a wanted person's warrant or offence.
    expect(await fieldsOf(createAlert(t.deps, as('FRA'), { ...person('ENFANT', 'preventive', { preventive: { subject: 'vulnerable-person' }, offence: { description: 'theft' } }), person: { names: [{ family: 'ENFANT' }], arrest: { charge: 'theft' } } }))).toEqual(['person.arrest', 'offence']);
    // Never a public (wanted or missing) notice.
    expect(await fieldsOf(createAlert(t.deps, as('FRA'), person('ENFANT', 'preventive', { preventive: { subject: 'child-abduction-risk' }, publicNotice: true }, '2019-06-01')))).toEqual(['publicNotice']);

    const made = await createAlert(t.deps, as('FRA'), person('ENQUETE', 'inquiry-check', { inquiry: { questions: QUESTIONS } }));
    // Not reviewed before publication (like a discreet check): the check itself is not coercive.
    expect(made.status).toBe('active');
    // A patch to another category must bring that category's section and drop its own.
    expect(await fieldsOf(updateAlert(t.deps, as('FRA'), made.id, { category: 'preventive' }))).toEqual(['inquiry', 'preventive']);
    const changed = await updateAlert(t.deps, as('FRA'), made.id, { category: 'preventive', inquiry: null, preventive: { subject: 'vulnerable-person', instruction: 'Call the care home' } });
    expect(changed).toMatchObject({ category: 'preventive', preventive: { subject: 'vulnerable-person', instruction: 'Call the care home' } });
    expect('inquiry' in changed).toBe(false);
  });

  it('sets each category’s review date and caps its extensions', async () => {
    // The majority check reads the wall clock (as a birth date's "not in the future" does): the
    // dates here are counted from the real today.
    now = new Date(`${new Date().toISOString().slice(0, 10)}T08:00:00.000Z`);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const shifted = (years: number, months = 0, days = 0) => {
      const d = new Date(now);
      d.setUTCFullYear(d.getUTCFullYear() + years, d.getUTCMonth() + months, d.getUTCDate() + days);
      return day(d);
    };
    const rd = (leaveBy: string) => createAlert(t.deps, as('FRA'), person('RETOUR', 'return-decision', { returnDecision: { decidedOn: shifted(0, -2), leaveBy, reference: 'OQTF-2026-17' } }));
    // Reviewed on the deadline for leaving…
    expect((await rd(shifted(0, 1, 14))).reviewDate).toBe(shifted(0, 1, 14));
    // …or 30 days on when the deadline has already passed.
    expect((await rd(shifted(0, -1))).reviewDate).toBe(shifted(0, 0, 30));
    expect((await createAlert(t.deps, as('FRA'), person('ENQUETE', 'inquiry-check', { inquiry: { questions: QUESTIONS } }))).reviewDate).toBe(shifted(1));
    // A child: one year, or the 18th birthday when it comes first; a vulnerable adult: one year.
    expect((await createAlert(t.deps, as('FRA'), person('ENFANT', 'preventive', { preventive: { subject: 'child-abduction-risk' } }, shifted(-10)))).reviewDate).toBe(shifted(1));
    const nearlyAdult = await createAlert(t.deps, as('FRA'), person('ENFANT', 'preventive', { preventive: { subject: 'child-travel-risk' } }, shifted(-18, 3)));
    expect(nearlyAdult.reviewDate).toBe(shifted(0, 3));
    expect((await createAlert(t.deps, as('FRA'), person('PERSONNE', 'preventive', { preventive: { subject: 'vulnerable-person' } }, '1940'))).reviewDate).toBe(shifted(1));
    // Extensions: a year at most, and never past majority.
    expect((await extendAlert(t.deps, as('FRA'), nearlyAdult.id, { reason: 'still at risk' })).reviewDate).toBe(shifted(0, 3));
    const inquiry = await createAlert(t.deps, as('FRA'), person('ENQUETE', 'inquiry-check', { inquiry: { questions: QUESTIONS } }));
    const late = await domainError(extendAlert(t.deps, as('FRA'), inquiry.id, { reason: 'more', reviewDate: shifted(2) }));
    expect([late.code, late.problems[0]?.field]).toEqual(['review-date.too-late', 'reviewDate']);
    // An ordinary person alert keeps its five years.
    const ordinary = await createAlert(t.deps, as('FRA'), person('AUTRE', 'missing'));
    expect(ordinary.reviewDate).toBe(shifted(5));
    // Patched into a preventive alert on a nearly adult child: reviewed on the 18th birthday, not in five years.
    const turned = await updateAlert(t.deps, as('FRA'), (await createAlert(t.deps, as('FRA'), person('DEVENU', 'missing', {}, shifted(-18, 2)))).id, { category: 'preventive', preventive: { subject: 'child-abduction-risk' } });
    expect(turned.reviewDate).toBe(shifted(0, 2));
    // A later patch within the category keeps the date.
    expect((await updateAlert(t.deps, as('FRA'), turned.id, { action: 'Call the FRA bureau' })).reviewDate).toBe(shifted(0, 2));

    // On the child's 18th birthday the protection ends (the usual expiry at the review date), the other alerts run on.
    now = new Date(`${shifted(0, 3)}T00:05:00.000Z`);
    expect(await expirePastReview(t.deps)).toBeGreaterThanOrEqual(1);
    expect(await getAlert(t.deps, as('FRA'), nearlyAdult.id)).toMatchObject({ status: 'expired' });
    expect(await getAlert(t.deps, as('FRA'), ordinary.id)).toMatchObject({ status: 'active' });
  });

  it('gives each hit the core’s instruction in words and the section the officer acts on', async () => {
    await createAlert(t.deps, as('FRA'), person('LEROUX', 'preventive', { preventive: { subject: 'child-abduction-risk', instruction: 'Keep the child with you and call +33 1 00 00 00' } }, '2017-02-03'));
    await createAlert(t.deps, as('FRA'), person('MOREAU', 'return-decision', { returnDecision: { decidedOn: '2026-02-01', leaveBy: '2026-04-01' } }));
    await createAlert(t.deps, as('FRA'), person('GARNIER', 'inquiry-check', { inquiry: { questions: QUESTIONS }, action: 'Ask the questions in French' }));
    const front = as('DEU', 'frontline');
    const preventive = (await screen(t.deps, front, { person: { names: ['LEROUX ALEX'], birthDate: '2017-02-03' } })).hits[0]!;
    expect(preventive).toMatchObject({ access: 'full', category: 'preventive', action: PREVENTIVE_ACTION });
    expect(PREVENTIVE_ACTION).not.toMatch(/wanted|arrest/i);
    const detail = await getHit(t.deps, front, preventive.hitId!);
    expect(detail.subject).toMatchObject({ kind: 'person', category: 'preventive', preventive: { subject: 'child-abduction-risk', instruction: 'Keep the child with you and call +33 1 00 00 00' } });
    expect((await screen(t.deps, front, { person: { names: ['MOREAU ALEX'], birthDate: '1980-05-17' } })).hits[0]).toMatchObject({ category: 'return-decision', action: RETURN_DECISION_ACTION });
    // The owner's own instruction wins over the core's.
    const inquiry = (await screen(t.deps, front, { person: { names: ['GARNIER ALEX'], birthDate: '1980-05-17' } })).hits[0]!;
    expect(inquiry).toMatchObject({ category: 'inquiry-check', action: 'Ask the questions in French' });
    expect(INQUIRY_CHECK_ACTION).toContain('inquiry check');
  });

  it('lets only the screening member answer an inquiry check, and brings the answers to the owner as a G form with an event', async () => {
    const alert = await createAlert(t.deps, as('FRA'), person('GARNIER', 'inquiry-check', { inquiry: { questions: QUESTIONS } }));
    const r = await screen(t.deps, as('DEU', 'frontline'), { person: { names: ['GARNIER ALEX'], birthDate: '1980-05-17' } });
    const hitId = await hitOf(r.screeningId);
    // The screening member's officers read the questions on the hit.
    expect((await getHit(t.deps, as('DEU', 'frontline'), hitId)).subject).toMatchObject({ inquiry: { questions: QUESTIONS } });

    const owner = await domainError(answerInquiry(t.deps, as('FRA'), hitId, { answers: ['a', 'b'] }));
    expect([owner.kind, owner.code]).toEqual(['forbidden', 'hit.answers-not-yours']);
    expect((await domainError(answerInquiry(t.deps, as('ITA'), hitId, { answers: ['a', 'b'] }))).kind).toBe('not-found');
    const analyst = await domainError(answerInquiry(t.deps, as('DEU', 'analyst'), hitId, { answers: ['a', 'b'] }));
    expect(analyst.kind).toBe('forbidden');
    const count = await domainError(answerInquiry(t.deps, as('DEU', 'frontline'), hitId, { answers: ['only one'] }));
    expect([count.kind, count.problems[0]?.field]).toEqual(['validation', 'answers']);

    const before = (await eventsAfter(t.deps.db, 'FRA', 0, 100)).length;
    const form = await answerInquiry(t.deps, as('DEU', 'frontline'), hitId, { answers: ['To Lisbon', 'His employer'], handlingCode: 'H2', note: 'Calm, cooperative' });
    expect(form).toMatchObject({ form: 'G', from: 'DEU', to: 'FRA', handlingCode: 'H2', text: 'Calm, cooperative', answers: [{ question: QUESTIONS[0], answer: 'To Lisbon' }, { question: QUESTIONS[1], answer: 'His employer' }] });
    expect(form.replyDueAt).not.toBeNull();

    const seen = await getHit(t.deps, as('FRA'), hitId);
    expect(seen.forms).toEqual([expect.objectContaining({ id: form.id, form: 'G', answers: form.answers })]);
    const events = (await eventsAfter(t.deps.db, 'FRA', 0, 100)).slice(before);
    expect(events.map((e) => [e.type, e.data])).toEqual([['hit.updated', { hitId, alertId: alert.id, form: 'G', formId: form.id, answers: 2 }]]);
    const audit = await queryAudit(t.deps.db, { action: 'hit.answer-inquiry', limit: 10 });
    expect(audit.map((e) => e.outcome)).toContain('ok');

    // A hit on any other category has no questions.
    await createAlert(t.deps, as('FRA'), person('MARCHAND', 'missing'));
    const other = await hitOf((await screen(t.deps, as('DEU', 'frontline'), { person: { names: ['MARCHAND ALEX'], birthDate: '1980-05-17' } })).screeningId);
    expect((await domainError(answerInquiry(t.deps, as('DEU', 'frontline'), other, { answers: ['x'] }))).code).toBe('hit.not-inquiry-check');
  });

  it('records "left the territory" on a return decision’s hit only, and tells the owner', async () => {
    const alert = await createAlert(t.deps, as('FRA'), person('MOREAU', 'return-decision', { returnDecision: { decidedOn: '2026-02-01', leaveBy: '2026-04-01' } }));
    await createAlert(t.deps, as('FRA'), person('GARNIER', 'inquiry-check', { inquiry: { questions: QUESTIONS } }));
    const front = as('DEU', 'frontline');
    const left = await hitOf((await screen(t.deps, front, { person: { names: ['MOREAU ALEX'], birthDate: '1980-05-17' } })).screeningId);
    const inquiry = await hitOf((await screen(t.deps, front, { person: { names: ['GARNIER ALEX'], birthDate: '1980-05-17' } })).screeningId);
    const refused = await domainError(recordHitOutcome(t.deps, front, inquiry, { outcome: 'left-territory', note: 'boarded' }));
    expect([refused.kind, refused.problems[0]?.field]).toEqual(['validation', 'outcome']);
    const done = await recordHitOutcome(t.deps, front, left, { outcome: 'left-territory', note: 'Boarded LH 1234 to Lagos' });
    expect(done.outcome).toMatchObject({ outcome: 'left-territory', note: 'Boarded LH 1234 to Lagos' });
    const events = (await eventsAfter(t.deps.db, 'FRA', 0, 100)).filter((e) => e.type === 'hit.updated').map((e) => e.data);
    expect(events).toContainEqual({ hitId: left, alertId: alert.id, outcome: 'left-territory' });
  });
});
