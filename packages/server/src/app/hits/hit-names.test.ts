import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, as, documentAlert, domainError, openTestDeps, type TestContext } from '../../../test/engines.js';
import type { Ctx } from '../deps.js';
import { createAlert } from '../create-alert.js';
import { createKey } from '../manage-keys.js';
import { addUser } from '../manage-users.js';
import { screen } from '../screen.js';
import { getHit } from './get-hit.js';
import { listHits } from './list-hits.js';
import { recordHitOutcome } from './record-outcome.js';
import { sendHitForm } from './send-hit-form.js';
import { decideReview } from '../review/decide-review.js';
import { updateAlert } from '../update-alert.js';

/**
 * A bureau reads a hit by who or what it is on (not by alert id), which members are party to it,
 * and which of its users screened; a frontline reader of a discreet check never learns the name,
 * and a hit on an alert hidden from the frontline names nothing to the frontline.
 */
describe.each(ENGINES)('hits named on %s', (engine) => {
  let t: TestContext;
  const hitOf = async (screeningId: string) => (await t.deps.db.selectFrom('hits').select('id').where('screening_id', '=', screeningId).executeTakeFirstOrThrow()).id;

  beforeEach(async () => {
    t = await openTestDeps(engine);
  });
  afterEach(async () => t.close());

  it('names the subject of a person, a document and a vehicle alert, both members, and the user who screened', async () => {
    await createAlert(t.deps, as('FRA'), {
      kind: 'person',
      category: 'missing',
      person: { names: [{ family: 'ERIKSSON', given: 'ANNA MARIA', type: 'alias' }, { full: 'Анна Эрикссон', family: 'ERIKSSON', given: 'ANNA', script: 'Cyrl' }], birthDate: '1974-08-12', sex: 'F', warnings: ['escape-risk'] },
      action: 'Locate and inform the FRA bureau.',
      visibility: { mode: 'all' },
    });
    await createAlert(t.deps, as('FRA'), documentAlert('FRA', '12AB34567'));
    await createAlert(t.deps, as('FRA'), { kind: 'vehicle', vehicle: { plate: 'AB-123-CD', plateCountry: 'FRA', make: 'Peugeot', model: '308' }, visibility: { mode: 'all' } });
    const user = await addUser(t.deps, as('IPO', 'admin'), { username: 'deu.desk', member: 'DEU', role: 'frontline', password: 'correct horse battery' });
    const desk: Ctx = { actor: { member: 'DEU', role: 'frontline', credential: `user:${user.id}` }, requestId: 'req-desk' };
    const person = await hitOf((await screen(t.deps, desk, { person: { names: ['Anna Eriksson'], birthDate: '1974-08-12' } })).screeningId);
    const document = await hitOf((await screen(t.deps, desk, { documents: [{ number: '12AB34567', issuingState: 'FRA' }] })).screeningId);
    const vehicle = await hitOf((await screen(t.deps, desk, { vehicle: { plate: 'AB-123-CD', plateCountry: 'FRA' } })).screeningId);

    const owner = await listHits(t.deps, as('FRA'), {});
    const byId = new Map(owner.items.map((i) => [i.id, i]));
    // The primary name (the first one not typed an alias), as written, with the birth date and category.
    expect(byId.get(person)!.subject).toEqual({ kind: 'person', category: 'missing', name: { full: 'Анна Эрикссон', family: 'ERIKSSON', given: 'ANNA', script: 'Cyrl' }, birthDate: '1974-08-12' });
    expect(byId.get(document)!.subject).toEqual({ kind: 'document', documentType: 'passport', number: '12AB34567', issuingState: 'FRA', status: 'stolen-issued' });
    expect(byId.get(vehicle)!.subject).toEqual({ kind: 'vehicle', plate: 'AB-123-CD', plateCountry: 'FRA', make: 'Peugeot', model: '308' });
    // A country's alpha-2 code lets the page name it in the reader's language.
    for (const item of owner.items) expect(item).toMatchObject({ owner: 'FRA', ownerName: 'France', ownerAlpha2: 'FR', screeningMember: 'DEU', screeningMemberName: 'Germany', screeningMemberAlpha2: 'DE' });
    // The user who screened is named to its own member only, by username.
    expect(owner.items.every((i) => i.screenedBy === undefined && i.screenedByName === undefined)).toBe(true);
    const own = await listHits(t.deps, desk, {});
    expect(own.items.map((i) => i.screenedByName)).toEqual(['deu.desk', 'deu.desk', 'deu.desk']);

    // A key is named by its label (the page calls it a key in the reader's language).
    const key = await createKey(t.deps, as('IPO', 'admin'), { member: 'DEU', role: 'frontline', label: 'gate-7' });
    const gate: Ctx = { actor: { member: 'DEU', role: 'frontline', credential: `key:${key.id}` }, requestId: 'req-gate' };
    const byKey = await hitOf((await screen(t.deps, gate, { documents: [{ number: '12AB34567', issuingState: 'FRA' }] })).screeningId);
    expect((await getHit(t.deps, gate, byKey)).screenedByName).toBe('gate-7');
    // A key without a label by its public prefix, never left as a bare id.
    const unlabelled = await createKey(t.deps, as('IPO', 'admin'), { member: 'DEU', role: 'frontline' });
    const bare: Ctx = { actor: { member: 'DEU', role: 'frontline', credential: `key:${unlabelled.id}` }, requestId: 'req-bare' };
    const byBare = await hitOf((await screen(t.deps, bare, { documents: [{ number: '12AB34567', issuingState: 'FRA' }] })).screeningId);
    expect((await getHit(t.deps, bare, byBare)).screenedByName).toBe(unlabelled.prefix);

    // The thread and the answer to recording an outcome carry the same names.
    expect(await getHit(t.deps, as('FRA'), person)).toMatchObject({ subject: byId.get(person)!.subject, ownerName: 'France', screeningMemberName: 'Germany' });
    const recorded = await recordHitOutcome(t.deps, desk, document, { outcome: 'confirmed', note: 'passport seized' });
    expect(recorded).toMatchObject({ subject: { kind: 'document', number: '12AB34567' }, screenedByName: 'deu.desk', outcome: { by: `user:${user.id}`, byName: 'deu.desk' } });

    // A form is signed with its sender's name, for the sending member only.
    const bureauKey = await createKey(t.deps, as('IPO', 'admin'), { member: 'DEU', role: 'bureau', label: 'deu-sirene' });
    const bureau: Ctx = { actor: { member: 'DEU', role: 'bureau', credential: `key:${bureauKey.id}` }, requestId: 'req-bureau' };
    expect(await sendHitForm(t.deps, bureau, document, { form: 'G', handlingCode: 'H1', text: 'Passport held at the desk' })).toMatchObject({ createdBy: `key:${bureauKey.id}`, createdByName: 'deu-sirene' });
    expect((await getHit(t.deps, as('DEU'), document)).forms[0]).toMatchObject({ createdByName: 'deu-sirene' });
    expect((await getHit(t.deps, as('FRA'), document)).forms[0]).not.toHaveProperty('createdByName');
  });

  it('gives a frontline reader of a discreet check its instruction and never the subject; a bureau gets the name', async () => {
    await createAlert(t.deps, as('FRA'), { kind: 'person', category: 'discreet-check', person: { names: [{ family: 'KOWALSKI', given: 'JAN' }], birthDate: '1975-04-03' }, visibility: { mode: 'all' } });
    const hit = await hitOf((await screen(t.deps, as('DEU', 'frontline'), { person: { names: ['Jan Kowalski'], birthDate: '1975-04-03' } })).screeningId);

    const answers = [
      await listHits(t.deps, as('DEU', 'frontline'), {}),
      await getHit(t.deps, as('DEU', 'frontline'), hit),
      await recordHitOutcome(t.deps, as('DEU', 'frontline'), hit, { outcome: 'confirmed', note: 'reported to the bureau' }),
    ];
    for (const answer of answers) {
      const text = JSON.stringify(answer);
      expect(text).not.toMatch(/KOWALSKI|JAN|1975/);
      expect(text).not.toContain('"subject"');
      // Members are no secret: the desk knows whom to report to.
      expect(text).toContain('"ownerName":"France"');
    }
    expect((await getHit(t.deps, as('DEU', 'frontline'), hit)).action).toBeDefined();

    // The screening bureau and the owner read the name.
    for (const member of ['DEU', 'FRA']) {
      expect((await getHit(t.deps, as(member), hit)).subject).toEqual({ kind: 'person', category: 'discreet-check', name: { family: 'KOWALSKI', given: 'JAN' }, birthDate: '1975-04-03' });
    }
  });

  it('names nothing to the frontline of a hit on an alert hidden from it', async () => {
    await createAlert(t.deps, as('FRA'), { ...documentAlert('FRA', '77HID0001'), hiddenFromFrontline: true });
    const hit = await hitOf((await screen(t.deps, as('DEU', 'bureau'), { documents: [{ number: '77HID0001', issuingState: 'FRA' }] })).screeningId);
    expect(JSON.stringify(await listHits(t.deps, as('DEU', 'frontline'), {}))).not.toContain('77HID0001');
    expect((await domainError(getHit(t.deps, as('DEU', 'frontline'), hit))).kind).toBe('not-found');
    expect((await getHit(t.deps, as('DEU'), hit)).subject).toMatchObject({ number: '77HID0001' });
  });
  it('names the version the screening member was shown: an edit back under review or after narrowing who sees the alert does not reach it', async () => {
    const arrest = { kind: 'person', category: 'arrest', person: { names: [{ family: 'LEBRUN', given: 'PAUL' }], birthDate: '1965-01-02' }, offence: { description: 'Armed robbery', maxSentenceYears: 10 }, visibility: { mode: 'all' } };
    const alert = await createAlert(t.deps, as('FRA'), arrest);
    await decideReview(t.deps, as('IPO', 'reviewer'), alert.id, { decision: 'approve', reason: 'meets the rules' });
    const hit = await hitOf((await screen(t.deps, as('DEU'), { person: { names: ['Paul Lebrun'], birthDate: '1965-01-02' } })).screeningId);
    const screened = { kind: 'person', category: 'arrest', name: { family: 'LEBRUN', given: 'PAUL' }, birthDate: '1965-01-02' };

    // The owner edits the name and birth date and raises a flag: the alert is back under review,
    // and what it now says stays between the owner and review.
    const edited = await updateAlert(t.deps, as('FRA'), alert.id, { person: { names: [{ family: 'DURAND', given: 'LUC' }], birthDate: '1966-03-04' }, offence: { description: 'Armed robbery and desertion', maxSentenceYears: 10 } });
    expect(edited.status).toBe('pending-review');
    for (const answer of [await getHit(t.deps, as('DEU'), hit), await listHits(t.deps, as('DEU'), {})]) {
      const text = JSON.stringify(answer);
      expect(text).not.toMatch(/DURAND|LUC|1966/);
      expect(text).toContain('LEBRUN');
    }
    expect((await getHit(t.deps, as('DEU'), hit)).subject).toEqual(screened);
    // The owner reads its alert as it is now.
    expect((await getHit(t.deps, as('FRA'), hit)).subject).toMatchObject({ name: { family: 'DURAND', given: 'LUC' }, birthDate: '1966-03-04' });

    // Approved again, it is the alert DEU may read: its hit names it as it now is.
    await decideReview(t.deps, as('IPO', 'reviewer'), alert.id, { decision: 'approve', reason: 'meets the rules' });
    expect((await getHit(t.deps, as('DEU'), hit)).subject).toMatchObject({ name: { family: 'DURAND', given: 'LUC' } });

    // The owner no longer shares it with DEU and renames the subject: DEU keeps its hit, named
    // by the version it screened, never by what the alert said after it was withdrawn from DEU.
    await updateAlert(t.deps, as('FRA'), alert.id, { visibility: { mode: 'only', members: ['ITA'] } });
    await updateAlert(t.deps, as('FRA'), alert.id, { person: { names: [{ family: 'MARTIN', given: 'NOE' }], birthDate: '1967-05-06' } });
    const afterNarrowing = [await getHit(t.deps, as('DEU'), hit), await listHits(t.deps, as('DEU'), {})];
    for (const answer of afterNarrowing) expect(JSON.stringify(answer)).not.toMatch(/MARTIN|NOE|1967|DURAND/);
    expect((await getHit(t.deps, as('DEU'), hit)).subject).toEqual(screened);
    expect((await getHit(t.deps, as('FRA'), hit)).subject).toMatchObject({ name: { family: 'MARTIN', given: 'NOE' } });
  });
});
